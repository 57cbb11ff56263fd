import Foundation

/// One key of a sweep and its values, from `KEY=FROM..TO[:STEP]` (step 1 by default):
/// `seats=100..160:10` gives 100, 110, …, 160.
public struct SweepRange: Sendable, Equatable {
    /// The scenario key (`seats`, `ivr.ports`, …).
    public var key: String
    /// The values, as the texts of the overrides (whole numbers without a decimal point).
    public var values: [String]

    /// The most points one range may have.
    public static let maximumPoints = 1000

    /// Parses `KEY=FROM..TO[:STEP]`; `nil` unless FROM ≤ TO are numbers, the step is
    /// positive and there are at most ``maximumPoints`` values.
    public init?(parsing text: String) {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        let bounds = parts.count == 2 ? parts[1].components(separatedBy: "..") : []
        guard bounds.count == 2 else { return nil }
        let upper = bounds[1].split(separator: ":", maxSplits: 1).map(String.init)
        guard !upper.isEmpty, let from = Double(bounds[0]), let to = Double(upper[0]),
              let step = upper.count == 2 ? Double(upper[1]) : 1,
              step > 0, to >= from, (to - from) / step <= Double(Self.maximumPoints) else { return nil }
        let whole = [from, to, step].allSatisfy { $0 == $0.rounded() }
        key = parts[0]
        values = stride(from: from, through: to + step * 1e-9, by: step).map { v in
            whole ? String(Int(v.rounded())) : String(v)
        }
    }

    /// Every combination of the ranges' values (the first range varies slowest), as
    /// (key, value) settings.
    public static func grid(_ ranges: [SweepRange]) -> [[(key: String, value: String)]] {
        ranges.reduce([[]]) { points, range in
            points.flatMap { point in range.values.map { point + [(range.key, $0)] } }
        }
    }
}
