import Analytics
import ContactCenter
import Experiments

/// The fewest agents on the phones per interval and agent group that meet the call
/// types' targets.
public struct StaffingRequirement: Sendable {
    /// Agents needed on the phones, `[group][interval]`.
    public var agents: [[Int]]
    /// How they were found.
    public var method: String
    /// The simulation of the model staffed with them (common random numbers).
    public var verification: RunSummary
    /// What the search did, step by step.
    public var log: [String]
    /// The share (0…1) of scheduled agents not on the phones: by default the scenario
    /// roster's absence and other off-phone work, 1 − (1 − absence)(1 − other).
    public var shrinkage: Double

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
/// slots over the chats an agent takes at once) meeting every target the type sets — service level,
/// abandonment, ASA, answer rate (``planningTargets(of:)``).
/// When every call type has a group of its own with no other skill, that is the answer.
/// With several skills, each type's requirement goes to its group with the fewest
/// skills, and a greedy search with common random numbers adjusts the groups by
/// simulation: while an interval misses a target (by its mean), one agent
/// is added there to the most specialised group with the failing skill; when all targets
/// hold, each group in turn (most skills first) gives up one agent in every interval,
/// kept where that interval and the next still meet their targets. It stops when neither
/// step changes anything, or after `maxRounds` simulations.
public enum RequirementPlanner {
    /// The Erlang requirement of each call type, `[type][interval]`, on the phones.
    public static func erlangByCallType(_ model: CenterModel) throws -> [[Int]] {
        try model.callTypes.indices.map { k in
            let type = model.callTypes[k]
            let group = specialistGroup(of: k, in: model).map { model.agentGroups[$0] }
            let proficiency = group?.handleTimeFactor(of: k) ?? 1
            let slots = Double(group?.chatConcurrency ?? 1)
            let toAgents = 1 - (type.selfService?.fraction ?? 0)
            let open = model.openShare(ofCallType: k)
            let targets = planningTargets(of: type).compactMap { staffingTarget($0, slSeconds: type.serviceLevel.seconds) }
            return try type.arrivalRates.indices.map { i in
                let perHour = type.arrivalRates[i] * open[i] * Timing.secondsPerHour * toAgents
                guard perHour > 0 else { return 0 }
                let aht = type.meanHandleTime(inInterval: i) * proficiency
                let erlang: StaffingModel = type.patience(inInterval: i).map { .erlangA(patience: $0.mean) } ?? .erlangC
                let needed = try targets.map { try Erlang.minimumAgents(model: erlang, perHour: perHour, aht: aht, target: $0) }.max() ?? 0
                return Int((Double(needed) / slots).rounded(.up))
            }
        }
    }

    /// The targets a call type is planned for: those it sets, or 80% within its
    /// service-level threshold if it sets none.
    public static func planningTargets(of type: CallType) -> [KPITarget] {
        let targets = type.kpiTargets
        return targets.isEmpty ? [KPITarget(kpi: .serviceLevel, relation: .atLeast, value: 0.8)] : targets
    }

    /// The analytic form of a target (answer rate r as abandonment at most 1 − r).
    private static func staffingTarget(_ target: KPITarget, slSeconds: Double) -> StaffingTarget? {
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

    /// The requirements of `model`, verified by simulation with `replications` replications of `seed`.
    public static func requirements(for model: CenterModel, seed: UInt64, replications: Int,
                                    maxRounds: Int = 150, threads: Int? = nil) throws -> StaffingRequirement {
        let n = model.timing.intervalCount
        let byType = try erlangByCallType(model)
        var agents = Array(repeating: Array(repeating: 0, count: n), count: model.agentGroups.count)
        for (k, requirement) in byType.enumerated() {
            guard let g = specialistGroup(of: k, in: model) else { continue }
            for i in 0..<n { agents[g][i] += requirement[i] }
        }
        var log = ["Erlang start: " + groupTotals(agents, model)]
        func simulate(_ staffing: [[Int]]) throws -> RunSummary {
            let staffed = staffedModel(model, staffing)
            return try ReplicationRunner.summary(model: staffed, seed: seed, replications: replications, threads: threads)
        }
        var summary = try simulate(agents)
        let separate = model.agentGroups.allSatisfy { $0.skills.count == 1 }
            && model.callTypes.indices.allSatisfy { k in model.agentGroups.filter { $0.skills.contains(k) }.count == 1 }
        if separate {
            return StaffingRequirement(agents: agents, method: "Erlang A per call type (one skill per group)",
                                       verification: summary, log: log, shrinkage: Shrinkage.of(model))
        }
        var rounds = 1
        var reducedGroups: Set<Int> = []
        while rounds < maxRounds {
            let failing = failures(summary, model)
            if !failing.isEmpty {
                for (i, k) in failing {
                    if let g = specialistGroup(of: k, in: model) { agents[g][i] += 1 }
                }
                log.append("round \(rounds): \(failing.count) interval targets missed, one agent added to each: " + groupTotals(agents, model))
                reducedGroups = []
            } else {
                let order = model.agentGroups.indices.sorted { model.agentGroups[$0].skills.count > model.agentGroups[$1].skills.count }
                guard let g = order.first(where: { !reducedGroups.contains($0) }) else { break }
                reducedGroups.insert(g)
                var trial = agents
                for i in 0..<n where trial[g][i] > 0 { trial[g][i] -= 1 }
                let trialSummary = try simulate(trial)
                rounds += 1
                let missed = Set(failures(trialSummary, model).map(\.interval))
                var kept = 0
                for i in 0..<n where trial[g][i] < agents[g][i] && !missed.contains(i) && !missed.contains(i + 1) {
                    agents[g][i] -= 1
                    kept += 1
                }
                log.append("round \(rounds): \(model.agentGroups[g].id) gives up one agent in \(kept) intervals: " + groupTotals(agents, model))
                if kept > 0 { reducedGroups = [] }
            }
            summary = try simulate(agents)
            rounds += 1
        }
        if !failures(summary, model).isEmpty { log.append("stopped after \(rounds) simulations with targets still missed") }
        return StaffingRequirement(
            agents: agents, method: "Erlang A start, greedy search by simulation with common random numbers",
            verification: summary, log: log, shrinkage: Shrinkage.of(model))
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

    private static func groupTotals(_ agents: [[Int]], _ model: CenterModel) -> String {
        zip(model.agentGroups, agents).map { "\($0.id) \($1.reduce(0, +)) agent-intervals" }.joined(separator: ", ")
    }
}
