import Foundation
import XCTest

/// Every subcommand run as a user runs it: success, the shape of `--json`, bad
/// arguments (status 64 with the usage) and bad input (status 1 with `error: …`).
final class CommandLineTests: CLITestCase {
    func testRunPrintsTheTableWritesTheOutputsAndItsJSONIsTheSummary() throws {
        let out = folder.appendingPathComponent("out").path
        let table = try CCSimProcess.run(["run", scenario, "--out", out, "--report", out + ".html", "--threads", "1"])
        XCTAssertEqual(table.status, 0, table.stderr)
        XCTAssertTrue(table.stdout.hasPrefix("CLI test centre: 4 replications, seed 3"), table.stdout)
        for name in ["summary.json", "intervals.csv", "agent_groups.csv"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/" + name), name)
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + ".html"))
        let json = try CCSimProcess.run(["run", scenario, "--json", "--threads", "2"]).json()
        XCTAssertEqual(json["replications"] as? Int, 4)
        XCTAssertEqual(json["seed"] as? Int, 3)
        for key in ["call_types", "agent_groups", "total", "trunks", "seats", "targets"] { XCTAssertNotNil(json[key], key) }
        let written = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json")))
        XCTAssertEqual((written as? [String: Any])?["total"] as? NSDictionary, json["total"] as? NSDictionary,
                       "the same results whatever the threads")
    }

    func testRunRefusesToReplaceOutputsWithoutForce() throws {
        let out = folder.appendingPathComponent("out").path
        XCTAssertEqual(try CCSimProcess.run(["run", scenario, "--out", out]).status, 0)
        let again = try CCSimProcess.run(["run", scenario, "--out", out])
        XCTAssertEqual(again.status, 73)
        XCTAssertTrue(again.stderr.hasPrefix("error: "), again.stderr)
        XCTAssertEqual(try CCSimProcess.run(["run", scenario, "--out", out, "--force"]).status, 0)
    }

    func testValidateReportsTheSizeAndTheVariants() throws {
        let text = try CCSimProcess.run(["validate", scenario])
        XCTAssertEqual(text.status, 0)
        XCTAssertTrue(text.stdout.contains("ok — 1 call types, 1 agent groups, 4 intervals, 4 replications"), text.stdout)
        let json = try CCSimProcess.run(["validate", scenario, "--json"]).json()
        XCTAssertEqual(json["ok"] as? Bool, true)
        XCTAssertEqual(json["call_types"] as? Int, 1)
        XCTAssertEqual(json["intervals"] as? Int, 4)
        XCTAssertEqual(json["variants"] as? [String], ["busier"])
    }

    func testAScenarioErrorNamesTheFileAndLineAndExitsWith65() throws {
        let broken = try CCSimProcess.smallScenario(in: folder, extra: "handle_tim: 3\n")
        let outcome = try CCSimProcess.run(["validate", broken])
        XCTAssertEqual(outcome.status, 65)
        XCTAssertTrue(outcome.stderr.hasPrefix("error: \(broken):"), outcome.stderr)
        XCTAssertEqual(outcome.stdout, "")
        let badSetting = try CCSimProcess.run(["run", scenario, "--set", "seats=abc"])
        XCTAssertEqual(badSetting.status, 65)
        XCTAssertTrue(badSetting.stderr.contains("seats"), badSetting.stderr)
    }

    func testBadArgumentsExitWith64AndTheUsage() throws {
        for arguments in [["run"], ["run", "x.yaml", "--threads", "0"], ["erlang", "c", "--per-hour", "100", "--aht", "180"],
                          ["capacity", "x.yaml", "--resource", "chairs", "--target", "service_level>=0.8"],
                          ["sweep", "x.yaml", "--vary", "seats=10..5"], ["frobnicate"]] {
            let outcome = try CCSimProcess.run(arguments)
            XCTAssertEqual(outcome.status, 64, arguments.joined(separator: " "))
            XCTAssertTrue(outcome.stderr.contains("Usage") || outcome.stderr.contains("Error"), outcome.stderr)
        }
    }

    func testHelpIsPrintedForEveryCommand() throws {
        for command in ["", "run", "validate", "compare", "sweep", "capacity", "staff", "roster", "erlang", "bench"] {
            let outcome = try CCSimProcess.run(command.isEmpty ? ["--help"] : [command, "--help"])
            XCTAssertEqual(outcome.status, 0, command)
            XCTAssertTrue(outcome.stdout.contains("USAGE: ccsim"), "\(command): \(outcome.stdout.prefix(200))")
        }
        let version = try CCSimProcess.run(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertFalse(version.stdout.isEmpty)
    }

    func testCompareGivesPairedDifferencesOfTheVariants() throws {
        let outcome = try CCSimProcess.run(["compare", scenario, "--variants", "base,busier", "--json"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertFalse(try outcome.json().isEmpty)
        let table = try CCSimProcess.run(["compare", scenario])
        XCTAssertEqual(table.status, 0, table.stderr)
        XCTAssertTrue(table.stdout.contains("busier"), table.stdout)
    }

    func testSweepWritesOneRowPerPoint() throws {
        let csv = folder.appendingPathComponent("sweep.csv").path
        let outcome = try CCSimProcess.run(["sweep", scenario, "--vary", "agent_groups.team.agents=15..17", "--out", csv, "--json"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual((try outcome.json()["points"] as? [Any])?.count, 3)
        XCTAssertEqual(try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").count, 4)
    }

    func testCapacityFindsTheSmallestAmountAndSaysWhenNoneSuffices() throws {
        let found = try CCSimProcess.run(["capacity", scenario, "--resource", "agents:team", "--target", "service_level>=0.5",
                                          "--over", "day", "--json"]).json()
        let smallest = try XCTUnwrap(found["smallest"] as? Int)
        XCTAssertTrue((1...17).contains(smallest), "\(smallest)")
        XCTAssertNotNil(found["curve"] as? [Any])
        let none = try CCSimProcess.run(["capacity", scenario, "--resource", "agents:team", "--target", "service_level>=0.99",
                                         "--maximum", "4"])
        XCTAssertTrue(none.stdout.contains("no amount up to 4 meets the targets"), none.stdout)
        XCTAssertEqual(none.status, 2, "a target not reached")
    }

    /// With targets in every interval, the report charts the worst interval of the
    /// window, the figure the targets are judged on.
    func testCapacityReportChartsTheWorstIntervalOfTheWindow() throws {
        let report = folder.appendingPathComponent("capacity.html").path
        let outcome = try CCSimProcess.run(["capacity", scenario, "--resource", "agents:team", "--target", "service_level>=0.5",
                                            "--over", "interval", "--between", "01:00-03:00", "--report", report])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let html = try String(contentsOfFile: report, encoding: .utf8)
        XCTAssertTrue(html.contains("service_level in the worst interval starting 01:00–03:00 against agents:team"), html)
        XCTAssertTrue(html.contains("The worst interval of each point"))
    }

    func testStaffAndRosterPlanTheMultiSkillExample() throws {
        let staff = try CCSimProcess.run(["staff", "Scenarios/mobile-multiskill.yaml", "--replications", "2", "--json"])
        XCTAssertEqual(staff.status, 0, staff.stderr)
        XCTAssertFalse(try staff.json().isEmpty)
        let out = folder.appendingPathComponent("roster").path
        let roster = try CCSimProcess.run(["roster", "Scenarios/mobile-multiskill.yaml", "--shifts", "Scenarios/shifts/mobile-shifts.yaml",
                                           "--replications", "2", "--max-repairs", "1", "--max-trims", "0", "--out", out, "--json"])
        XCTAssertEqual(roster.status, 0, roster.stderr)
        let json = try roster.json()
        for key in ["cost", "lp_bound", "shifts", "comparison", "verification"] { XCTAssertNotNil(json[key], key) }
        let rerun = try CCSimProcess.run(["validate", out + "/roster.yaml"])
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        let missing = try CCSimProcess.run(["roster", scenario, "--shifts", folder.appendingPathComponent("none.yaml").path])
        XCTAssertEqual(missing.status, 65)
        XCTAssertTrue(missing.stderr.hasPrefix("error: "), missing.stderr)
    }

    /// Erlang B sizes trunk lines for a blocking target (and refuses waiting targets:
    /// nobody waits in a loss system).
    func testErlangBSizesLinesForABlockingTarget() throws {
        let sized = try CCSimProcess.run(["erlang", "b", "--per-hour", "1000", "--aht", "241.2", "--target-blocked", "0.01", "--json"])
        let lines = try XCTUnwrap(sized.json()["agents"] as? Int)
        let blocked = try XCTUnwrap(sized.json()["blocked_fraction"] as? Double)
        XCTAssertLessThanOrEqual(blocked, 0.01)
        let fewer = try CCSimProcess.run(["erlang", "b", "--per-hour", "1000", "--aht", "241.2", "--lines", "\(lines - 1)", "--json"])
        XCTAssertGreaterThan(try XCTUnwrap(fewer.json()["blocked_fraction"] as? Double), 0.01, "one line fewer blocks too much")
        let refused = try CCSimProcess.run(["erlang", "b", "--per-hour", "1000", "--aht", "241.2", "--target-sl", "0.8"])
        XCTAssertEqual(refused.status, 64)
        XCTAssertTrue(refused.stderr.contains("loss system"), refused.stderr)
    }

    func testErlangAndBench() throws {
        let erlang = try CCSimProcess.run(["erlang", "c", "--per-hour", "100", "--aht", "180", "--agents", "7", "--json"]).json()
        XCTAssertEqual(erlang["agents"] as? Int, 7)
        XCTAssertNotNil(erlang["service_level"] ?? erlang["serviceLevel"])
        let text = try CCSimProcess.run(["erlang", "a", "--per-hour", "100", "--aht", "180", "--patience", "60", "--target-sl", "0.8"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.hasPrefix("agents"), text.stdout)
        let bench = try CCSimProcess.run(["bench", scenario, "--repeats", "1", "--json"]).json()
        for key in ["scenario", "calls", "events", "wall_seconds", "calls_per_second"] { XCTAssertNotNil(bench[key], key) }
    }
}
