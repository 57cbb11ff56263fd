import ContactCenter
import Experiments
import Planning
import XCTest

/// The day's roster when its templates cannot cover the requirement: the message names
/// each interval no template reaches and what would reach it, and the best roster within
/// the limits covers all the rest.
final class RosterShortfallTests: XCTestCase {
    /// 12 one-hour intervals from 08:00 (clock), one skill; four-hour shifts without
    /// breaks starting 08:00 to 14:00: nothing reaches 18:00 or 19:00.
    static let model = CenterModel(
        name: "late calls", timing: Timing(warmup: 0, horizon: 12 * 3600, intervalLength: 3600, clockStart: 8 * 3600),
        callTypes: [CallType(id: "calls", arrivalRates: Array(repeating: 300.0 / 3600, count: 12), handleTime: .exponential(mean: 180),
                             serviceLevel: ServiceLevelTarget(seconds: 20, target: 0.8))],
        agentGroups: [AgentGroup(id: "team", skills: [0], staffing: Array(repeating: 0, count: 12))])
    static let templates = [ShiftTemplate(id: "four", starts: (0...6).map { Double($0) * 3600 }, length: 4 * 3600, cost: 4, groups: [0])]
    static let required = [Array(repeating: 5, count: 10) + [3, 2]]

    func testTheMessageNamesTheIntervalsAndWhatWouldReachThem() {
        XCTAssertThrowsError(try RosterOptimizer(model: Self.model, templates: Self.templates).plan(required: Self.required)) { error in
            XCTAssertTrue((error as? PlanningError)?.isInfeasible ?? false)
            XCTAssertEqual("\(error)", "no template's shift reaches 2 (group, interval) pairs with a requirement: team at 18:00, 19:00 "
                + "(to reach 18:00: `four` starting after 14:00 (latest now 14:00), a template ending after 18:00, or opening hours "
                + "that end by 18:00 (after closing, redials and calls still queued need agents))")
        }
    }

    func testTheBestShortRosterCoversEverythingElse() throws {
        let optimizer = RosterOptimizer(model: Self.model, templates: Self.templates)
        let result = try optimizer.optimise(requirement: Self.required, seed: 1, replications: 2, maxRepairs: 0, maxTrims: 0)
        XCTAssertNotNil(result.plan.shortfallReason)
        for i in 0..<12 {
            let short = max(0, Double(Self.required[0][i]) - result.plan.planned[0][i])
            XCTAssertEqual(short, i < 10 ? 0 : Double(Self.required[0][i]), accuracy: 1e-9, "interval \(i)")
        }
        // The least cost covering 08:00-18:00 with 5 agents: 08:00 only the 08:00 start
        // reaches, 17:00 only the 14:00 one (the latest), and 12:00-14:00 neither: three
        // times five shifts, 60.
        XCTAssertEqual(result.plan.cost, 15 * 4, accuracy: 1e-9)
        XCTAssertEqual(result.plan.lowerBound, 0)
    }
}
