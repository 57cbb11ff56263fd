import Analytics
import ContactCenter
import Experiments
import Statistics
import TestSupport
import XCTest

/// Priorities, overflow and agent selection against cases with exact answers.
final class RoutingTests: XCTestCase {
    static let level = 0.99
    static let hours = 41

    static func type(_ id: String, perHour: Double, priority: Int = 0, overflow: [OverflowStep] = []) -> CallType {
        CallType(id: id, arrivalRates: Array(repeating: perHour / 3600, count: hours), handleTime: .exponential(mean: 180),
                 serviceLevel: ServiceLevelTarget(seconds: 20), priority: priority, overflow: overflow)
    }

    static func group(_ id: String, skills: [Int], agents: Int) -> AgentGroup {
        AgentGroup(id: id, skills: skills, staffing: Array(repeating: agents, count: hours))
    }

    static func model(_ types: [CallType], _ groups: [AgentGroup], selection: AgentSelection = .longestIdle) -> CenterModel {
        CenterModel(name: "routing", timing: Timing(warmup: 3600, horizon: Double(hours) * 3600, intervalLength: 3600),
                    callTypes: types, agentGroups: groups, agentSelection: selection)
    }

    func summary(_ model: CenterModel) throws -> RunSummary {
        let results = try ReplicationRunner.run(model: model, seed: 10088, replications: 20)
        return RunSummary(model: model, seed: 10088, results: results, confidenceLevel: Self.level)
    }

    /// Non-preemptive priorities in M/M/c with one service rate (Cobham): class i waits
    /// on average C(c, a) / (cμ − … ) = C·(1/cμ) / ((1 − σ_{i−1})(1 − σ_i)), σ_i the load
    /// share of classes 1…i.
    func testPrioritiesFollowCobhamsFormula() throws {
        let model = Self.model([Self.type("vip", perHour: 40, priority: 1), Self.type("other", perHour: 120)],
                               [Self.group("team", skills: [0, 1], agents: 10)])
        let s = try summary(model)
        let erlangC = try Erlang.c(perHour: 160, aht: 180, agents: 10, slSeconds: 0).pWait
        let base = erlangC * 180 / 10
        try assertCovers(s.callTypes[0][.asa], base / (1 * 0.8), "ASA of the priority class")
        try assertCovers(s.callTypes[1][.asa], base / (0.8 * 0.2), "ASA of the other class")
    }

    /// A group's own priorities replace the call types'.
    func testGroupPrioritiesOverrideCallTypePriorities() throws {
        var model = Self.model([Self.type("vip", perHour: 40, priority: 1), Self.type("other", perHour: 120)],
                               [Self.group("team", skills: [0, 1], agents: 10)])
        model.agentGroups[0].priorities = [0: 0, 1: 1]
        let s = try summary(model)
        let base = try Erlang.c(perHour: 160, aht: 180, agents: 10, slSeconds: 0).pWait * 180 / 10
        try assertCovers(s.callTypes[1][.asa], base / (1 * 0.4), "ASA of the class the group puts first")
        try assertCovers(s.callTypes[0][.asa], base / (0.4 * 0.2), "ASA of the class the group puts last")
    }

    /// Overflow without delay pools the groups: Erlang C with all their agents.
    func testOverflowWithoutDelayPoolsTheGroups() throws {
        let model = Self.model([Self.type("calls", perHour: 200, overflow: [OverflowStep(delay: 0, groups: [1])])],
                               [Self.group("primary", skills: [0], agents: 6), Self.group("backup", skills: [], agents: 5)])
        let s = try summary(model)
        let exact = try Erlang.c(perHour: 200, aht: 180, agents: 11, slSeconds: 20)
        try assertCovers(s.total[.asa], exact.asa, "ASA")
        try assertCovers(s.total[.serviceLevel], exact.serviceLevel, "service level")
    }

    /// Calls that only an overflow group can answer, after D seconds, wait D plus an
    /// Erlang C wait: those eligible form a Poisson stream shifted by D.
    func testOverflowDelayAddsToAnErlangCWait() throws {
        let delay = 30.0
        let model = Self.model([Self.type("calls", perHour: 160, overflow: [OverflowStep(delay: delay, groups: [1])])],
                               [Self.group("nobody", skills: [0], agents: 0), Self.group("backup", skills: [], agents: 10)])
        let s = try summary(model)
        let exact = try Erlang.c(perHour: 160, aht: 180, agents: 10, slSeconds: 0)
        try assertCovers(s.total[.asa], delay + exact.asa, "ASA")
        XCTAssertEqual(s.total[.serviceLevel]?.mean, 0, "no call is answered within 20 s")
    }

    /// With a group order, the first group answers whenever it has an idle agent, so it
    /// is busier; the centre as a whole is still an M/M/c queue.
    func testGroupOrderPrefersTheFirstGroup() throws {
        let model = Self.model([Self.type("calls", perHour: 160)],
                               [Self.group("first", skills: [0], agents: 5), Self.group("second", skills: [0], agents: 5)],
                               selection: .groupOrder)
        let s = try summary(model)
        let exact = try Erlang.c(perHour: 160, aht: 180, agents: 10, slSeconds: 20)
        try assertCovers(s.total[.asa], exact.asa, "ASA")
        let first = try XCTUnwrap(s.groups[0][.occupancy]), second = try XCTUnwrap(s.groups[1][.occupancy])
        XCTAssertGreaterThan(first.low, second.high)
    }
}
