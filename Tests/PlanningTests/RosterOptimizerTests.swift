import Analytics
import ContactCenter
import Experiments
import Planning
import XCTest

/// The requirements and the roster optimiser on a single-skill centre, where Erlang A
/// is exact and coverage can be counted by hand.
final class RosterOptimizerTests: XCTestCase {
    /// 12 one-hour intervals, a volume that rises and falls, one skill, patience 2 min.
    static let model: CenterModel = {
        let perHour: [Double] = [120, 240, 480, 720, 900, 960, 840, 720, 600, 480, 300, 180]
        return CenterModel(
            name: "single skill", timing: Timing(warmup: 0, horizon: 12 * 3600, intervalLength: 3600),
            callTypes: [CallType(id: "calls", arrivalRates: perHour.map { $0 / 3600 }, handleTime: .exponential(mean: 180),
                                 patience: .exponential(mean: 120), serviceLevel: ServiceLevelTarget(seconds: 20, target: 0.8))],
            agentGroups: [AgentGroup(id: "team", skills: [0], staffing: Array(repeating: 0, count: 12))])
    }()

    /// Four-hour shifts without breaks, starting on any hour, cost 4.
    static let templates = [ShiftTemplate(id: "four", starts: (0..<9).map { Double($0) * 3600 }, length: 4 * 3600,
                                          cost: 4, groups: [0])]

    func testRequirementsAreExactErlangA() throws {
        var requirement = try RequirementPlanner.requirements(for: Self.model, seed: 1, replications: 4)
        XCTAssertTrue(requirement.method.rawValue.hasPrefix("Erlang A"))
        XCTAssertEqual(requirement.shrinkage, 0)
        XCTAssertEqual(requirement.scheduled, requirement.agents)
        for (i, rate) in Self.model.callTypes[0].arrivalRates.enumerated() {
            XCTAssertEqual(requirement.agents[0][i], try Erlang.minimumAgents(
                model: .erlangA(patience: 120), perHour: rate * 3600, aht: 180, slSeconds: 20, targetServiceLevel: 0.8))
        }
        requirement.shrinkage = 0.3
        for (agents, scheduled) in zip(requirement.agents[0], requirement.scheduled[0]) {
            XCTAssertGreaterThanOrEqual(Double(scheduled) * 0.7, Double(agents) - 1e-9)
            XCTAssertLessThan(Double(scheduled - 1) * 0.7, Double(agents))
        }
    }

    /// With an abandonment target as well, each interval needs the larger of the two
    /// Erlang A counts, and the search judges a simulation by both targets.
    func testAnAbandonmentTargetRaisesTheRequirement() throws {
        var model = Self.model
        model.callTypes[0].targets = ServiceTargets(abandonFraction: 0.01)
        let requirement = try RequirementPlanner.requirements(for: model, seed: 1, replications: 4)
        var raised = 0
        for (i, rate) in model.callTypes[0].arrivalRates.enumerated() {
            let bySL = try Erlang.minimumAgents(model: .erlangA(patience: 120), perHour: rate * 3600, aht: 180,
                                                slSeconds: 20, targetServiceLevel: 0.8)
            let byAbandonment = try Erlang.minimumAgents(model: .erlangA(patience: 120), perHour: rate * 3600, aht: 180,
                                                         target: .abandonFraction(atMost: 0.01))
            XCTAssertEqual(requirement.agents[0][i], max(bySL, byAbandonment))
            if byAbandonment > bySL { raised += 1 }
        }
        XCTAssertGreaterThan(raised, 0, "the abandonment target binds somewhere")
        // Staffed with the service-level numbers alone, the simulation misses the
        // abandonment target where it binds.
        let slOnly = try RequirementPlanner.erlangByCallType(Self.model)
        let staffed = RequirementPlanner.staffedModel(model, slOnly)
        let summary = RunSummary(model: staffed, seed: 5, results: try ReplicationRunner.run(model: staffed, seed: 5, replications: 20))
        XCTAssertFalse(RequirementPlanner.failures(summary, model, rule: .notMissed).isEmpty)
    }

    /// The roster's absence and other off-phone work make the shrinkage: 1 − 0.9 × 0.8.
    func testShrinkageComesFromTheRoster() {
        var model = Self.model
        model.roster = Roster(shifts: [], absence: 0.1, otherOffPhone: 0.2)
        XCTAssertEqual(Shrinkage.of(model), 0.28, accuracy: 1e-12)
        XCTAssertEqual(Shrinkage.scheduled(72, shrinkage: 0.28), 100)
        XCTAssertEqual(Shrinkage.scheduled(73, shrinkage: 0.28), 102)
        XCTAssertEqual(Shrinkage.scheduled(0, shrinkage: 0.28), 0)
    }

