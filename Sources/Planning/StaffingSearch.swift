import ContactCenter
import Experiments

/// The staffing search of `ccsim staff`: it starts from each group's Erlang requirement on
/// its pooled load (``PooledErlang``), adds agents where targets are missed until the plan
/// meets them all, then trims every group. It keeps the best plan that meets the targets
/// (the fewest agent-intervals), never undoes a trim it has accepted, and never retries a
/// trim that missed a target, so it cannot cycle: every simulation either removes agents
/// for good or rules a (group, interval) out, and it stops when a pass over the groups
/// does neither. All simulations use the same seed (common random numbers).
///
/// Trimming a group: one agent fewer in every interval still open to trimming; a
/// removal is kept where neither its interval nor the next misses a target (calls of an
/// interval are served in the next one too), the others are ruled out; the kept ones are
/// simulated together and accepted if the plan still meets every target, else in
/// halves, down to single intervals, which are ruled out when they miss.
struct StaffingSearch {
    let model: CenterModel
    let seed: UInt64
    let replications: Int
    let threads: Int?

    private func simulate(_ plan: [[Int]]) throws -> RunSummary {
        try ReplicationRunner.summary(model: RequirementPlanner.staffedModel(model, plan), seed: seed,
                                      replications: replications, threads: threads)
    }

    private func missed(_ summary: RunSummary) -> Set<Int> {
        Set(RequirementPlanner.failures(summary, model).map(\.interval))
    }

    func run(maxSimulations: Int) throws -> StaffingRequirement {
        var plan = try PooledErlang.byGroup(model)
        var log = ["Erlang start (groups on their pooled load): " + totals(plan)]
        var summary = try simulate(plan)
        var simulations = 1
        let separate = model.agentGroups.allSatisfy { $0.skills.count == 1 }
            && model.callTypes.indices.allSatisfy { k in model.agentGroups.filter { $0.skills.contains(k) }.count == 1 }
        if separate {
            // Erlang A per call type, exact when the laws are Erlang A's: nothing to pool or
            // trim. Its verification is judged with confidence, as a reference is (at the
            // exact requirement about half the intervals fall below the target by the mean).
            let misses = RequirementPlanner.failures(summary, model, rule: .notMissed)
            if misses.isEmpty {
                log.append("verification: no interval misses a target with confidence")
                var requirement = result(plan, summary, log: log, feasible: true, simulations: 1)
                requirement.method = .erlangAPerCallType
                return requirement
            }
            log.append("verification: \(misses.count) interval targets missed with confidence (the laws are not Erlang A's): "
                + "searching by simulation")
        }
        // Repair: one agent more where an interval misses a target, until none does.
        while !missed(summary).isEmpty && simulations < maxSimulations {
            let failing = RequirementPlanner.failures(summary, model)
            RepairLoop.raise(&plan, at: failing, in: model)
            summary = try simulate(plan)
            simulations += 1
            log.append("simulation \(simulations): \(failing.count) interval targets missed, one agent added to each: " + totals(plan))
        }
        guard missed(summary).isEmpty else {
            log.append("stopped after \(simulations) simulations with \(missed(summary).count) intervals still missing a target")
            return result(plan, summary, log: log, feasible: false, simulations: simulations)
        }
        var best = (plan: plan, summary: summary)
        var ruledOut = Set<[Int]>()
        let order = model.agentGroups.indices.sorted { model.agentGroups[$0].skills.count > model.agentGroups[$1].skills.count }
        var changed = true
        while changed && simulations < maxSimulations {
            changed = false
            for g in order where simulations < maxSimulations {
                let candidates = (0..<plan[g].count).filter { plan[g][$0] > 0 && !ruledOut.contains([g, $0]) }
                guard !candidates.isEmpty else { continue }
                var trial = plan
                for i in candidates { trial[g][i] -= 1 }
                let misses = missed(try simulate(trial))
                simulations += 1
                let kept = candidates.filter { !misses.contains($0) && !misses.contains($0 + 1) }
                for i in candidates where !kept.contains(i) { ruledOut.insert([g, i]) }
                if kept.count < candidates.count { changed = true }
                // The kept removals together, then halves of a set that misses a target,
                // down to single intervals, which are then ruled out.
                var queue = kept.isEmpty ? [] : [kept]
                while let set = queue.popLast(), simulations < maxSimulations {
                    var next = plan
                    for i in set { next[g][i] -= 1 }
                    let checked = try simulate(next)
                    simulations += 1
                    if missed(checked).isEmpty {
                        plan = next
                        best = (next, checked)
                        log.append("simulation \(simulations): \(model.agentGroups[g].id) gives up one agent in \(set.count) "
                            + "intervals: " + totals(plan))
                    } else if set.count == 1 {
                        ruledOut.insert([g, set[0]])
                    } else {
                        queue += [Array(set[(set.count / 2)...]), Array(set[..<(set.count / 2)])]
                    }
                    changed = true
                }
            }
        }
        log.append(changed ? "stopped at \(maxSimulations) simulations (the best plan so far)"
                   : "converged after \(simulations) simulations: no group can give up an agent anywhere")
        return result(best.plan, best.summary, log: log, feasible: true, simulations: simulations)
    }

    private func result(_ plan: [[Int]], _ summary: RunSummary, log: [String], feasible: Bool, simulations: Int) -> StaffingRequirement {
        var requirement = StaffingRequirement(
            agents: plan, method: .simulationSearch,
            verification: summary, log: log, shrinkage: Shrinkage.of(model))
        requirement.feasible = feasible
        requirement.simulations = simulations
        requirement.lowerBound = try? PooledErlang.lowerBound(model)
        if let bound = requirement.lowerBound {
            requirement.log.append("\(requirement.agentIntervals) agent-intervals; lower bound (Erlang, every load pooled, "
                + "the least demanding target): \(bound)")
        }
        return requirement
    }

    private func totals(_ plan: [[Int]]) -> String {
        zip(model.agentGroups, plan).map { "\($0.id) \($1.reduce(0, +))" }.joined(separator: ", ") + " agent-intervals"
    }
}
