import ContactCenter
import Experiments

/// The whole question of `ccsim roster` with contracts: requirements per (date,
/// interval, group), tours that cover them (checked and repaired by simulation), and
/// the figures to judge the tours by.
public struct MonthRosterStudy: Sendable {
    /// The requirements the roster was first built for (and how they were found).
    public var requirement: StaffingRequirement
    public var result: MonthRosterPlanner.Result
    /// The cost of rounding the first requirements into shifts by hand, day by day,
    /// without working-time rules (what the rules cost is the difference, roughly).
    public var roundingCost: Double

    /// Runs the study; with `erlangOnly`, the requirements are exact Erlang per call
    /// type and interval added up in its specialist group, without the simulation search.
    /// - Throws: ``PlanningError`` when no tours can cover the requirements; simulation errors.
    public init(planner: MonthRosterPlanner, seed: UInt64, replications: Int, maxRepairs: Int, rule: TargetRule,
                erlangOnly: Bool, threads: Int?) throws {
        let model = planner.model
        if erlangOnly {
            let agents = try RosterStudy.erlangRequirementsByGroup(model)
            let staffed = RequirementPlanner.staffedModel(model, agents)
            requirement = StaffingRequirement(
                agents: agents, method: "exact Erlang per call type and interval, in its specialist group",
                verification: try ReplicationRunner.summary(model: staffed, seed: seed, replications: replications, threads: threads),
                log: [], shrinkage: Shrinkage.of(model))
        } else {
            requirement = try RequirementPlanner.requirements(for: model, seed: seed, replications: replications, threads: threads)
        }
        result = try planner.optimise(requirement: requirement.agents, seed: seed, replications: replications, maxRepairs: maxRepairs,
                                      rule: rule, threads: threads)
        roundingCost = Self.roundingByHand(requirement.agents, planner: planner)
    }

    /// The cost of a roster made by hand from `required`, day by day and without rules:
    /// for each group, interval by interval, as many shifts as still needed start at the
    /// latest start of the day not after the interval (the cheapest template per hour
    /// among the group's contracts, breaks at the start of their windows).
    static func roundingByHand(_ required: [[Int]], planner: MonthRosterPlanner) -> Double {
        let model = planner.model, timing = model.timing
        let shrinkage = Shrinkage.of(model)
        var cost = 0.0
        for g in model.agentGroups.indices {
            let usable = Set(planner.contracts.filter { $0.groups.contains(g) }.flatMap(\.templates))
            guard let t = usable.min(by: { planner.templates[$0].cost / planner.templates[$0].length < planner.templates[$1].cost / planner.templates[$1].length })
            else { continue }
            let template = planner.templates[t]
            let shift = template.shift(id: "", start: 0, breakStarts: template.breaks.map(\.earliestStart))
            var covered = Array(repeating: 0.0, count: timing.intervalCount)
            for i in 0..<timing.intervalCount {
                let need = Double(Shrinkage.scheduled(required[g][i], shrinkage: shrinkage))
                let from = timing.start(ofInterval: i)
                guard covered[i] < need - 1e-9 else { continue }
                let day = timing.clockDay(at: from)
                let starts = (day - 1...day).flatMap { d in template.starts.map { Double(d - timing.clockDay(at: $0)) * Timing.secondsPerDay + $0 } }
                guard let start = starts.filter({ $0 <= from && $0 + template.length > timing.end(ofInterval: i) }).max() else { continue }
                var share = Array(repeating: 0.0, count: timing.intervalCount)
                for period in shift.onPhonePeriods(agent: 0, of: 1) {
                    for j in max(0, timing.interval(at: max(0, start + period.start)))..<timing.intervalCount where timing.start(ofInterval: j) < start + period.end {
                        let overlap = min(start + period.end, timing.end(ofInterval: j)) - max(start + period.start, timing.start(ofInterval: j))
                        share[j] += max(0, overlap) / (timing.end(ofInterval: j) - timing.start(ofInterval: j))
                    }
                }
                guard share[i] > 0 else { continue }
                let extra = ((need - covered[i]) / share[i]).rounded(.up)
                for j in covered.indices { covered[j] += extra * share[j] }
                cost += extra * template.cost
            }
        }
        return cost
    }
}
