import ContactCenter
import Experiments
import Statistics

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
///
/// The same time of day on days the same for the calls (``IntervalClasses``: a month of
/// weekdays, Saturdays and Sundays) is one unit of the search: added to, trimmed and
/// judged together (the mean over its intervals of each one's mean), so the search
/// takes about as many simulations as for one week. Each class then pools several days,
/// so the search simulates with fewer replications (enough for each class to be judged
/// on at least `replications` interval-replications, at least 2), and the plan found is
/// simulated once more with all of them.
struct StaffingSearch {
    let model: CenterModel
    let seed: UInt64
    let replications: Int
    let threads: Int?
    /// The intervals searched as one.
    let classes: IntervalClasses
    /// The replications of the search's simulations.
    let searchReplications: Int

    init(model: CenterModel, seed: UInt64, replications: Int, threads: Int?) {
        (self.model, self.seed, self.replications, self.threads) = (model, seed, replications, threads)
        classes = IntervalClasses(model: model)
        let pooled = classes.smallest
        searchReplications = pooled > 1
            ? min(replications, max(2, Int((Double(replications) / Double(pooled)).rounded(.up)))) : replications
    }

    private func simulate(_ plan: [[Int]], replications count: Int? = nil) throws -> RunSummary {
        try ReplicationRunner.summary(model: RequirementPlanner.staffedModel(model, plan), seed: seed,
                                      replications: count ?? searchReplications, threads: threads)
    }

    /// (class, call type) pairs that miss one of the type's planning targets by the mean:
    /// over a class of several intervals, the mean of their means.
    private func failures(_ summary: RunSummary) -> [(unit: Int, type: Int)] {
        classes.failures(summary, model: model, rule: .mean)
    }

    private func missed(_ summary: RunSummary) -> Set<Int> { Set(failures(summary).map(\.unit)) }

    /// One agent more in every interval of each class and call type that misses a target,
    /// in the type's specialist group.
    private func raise(_ plan: inout [[Int]], at failing: [(unit: Int, type: Int)]) {
        for (c, k) in failing {
            guard let g = RequirementPlanner.specialistGroup(of: k, in: model) else { continue }
            for i in classes.members[c] { plan[g][i] += 1 }
        }
    }

    /// `plan` with one agent fewer in group `g` in every interval of class `c`.
    private func lowered(_ plan: [[Int]], _ g: Int, _ units: [Int]) -> [[Int]] {
        var next = plan
        for c in units { for i in classes.members[c] { next[g][i] -= 1 } }
        return next
    }

    /// The classes of the intervals after class `c`'s (whose calls it serves too).
    private func following(_ c: Int) -> Set<Int> {
        let last = classes.classOf.count - 1
        return Set(classes.members[c].map { classes.classOf[min($0 + 1, last)] })
    }

    /// Every class's intervals at the most any of them has.
    private func tied(_ plan: [[Int]]) -> [[Int]] {
        var plan = plan
        for g in plan.indices {
            for members in classes.members {
                let most = members.map { plan[g][$0] }.max() ?? 0
                for i in members { plan[g][i] = most }
            }
        }
        return plan
    }

    func run(maxSimulations: Int) throws -> StaffingRequirement {
        var plan = tied(try PooledErlang.byGroup(model))
        var log = ["Erlang start (groups on their pooled load): " + totals(plan)]
        if !classes.isIdentity {
            log.append("\(classes.classOf.count) intervals searched as \(classes.members.count) (the same time of day on days the "
                + "same for the calls, at least \(classes.smallest) pooled), \(searchReplications) replications per search simulation")
        }
        var summary = try simulate(plan)
        var simulations = 1
        let separate = model.agentGroups.allSatisfy { $0.skills.count == 1 }
            && model.callTypes.indices.allSatisfy { k in model.agentGroups.filter { $0.skills.contains(k) }.count == 1 }
        if separate {
            // Erlang A per call type, exact when the laws are Erlang A's: nothing to pool or
            // trim. Its verification is judged with confidence, as a reference is (at the
            // exact requirement about half the intervals fall below the target by the mean).
            let verification = try verified(plan, summary, &simulations, &log)
            let misses = RequirementPlanner.failures(verification, model, rule: .notMissed)
            if misses.isEmpty {
                log.append("verification: no interval misses a target with confidence")
                var requirement = result(plan, verification, log: log, feasible: true, simulations: simulations)
                requirement.method = .erlangAPerCallType
                return requirement
            }
            log.append("verification: \(misses.count) interval targets missed with confidence (the laws are not Erlang A's): "
                + "searching by simulation")
        }
        // Repair: one agent more where a class misses a target, until none does.
        while !missed(summary).isEmpty && simulations < maxSimulations {
            let failing = failures(summary)
            raise(&plan, at: failing)
            summary = try simulate(plan)
            simulations += 1
            log.append("simulation \(simulations): \(failing.count) interval targets missed, one agent added to each: " + totals(plan))
        }
        guard missed(summary).isEmpty else {
            log.append("stopped after \(simulations) simulations with \(missed(summary).count) intervals still missing a target")
            return result(plan, try verified(plan, summary, &simulations, &log), log: log, feasible: false, simulations: simulations)
        }
        var best = (plan: plan, summary: summary)
        var ruledOut = Set<[Int]>()
        let order = model.agentGroups.indices.sorted { model.agentGroups[$0].skills.count > model.agentGroups[$1].skills.count }
        var changed = true
        while changed && simulations < maxSimulations {
            changed = false
            for g in order where simulations < maxSimulations {
                let candidates = classes.members.indices.filter { plan[g][classes.members[$0][0]] > 0 && !ruledOut.contains([g, $0]) }
                guard !candidates.isEmpty else { continue }
                let misses = missed(try simulate(lowered(plan, g, candidates)))
                simulations += 1
                let kept = candidates.filter { !misses.contains($0) && following($0).isDisjoint(with: misses) }
                for c in candidates where !kept.contains(c) { ruledOut.insert([g, c]) }
                if kept.count < candidates.count { changed = true }
                // The kept removals together, then halves of a set that misses a target,
                // down to single classes, which are then ruled out.
                var queue = kept.isEmpty ? [] : [kept]
                while let set = queue.popLast(), simulations < maxSimulations {
                    let next = lowered(plan, g, set)
                    let checked = try simulate(next)
                    simulations += 1
                    if missed(checked).isEmpty {
                        plan = next
                        best = (next, checked)
                        log.append("simulation \(simulations): \(model.agentGroups[g].id) gives up one agent in "
                            + "\(set.reduce(0) { $0 + classes.members[$1].count }) intervals: " + totals(plan))
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
        let verification = try verified(best.plan, best.summary, &simulations, &log)
        return result(best.plan, verification, log: log, feasible: true, simulations: simulations)
    }

    /// `summary` of `plan`, or, when the search ran fewer replications, a simulation of it
    /// with all of them.
    private func verified(_ plan: [[Int]], _ summary: RunSummary, _ simulations: inout Int, _ log: inout [String]) throws -> RunSummary {
        guard searchReplications < replications else { return summary }
        simulations += 1
        log.append("simulation \(simulations): the plan with \(replications) replications")
        return try simulate(plan, replications: replications)
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
