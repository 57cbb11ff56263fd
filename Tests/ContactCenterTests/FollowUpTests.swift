import Analytics
import ContactCenter
import Experiments
import Foundation
import Statistics
import TestSupport
import XCTest

/// Outbound follow-up work blended into idle time.
final class FollowUpTests: XCTestCase {
    static let hours = 41

    /// Fault reports (360/h) are answered at once by 100 agents; half of them create a
    /// follow-up task (exponential, 60 s) for a team of `teamAgents` that takes no calls.
    static func centre(teamAgents: Int = 4, teamSkills: [Int] = [], reserve: Int = 0, deadline: Double = 120) -> CenterModel {
        CenterModel(
            name: "follow-ups", timing: Timing(warmup: 3600, horizon: Double(hours) * 3600, intervalLength: 3600),
            callTypes: [CallType(id: "fault", arrivalRates: Array(repeating: 0.1, count: hours),
                                 handleTime: .exponential(mean: 180), serviceLevel: ServiceLevelTarget(seconds: 20))],
            agentGroups: [
                AgentGroup(id: "front", skills: [0], staffing: Array(repeating: 100, count: hours)),
                AgentGroup(id: "team", skills: teamSkills, staffing: Array(repeating: teamAgents, count: hours)),
            ],
            followUps: [FollowUp(id: "repair", callType: 0, fraction: 0.5, duration: .exponential(mean: 60),
                                 deadline: deadline, groups: [1], reserve: reserve, target: 0.99)])
    }

    func summary(_ model: CenterModel) throws -> RunSummary {
        let results = try ReplicationRunner.run(model: model, seed: 24, replications: 20)
        return RunSummary(model: model, seed: 24, results: results, confidenceLevel: 0.99)
    }

    /// Calls leave the front (M/M/∞ in effect) as a Poisson stream (Burke), so tasks
    /// arrive Poisson at 180/h to an M/M/4 queue of load 3: a task's time to completion
    /// is the Erlang C wait (0 with probability 1 − C, else exponential with rate
    /// θ = cμ − λ) plus its exponential duration, and
    /// P(T > D) = (1 − C)e^{−μD} + C(θe^{−μD} − μe^{−θD})/(θ − μ).
    func testShareDoneByTheDeadlineIsTheMMcSojournDistribution() throws {
        let s = try summary(Self.centre())
        let c = try Erlang.c(perHour: 180, aht: 60, agents: 4, slSeconds: 0).pWait
        let (mu, theta, deadline) = (1.0 / 60, 4.0 / 60 - 0.05, 120.0)
        let late = (1 - c) * exp(-mu * deadline) + c * (theta * exp(-mu * deadline) - mu * exp(-theta * deadline)) / (theta - mu)
        try assertCovers(s.followUps[0][.followUpRate], 1 - late, "share done by the deadline")
        try assertCovers(s.followUps[0][.followUpCompletionTime], c / theta + 60, "mean completion time")
    }

    /// A group that must keep all its agents idle for inbound calls never takes a task;
    /// every task is accounted for.
    func testTheReserveKeepsAgentsForInboundCalls() throws {
        let model = Self.centre(teamAgents: 3, teamSkills: [0], reserve: 3)
        for r in try ReplicationRunner.run(model: model, seed: 2, replications: 2) {
            var total = FollowUpCounters()
            for c in r.followUps { total.add(c) }
            XCTAssertGreaterThan(total.created, 0)
            XCTAssertEqual(total.doneInTime + total.doneLate, 0)
            XCTAssertEqual(total.undone, total.created)
        }
        let blended = try ReplicationRunner.run(model: Self.centre(teamAgents: 8, teamSkills: [0], reserve: 1),
                                                seed: 2, replications: 1)[0]
        var total = FollowUpCounters()
        for c in blended.followUps { total.add(c) }
        XCTAssertGreaterThan(total.doneInTime, 0)
        XCTAssertEqual(total.created, total.doneInTime + total.doneLate + total.undone)
    }
}
