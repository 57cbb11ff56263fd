import ContactCenter
import Experiments

/// The whole roster question of `ccsim roster`: staffing requirements by simulation,
/// the least-cost roster from shift templates that covers them (checked, repaired and
/// trimmed by simulation), and the figures to judge it by: the LP bound of the Erlang
/// requirements alone, and what rounding the requirements into shifts by hand costs.
public struct RosterStudy: Sendable {
    /// The requirements the roster was built for (and how they were found).
    public var requirement: StaffingRequirement
    /// The roster, its costs, its log and the verifying run.
    public var result: RosterOptimizer.Result
    /// The LP lower bound of the cost from the Erlang requirements alone.
    public var erlangLPBound: Double
    /// The cost of rounding the Erlang requirements into shifts by hand.
    public var roundingErlang: Double
    /// The cost of rounding the final requirements into shifts by hand.
    public var roundingFinal: Double

    /// Runs the study for `model` with `templates`, every simulation with `seed` and
    /// `replications` (common random numbers).
    /// - Throws: ``PlanningError`` if the templates cannot cover the requirements or the
    ///   solver fails; simulation errors.
    public init(model: CenterModel, templates: [ShiftTemplate], seed: UInt64, replications: Int,
                maxRepairs: Int, maxTrims: Int, rule: TargetRule, threads: Int?) throws {
        requirement = try RequirementPlanner.requirements(for: model, seed: seed, replications: replications,
                                                          threads: threads)
        let optimizer = RosterOptimizer(model: model, templates: templates)
        result = try optimizer.optimise(requirement: requirement.agents, seed: seed, replications: replications,
                                        maxRepairs: maxRepairs, maxTrims: maxTrims, rule: rule, threads: threads)
        let erlangGroups = try Self.erlangRequirementsByGroup(model)
        // Where no roster covers even the Erlang requirements, 0 is the only bound.
        erlangLPBound = (try? optimizer.plan(required: erlangGroups).lowerBound) ?? 0
        roundingErlang = optimizer.roundingCost(required: erlangGroups)
        roundingFinal = optimizer.roundingCost(required: result.required)
    }

    /// The comparison figures by their JSON keys.
    public var comparison: [String: Double] {
        ["erlang_lp_bound": erlangLPBound, "rounding_erlang": roundingErlang, "rounding_final": roundingFinal]
    }

    /// The Erlang requirement of each call type, added up in its specialist group
    /// (interval by interval).
    static func erlangRequirementsByGroup(_ model: CenterModel) throws -> [[Int]] {
        let erlang = try RequirementPlanner.erlangByCallType(model)
        var groups = Array(repeating: Array(repeating: 0, count: model.timing.intervalCount),
                           count: model.agentGroups.count)
        for (k, agents) in erlang.enumerated() {
            if let g = RequirementPlanner.specialistGroup(of: k, in: model) {
                for i in agents.indices { groups[g][i] += agents[i] }
            }
        }
        return groups
    }
}
