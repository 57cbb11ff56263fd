import ContactCenter
import Scenario
import XCTest

/// The `roster` section and groups staffed by `shifts`.
final class RosterParsingTests: XCTestCase {
    static let yaml = """
        horizon: 24h
        roster:
          absence: 0.08
          other_off_phone: 0.05
          shifts:
            - id: early
              start: "07:00"
              length: 8h30m
              briefing: {before: 10m, after: 5m}
              breaks:
                - {length: 15m, window: [1h30m, 2h30m]}
                - {length: 15m, at: 7h}
              meal: {length: 30m, window: [3h30m, 4h30m]}
            - id: late
              start: "14:00"
              length: 8h
        call_types:
          - id: sales
            arrivals: {per_hour: 60}
            handle_time: {distribution: exponential, mean: 60}
        agent_groups:
          - id: team
            skills: [sales]
            shifts: {early: 12, late: 9}
          - id: backup
            skills: [sales]
            agents: 1
        """

    func testRosterIsRead() throws {
        let model = try XCTUnwrap(parse(Self.yaml)).model
        let roster = try XCTUnwrap(model.roster)
        XCTAssertEqual(roster.absence, 0.08)
        XCTAssertEqual(roster.otherOffPhone, 0.05)
        XCTAssertEqual(roster.shifts[0], Shift(
            id: "early", start: 7 * 3600, length: 8.5 * 3600, briefingBefore: 600, briefingAfter: 300,
            breaks: [Break(length: 900, earliestStart: 5400, latestStart: 9000),
                     Break(length: 1800, earliestStart: 12600, latestStart: 16200),
                     Break(length: 900, earliestStart: 25200)]))
        XCTAssertEqual(roster.shifts[1], Shift(id: "late", start: 14 * 3600, length: 8 * 3600))
        XCTAssertEqual(model.agentGroups[0].shifts, [12, 9])
        XCTAssertEqual(model.agentGroups[1].staffing.count, 48)
    }

    func testShiftCountsNameShifts() {
        assertError(Self.yaml.replacingOccurrences(of: "{early: 12, late: 9}", with: "{early: 12, lates: 9}"),
                    at: "24:25", keyPath: "agent_groups[0].shifts", contains: ["unknown key `lates`", "late"])
    }

    func testAGroupIsStaffedOneWayOnly() {
        assertError(Self.yaml.replacingOccurrences(of: "shifts: {early: 12, late: 9}",
                                                   with: "shifts: {early: 12, late: 9}\n    agents: 3"),
                    at: "25:13", keyPath: "agent_groups[0].agents", contains: ["either per interval", "not both"])
    }

    func testBreaksMustEndBeforeTheClosingBriefing() {
        assertError(Self.yaml.replacingOccurrences(of: "{length: 15m, at: 7h}", with: "{length: 15m, at: 8h20m}"),
                    at: "6:7", keyPath: "roster.shifts[0]", contains: ["the last break must end before the closing briefing"])
    }

    func testClockTimesAndCompoundDurations() throws {
        let model = try XCTUnwrap(parse(Self.yaml.replacingOccurrences(of: "\"14:00\"", with: "13:45:30"))).model
        XCTAssertEqual(model.roster?.shifts[1].start, 13 * 3600 + 45 * 60 + 30)
        assertError(Self.yaml.replacingOccurrences(of: "\"07:00\"", with: "\"07:75\""), at: "7:14",
                    keyPath: "roster.shifts[0].start", contains: ["expected a duration"])
    }
}
