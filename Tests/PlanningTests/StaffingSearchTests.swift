import Analytics
import ContactCenter
import Experiments
import Planning
import XCTest

/// The staffing search: groups sized on their pooled load, a search that converges to a
/// plan meeting every target, never above its start's repairs, with a lower bound below it.
final class StaffingSearchTests: XCTestCase {
    static let hours = 8

    /// Two call types; a specialist team each, and generalists with both skills.
    static func centre(pooledOnly: Bool = false) -> CenterModel {
        func type(_ id: String, perHour: Double) -> CallType {
            CallType(id: id, arrivalRates: Array(repeating: perHour / 3600, count: hours), handleTime: .exponential(mean: 240),
                     patience: .exponential(mean: 180), serviceLevel: ServiceLevelTarget(seconds: 20, target: 0.8))
        }
        let groups = pooledOnly
            ? [AgentGroup(id: "team", skills: [0, 1], staffing: Array(repeating: 1, count: hours))]
            : [AgentGroup(id: "billing", skills: [0], staffing: Array(repeating: 1, count: hours)),
               AgentGroup(id: "complaint", skills: [1], staffing: Array(repeating: 1, count: hours)),
               AgentGroup(id: "generalists", skills: [0, 1], staffing: Array(repeating: 1, count: hours))]
        return CenterModel(name: "search", timing: Timing(warmup: 0, horizon: Double(hours) * 3600, intervalLength: 3600),
                           callTypes: [type("billing", perHour: 300), type("complaint", perHour: 150)], agentGroups: groups)
    }

    /// A team serving two types is sized on their pooled load: Erlang A of the summed
    /// rates, fewer agents than the two types' own requirements added.
    func testAGroupOfSeveralTypesIsSizedOnItsPooledLoad() throws {
        let requirement = try RequirementPlanner.requirements(for: Self.centre(pooledOnly: true), seed: 3, replications: 4)
        let pooled = try Erlang.minimumAgents(model: .erlangA(patience: 180), perHour: 450, aht: 240,
                                              target: .serviceLevel(atLeast: 0.8, withinSeconds: 20))
        let separate = try [300.0, 150].map {
            try Erlang.minimumAgents(model: .erlangA(patience: 180), perHour: $0, aht: 240, target: .serviceLevel(atLeast: 0.8, withinSeconds: 20))
        }.reduce(0, +)
        XCTAssertLessThan(pooled, separate)
        XCTAssertTrue(requirement.log[0].contains("team \(pooled * Self.hours) agent-intervals"), requirement.log[0])
    }

    func testTheSearchConvergesToAPlanMeetingEveryTarget() throws {
        let model = Self.centre()
        let requirement = try RequirementPlanner.requirements(for: model, seed: 5, replications: 4)
        XCTAssertTrue(requirement.feasible)
        XCTAssertTrue(requirement.log.contains { $0.hasPrefix("converged after") }, requirement.log.joined(separator: "\n"))
        XCTAssertLessThan(requirement.simulations, 150)
        XCTAssertTrue(RequirementPlanner.failures(requirement.verification, model).isEmpty)
        let bound = try XCTUnwrap(requirement.lowerBound)
        XCTAssertLessThanOrEqual(bound, requirement.agentIntervals)
        let again = try RequirementPlanner.requirements(for: model, seed: 5, replications: 4)
        XCTAssertEqual(again.agents, requirement.agents, "the same seed, the same plan")
    }
}
