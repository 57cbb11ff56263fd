import ContactCenter
import Foundation
import Scenario
import XCTest

/// Inputs of a roster over weeks: shifts worked on given days, contracts, `agents.csv`.
final class MonthRosterInputTests: XCTestCase {
    static let scenario = """
        start_date: 2027-03-01
        horizon: 14d
        interval: 1h
        roster:
          shifts:
            - {id: mon, start: "08:00", length: 8h, dates: [2027-03-01, 2027-03-08]}
            - {id: later, start: "12:00", length: 8h, days: [3, 2]}
        call_types:
          - id: sales
            arrivals: {per_hour: 10}
            handle_time: {distribution: exponential, mean: 60}
        agent_groups:
          - id: team
            skills: [sales]
            shifts: {mon: 3, later: 2}
          - id: backup
            skills: [sales]
            shifts: {mon: 1}
        """

    func testShiftsWorkedOnTheirDays() throws {
        let model = try XCTUnwrap(parse(Self.scenario)).model
        XCTAssertEqual(model.roster?.shifts[0].days, [0, 7])
        XCTAssertEqual(model.roster?.shifts[1].days, [1, 2])
    }

    func testDaysOutsideThePeriodAreRefused() {
        assertError(Self.scenario.replacingOccurrences(of: "days: [3, 2]", with: "days: [3, 15]"),
                    at: "7:57", keyPath: "roster.shifts[1].days[1]", contains: ["outside the simulated period (14 days)"])
        assertError(Self.scenario.replacingOccurrences(of: "2027-03-08]", with: "2027-03-08], days: [1]"),
                    at: "6:7", keyPath: "roster.shifts[0]", contains: ["either `days` or `dates`"])
    }

