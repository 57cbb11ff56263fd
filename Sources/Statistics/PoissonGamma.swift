import CGSL

/// Counts that are Poisson given a rate that is gamma distributed: negative binomial
/// (GSL's `gsl_cdf_negative_binomial_P`), the predictive law of a count whose rate is
/// known up to a gamma factor.
public struct PoissonGamma: Sendable {
    /// The gamma factor's shape and rate, and the count's mean given a factor of 1.
    public let shape: Double, rate: Double, mean: Double

    /// The count of mean `mean` × a factor of gamma law (`shape`, `rate`); all positive
    /// and finite (`mean` may be 0: no count).
    public init(shape: Double, rate: Double, mean: Double) {
        precondition(shape > 0 && rate > 0 && mean >= 0 && shape.isFinite && rate.isFinite && mean.isFinite,
                     "a gamma factor of positive shape and rate, and a mean of at least 0")
        (self.shape, self.rate, self.mean) = (shape, rate, mean)
    }

    /// The expected count: mean × shape / rate.
    public var expected: Double { mean * shape / rate }

    /// The smallest count whose cumulative probability is at least `p` (0 < p < 1).
    public func quantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "a probability strictly between 0 and 1")
        guard mean > 0 else { return 0 }
        GSL.configure()
        let success = rate / (rate + mean)
        let variance = expected / success
        var low = 0.0, high = (expected + 20 * variance.squareRoot() + 10).rounded(.up)
        while gsl_cdf_negative_binomial_P(UInt32(min(high, Double(UInt32.max))), success, shape) < p && high < Double(UInt32.max) {
            high *= 2
        }
        // The smallest k in [low, high] with P(X ≤ k) ≥ p.
        while low < high {
            let middle = ((low + high) / 2).rounded(.down)
            if gsl_cdf_negative_binomial_P(UInt32(middle), success, shape) >= p { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
