import Foundation

/// A value axis of a chart with "nice" ticks: steps of 1, 2, 2.5 or 5 × 10^k, ticks at
/// whole multiples of the step, and labels with only the digits the step needs
/// (`0`, `0.025`, `0.05`, …, never `0.0798881`).
public struct ChartAxis: Sendable, Equatable {
    /// The values the axis spans.
    public let range: ClosedRange<Double>
    /// The distance between two ticks.
    public let step: Double
    /// The ticks, in increasing order: the multiples of `step` within `range`.
    public let ticks: [Double]
    /// Decimals a tick needs to be written exactly.
    private let decimals: Int

    /// An axis from a tick at or below the smallest of `values` and 0 to a tick at or
    /// above the largest of them and 0, in about `intervals` steps (at most two more,
    /// after widening to whole steps). Infinite and NaN values are ignored; without
    /// values (or with zeros only) the axis spans 0…1.
    public init(covering values: [Double], intervals: Int = 5) {
        let finite = values.filter(\.isFinite)
        let low = min(0, finite.min() ?? 0), high = max(0, finite.max() ?? 0)
        let span = high > low ? high - low : 1
        let step = Self.niceStep(span / Double(max(intervals, 1)))
        let first = (low / step + 1e-9).rounded(.down), last = (max(high, low + span) / step - 1e-9).rounded(.up)
        self.init(range: first * step...last * step, step: step)
    }

    /// An axis over a fixed range (such as 0…1 for shares), ticks at the multiples of a
    /// nice step of about `intervals` per range.
    public init(fixed range: ClosedRange<Double>, intervals: Int = 5) {
        let span = range.upperBound > range.lowerBound ? range.upperBound - range.lowerBound : 1
        self.init(range: range, step: Self.niceStep(span / Double(max(intervals, 1))))
    }

    private init(range: ClosedRange<Double>, step: Double) {
        self.range = range
        self.step = step
        let first = Int((range.lowerBound / step - 1e-9).rounded(.up))
        let last = Int((range.upperBound / step + 1e-9).rounded(.down))
        ticks = first <= last ? (first...last).map { Double($0) * step } : []
        decimals = Self.decimals(of: step)
    }

    /// The smallest step of 1, 2, 2.5 or 5 × 10^k at least `raw` (1 for a step that is
    /// not a positive number).
    public static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        for m in [1.0, 2, 2.5, 5, 10] where m * magnitude >= raw * (1 - 1e-12) { return m * magnitude }
        return 10 * magnitude
    }

    /// A tick's label: as many decimals as the step needs, less trailing zeros
    /// (`0.05`, `2.5`, `100`), never `-0`.
    public func label(_ value: Double) -> String {
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// The fewest decimals (up to 15) that write `step` exactly.
    private static func decimals(of step: Double) -> Int {
        for d in 0...15 {
            let scaled = step * pow(10, Double(d))
            if abs(scaled - scaled.rounded()) <= 1e-9 * max(1, scaled) { return d }
        }
        return 15
    }
}
