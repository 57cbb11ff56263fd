import Analytics
import ContactCenter
import Experiments
import TestSupport
import XCTest

/// A routing policy written outside the library: an arriving call goes to the group
/// whose agent became idle most recently (the opposite of the default's longest idle),
/// and a freed agent takes the longest-waiting call it can answer. No overflow.
struct MostRecentlyIdleRouting: RoutingPolicy {
    let groupsOfType: [[Int]]
    let typesOfGroup: [[Int]]
    /// Groups that never answer arriving calls (to show that the runner uses this policy).
    let closedGroups: Set<Int>

    init(model: CenterModel) {
        self.init(model: model, closedGroups: [])
    }

    init(model: CenterModel, closedGroups: Set<Int>) {
        groupsOfType = model.callTypes.indices.map { k in model.agentGroups.indices.filter { model.agentGroups[$0].skills.contains(k) } }
        typesOfGroup = model.agentGroups.map(\.skills)
        self.closedGroups = closedGroups
    }

    func groupForArrival(callType k: Int, longestIdleSince: UnsafeBufferPointer<Double>) -> Int {
        var best = -1
        for g in groupsOfType[k] where !closedGroups.contains(g) && longestIdleSince[g].isFinite {
            if best < 0 || longestIdleSince[g] > longestIdleSince[best] { best = g }
        }
        return best
    }

    func callTypeForFreedAgent(group g: Int, now: Double, oldestWaitingSince: UnsafeBufferPointer<Double>) -> Int {
        guard !closedGroups.contains(g) else { return -1 }
        var best = -1
        for k in typesOfGroup[g] where oldestWaitingSince[k].isFinite {
            if best < 0 || oldestWaitingSince[k] < oldestWaitingSince[best] { best = k }
        }
        return best
    }

    func firstDelayedTier(callType: Int) -> Int { -1 }
    func delay(callType: Int, tier: Int) -> Double? { nil }
    func groupForOverflow(callType: Int, tier: Int, longestIdleSince: UnsafeBufferPointer<Double>) -> Int { -1 }
}

/// The same policy with group 1 closed to calls.
struct SecondGroupClosedRouting: RoutingPolicy {
    let inner: MostRecentlyIdleRouting
    init(model: CenterModel) { inner = MostRecentlyIdleRouting(model: model, closedGroups: [1]) }
    func groupForArrival(callType k: Int, longestIdleSince: UnsafeBufferPointer<Double>) -> Int {
        inner.groupForArrival(callType: k, longestIdleSince: longestIdleSince)
    }
    func callTypeForFreedAgent(group g: Int, now: Double, oldestWaitingSince: UnsafeBufferPointer<Double>) -> Int {
        inner.callTypeForFreedAgent(group: g, now: now, oldestWaitingSince: oldestWaitingSince)
    }
    func firstDelayedTier(callType: Int) -> Int { -1 }
    func delay(callType: Int, tier: Int) -> Double? { nil }
    func groupForOverflow(callType: Int, tier: Int, longestIdleSince: UnsafeBufferPointer<Double>) -> Int { -1 }
}

final class CustomRoutingPolicyTests: XCTestCase {
    static let hours = 41
    static let perHour = 400.0

    /// One call type, Poisson arrivals, exponential talk and patience, answered by two
    /// groups of identical agents: a pooled M/M/20+M queue (Erlang A) whatever the
    /// choice among idle agents.
    static func pooledCentre() -> CenterModel {
        let type = CallType(id: "general", arrivalRates: Array(repeating: perHour / 3600, count: hours),
                            handleTime: .exponential(mean: 180), patience: .exponential(mean: 120),
                            serviceLevel: ServiceLevelTarget(seconds: 20))
        return CenterModel(
            name: "pooled", timing: Timing(warmup: 3600, horizon: Double(hours) * 3600, intervalLength: 3600),
            callTypes: [type],
            agentGroups: [AgentGroup(id: "a", skills: [0], staffing: Array(repeating: 12, count: hours)),
                          AgentGroup(id: "b", skills: [0], staffing: Array(repeating: 8, count: hours))])
    }

    func testACustomPolicyRunsThroughTheRunnerAndMatchesErlangA() throws {
        let model = Self.pooledCentre()
        let results = try ReplicationRunner.run(model: model, seed: 2027, replications: 20,
                                                routing: MostRecentlyIdleRouting.self)
        let summary = RunSummary(model: model, seed: 2027, results: results, confidenceLevel: 0.99)
        let exact = try Erlang.a(perHour: Self.perHour, aht: 180, agents: 20, patience: 120, slSeconds: 20)
        try assertCovers(summary.total[.abandonFraction], exact.abandonFraction, "abandoned fraction")
        try assertCovers(summary.total[.asa], exact.asa, "ASA")
        try assertCovers(summary.total[.occupancy], exact.occupancy, "occupancy")
    }

    func testTheRunnerUsesThePolicyItIsGiven() throws {
        let model = Self.pooledCentre()
        let closed = try ReplicationRunner.run(model: model, seed: 5, replications: 2, routing: SecondGroupClosedRouting.self)
        let open = try ReplicationRunner.run(model: model, seed: 5, replications: 2, routing: MostRecentlyIdleRouting.self)
        let busy = { (results: [ReplicationResult]) in
            RunSummary(model: model, seed: 5, results: results).groups[1][.occupancy]?.mean ?? -1
        }
        XCTAssertEqual(busy(closed), 0, "group b is closed to calls")
        XCTAssertGreaterThan(busy(open), 0.5)
    }
}
