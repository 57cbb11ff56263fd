import ContactCenter
import Experiments
import Statistics
import TestSupport
import XCTest

/// Agents on the phones follow the roster: shifts, briefings, breaks, absence and
/// other off-phone work, counted by hand.
final class RosterTests: XCTestCase {
    /// A centre without calls whose only group is staffed by `roster`, in half-hours.
    static func centre(_ roster: Roster, agents: [Int], hours: Double) -> CenterModel {
        let n = Int(hours * 2)
        return CenterModel(
            name: "roster", timing: Timing(warmup: 0, horizon: hours * 3600, intervalLength: 1800),
            callTypes: [CallType(id: "calls", arrivalRates: Array(repeating: 0, count: n),
                                 handleTime: .exponential(mean: 180), serviceLevel: ServiceLevelTarget(seconds: 20))],
            agentGroups: [AgentGroup(id: "team", skills: [0], staffing: [], shifts: agents)],
            roster: roster)
    }

    /// Agents on the phones, time-averaged per half-hour, in one replication.
    func agentsPerInterval(_ model: CenterModel, replication: Int = 0) throws -> [Double] {
        let r = try simulateReplication(of: model, seed: 1, replication: replication)
        return r.groupLoggedInTime.map { $0 / 1800 }
    }

    func testShiftWithBriefingsAndAFixedBreakCountedByHand() throws {
        // 01:00–05:00, briefings of 15 min, a 30 min break at 02:00 (2 h after the start):
        // on the phones 01:15–03:00 and 03:30–04:45.
        let shift = Shift(id: "day", start: 3600, length: 4 * 3600, briefingBefore: 900, briefingAfter: 900,
                          breaks: [Break(length: 1800, earliestStart: 7200)])
        let agents = try agentsPerInterval(Self.centre(Roster(shifts: [shift]), agents: [4], hours: 6))
        XCTAssertEqual(agents, [0, 0, 2, 4, 4, 4, 0, 4, 4, 2, 0, 0])
    }

    func testBreaksInAWindowAreStaggered() throws {
        let shift = Shift(id: "day", start: 0, length: 4 * 3600,
                          breaks: [Break(length: 1800, earliestStart: 6300, latestStart: 8100)])
        XCTAssertEqual((0..<4).map { shift.breakStart(0, agent: $0, of: 4) }, [6525, 6975, 7425, 7875])
        let agents = try agentsPerInterval(Self.centre(Roster(shifts: [shift]), agents: [4], hours: 4))
        XCTAssertEqual(agents.reduce(0, +) * 1800, 4 * 3.5 * 3600, accuracy: 1e-6, "3.5 h on the phones each")
        // 01:30–02:00: agent 0 leaves at 01:48:45 (1125 s on the phones), agent 1 at
        // 01:56:15 (1575 s), the others stay: 6300 agent-seconds.
        XCTAssertEqual(agents[3], 6300.0 / 1800, accuracy: 1e-9)
    }

    func testAShiftCrossingMidnightWorksTheEarlyHours() throws {
        let shift = Shift(id: "night", start: 22 * 3600, length: 8 * 3600)
        let agents = try agentsPerInterval(Self.centre(Roster(shifts: [shift]), agents: [3], hours: 24))
        XCTAssertEqual(agents, Array(repeating: 3, count: 12) + Array(repeating: 0, count: 32) + Array(repeating: 3, count: 4))
    }

    func testOtherOffPhoneWorkKeepsAShareOfTheAgentsAway() throws {
        let shift = Shift(id: "day", start: 0, length: 2 * 3600)
        let agents = try agentsPerInterval(Self.centre(Roster(shifts: [shift], otherOffPhone: 0.1), agents: [20], hours: 2))
        XCTAssertEqual(agents, [18, 18, 18, 18])
    }

    func testAbsenceIsBinomialPerAgentAndDay() throws {
        // 50 agents, each absent with probability 0.2 each day: 40 present on average.
        let shift = Shift(id: "day", start: 0, length: 2 * 3600)
        let model = Self.centre(Roster(shifts: [shift], absence: 0.2), agents: [50], hours: 2)
        let results = try ReplicationRunner.run(model: model, seed: 31, replications: 40)
        let summary = RunSummary(model: model, seed: 31, results: results, confidenceLevel: 0.99)
        try assertCovers(summary.groups[0][.agents], 40, "agents present")
        let present = Set(results.map { $0.groupLoggedInTime[0] / 1800 })
        XCTAssertGreaterThan(present.count, 3, "the number present varies from day to day")
    }

    /// Absences are drawn agent by agent from a stream per (group, shift, day): with one
    /// agent fewer on the shift, every replication has the same absences among the
    /// agents kept, so the agents present differ by the removed one at most.
    func testOneAgentFewerKeepsTheOthersAbsences() throws {
        let shift = Shift(id: "day", start: 0, length: 2 * 3600)
        let present = try [50, 49].map { agents in
            try ReplicationRunner.run(model: Self.centre(Roster(shifts: [shift], absence: 0.2), agents: [agents], hours: 2),
                                      seed: 31, replications: 40).map { $0.groupLoggedInTime[0] / 1800 }
        }
        for (more, fewer) in zip(present[0], present[1]) {
            XCTAssertTrue(more == fewer || more == fewer + 1, "present \(more) with 50 rostered, \(fewer) with 49")
        }
        XCTAssertTrue(zip(present[0], present[1]).contains { $0 == $1 }, "the removed agent is absent on some days")
    }

    func testAgentsOnBreakFinishTheirCallFirst() throws {
        // One agent, calls all the time, a break at 01:00: the agent stays on the call
        // after 01:00, so the logged-in time of 01:00–01:30 is positive.
        let shift = Shift(id: "day", start: 0, length: 3 * 3600, breaks: [Break(length: 1800, earliestStart: 3600)])
        var model = Self.centre(Roster(shifts: [shift]), agents: [1], hours: 3)
        model.callTypes[0].arrivalRates = Array(repeating: 0.05, count: 6)
        model.callTypes[0].talk = IntervalLaws(.constant(600))
        let r = try simulateReplication(of: model, seed: 1, replication: 0)
        XCTAssertGreaterThan(r.groupLoggedInTime[2], 0)
        XCTAssertLessThanOrEqual(r.groupLoggedInTime[2], 600 + 1e-9)
    }
}
