import ContactCenter
import Statistics

/// Two scenarios run with the same seed and replications — common random numbers: the
/// same calls in replication k of both — and, for every KPI of every subject they
/// share, the paired difference B − A with its confidence interval.
///
/// Pairing removes the variation both runs share (the same busy days, the same long
/// calls), so the interval of the difference is much narrower than that of two
/// independent runs.
public struct PairedComparison: Sendable {
    /// One KPI of one subject in both runs, and their difference.
    public struct Difference: Sendable {
        /// `total`, `call_types.<id>`, `agent_groups.<id>`, `resources` or `follow_ups.<id>`.
        public var subject: String
        public var kpi: KPI
        public var a: ConfidenceInterval
        public var b: ConfidenceInterval
        /// B − A, paired by replication.
        public var difference: ConfidenceInterval

        /// Whether the interval of the difference excludes 0.
        public var isSignificant: Bool { difference.low > 0 || difference.high < 0 }
    }

    public var replications: Int
    public var seed: UInt64
    public var confidenceLevel: Double
    /// By subject (in the order above), then KPI (in ``KPI`` order).
    public var differences: [Difference]

    /// Compares `resultsB` (of `modelB`) with `resultsA` (of `modelA`), replication by
    /// replication; both must hold the same replications of the same seed.
    public init(modelA: CenterModel, resultsA: [ReplicationResult], modelB: CenterModel, resultsB: [ReplicationResult],
                seed: UInt64, confidenceLevel: Double = 0.95) {
        precondition(resultsA.count == resultsB.count, "paired runs need the same replications")
        replications = resultsA.count
        self.seed = seed
        self.confidenceLevel = confidenceLevel
        let openA = modelA.openIntervalMask, openB = modelB.openIntervalMask
        let valuesA = resultsA.map { ReplicationMeasures(model: modelA, result: $0, openIntervals: openA).bySubject(model: modelA) }
        let valuesB = resultsB.map { ReplicationMeasures(model: modelB, result: $0, openIntervals: openB).bySubject(model: modelB) }
        let subjects = (valuesA.first ?? []).map(\.subject).filter { s in (valuesB.first ?? []).contains { $0.subject == s } }
        differences = []
        for subject in subjects {
            for kpi in KPI.allCases {
                var a = Tally(), b = Tally(), d = Tally()
                for (ra, rb) in zip(valuesA, valuesB) {
                    guard let x = ra.first(where: { $0.subject == subject })?.values[kpi],
                          let y = rb.first(where: { $0.subject == subject })?.values[kpi] else { continue }
                    a.add(x)
                    b.add(y)
                    d.add(y - x)
                }
                guard d.count >= 2 else { continue }
                differences.append(Difference(
                    subject: subject, kpi: kpi, a: a.confidenceInterval(level: confidenceLevel),
                    b: b.confidenceInterval(level: confidenceLevel), difference: d.confidenceInterval(level: confidenceLevel)))
            }
        }
    }

    /// The difference of `kpi` for `subject`, if both runs define it.
    public func difference(_ kpi: KPI, of subject: String = "total") -> Difference? {
        differences.first { $0.subject == subject && $0.kpi == kpi }
    }
}

extension ReplicationMeasures {
    /// The replication's KPI values by subject name.
    func bySubject(model: CenterModel) -> [(subject: String, values: KPIValues)] {
        [("total", total)]
            + zip(model.callTypes, callTypes).map { ("call_types.\($0.id)", $1) }
            + zip(model.agentGroups, groups).map { ("agent_groups.\($0.id)", $1) }
            + [("resources", resources)]
            + zip(model.followUps, followUps).map { ("follow_ups.\($0.id)", $1) }
    }
}
