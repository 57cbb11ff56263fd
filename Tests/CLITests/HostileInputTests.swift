import Foundation
import XCTest

/// Inputs a hostile (or hurried) user gives: each ends with a located error and its
/// documented status, and nothing the user had is touched (issue 22).
final class HostileInputTests: CLITestCase {
    /// The folder's entries and their contents, to show that a command left them alone.
    private func snapshot(_ url: URL) throws -> [String: Data] {
        let names = try FileManager.default.contentsOfDirectory(atPath: url.path)
        return Dictionary(uniqueKeysWithValues: try names.map { name in
            let path = url.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory)
            return (name, isDirectory.boolValue ? Data("folder".utf8) : try Data(contentsOf: path))
        })
    }

    func testAnEmptyOrBlankPathIsAUsageErrorInEveryCommandAndTouchesNothing() throws {
        let work = folder.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try "keep me".write(to: work.appendingPathComponent("sentinel.txt"), atomically: true, encoding: .utf8)
        let root = CCSimProcess.root.path
        let scenarioFile = scenario!
        let shifts = root + "/Scenarios/month/single-skill-shifts.yaml", week = root + "/Scenarios/month/single-skill-week.yaml"
        let history = folder.appendingPathComponent("history.csv").path
        XCTAssertEqual(try CCSimProcess.run(["history", "--days", "21", "--call-types", "1", "--out", history]).status, 0)
        let part = folder.appendingPathComponent("part").path
        XCTAssertEqual(try CCSimProcess.run(["run", scenarioFile, "--shard", "1/2", "--out", part]).status, 0)
        let before = try snapshot(work)
        for blank in ["", " ", "\t"] {
            let commands: [[String]] = [
                ["run", scenarioFile, "--out", blank], ["run", scenarioFile, "--report", blank], ["run", blank],
                ["run", scenarioFile, "--shard", "1/2", "--out", blank], ["merge", part, "--out", blank], ["merge", blank],
                ["forecast", history, "--out", blank], ["forecast", blank, "--out", "f"], ["forecast", history, "--calendar", blank],
                ["staff", scenarioFile, "--out", blank], ["roster", week, "--shifts", shifts, "--erlang-requirements", "--out", blank],
                ["roster", week, "--shifts", blank], ["roster", week, "--shifts", shifts, "--agents", blank],
                ["history", "--days", "3", "--out", blank], ["sweep", scenarioFile, "--vary", "seats=30..40:10", "--out", blank],
                ["compare", scenarioFile, "--variants", "base,busier", "--report", blank], ["validate", blank],
                ["capacity", scenarioFile, "--resource", "seats", "--target", "service_level>=0.5", "--report", blank],
            ]
            for arguments in commands {
                let outcome = try CCSimProcess.run(arguments, in: work)
                XCTAssertEqual(outcome.status, 64, "\(arguments): \(outcome.stderr)")
                XCTAssertTrue(outcome.stderr.contains("names no file or folder"), "\(arguments): \(outcome.stderr)")
                XCTAssertEqual(try snapshot(work), before, "\(arguments) touched the working folder")
            }
        }
    }

    func testTheWorkingFolderOrOneAboveItIsNeverReplaced() throws {
        try "keep me".write(to: folder.appendingPathComponent(".ccsim-output"), atomically: true, encoding: .utf8)
        for out in [".", folder.path, "/"] {
            let outcome = try CCSimProcess.run(["run", scenario, "--out", out, "--force"], in: folder)
            XCTAssertEqual(outcome.status, 73, "\(out): \(outcome.stderr)")
            XCTAssertTrue(outcome.stderr.contains("is the current folder or holds it"), outcome.stderr)
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: scenario))
    }

    func testAFolderOrADeviceAsAnInputIsNamedPlainly() throws {
        let cases: [([String], String)] = [
            (["forecast", folder.path, "--out", "x"], "is a folder, not a CSV file"),
            (["run", folder.path], "is a folder, not a YAML file"),
            (["roster", "Scenarios/month/single-skill-week.yaml", "--shifts", "Scenarios/month/single-skill-shifts.yaml",
              "--agents", folder.path], "is a folder, not a CSV file"),
            (["merge", "/dev/null"], "not a part written by"),
            (["forecast", "/dev/null", "--out", "x"], "no header"),
        ]
        for (arguments, expected) in cases {
            let outcome = try CCSimProcess.run(arguments)
            XCTAssertEqual(outcome.status, 65, "\(arguments): \(outcome.stderr)")
            XCTAssertTrue(outcome.stderr.contains(expected), "\(arguments): \(outcome.stderr)")
            XCTAssertFalse(outcome.stderr.contains("NSCocoaErrorDomain"), outcome.stderr)
        }
    }

    func testAFloodedQueueEndsWithAnErrorNamingTheCallTypeAndInterval() throws {
        var messages: Set<String> = []
        for threads in ["1", "2"] {
            let outcome = try CCSimProcess.run(["run", scenario, "--set", "call_types.general.arrivals.per_hour=1e7",
                                                "--set", "trunks=100000000", "--set", "ivr.ports=100000000",
                                                "--threads", threads, "--out", folder.appendingPathComponent("o").path])
            XCTAssertEqual(outcome.status, 65, outcome.stderr)
            XCTAssertTrue(outcome.stderr.contains("call type `general`: the backlog explodes in interval 00:00 (replication 0)"),
                          outcome.stderr)
            messages.insert(outcome.stderr)
        }
        XCTAssertEqual(messages.count, 1, "the same error whatever the number of threads")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("o").path))
    }

    func testADuplicateHistoryColumnIsRefusedWithBothColumns() throws {
        let history = folder.appendingPathComponent("dup.csv")
        try "start,call_type,offered,Offered\n2026-03-02T08:00,general,10,12\n".write(to: history, atomically: true, encoding: .utf8)
        let outcome = try CCSimProcess.run(["forecast", history.path, "--out", folder.appendingPathComponent("f").path])
        XCTAssertEqual(outcome.status, 65)
        XCTAssertTrue(outcome.stderr.contains("dup.csv:1: columns 3 and 4 are both `offered`"), outcome.stderr)
    }

    func testAForecastBeyondTheLimitsNamesTheHistoryAndCalendar() throws {
        let history = folder.appendingPathComponent("huge.csv"), calendar = folder.appendingPathComponent("events.csv")
        var rows: [String] = []
        for day in 1...14 {
            for half in 0..<48 {
                let day2 = day < 10 ? "0\(day)" : "\(day)", hour = half / 2 < 10 ? "0\(half / 2)" : "\(half / 2)"
                rows.append("2026-03-\(day2)T\(hour):\(half % 2 == 0 ? "00" : "30"),general,9000000")
            }
        }
        try (["start,call_type,offered"] + rows).joined(separator: "\n").write(to: history, atomically: true, encoding: .utf8)
        try "date,name,factor\n2026-03-20,storm,3\n".write(to: calendar, atomically: true, encoding: .utf8)
        let outcome = try CCSimProcess.run(["forecast", history.path, "--calendar", calendar.path, "--horizon", "366d",
                                            "--out", folder.appendingPathComponent("f").path])
        XCTAssertEqual(outcome.status, 65, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("huge.csv and \(calendar.path): the forecast's scenario.yaml does not load — "
            + "call_types: about"), outcome.stderr)
        XCTAssertFalse(outcome.stderr.contains("scenario:"), outcome.stderr)
    }

    func testStaffOnASingleSkillCentreReturnsTheErlangARequirementAsFeasible() throws {
        let outcome = try CCSimProcess.run(["staff", "Scenarios/erlang-a-day.yaml"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("Erlang A per call type (one skill per group)"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("no interval misses a target with confidence"), outcome.stdout)
    }

    func testCapacityThatFindsNoAmountExitsTwo() throws {
        let outcome = try CCSimProcess.run(["capacity", scenario, "--resource", "agents:team", "--maximum", "5",
                                            "--target", "service_level>=0.8"])
        XCTAssertEqual(outcome.status, 2, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("no amount up to 5 meets the targets"), outcome.stdout)
    }

    /// Agents whose calendars would be one file are refused with their agents.csv lines,
    /// before anything is written.
    func testAgentsWhoseCalendarsCollideAreRefusedWithTheirLines() throws {
        let agents = folder.appendingPathComponent("agents.csv")
        let ids = ["a/b", "a:b", "a\\b", "😀"] + (1...60).map { "agent\($0)" }
        try (["id,groups,contract"] + ids.map { "\($0),agents,five-day" }).joined(separator: "\n")
            .write(to: agents, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("month")
        let outcome = try CCSimProcess.run(["roster", "Scenarios/month/single-skill-week.yaml", "--shifts",
                                            "Scenarios/month/single-skill-shifts.yaml", "--agents", agents.path,
                                            "--erlang-requirements", "--out", out.path])
        XCTAssertEqual(outcome.status, 65, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("agents.csv:3:1: id: agent `a:b` and agent `a/b` (line 2) would share the calendar "
            + "calendars/a_b.ics"), outcome.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    /// Rest between shifts that no tours can keep everywhere: the best roster that keeps
    /// it is written, short, with the shortfall per interval, and status 2.
    func testARestNoTourCanKeepWritesTheBestRosterShortWithStatusTwo() throws {
        let shifts = folder.appendingPathComponent("shifts.yaml")
        let text = try String(contentsOfFile: CCSimProcess.root.appendingPathComponent("Scenarios/month/single-skill-shifts.yaml").path,
                              encoding: .utf8)
        try (text + "    min_rest: 961m\n").write(to: shifts, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("month")
        let outcome = try CCSimProcess.run(["roster", "Scenarios/month/single-skill-week.yaml", "--shifts", shifts.path,
                                            "--erlang-requirements", "--out", out.path])
        XCTAssertEqual(outcome.status, 2, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("the least rest between shifts"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("the best roster that keeps every rule falls short by 6.0 agent-hours in 2 (group, interval) pairs"),
                      outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("SHORT of the requirement by 6.0 agent-hours"), outcome.stdout)
        let coverage = try String(contentsOf: out.appendingPathComponent("coverage.csv"), encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(coverage.first, "date,weekday,day,time,agent_group,required,required_scheduled,planned,difference,short")
        XCTAssertEqual(coverage.filter { !$0.hasSuffix(",0") }.count, 1 + 2, "the header and the two intervals short")
        XCTAssertTrue(try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8).contains("Shortfall"))
        let json = try CCSimProcess.run(["roster", "Scenarios/month/single-skill-week.yaml", "--shifts", shifts.path,
                                         "--erlang-requirements", "--json"])
        XCTAssertEqual(json.status, 2)
        let shortfall = try XCTUnwrap(try json.json()["shortfall"] as? [String: Any])
        XCTAssertEqual(try XCTUnwrap(shortfall["agent_hours"] as? Double), 6, accuracy: 1e-9)
        XCTAssertEqual((shortfall["intervals"] as? [Any])?.count, 2)
    }
}