    /// The roster covers every interval's Erlang A requirement (so each interval meets
    /// the target by Erlang A), and taking away any one shift uncovers an interval.
    func testRosterCoversTheRequirementAndNoShiftIsSpare() throws {
        let required = try RequirementPlanner.erlangByCallType(Self.model)
        let plan = try RosterOptimizer(model: Self.model, templates: Self.templates).plan(required: required)
        func coverage(_ counts: [Int]) -> [Int] {
            (0..<12).map { i in
                zip(plan.roster.shifts, counts).reduce(0) { sum, entry in
                    let start = Int(entry.0.start / 3600)
                    return sum + (start <= i && i < start + 4 ? entry.1 : 0)
                }
            }
        }
        let counts = plan.groupShifts[0]
        for (i, agents) in coverage(counts).enumerated() {
            XCTAssertGreaterThanOrEqual(agents, required[0][i])
            let sl = try Erlang.a(perHour: Self.model.callTypes[0].arrivalRates[i] * 3600, aht: 180, agents: agents,
                                  patience: 120, slSeconds: 20).serviceLevel
            XCTAssertGreaterThanOrEqual(sl, 0.8, "interval \(i)")
        }
        for s in counts.indices where counts[s] > 0 {
            var fewer = counts
            fewer[s] -= 1
            XCTAssertTrue(zip(coverage(fewer), required[0]).contains { $0 < $1 }, "shift \(plan.roster.shifts[s].id) is spare")
        }
        XCTAssertEqual(plan.cost, Double(counts.reduce(0, +)) * 4, accuracy: 1e-9)
        XCTAssertLessThanOrEqual(plan.lowerBound, plan.cost + 1e-9)
        XCTAssertLessThanOrEqual(plan.cost, RosterOptimizer(model: Self.model, templates: Self.templates)
            .roundingCost(required: required) + 1e-9)
    }

    /// With two agents more than Erlang A asks for in every interval, trimming takes
    /// shifts off; the trimmed roster's cost and coverage are those of its shifts, no
    /// interval misses its target with confidence, and no interval's mean service level
    /// misses the target where the roster before trimming met it.
    func testTrimmingTakesSlackShiftsOffAndKeepsTheTargets() throws {
        let optimizer = RosterOptimizer(model: Self.model, templates: Self.templates)
        let generous = try RequirementPlanner.erlangByCallType(Self.model).map { $0.map { $0 + 2 } }
        let result = try optimizer.optimise(requirement: generous, seed: 3, replications: 8, maxRepairs: 0, maxTrims: 40)
        XCTAssertGreaterThan(result.trimmedShifts, 0)
        XCTAssertEqual(result.plan.cost, result.programCost - 4 * Double(result.trimmedShifts), accuracy: 1e-9)
        XCTAssertEqual(result.plan.groupShifts[0].reduce(0, +),
                       try optimizer.plan(required: generous).groupShifts[0].reduce(0, +) - result.trimmedShifts)
        for i in 0..<12 {
            let agents = zip(result.plan.roster.shifts, result.plan.groupShifts[0]).reduce(0) { sum, entry in
                let start = Int(entry.0.start / 3600)
                return sum + (start <= i && i < start + 4 ? entry.1 : 0)
            }
            XCTAssertEqual(result.plan.planned[0][i], Double(agents), accuracy: 1e-9, "interval \(i)")
        }
        XCTAssertTrue(RequirementPlanner.failures(result.verification, Self.model, rule: .notMissed).isEmpty)
        let untrimmed = try optimizer.optimise(requirement: generous, seed: 3, replications: 8, maxRepairs: 0, maxTrims: 0)
        XCTAssertEqual(untrimmed.trimmedShifts, 0)
        let before = Set(RequirementPlanner.failures(untrimmed.verification, Self.model).map(\.interval))
        XCTAssertTrue(Set(RequirementPlanner.failures(result.verification, Self.model).map(\.interval)).isSubset(of: before))
        XCTAssertTrue(result.log.contains { $0.hasPrefix("trim 1: one team agent fewer on ") })
    }

    func testTheRosterIsTheSameForTheSameSeed() throws {
        let optimizer = RosterOptimizer(model: Self.model, templates: Self.templates)
        let required = try RequirementPlanner.erlangByCallType(Self.model)
        let a = try optimizer.optimise(requirement: required, seed: 7, replications: 6, maxRepairs: 3)
        let b = try optimizer.optimise(requirement: required, seed: 7, replications: 6, maxRepairs: 3, threads: 1)
        XCTAssertEqual(a.plan.groupShifts, b.plan.groupShifts)
        XCTAssertEqual(a.plan.cost, b.plan.cost)
        XCTAssertEqual(a.log, b.log)
    }
}
