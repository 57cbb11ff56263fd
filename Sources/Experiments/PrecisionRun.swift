import ContactCenter

/// A precision target: the confidence interval of `kpi` no wider than ± `halfWidth`.
public struct PrecisionGoal: Sendable, Equatable, CustomStringConvertible {
    public var kpi: KPI
    public var halfWidth: Double

    public init(kpi: KPI, halfWidth: Double) {
        self.kpi = kpi
        self.halfWidth = halfWidth
    }

    public var description: String { "\(kpi.rawValue)=\(halfWidth)" }

    /// The widest half-width of the KPI over the centre, the call types, the resources
    /// and the follow-up kinds of `summary` (`nil` if no subject defines it).
    public func widestHalfWidth(in summary: RunSummary) -> Double? {
        let subjects = [summary.total, summary.resources] + summary.callTypes + summary.followUps
        return subjects.compactMap { $0[kpi]?.halfWidth }.max()
    }

    /// Whether every subject's half-width is within the goal.
    public func isMet(by summary: RunSummary) -> Bool {
        widestHalfWidth(in: summary).map { $0 <= halfWidth } ?? true
    }
}

/// Replications added in batches until the confidence intervals are narrow enough.
public enum PrecisionRun {
    /// What a precision-driven run did.
    public struct Outcome: Sendable {
        /// The summary of every replication run (gathered as they finished: memory does
        /// not grow with the replications).
        public var summary: RunSummary
        /// The goals met when the run stopped (all of them unless the maximum was reached).
        public var met: [PrecisionGoal]
        public var unmet: [PrecisionGoal]
    }

    /// Runs `initial` replications, then batches of `batch` more until every goal is met
    /// (over the centre, every call type, resource and follow-up kind) or `maximum`
    /// replications have run, routing calls with `routing`. Batches have fixed sizes and
    /// replication k always uses its own streams, so the outcome depends on the seed
    /// only, not on the threads.
    public static func run<Policy: RoutingPolicy>(
        model: CenterModel, seed: UInt64, initial: Int, batch: Int, maximum: Int,
        goals: [PrecisionGoal], confidenceLevel: Double = 0.95, threads: Int? = nil,
        routing: Policy.Type, progress: (@Sendable (Int) -> Void)? = nil
    ) throws -> Outcome {
        var accumulator = RunAccumulator(model: model)
        var next = min(initial, maximum)
        while true {
            let done = accumulator.replications
            var batchProgress: (@Sendable (Int) -> Void)?
            if let progress { batchProgress = { progress(done + $0) } }
            try ReplicationRunner.accumulate(into: &accumulator, seed: seed, replications: next, firstReplication: done,
                                             threads: threads, routing: routing, progress: batchProgress)
            let last = goals.isEmpty || accumulator.replications >= maximum
            let summary = last ? accumulator.finalSummary(seed: seed, confidenceLevel: confidenceLevel)
                : accumulator.summary(seed: seed, confidenceLevel: confidenceLevel)
            let unmet = goals.filter { !$0.isMet(by: summary) }
            if last || unmet.isEmpty {
                return Outcome(summary: summary, met: goals.filter { $0.isMet(by: summary) }, unmet: unmet)
            }
            next = min(batch, maximum - accumulator.replications)
        }
    }

    /// ``run(model:seed:initial:batch:maximum:goals:confidenceLevel:threads:routing:progress:)``
    /// with the default routing policy, ``SkillBasedRouting``.
    public static func run(
        model: CenterModel, seed: UInt64, initial: Int, batch: Int, maximum: Int,
        goals: [PrecisionGoal], confidenceLevel: Double = 0.95, threads: Int? = nil,
        progress: (@Sendable (Int) -> Void)? = nil
    ) throws -> Outcome {
        try run(model: model, seed: seed, initial: initial, batch: batch, maximum: maximum, goals: goals,
                confidenceLevel: confidenceLevel, threads: threads, routing: SkillBasedRouting.self, progress: progress)
    }
}
