import Foundation
import XCTest

/// `ccsim roster` with templates that end too early: the best roster is written, the
/// shortfall per interval shown, the intervals no template reaches named, and status 2.
final class RosterShortfallCommandTests: CLITestCase {
    func testTemplatesEndingTooEarlyGiveTheBestRosterAndStatusTwo() throws {
        let text = try String(contentsOfFile: CCSimProcess.root.appendingPathComponent("Scenarios/shifts/mobile-shifts.yaml").path,
                              encoding: .utf8)
        let early = text.replacingOccurrences(of: "starts: {from: \"08:30\", to: \"14:00\", every: 30m}",
                                              with: "starts: {from: \"08:30\", to: \"11:00\", every: 30m}")
            .replacingOccurrences(of: "starts: {from: \"08:00\", to: \"18:00\", every: 30m}",
                                  with: "starts: {from: \"08:00\", to: \"15:00\", every: 30m}")
        XCTAssertNotEqual(early, text, "the example's templates changed: update this test")
        let shifts = folder.appendingPathComponent("early.yaml")
        try early.write(to: shifts, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("roster")
        let outcome = try CCSimProcess.run(["roster", "Scenarios/mobile-multiskill.yaml", "--shifts", shifts.path, "--replications", "3",
                                            "--out", out.path])
        XCTAssertEqual(outcome.status, 2, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("no template's shift reaches"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("generalists at 19:30, 20:00"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("`full` starting after 11:00 (latest now 11:00)"), outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("SHORT of the requirement by"), outcome.stdout)
        let staffing = try String(contentsOf: out.appendingPathComponent("staffing.csv"), encoding: .utf8).split(separator: "\n")
        XCTAssertTrue(staffing[0].hasSuffix(",required,planned,simulated,short"), String(staffing[0]))
        let short = staffing.dropFirst().filter { !$0.hasSuffix(",0") }
        XCTAssertFalse(short.isEmpty)
        XCTAssertTrue(short.allSatisfy { $0.split(separator: ",")[2] >= "19:30" }, "short only from 19:30: \(short.prefix(3))")
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("roster.yaml").path))
        XCTAssertTrue(try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8).contains("Shortfall"))
    }

    /// A month roster that covers its requirement says nothing of a shortfall: no
    /// `SHORT` line, `shortfall` null in `--json`, status 0.
    func testCoveredMonthRosterShowsNoShortfall() throws {
        let week = ["roster", "Scenarios/month/single-skill-week.yaml", "--shifts", "Scenarios/month/single-skill-shifts.yaml",
                    "--erlang-requirements", "--replications", "3"]
        let text = try CCSimProcess.run(week)
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertFalse(text.stdout.contains("SHORT"), text.stdout)
        let json = try CCSimProcess.run(week + ["--json"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        XCTAssertTrue(object?["shortfall"] is NSNull, "\(object?["shortfall"] ?? "missing")")
    }
}
