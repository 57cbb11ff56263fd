import ContactCenter
import Foundation
import Scenario
import XCTest

/// Shift-template files that would size a roster program beyond reason, or hand a solver
/// numbers it cannot take, are refused at the key, before any program is built.
final class RosterLimitsTests: XCTestCase {
    private static let scenario = """
        start_date: 2027-03-01
        horizon: 7d
        interval: 1h
        call_types:
          - {id: sales, arrivals: {per_hour: 10}, handle_time: {distribution: exponential, mean: 60}}
        agent_groups:
          - {id: team, skills: [sales], agents: 3}
        """

    private static let shifts = """
        templates:
          - {id: early, starts: {from: "07:00", to: "15:00", every: 30m}, length: 8h, cost: 8, groups: [team]}
        contracts:
          - {id: full, templates: [early], days_per_week: 5, days_off_together: 2, min_rest: 11h}
        """

    private func load(_ text: String) throws -> [Contract] {
        let model = try ScenarioLoader.parse(yaml: Self.scenario, fileName: "week.yaml").model
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-shifts.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try ShiftTemplatesLoader.loadPlan(path: path, model: model).contracts
    }

    private func assertRefused(_ text: String, at location: String, _ message: String, line: UInt = #line) {
        XCTAssertThrowsError(try load(text), line: line) { error in
            XCTAssertTrue("\(error)".contains(location) && "\(error)".contains(message), "\(error)", line: line)
        }
    }

    func testTheExampleLoads() throws {
        XCTAssertEqual(try load(Self.shifts).count, 1)
    }

    func testStartsEveryFewSecondsAreRefusedWithTheExcess() {
        assertRefused(Self.shifts.replacingOccurrences(of: "every: 30m", with: "every: 1s"), at: ":2:",
                      "templates[0].starts.every: gives 28801 start times, 28513 more than the 288")
    }

    func testManyTemplatesStartingEveryFewMinutesAreRefusedTogether() {
        let template = "  - {id: tID, starts: {from: \"00:00\", to: \"23:45\", every: 15m}, length: 8h, cost: 8, groups: [team]}\n"
        let templates = (0..<21).map { template.replacingOccurrences(of: "ID", with: "\($0)") }.joined()
        let text = "templates:\n" + templates + "contracts:\n  - {id: full, templates: [t0], days_per_week: 5}\n"
        assertRefused(text, at: ":2:", "the templates give 2016 shift starts a day (starts × groups; template `t0` gives 96), 16 more")
    }

    func testTooManyContractsAreRefused() {
        let contracts = (0..<101).map { "  - {id: c\($0), templates: [early], days_per_week: 5}\n" }.joined()
        let text = Self.shifts.components(separatedBy: "contracts:")[0] + "contracts:\n" + contracts
        assertRefused(text, at: ":4:", "101 contracts, 1 more than the 100")
    }

    func testAgentCountsAndCostsAreBounded() {
        assertRefused(Self.shifts.replacingOccurrences(of: "min_rest: 11h", with: "min: 1000000000"), at: ":4:",
                      "contracts[0].min: 1000000000 agents is beyond the 5000")
        assertRefused(Self.shifts.replacingOccurrences(of: "cost: 8", with: "cost: 1e30"), at: ":2:",
                      "templates[0].cost: 1e+30 is beyond 1000000")
        assertRefused(Self.shifts.replacingOccurrences(of: "cost: 8", with: "cost: 8, max: 100001"), at: ":2:",
                      "100001 agents is beyond the 5000")
    }

    func testMinAboveMaxIsRefusedAtTheKey() {
        assertRefused(Self.shifts.replacingOccurrences(of: "min_rest: 11h", with: "min: 9, max: 3"), at: ":4:",
                      "contracts[0].min: is more than `max` (3)")
        assertRefused(Self.shifts.replacingOccurrences(of: "cost: 8", with: "cost: 8, min: 4, max: 2"), at: ":2:",
                      "templates[0].min: is more than `max` (2)")
    }
}
