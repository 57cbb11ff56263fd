import ContactCenter
import Experiments
import Planning
import XCTest

/// The roster keeps agents on the phones within the licensed seats at every instant, not
/// only on each interval's average: half-hour starts and movable breaks in hour-long
/// intervals would otherwise put more agents on seats than there are for part of an hour.
final class RosterSeatTests: XCTestCase {
    func testAgentsOnSeatsNeverExceedTheLicencesAtAnyInstant() throws {
        let hours = 10
        let seats = 24
        let model = CenterModel(
            name: "seats", timing: Timing(warmup: 0, horizon: Double(hours) * 3600, intervalLength: 3600),
            callTypes: [CallType(id: "calls", arrivalRates: Array(repeating: 200.0 / 3600, count: hours),
                                 handleTime: .exponential(mean: 180), serviceLevel: ServiceLevelTarget(seconds: 20, target: 0.8))],
            agentGroups: [AgentGroup(id: "team", skills: [0], staffing: Array(repeating: 0, count: hours))], seats: seats)
        let templates = [ShiftTemplate(id: "short", starts: stride(from: 0.0, through: 6 * 3600, by: 1800).map { $0 },
                                       length: 3.5 * 3600, breaks: [Break(length: 900, earliestStart: 3600, latestStart: 7200)],
                                       cost: 3.5, groups: [0])]
        let required = [[8, 14, 20, 22, 22, 22, 20, 14, 8, 4]]
        let optimizer = RosterOptimizer(model: model, templates: templates)
        let plan = try optimizer.plan(required: required)
        let rostered = optimizer.rosteredModel(plan.roster, plan.groupShifts)
        let summary = try ReplicationRunner.summary(model: rostered, seed: 3, replications: 3)
        XCTAssertEqual(summary.resources[.seatLostAgentMinutes]?.mean, 0, "no agent-minute without a seat")
        XCTAssertLessThanOrEqual(summary.resources[.seatsInUsePeak]?.mean ?? 0, Double(seats))
        for (i, need) in required[0].enumerated() {
            XCTAssertGreaterThanOrEqual(plan.planned[0][i], Double(need) - 1e-6, "interval \(i) covered")
        }
    }
}
