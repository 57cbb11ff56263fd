import ContactCenter
import Experiments
import XCTest

/// Opening hours in the simulation: redials never land in a closed period.
final class OpeningHoursTests: XCTestCase {
    /// Open 00:00–04:00 and 06:00–10:00 with too few agents: many callers abandon and
    /// redial (after about 20 minutes), some of them when the centre has closed.
    static func centre(whenClosed: Redial.WhenClosed) -> CenterModel {
        let hours = 10
        var model = CenterModel(
            name: "hours", timing: Timing(warmup: 0, horizon: Double(hours) * 3600, intervalLength: 3600),
            callTypes: [CallType(id: "calls", arrivalRates: Array(repeating: 400.0 / 3600, count: hours),
                                 handleTime: .exponential(mean: 180), patience: .exponential(mean: 60),
                                 serviceLevel: ServiceLevelTarget(seconds: 20),
                                 redial: Redial(probability: 0.8, delay: .exponential(mean: 1200), whenClosed: whenClosed))],
            agentGroups: [AgentGroup(id: "team", skills: [0], staffing: Array(repeating: 15, count: hours))])
        model.openingHours = OpeningHours(windows: [OpeningHours.Window(open: 0, close: 4 * 3600),
                                                    OpeningHours.Window(open: 6 * 3600, close: 10 * 3600)])
        return model
    }

    func testRedialsNeverLandWhileClosed() throws {
        var retrialsAtOpening: [Redial.WhenClosed: Int] = [:]
        for policy in Redial.WhenClosed.allCases {
            let results = try ReplicationRunner.run(model: Self.centre(whenClosed: policy), seed: 6, replications: 4)
            for r in results {
                for i in [4, 5] {
                    let c = r.counters(interval: i, callType: 0)
                    XCTAssertEqual(c.retrials, 0, "\(policy): redials at \(i):00")
                    XCTAssertEqual(c.arrivals, c.closed, "\(policy): every arrival at \(i):00 hears the closed message")
                }
            }
            retrialsAtOpening[policy] = results.reduce(0) { $0 + $1.counters(interval: 6, callType: 0).retrials }
        }
        XCTAssertGreaterThan(retrialsAtOpening[.nextOpening] ?? 0, 2 * (retrialsAtOpening[.giveUp] ?? 0),
                             "callers waiting for the opening call at 06:00")
    }
}
