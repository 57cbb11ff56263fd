import ContactCenter
import Experiments
import Foundation

/// Step 3 of ``RosterOptimizer``: taking agents off shifts where the simulation shows slack.
extension RosterOptimizer {
    /// Takes agents off shifts where the simulation shows slack, one at a time.
    ///
    /// Every (group, shift) with agents is a candidate, the one with the most slack
    /// first: its margin is the smallest, over the intervals the shift covers and the
    /// group's call types and their targets, of the distance from the worse end of the
    /// KPI's 95% interval to the target (then the dearer shift, then roster order). The
    /// roster with one agent fewer there is simulated with the same random numbers and
    /// kept if every interval target holds under `rule` (the repair rule) and no
    /// interval's mean misses a target it met, for any call type (an agent taken from one
    /// group also slows the types its group serves by overflow or shares with others);
    /// otherwise the candidate is not tried again. Stops when no candidate is left
    /// or after `maxTrials` simulations. Returns the log, a line per trial.
    public func trim(_ plan: inout Plan, _ summary: inout RunSummary, seed: UInt64, replications: Int,
                     maxTrials: Int, rule: TargetRule = .notMissed, threads: Int? = nil) throws -> [String] {
        guard maxTrials > 0 else { return [] }
        let coverage = plan.roster.shifts.map(shiftCoverage)
        var rejected: Set<[Int]> = []
        var log: [String] = []
        // Both change only when a removal is kept.
        var candidates = slackCandidates(plan, coverage, summary)
        var missedByMean = meanMisses(summary)
        for trial in 1...maxTrials {
            guard let (g, s) = candidates.first(where: { !rejected.contains([$0.0, $0.1]) }) else { break }
            var fewer = plan
            fewer.groupShifts[g][s] -= 1
            fewer.cost -= plan.shiftCosts[s]
            for i in coverage[s].indices { fewer.planned[g][i] -= coverage[s][i] }
            let rostered = rosteredModel(fewer.roster, fewer.groupShifts)
            let trialSummary = try ReplicationRunner.summary(model: rostered, seed: seed, replications: replications,
                                                             threads: threads)
            let trialMisses = meanMisses(trialSummary)
            let kept = RequirementPlanner.failures(trialSummary, model, rule: rule).isEmpty
                && trialMisses.isSubset(of: missedByMean)
            log.append("trim \(trial): one \(model.agentGroups[g].id) agent fewer on \(plan.roster.shifts[s].id): "
                + (kept ? "kept, cost \(format(fewer.cost))" : "a target fails, put back"))
            if kept {
                (plan, summary, missedByMean) = (fewer, trialSummary, trialMisses)
                candidates = slackCandidates(plan, coverage, summary)
            } else {
                rejected.insert([g, s])
            }
        }
        plan.dropEmptyShifts()
        return log
    }

    /// The (group, shift) pairs with agents, widest margin to their targets first.
    func slackCandidates(_ plan: Plan, _ coverage: [[Double]], _ summary: RunSummary) -> [(Int, Int)] {
        let targets = model.callTypes.map(RequirementPlanner.planningTargets(of:))
        let margins: [[Double]] = model.agentGroups.map { group in
            summary.intervals.map { interval in
                group.skills.reduce(Double.infinity) { margin, k in
                    targets[k].reduce(margin) { margin, target in
                        interval.callTypes[k][target.kpi].map { min(margin, target.margin($0)) } ?? margin
                    }
                }
            }
        }
        var candidates: [(group: Int, shift: Int, margin: Double)] = []
        for g in plan.groupShifts.indices {
            for s in plan.groupShifts[g].indices where plan.groupShifts[g][s] > 0 {
                let margin = coverage[s].indices.filter { coverage[s][$0] > 0 }.map { margins[g][$0] }.min() ?? .infinity
                candidates.append((g, s, margin))
            }
        }
        return candidates.sorted {
            ($0.margin, plan.shiftCosts[$0.shift], -$0.group, -$0.shift) > ($1.margin, plan.shiftCosts[$1.shift], -$1.group, -$1.shift)
        }.map { ($0.group, $0.shift) }
    }

    /// A log line on the final roster's interval targets missed by the mean only.
    func meanMissReport(_ summary: RunSummary) -> String {
        let misses = RequirementPlanner.failures(summary, model)
        guard !misses.isEmpty else { return "final roster: every interval meets every target by its mean" }
        let list = misses.map { "\(model.callTypes[$0.type].id) \(model.timing.label(model.timing.start(ofInterval: $0.interval)))" }
        return "final roster: \(misses.count) interval targets missed by the mean, within their confidence intervals "
            + "(more replications would tell): " + list.joined(separator: ", ")
    }

    /// The (interval, call type) pairs whose means miss a target.
    private func meanMisses(_ summary: RunSummary) -> Set<[Int]> {
        Set(RequirementPlanner.failures(summary, model).map { [$0.interval, $0.type] })
    }
}