    private func write(_ text: String, _ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(name)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private static let shifts = """
        templates:
          - {id: early, starts: ["08:00"], length: 8h, cost: 8, groups: [team, backup]}
        contracts:
          - {id: full, templates: [early], days_per_week: 5, days_off_together: 2, min_rest: 11h, weekend_off_every: 2}
          - {id: part, templates: [early], groups: [team], days_per_week: [2, 3], weekly_hours: [16h, 24h], max: 4}
        """

    func testContractsAreRead() throws {
        let model = try XCTUnwrap(parse(Self.scenario)).model
        let (templates, contracts) = try ShiftTemplatesLoader.loadPlan(path: try write(Self.shifts, "shifts.yaml"), model: model)
        XCTAssertEqual(templates.count, 1)
        XCTAssertEqual(contracts[0], Contract(id: "full", templates: [0], groups: [0, 1], daysPerWeek: 5...5, daysOffTogether: 2,
                                              minRest: 11 * 3600, weekendOffEvery: 2))
        XCTAssertEqual(contracts[1].groups, [0])
        XCTAssertEqual(contracts[1].daysPerWeek, 2...3)
        XCTAssertEqual(contracts[1].weeklyHours, 16 * 3600...24 * 3600)
        XCTAssertEqual(contracts[1].maximumAgents, 4)
    }

    func testContractErrorsAreLocated() throws {
        let model = try XCTUnwrap(parse(Self.scenario)).model
        for (bad, expected) in [("days_per_week: 5,", "must be from 0 to 7, got 8"), ("templates: [early], days", "unknown shift template `late`")] {
            let text = Self.shifts.replacingOccurrences(of: bad, with: bad.replacingOccurrences(of: "5", with: "8")
                .replacingOccurrences(of: "[early]", with: "[late]"))
            XCTAssertThrowsError(try ShiftTemplatesLoader.loadPlan(path: try write(text, "shifts.yaml"), model: model)) { error in
                XCTAssertTrue("\(error)".contains(":4:"), "\(error)")
                XCTAssertTrue("\(error)".contains(expected), "\(error)")
            }
        }
    }

    func testAgentsAreReadWithTheirDatesAndPreferences() throws {
        let model = try XCTUnwrap(parse(Self.scenario)).model
        let (templates, contracts) = try ShiftTemplatesLoader.loadPlan(path: try write(Self.shifts, "shifts.yaml"), model: model)
        let csv = "id,contract,groups,unavailable,preferred_shift\nana,full,team backup,2027-03-02..2027-03-04 2027-03-10,early\nben,part,team,,09:30\n"
        let agents = try AgentsCSVLoader.load(path: try write(csv, "agents.csv"), model: model, templates: templates, contracts: contracts)
        XCTAssertEqual(agents[0], NamedAgent(id: "ana", groups: [0, 1], contract: 0, unavailableDays: [1, 2, 3, 9], preferredTemplate: 0))
        XCTAssertEqual(agents[1], NamedAgent(id: "ben", groups: [0], contract: 1, preferredStart: 9.5 * 3600))
    }

    func testAgentErrorsNameLineAndColumn() throws {
        let model = try XCTUnwrap(parse(Self.scenario)).model
        let (templates, contracts) = try ShiftTemplatesLoader.loadPlan(path: try write(Self.shifts, "shifts.yaml"), model: model)
        let cases = [
            ("id,groups,contract\nana,team,full\nbob,sales,full\n", ":3:5:", "no agent group `sales`"),
            ("id,groups,contract\nana,team,fulltime\n", ":2:10:", "no contract `fulltime`"),
            ("id,groups,contract,unavailable\nana,team,full,2027-03-40\n", ":2:15:", "expected dates"),
            ("id,groups,contract\nana,team,full\nana,team,full\n", ":3:1:", "listed twice (first on line 2)"),
            ("id,group,contract\n", ":1:4:", "unknown column `group`"),
            ("id,groups,contract\nana,backup,part\n", ":2:5:", "none of these groups works under contract `part`"),
            // Ids whose calendars would be one file: `a/b`, `a:b`, `a\b`, `a b` and `A_B` are all a_b.ics.
            ("id,groups,contract\na/b,team,full\na_b,team,full\n", ":3:1:",
             "agent `a_b` and agent `a/b` (line 2) would share the calendar calendars/a_b.ics"),
            ("id,groups,contract\na:b,team,full\nA\\B,team,full\n", ":3:1:", "would share the calendar calendars/A_B.ics"),
            ("groups,contract,id\nteam,full,😀\nteam,full,🙂\n", ":3:11:", "agent `🙂` and agent `😀` (line 2) would share"),
            ("id,groups,contract\nAna,team,full\nana,team,full\n", ":3:1:", "case does not count"),
            ("id,groups,contract\n\(String(repeating: "x", count: 201)),team,full\n", ":2:1:", "would have 201 bytes (UTF-8), at most 200"),
            ("id,groups,contract\nopen/full/team/001,team,full\n", ":2:1:", "ids starting `open/` name the open positions"),
        ]
        for (csv, location, message) in cases {
            XCTAssertThrowsError(try AgentsCSVLoader.load(path: try write(csv, "agents.csv"), model: model, templates: templates,
                                                          contracts: contracts)) { error in
                XCTAssertTrue("\(error)".contains(location) && "\(error)".contains(message), "\(error)")
            }
        }
    }

    /// Calendar file names: readable (letters of any script kept), never hidden, and the
    /// same for ids that `agents.csv` refuses together.
    func testAgentIdsAsFileNames() {
        XCTAssertEqual(NamedAgent.fileName(for: "full-time/generalists/001"), "full-time_generalists_001")
        XCTAssertEqual(NamedAgent.fileName(for: "王伟"), "王伟")
        XCTAssertEqual(NamedAgent.fileName(for: "..ana"), "_.ana")
        XCTAssertEqual(NamedAgent.fileName(for: "😀"), "_")
        XCTAssertEqual(Set(["a/b", "a_b", "a:b", "a\\b", "A_B"].map(NamedAgent.fileKey(for:))), ["a_b"])
        XCTAssertNotEqual(NamedAgent.fileKey(for: "ana1"), NamedAgent.fileKey(for: "ana2"))
    }
}
