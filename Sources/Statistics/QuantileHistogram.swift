import Histogram

/// A streaming quantile estimator for durations (waiting times), backed by an HDR
/// histogram: constant memory whatever the number of observations, about 1% relative
/// resolution, values recorded in units of `resolution` seconds.
public struct QuantileHistogram: Sendable {
    @usableFromInline var histogram: Histogram<UInt32>
    /// The smallest distinguishable duration, in seconds.
    public let resolution: Double
    @usableFromInline let unitsPerSecond: Double

    /// A histogram for durations from 0 up to `maximum` seconds (larger values are clamped).
    public init(maximum: Double = 14 * 86_400, resolution: Double = 0.01) {
        self.resolution = resolution
        unitsPerSecond = 1 / resolution
        histogram = Histogram(highestTrackableValue: UInt64(maximum / resolution),
                              numberOfSignificantValueDigits: .two)
    }

    /// Number of recorded durations.
    public var count: UInt64 { histogram.totalCount }

    /// Records one duration (seconds, non-negative).
    @inlinable
    public mutating func record(_ seconds: Double) {
        let units = seconds > 0 ? UInt64(seconds * unitsPerSecond + 0.5) : 0
        _ = histogram.record(min(units, histogram.highestTrackableValue))
    }

    /// Adds another histogram's observations (same range and resolution).
    public mutating func merge(_ other: QuantileHistogram) {
        histogram.add(other.histogram)
    }

    /// The `p`-quantile (0 < p < 1) in seconds, or `nil` when nothing was recorded.
    /// Quantiles are reported as the middle of the histogram bucket they fall in.
    public func quantile(_ p: Double) -> Double? {
        guard count > 0 else { return nil }
        let value = histogram.valueAtPercentile(p * 100)
        if value == 0 { return 0 }
        let low = histogram.lowestEquivalentForValue(value)
        let high = histogram.highestEquivalentForValue(value)
        return (Double(low) + Double(high)) / 2 * resolution
    }
}
