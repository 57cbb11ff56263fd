import Synchronization
import CGSL

/// A confidence interval for a mean, from independent replications, with the
/// Student-t quantile computed by GSL.
public struct ConfidenceInterval: Sendable, Equatable, Codable {
    /// The point estimate (the mean of the observations).
    public let mean: Double
    /// Lower bound.
    public let low: Double
    /// Upper bound.
    public let high: Double
    /// Confidence level (0.95 for a 95% interval).
    public let level: Double
    /// Number of observations (replications) behind the interval.
    public let count: Int

    /// Half the interval's width.
    public var halfWidth: Double { (high - low) / 2 }

    /// Whether `value` lies inside the closed interval.
    public func contains(_ value: Double) -> Bool { low <= value && value <= high }

    public init(mean: Double, low: Double, high: Double, level: Double, count: Int) {
        self.mean = mean
        self.low = low
        self.high = high
        self.level = level
        self.count = count
    }

    /// The interval `mean ± t(1 − (1 − level)/2, n − 1) · s / √n` of a tally.
    /// With one observation the interval is the point itself (no spread can be estimated).
    public init(tally: Tally, level: Double = 0.95) {
        let half: Double
        if tally.count > 1 {
            half = Self.studentQuantile(level: level, degreesOfFreedom: tally.count - 1)
                * tally.standardDeviation / Double(tally.count).squareRoot()
        } else {
            half = 0
        }
        self.init(mean: tally.mean, low: tally.mean - half, high: tally.mean + half,
                  level: level, count: tally.count)
    }

    /// The chi-square distribution's `p` quantile with `degreesOfFreedom` (GSL).
    public static func chiSquareQuantile(_ p: Double, degreesOfFreedom: Int) -> Double {
        precondition(p > 0 && p < 1 && degreesOfFreedom > 0, "invalid chi-square arguments")
        GSL.configure()
        return gsl_cdf_chisq_Pinv(p, Double(degreesOfFreedom))
    }

    /// The two-sided Student-t quantile for the given confidence level (remembered: a
    /// run's summary asks for the same few thousands of times).
    public static func studentQuantile(level: Double, degreesOfFreedom: Int) -> Double {
        precondition(level > 0 && level < 1 && degreesOfFreedom > 0, "invalid Student-t arguments")
        let key = StudentKey(level: level, degreesOfFreedom: degreesOfFreedom)
        if let known = studentQuantiles.withLock({ $0[key] }) { return known }
        GSL.configure()
        let quantile = gsl_cdf_tdist_Pinv(1 - (1 - level) / 2, Double(degreesOfFreedom))
        studentQuantiles.withLock { cache in
            if cache.count >= 4096 { cache.removeAll() }
            cache[key] = quantile
        }
        return quantile
    }

    private struct StudentKey: Hashable, Sendable {
        let level: Double
        let degreesOfFreedom: Int
    }

    private static let studentQuantiles = Mutex<[StudentKey: Double]>([:])
}
