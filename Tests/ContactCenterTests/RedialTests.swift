import ContactCenter
import Experiments
import Statistics
import TestSupport
import XCTest

/// The retrial orbit: callers lost by abandonment or blocking call again.
final class RedialTests: XCTestCase {
    /// Each attempt ends in self-service with probability f, else the caller abandons
    /// (nobody answers) and calls again with probability p: a caller is served in the
    /// end with probability f / (1 − (1 − f)·p), or f + (1 − f)·p·f with two attempts at most.
    static func orbit(maxAttempts: Int?) -> CenterModel {
        let hours = 20
        return CenterModel(
            name: "orbit", timing: Timing(warmup: 0, horizon: Double(hours) * 3600, intervalLength: 3600),
            callTypes: [CallType(id: "calls", arrivalRates: Array(repeating: 300.0 / 3600, count: hours),
                                 handleTime: .exponential(mean: 180), patience: .exponential(mean: 60),
                                 serviceLevel: ServiceLevelTarget(seconds: 20),
                                 selfService: SelfService(fraction: 0.3, duration: .exponential(mean: 40)),
                                 redial: Redial(probability: 0.6, delay: .exponential(mean: 300), maxAttempts: maxAttempts))],
            agentGroups: [AgentGroup(id: "nobody", skills: [0], staffing: Array(repeating: 0, count: hours))],
            ivr: IVR(ports: 1000, whenFull: .wait, announcement: 5, menu: .exponential(mean: 20)))
    }

    func servedFraction(_ model: CenterModel) throws -> ConfidenceInterval? {
        let results = try ReplicationRunner.run(model: model, seed: 12345, replications: 20)
        return RunSummary(model: model, seed: 12345, results: results, confidenceLevel: 0.99).total[.callersServedFraction]
    }

    func testCallersServedInTheEndFollowTheGeometricOrbit() throws {
        try assertCovers(servedFraction(Self.orbit(maxAttempts: nil)), 0.3 / (1 - 0.7 * 0.6), "callers served")
    }

    func testMaximumAttemptsEndTheOrbit() throws {
        try assertCovers(servedFraction(Self.orbit(maxAttempts: 2)), 0.3 + 0.7 * 0.6 * 0.3, "callers served")
    }

    /// Every caller ends served or lost, and every arrival is a first attempt or a redial,
    /// with trunks and the IVR blocking too.
    func testEveryCallerIsAccountedFor() throws {
        var model = Self.orbit(maxAttempts: 4)
        model.trunks = 20
        model.ivr = IVR(ports: 12, whenFull: .block, announcement: 5, menu: .exponential(mean: 20))
        model.agentGroups[0].staffing = Array(repeating: 6, count: 20)
        for r in try ReplicationRunner.run(model: model, seed: 9, replications: 3) {
            var total = CallCounters()
            for i in 0..<r.intervalCount { total.add(r.counters(interval: i, callType: 0)) }
            XCTAssertGreaterThan(total.retrials, 0)
            XCTAssertEqual(total.arrivals - total.retrials, total.callersServed + total.callersLost)
            XCTAssertEqual(total.callersServed, total.answered + total.selfServed)
            XCTAssertEqual(total.arrivals, total.blocked + total.ivrBlocked + total.selfServed
                           + total.answered + total.abandoned + total.unserved)
            XCTAssertEqual(total.arrivals, r.generatedCalls)
        }
    }
}
