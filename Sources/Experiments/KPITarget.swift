import ContactCenter
import Foundation
import Statistics

/// A bound a KPI must respect: a call type's targets (its service level, abandonment,
/// speed of answer, answer rate), or a target of `ccsim capacity`. `kpi >= value` is met
/// with confidence when the lower end of the KPI's confidence interval is at least
/// `value`; `kpi <= value` when the upper end is at most `value`.
public struct KPITarget: Sendable, Equatable, CustomStringConvertible {
    public enum Relation: String, Sendable { case atLeast = ">=", atMost = "<=" }

    public var kpi: KPI
    public var relation: Relation
    public var value: Double

    public init(kpi: KPI, relation: Relation, value: Double) {
        self.kpi = kpi
        self.relation = relation
        self.value = value
    }

    /// Parses `service_level>=0.8` or `abandon_fraction<=0.05`.
    public init?(parsing text: String) {
        for relation in [Relation.atLeast, .atMost] {
            let parts = text.components(separatedBy: relation.rawValue)
            if parts.count == 2, let kpi = KPI(rawValue: parts[0].trimmingCharacters(in: .whitespaces)),
               let value = Double(parts[1].trimmingCharacters(in: .whitespaces)) {
                self.init(kpi: kpi, relation: relation, value: value)
                return
            }
        }
        return nil
    }

    public var description: String { kpi.rawValue + relation.rawValue + String(value) }

    /// Whether `ci` meets the target with confidence (an undefined KPI meets it: no calls, no failure).
    public func isMet(by ci: ConfidenceInterval?) -> Bool {
        guard let ci else { return true }
        return relation == .atLeast ? ci.low >= value : ci.high <= value
    }

    /// Whether `ci` misses the target: its mean lies on the wrong side, or, if
    /// `confident`, its whole interval does (an undefined KPI misses nothing).
    public func isMissed(by ci: ConfidenceInterval?, confident: Bool) -> Bool {
        guard let ci else { return false }
        return relation == .atLeast ? (confident ? ci.high : ci.mean) < value
                                    : (confident ? ci.low : ci.mean) > value
    }

    /// How far the worse end of `ci`'s interval lies inside the target (negative:
    /// outside); relative to the target for times (ASA), absolute for fractions.
    public func margin(_ ci: ConfidenceInterval) -> Double {
        let inside = relation == .atLeast ? ci.low - value : value - ci.high
        return kpi == .asa ? inside / max(value, 1) : inside
    }

    /// What a confidence interval says of a target.
    public enum Verdict: String, Sendable {
        /// The whole interval is on the right side.
        case met
        /// The whole interval is on the wrong side.
        case missed
        /// The interval straddles the target.
        case unsure
    }

    /// The verdict on `ci` (`nil` when the KPI is undefined: no calls).
    public func judge(_ ci: ConfidenceInterval?) -> Verdict? {
        guard let ci else { return nil }
        return isMet(by: ci) ? .met : isMissed(by: ci, confident: true) ? .missed : .unsure
    }

    /// The verdict word of the reports: met, missed, unsure, or – without calls.
    public func verdict(_ ci: ConfidenceInterval?) -> String {
        judge(ci)?.rawValue ?? "–"
    }
}

/// When an interval's target counts as held by a simulation's estimate of it.
public enum TargetRule: String, Sendable, CaseIterable {
    /// Not missed with confidence: the far end of the 95% interval reaches the target.
    case notMissed = "not-missed"
    /// The mean meets the target.
    case mean
    /// The whole 95% interval meets the target.
    case confident

    /// Whether `ci` fails `target` under this rule (an undefined KPI fails nothing).
    public func fails(_ target: KPITarget, _ ci: ConfidenceInterval?) -> Bool {
        guard let ci else { return false }
        switch self {
        case .notMissed: return target.isMissed(by: ci, confident: true)
        case .mean: return target.isMissed(by: ci, confident: false)
        case .confident: return !target.isMet(by: ci)
        }
    }

    /// How the rule reads in logs.
    public var phrase: String {
        switch self {
        case .notMissed: return "missed with confidence"
        case .mean: return "missed by the mean"
        case .confident: return "not met with confidence"
        }
    }
}

extension CallType {
    /// Every target the scenario sets for this call type: the service level's, then
    /// `abandon_fraction`, `asa` and `answer_rate` of ``targets``.
    public var kpiTargets: [KPITarget] {
        var bounds: [KPITarget] = []
        if let level = serviceLevel.target { bounds.append(KPITarget(kpi: .serviceLevel, relation: .atLeast, value: level)) }
        if let fraction = targets.abandonFraction {
            bounds.append(KPITarget(kpi: .abandonFraction, relation: .atMost, value: fraction))
        }
        if let asa = targets.asa { bounds.append(KPITarget(kpi: .asa, relation: .atMost, value: asa)) }
        if let rate = targets.answerRate { bounds.append(KPITarget(kpi: .answerRate, relation: .atLeast, value: rate)) }
        return bounds
    }
}
