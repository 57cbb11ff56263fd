import ContactCenter
import Experiments

/// The simulate-and-repair loop every simulation-checked plan shares (the day's roster,
/// the month's tours): solve for a requirement, simulate the plan, and where an interval
/// misses a call type's target raise the requirement of the type's specialist group
/// there by one agent (``raise(_:at:in:)``), until no target is missed or `maxRepairs`
/// rounds have run. Each round is logged by the plan's own line. If a raised requirement
/// has no plan (``PlanningError/isInfeasible``), the previous round's plan is kept, and
/// the log says why the loop stopped.
public struct RepairLoop: Sendable {
    public let model: CenterModel
    public let seed: UInt64
    public let replications: Int
    public let maxRepairs: Int
    public let rule: TargetRule
    public let threads: Int?
    /// When set, interval targets are judged pooled over these classes (the same time of
    /// day on days the same for the calls), and a class that misses is raised in all its
    /// intervals (``IntervalClasses/failures(_:model:rule:)``).
    var pooled: IntervalClasses?

    public init(model: CenterModel, seed: UInt64, replications: Int, maxRepairs: Int, rule: TargetRule, threads: Int?) {
        self.model = model
        self.seed = seed
        self.replications = replications
        self.maxRepairs = maxRepairs
        self.rule = rule
        self.threads = threads
    }

    /// The last round: its plan, the requirement it was solved for, its simulation and
    /// the interval targets it still misses (empty when every target holds).
    public struct Outcome<Plan> {
        public var plan: Plan
        public var required: [[Int]]
        public var verification: RunSummary
        public var missed: [(interval: Int, type: Int)]
        public var log: [String]
    }

    /// Runs the loop from `requirement` (`[group][interval]`): `solve` gives the plan for
    /// a requirement and the model it staffs, `describe` the log line of a round (its
    /// number, the plan, the targets missed).
    /// - Throws: what `solve` or the simulation throws.
    public func run<Plan>(requirement: [[Int]], solve: ([[Int]]) throws -> (plan: Plan, staffed: CenterModel),
                          describe: (Int, Plan, Int) -> String) throws -> Outcome<Plan> {
        var required = requirement
        var log: [String] = []
        var round = 0
        var previous: Outcome<Plan>?
        while true {
            let plan: Plan, staffed: CenterModel
            do {
                (plan, staffed) = try solve(required)
            } catch let error as PlanningError where error.isInfeasible && previous != nil {
                // A raised requirement no plan meets: the last plan found is the best there is.
                previous!.log = log + ["round \(round): \(error)", "stopped: no plan meets the raised requirement; "
                    + "the plan of round \(round - 1) is kept"]
                return previous!
            }
            let summary = try ReplicationRunner.summary(model: staffed, seed: seed, replications: replications, threads: threads)
            let missed = failures(summary)
            log.append(describe(round, plan, missed.count) + pooledNote(summary))
            if !missed.isEmpty && round >= maxRepairs { log.append("stopped after \(maxRepairs) repairs with targets still missed") }
            let outcome = Outcome(plan: plan, required: required, verification: summary, missed: missed, log: log)
            if missed.isEmpty || round >= maxRepairs { return outcome }
            previous = outcome
            Self.raise(&required, at: missed, in: model)
            round += 1
        }
    }

    /// The (interval, call type) targets missed under `rule`: each interval's own, or,
    /// pooled, every interval of each class that misses.
    private func failures(_ summary: RunSummary) -> [(interval: Int, type: Int)] {
        guard let pooled, !pooled.isIdentity else { return RequirementPlanner.failures(summary, model, rule: rule) }
        return pooled.failures(summary, model: model, rule: rule).flatMap { c, k in pooled.members[c].map { ($0, k) } }
    }

    /// Pooled, how the targets were judged and how many single intervals miss alone.
    private func pooledNote(_ summary: RunSummary) -> String {
        guard let pooled, !pooled.isIdentity else { return "" }
        return " (judged over the \(pooled.members.count) times of day of the days the same for the calls, the days pooled; "
            + "\(RequirementPlanner.failures(summary, model, rule: rule).count) single interval targets \(rule.phrase))"
    }

    /// One agent more in `required` (`[group][interval]`) for each interval target
    /// missed, in the call type's specialist group (its fewest-skills group).
    public static func raise(_ required: inout [[Int]], at missed: [(interval: Int, type: Int)], in model: CenterModel) {
        for (i, k) in missed {
            if let g = RequirementPlanner.specialistGroup(of: k, in: model) { required[g][i] += 1 }
        }
    }
}
