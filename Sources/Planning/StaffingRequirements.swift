import Analytics
import ContactCenter
import Experiments

/// How a staffing requirement was found; its text is what `staff` and `roster` print
/// and requirements.json's `method` holds.
public enum RequirementMethod: String, Sendable, CaseIterable {
    /// `staff` on a centre with one skill per group: Erlang A per call type, verified.
    case erlangAPerCallType = "Erlang A per call type (one skill per group)"
    /// `staff`'s search: Erlang A on pooled loads, then simulation.
    case simulationSearch = "Erlang A start on pooled loads, search by simulation with common random numbers"
    /// `--erlang-requirements`: each call type's exact Erlang requirement in its specialist group.
    case erlangPerCallType = "exact Erlang per call type and interval, in its specialist group"
}

/// The fewest agents on the phones per interval and agent group that meet the call
/// types' targets.
public struct StaffingRequirement: Sendable {
    /// Agents needed on the phones, `[group][interval]`.
    public var agents: [[Int]]
    /// How they were found.
    public var method: RequirementMethod
    /// The simulation of the model staffed with them (common random numbers).
    public var verification: RunSummary
    /// What the search did, step by step.
    public var log: [String]
    /// The share (0…1) of scheduled agents not on the phones: by default the scenario
    /// roster's absence and other off-phone work, 1 − (1 − absence)(1 − other).
    public var shrinkage: Double
    /// Whether the plan meets every planning target in every interval (by the mean);
    /// when no plan the search saw does, the last one, with the targets it misses.
    public var feasible = true
    /// A lower bound on the plan's agent-intervals in the Erlang model (every load pooled
    /// in one group, the least demanding target); `nil` when not computed.
    public var lowerBound: Int?
    /// Simulations the search ran.
    public var simulations = 1

    /// The plan's agent-intervals (agents on the phones summed over groups and intervals).
    public var agentIntervals: Int { agents.reduce(0) { $0 + $1.reduce(0, +) } }

    /// Agents to schedule per group and interval so that, after shrinkage, `agents`
    /// are on the phones.
    public var scheduled: [[Int]] {
        agents.map { $0.map { Shrinkage.scheduled($0, shrinkage: shrinkage) } }
    }
}

/// The gross-up from agents on the phones to agents scheduled.
public enum Shrinkage {
    /// The shrinkage of a model's roster: absence and other off-phone work (0 without a roster).
    public static func of(_ model: CenterModel) -> Double {
        1 - (1 - (model.roster?.absence ?? 0)) * (1 - (model.roster?.otherOffPhone ?? 0))
    }

    /// The fewest agents to schedule so that `onPhones` remain after `shrinkage`.
    public static func scheduled(_ onPhones: Int, shrinkage: Double) -> Int {
        Int((Double(onPhones) / (1 - shrinkage) - 1e-9).rounded(.up))
    }
}

/// Finds staffing requirements.
///
/// Each call type's requirement per interval starts from exact Erlang A (exponential
/// patience with the mean of the type's patience; Erlang C without patience), for the
/// calls that reach agents (arrivals while open, less self-service), the mean talk plus
/// after-call work of the interval's laws times the handle-time factor of the group
/// that takes the type (its proficiency and chat slowdown), and the fewest agents (chat
/// slots over the chats an agent takes at once) meeting every target the type sets
/// (``planningTargets(of:)``). ``requirements(for:seed:replications:maxRounds:threads:)``
/// sizes groups on their pooled load and searches by simulation (``StaffingSearch``).
public enum RequirementPlanner {
    /// The Erlang requirement of each call type, `[type][interval]`, on the phones.
    public static func erlangByCallType(_ model: CenterModel) throws -> [[Int]] {
        let open = model.callTypes.indices.map(model.openShare(ofCallType:))
        return try model.callTypes.indices.map { k in
            try PooledErlang.requirement(of: [k], group: specialistGroup(of: k, in: model).map { model.agentGroups[$0] },
                                         model: model, open: open)
        }
    }

    /// The targets a call type is planned for: those it sets, or 80% within its
    /// service-level threshold if it sets none.
    public static func planningTargets(of type: CallType) -> [KPITarget] {
        let targets = type.kpiTargets
        return targets.isEmpty ? [KPITarget(kpi: .serviceLevel, relation: .atLeast, value: 0.8)] : targets
    }

    /// The analytic form of a target (answer rate r as abandonment at most 1 − r).
    static func staffingTarget(_ target: KPITarget, slSeconds: Double) -> StaffingTarget? {
        switch target.kpi {
        case .serviceLevel: return .serviceLevel(atLeast: target.value, withinSeconds: slSeconds)
        case .abandonFraction: return .abandonFraction(atMost: target.value)
        case .answerRate: return .abandonFraction(atMost: 1 - target.value)
        case .asa: return .asa(atMost: target.value)
        default: return nil
        }
    }

    /// For each call type, its group with the fewest skills (the first on ties).
    public static func specialistGroup(of k: Int, in model: CenterModel) -> Int? {
        model.agentGroups.indices.filter { model.agentGroups[$0].skills.contains(k) }
            .min { model.agentGroups[$0].skills.count < model.agentGroups[$1].skills.count }
    }

    /// The requirements of `model`, verified by simulation with `replications`
    /// replications of `seed`: the convergent search of ``StaffingSearch``.
    public static func requirements(for model: CenterModel, seed: UInt64, replications: Int,
                                    maxRounds: Int = 150, threads: Int? = nil) throws -> StaffingRequirement {
        try StaffingSearch(model: model, seed: seed, replications: replications, threads: threads).run(maxSimulations: maxRounds)
    }

    /// The model with every group staffed per interval by `staffing` (no roster).
    public static func staffedModel(_ model: CenterModel, _ staffing: [[Int]]) -> CenterModel {
        var staffed = model
        for g in staffed.agentGroups.indices {
            staffed.agentGroups[g].staffing = staffing[g]
            staffed.agentGroups[g].shifts = []
        }
        return staffed
    }

    /// (interval, call type) pairs that fail one of the type's planning targets under
    /// `rule` (by default, by the mean).
    public static func failures(_ summary: RunSummary, _ model: CenterModel,
                                rule: TargetRule = .mean) -> [(interval: Int, type: Int)] {
        let targets = model.callTypes.map(planningTargets(of:))
        return summary.intervals.flatMap { interval in
            model.callTypes.indices.compactMap { k -> (Int, Int)? in
                let missed = targets[k].contains { rule.fails($0, interval.callTypes[k][$0.kpi]) }
                return missed ? (interval.index, k) : nil
            }
        }
    }
}
