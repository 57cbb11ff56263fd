/// A streaming quantile estimator for durations (waiting times): a log-linear
/// histogram whose bucket is read straight off the bits of a Double, so that recording
/// costs a shift and an increment — it sits on the simulator's hot path, once per call.
///
/// A duration `x` (seconds) is recorded as `y = x / resolution + 1`; the bucket is
/// `y`'s binary exponent and the top 7 bits of its mantissa, so each bucket spans at
/// most 1/128 (0.8%) of its values, and durations below `resolution` are resolved to
/// `resolution`. Memory is constant (about 14 KB), whatever the number of observations.
public struct QuantileHistogram: Sendable, Equatable {
    /// Mantissa bits kept per bucket: 2^7 = 128 buckets per doubling.
    @usableFromInline static let mantissaBits: UInt64 = 7
    /// Doublings covered above `resolution` (2^28 × 0.01 s ≈ 31 days).
    @usableFromInline static let doublings = 28
    @usableFromInline static let buckets = doublings << Int(mantissaBits)

    /// Number of buckets of every histogram.
    public static var bucketCount: Int { buckets }

    @usableFromInline var counts: [UInt32]
    @usableFromInline let unitsPerSecond: Double
    @usableFromInline var recorded: UInt64 = 0
    /// Number of recorded durations.
    public var count: UInt64 { recorded }
    /// The smallest distinguishable duration, in seconds.
    public let resolution: Double

    /// An empty histogram resolving durations down to `resolution` seconds (longer
    /// than about 2^28 × `resolution` are clamped to the last bucket).
    public init(resolution: Double = 0.01) {
        self.resolution = resolution
        unitsPerSecond = 1 / resolution
        counts = Array(repeating: 0, count: Self.buckets)
    }

    /// A histogram of the given bucket counts, as kept by a caller that records with
    /// ``bucket(of:resolution:)`` into memory of its own.
    public init<C: Collection>(resolution: Double = 0.01, bucketCounts: C) where C.Element == UInt32 {
        self.init(resolution: resolution)
        precondition(bucketCounts.count == Self.buckets, "wrong number of histogram buckets")
        counts = Array(bucketCounts)
        recorded = counts.reduce(0) { $0 + UInt64($1) }
    }

    /// The bucket of a duration (seconds) in a histogram of the given resolution.
    @inlinable
    public static func bucket(of seconds: Double, resolution: Double = 0.01) -> Int {
        bucket(of: seconds, unitsPerSecond: 1 / resolution)
    }

    @inlinable
    static func bucket(of seconds: Double, unitsPerSecond: Double) -> Int {
        bucket(of: seconds, unitsPerSecond: unitsPerSecond, mantissaBits: mantissaBits, buckets: buckets)
    }

    /// The bucket of a duration in a layout keeping `mantissaBits` of the mantissa (2^bits
    /// buckets per doubling) with `buckets` buckets in all.
    @inlinable
    static func bucket(of seconds: Double, unitsPerSecond: Double, mantissaBits: UInt64, buckets: Int) -> Int {
        let y = max(seconds, 0) * unitsPerSecond + 1
        let bucket = Int((y.bitPattern >> (52 - mantissaBits)) - (1023 << mantissaBits))
        return min(bucket, buckets - 1)
    }

    /// Records one duration (seconds, non-negative).
    @inlinable
    public mutating func record(_ seconds: Double) {
        counts[Self.bucket(of: seconds, unitsPerSecond: unitsPerSecond)] &+= 1
        recorded += 1
    }

    /// Adds another histogram's observations (same resolution).
    public mutating func merge(_ other: QuantileHistogram) {
        precondition(resolution == other.resolution, "merging histograms of different resolution")
        for i in counts.indices { counts[i] &+= other.counts[i] }
        recorded += other.recorded
    }

    /// The `p`-quantile (0 < p < 1) in seconds: the middle of the bucket holding the
    /// ⌈p·n⌉-th smallest duration (0 for the first bucket); `nil` when nothing was recorded.
    public func quantile(_ p: Double) -> Double? {
        counts.withUnsafeBufferPointer { Self.quantile(p, of: $0, resolution: resolution) }
    }

    /// The `p`-quantile of the bucket counts `counts` of a histogram of the given
    /// resolution, read in place (``quantile(_:)`` without making the histogram).
    public static func quantile(_ p: Double, of counts: UnsafeBufferPointer<UInt32>, resolution: Double = 0.01) -> Double? {
        quantile(p, of: counts, resolution: resolution, mantissaBits: mantissaBits)
    }

    /// The `p`-quantile of bucket counts in a layout keeping `mantissaBits` of the mantissa.
    static func quantile(_ p: Double, of counts: UnsafeBufferPointer<UInt32>, resolution: Double,
                         mantissaBits: UInt64) -> Double? {
        var count: UInt64 = 0
        for n in counts { count += UInt64(n) }
        guard count > 0 else { return nil }
        let rank = max(1, UInt64((p * Double(count)).rounded(.up)))
        var seen: UInt64 = 0
        for (bucket, n) in counts.enumerated() {
            seen += UInt64(n)
            if seen >= rank { return bucket == 0 ? 0 : middle(ofBucket: bucket, resolution: resolution, mantissaBits: mantissaBits) }
        }
        return middle(ofBucket: counts.count - 1, resolution: resolution, mantissaBits: mantissaBits)
    }


    /// The fraction of recorded durations at most `seconds` (buckets wholly below or at
    /// `seconds`; within the 0.8% bucket resolution); `nil` when nothing was recorded.
    public func fraction(atOrBelow seconds: Double) -> Double? {
        guard count > 0 else { return nil }
        let last = Self.bucket(of: seconds, unitsPerSecond: unitsPerSecond)
        let below = counts[0...last].reduce(UInt64(0)) { $0 + UInt64($1) }
        return Double(below) / Double(count)
    }

    private static func middle(ofBucket bucket: Int, resolution: Double, mantissaBits: UInt64) -> Double {
        func edge(_ b: Int) -> Double {
            Double(bitPattern: (UInt64(b) + (1023 << mantissaBits)) << (52 - mantissaBits))
        }
        return ((edge(bucket) + edge(bucket + 1)) / 2 - 1) * resolution
    }
}

extension QuantileHistogram {
    /// The compact layout of the waits of one planning interval and call type, where a
    /// centre may have thousands of such histograms: 16 buckets per doubling (a bucket
    /// spans at most 6.25% of its values, so a quantile read at its middle is within
    /// 3.2% of the bucket's values), 24 doublings above 0.01 s (about 46 hours; longer
    /// waits fall in the last bucket): 384 buckets, 1.5 KB. Whole-period histograms keep
    /// the fine layout (0.8%).
    public enum Compact {
        @usableFromInline static let mantissaBits: UInt64 = 4
        @usableFromInline static let buckets = 24 << Int(mantissaBits)

        /// Number of buckets of a compact histogram.
        public static var bucketCount: Int { buckets }

        /// The bucket of a duration (seconds, resolution 0.01 s).
        @inlinable
        public static func bucket(of seconds: Double) -> Int {
            QuantileHistogram.bucket(of: seconds, unitsPerSecond: 100, mantissaBits: mantissaBits, buckets: buckets)
        }

        /// The `p`-quantile of compact bucket counts, in seconds; `nil` when empty.
        public static func quantile(_ p: Double, of counts: UnsafeBufferPointer<UInt32>) -> Double? {
            QuantileHistogram.quantile(p, of: counts, resolution: 0.01, mantissaBits: mantissaBits)
        }
    }
}

