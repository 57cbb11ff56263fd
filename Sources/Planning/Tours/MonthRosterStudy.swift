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
                agents: agents, method: .erlangPerCallType,
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
    /// latest start not after the interval among the templates of the group's contracts
    /// that reach past it (the cheaper per hour on ties), breaks at the start of their windows.
    static func roundingByHand(_ required: [[Int]], planner: MonthRosterPlanner) -> Double {
        let model = planner.model, timing = model.timing
        let shrinkage = Shrinkage.of(model)
        var cost = 0.0
        for g in model.agentGroups.indices {
            let usable = Set(planner.contracts.filter { $0.groups.contains(g) }.flatMap(\.templates)).sorted()
            var covered = Array(repeating: 0.0, count: timing.intervalCount)
            for i in 0..<timing.intervalCount {
                let need = Double(Shrinkage.scheduled(required[g][i], shrinkage: shrinkage))
                guard covered[i] < need - 1e-9, let (t, start) = latestStart(covering: i, templates: usable, planner: planner) else { continue }
                let share = coverage(of: planner.templates[t], from: start, timing: timing)
                guard share[i] > 0 else { continue }
                let extra = ((need - covered[i]) / share[i]).rounded(.up)
                for (j, s) in share.enumerated() where s > 0 { covered[j] += extra * s }
                cost += extra * planner.templates[t].cost
            }
        }
        return cost
    }

    /// The (template, start from time 0) starting last at or before interval `i` and
    /// lasting past it, on its day or the day before; the cheaper per hour on ties.
    private static func latestStart(covering i: Int, templates: [Int], planner: MonthRosterPlanner) -> (Int, Double)? {
        let timing = planner.model.timing
        let from = timing.start(ofInterval: i), day = timing.clockDay(at: from)
        let candidates = templates.flatMap { t in
            (day - 1...day).flatMap { d in
                planner.templates[t].starts.map { (t, Double(d - timing.clockDay(at: $0)) * Timing.secondsPerDay + $0) }
            }
        }.filter { $0.1 <= from && $0.1 + planner.templates[$0.0].length >= timing.end(ofInterval: i) }
        return candidates.max { a, b in
            let (ta, tb) = (planner.templates[a.0], planner.templates[b.0])
            return (a.1, -ta.cost / ta.length) < (b.1, -tb.cost / tb.length)
        }
    }

    /// The share of each interval an agent of `template` starting at `start` (breaks at
    /// the start of their windows) spends on the phones.
    private static func coverage(of template: ShiftTemplate, from start: Double, timing: Timing) -> [Double] {
        var share = Array(repeating: 0.0, count: timing.intervalCount)
        let shift = template.shift(id: "", start: 0, breakStarts: template.breaks.map(\.earliestStart))
        for period in shift.onPhonePeriods(agent: 0, of: 1) {
            for (j, covered) in timing.coverage(from: start + period.start, to: start + period.end) { share[j] += covered }
        }
        return share
    }
}
