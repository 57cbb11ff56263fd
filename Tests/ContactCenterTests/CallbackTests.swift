import ContactCenter
import Experiments
import Statistics
import XCTest

/// Callbacks (virtual hold): callers conserved, today's model when nobody accepts.
final class CallbackTests: XCTestCase {
    /// An overloaded day: 700 calls an hour of 3 minutes for 33 agents, impatient callers,
    /// 60 trunk lines, redials.
    static func centre(callback: Callback?, opening: OpeningHours? = nil) -> CenterModel {
        let hours = 12
        var type = CallType(id: "calls", arrivalRates: Array(repeating: 700.0 / 3600, count: hours),
                            handleTime: .exponential(mean: 180), afterCallWork: .constant(10),
                            patience: .exponential(mean: 240), serviceLevel: ServiceLevelTarget(seconds: 20),
                            redial: Redial(probability: 0.3, delay: .exponential(mean: 600)))
        type.callback = callback
        var model = CenterModel(
            name: "callbacks", timing: Timing(warmup: 0, horizon: Double(hours) * 3600, intervalLength: 3600), trunks: 60,
            callTypes: [type], agentGroups: [AgentGroup(id: "team", skills: [0], staffing: Array(repeating: 33, count: hours))])
        model.openingHours = opening
        return model
    }

    func testNobodyAcceptingIsTodaysModel() throws {
        let plain = try ReplicationRunner.run(model: Self.centre(callback: nil), seed: 5, replications: 3)
        let declined = try ReplicationRunner.run(
            model: Self.centre(callback: Callback(offerAfter: 30, offerAbovePredictedWait: 60, acceptance: 0)),
            seed: 5, replications: 3)
        for (a, b) in zip(plain, declined) {
            var offered = 0
            for (x, y) in zip(a.calls, b.calls) {
                offered += y.callbacksOffered
                var y = y
                y.callbacksOffered = 0
                XCTAssertEqual(x, y)
            }
            XCTAssertGreaterThan(offered, 0, "callbacks were offered")
            XCTAssertEqual(a.groupBusyTime, b.groupBusyTime)
        }
    }

    /// Every caller who takes a callback leaves the queue: offered calls are answered,
    /// abandoned, unserved or taken back; callbacks are reached, dialled in vain or undone.
    func testCallersAreConserved() throws {
        let offer = Callback(offerAfter: 45, offerAbovePredictedWait: 120, acceptance: 0.5, deadline: 1800, reach: 0.9)
        for r in try ReplicationRunner.run(model: Self.centre(callback: offer), seed: 8, replications: 3) {
            var c = CallCounters()
            for i in 0..<r.intervalCount { c.add(r.counters(interval: i, callType: 0)) }
            XCTAssertGreaterThan(c.callbacksTaken, 100)
            XCTAssertEqual(c.offered, c.answered + c.abandoned + c.unserved + c.callbacksTaken)
            XCTAssertLessThanOrEqual(c.callbacksReached + c.callbacksUndone, c.callbacksTaken)
            XCTAssertLessThanOrEqual(c.callbacksOnTime, c.callbacksTaken - c.callbacksUndone)
            XCTAssertEqual(c.arrivals - c.retrials, c.callersServed + c.callersLost)
            XCTAssertEqual(c.callersServed, c.answered + c.callbacksReached)
        }
    }

    /// Callbacks are dialled only while the call type is open: those taken in the last
    /// hour before a closing wait for the next opening (or stay undone at the end).
    func testCallbacksWaitForTheOpening() throws {
        let offer = Callback(offerAfter: 30, acceptance: 1)
        let open = OpeningHours(windows: [OpeningHours.Window(open: 0, close: 6 * 3600)])
        let summary = try ReplicationRunner.summary(model: Self.centre(callback: offer, opening: open), seed: 3, replications: 4)
        XCTAssertEqual(summary.total[.callbacksTaken]?.mean ?? 0, (summary.total[.callbacksReached]?.mean ?? 0)
                       + (summary.total[.callbacksUndone]?.mean ?? 0), accuracy: 1e-9)
        XCTAssertEqual(summary.intervals[8].total[.closed]?.mean, summary.intervals[8].total[.arrivals]?.mean)
    }
}
