import ContactCenter
import Foundation
import Reports
import Scenario
import XCTest

/// The roster `ccsim roster` writes into a scenario reads back as the same roster,
/// shift starts as clock times of the scenario's `clock_start`.
final class RosterRewriteTests: XCTestCase {
    func testTheRosterWrittenBackReadsTheSame() throws {
        let yaml = """
            horizon: 14h
            clock_start: "08:00"
            roster:
              shifts:
                - {id: early, start: "07:30", length: 8h, briefing: {before: 30m}}
                - {id: late, start: "14:00", length: 8h, breaks: [{length: 15m, window: [2h, 3h]}]}
            call_types:
              - id: sales
                arrivals: {per_hour: 60}
                handle_time: {distribution: exponential, mean: 60}
            agent_groups:
              - id: team
                skills: [sales]
                shifts: {early: 3, late: 2}
            """
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("clock-\(UUID().uuidString).yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let model = try ScenarioLoader.load(path: file.path).model
        let roster = try XCTUnwrap(model.roster)
        XCTAssertEqual(roster.shifts.map(\.start), [23.5 * 3600, 6 * 3600])
        let section = RosterTables.yaml(roster, timing: model.timing)
        XCTAssertTrue(section.contains("start: \"07:30\"") && section.contains("start: \"14:00\""), section)
        let text = try ScenarioLoader.rewrite(path: file.path, overrides: [ScenarioOverride(keyPath: ["roster"], value: section)])
        let again = try ScenarioLoader.parse(yaml: text, fileName: file.path).model
        XCTAssertEqual(again.roster, roster)
        XCTAssertEqual(again.timing, model.timing)
    }
}
