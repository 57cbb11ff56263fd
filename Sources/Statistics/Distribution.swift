import CGSL
import Foundation

/// A probability distribution of a non-negative duration (seconds) or other positive
/// quantity, sampled with GSL's generators.
///
/// Parameters are stored in the form GSL's samplers take; use the static factory
/// functions to build a distribution from the parameters a planner knows (a mean and
/// a coefficient of variation, for instance).
public enum Distribution: Equatable, Sendable {
    /// Always `value`.
    case constant(Double)
    /// Exponential with the given mean.
    case exponential(mean: Double)
    /// Lognormal: `exp(N(zeta, sigma²))`.
    case lognormal(zeta: Double, sigma: Double)
    /// Gamma with shape `k` and scale `theta` (mean `k·theta`).
    case gamma(shape: Double, scale: Double)
    /// Erlang-k: the sum of `k` exponentials, with the given overall mean.
    case erlang(k: Int, mean: Double)
    /// Weibull with the given scale and shape.
    case weibull(scale: Double, shape: Double)
    /// Uniform on `[low, high]`.
    case uniform(low: Double, high: Double)
    /// Resampling of observed values: each listed value is equally likely.
    case empirical([Double])

    /// A lognormal with the given mean and coefficient of variation (sd / mean).
    public static func lognormal(mean: Double, cv: Double) -> Distribution {
        let sigma2 = log1p(cv * cv)
        return .lognormal(zeta: log(mean) - sigma2 / 2, sigma: sigma2.squareRoot())
    }

    /// A gamma with the given mean and coefficient of variation.
    public static func gamma(mean: Double, cv: Double) -> Distribution {
        let shape = 1 / (cv * cv)
        return .gamma(shape: shape, scale: mean / shape)
    }

    /// The distribution's mean.
    public var mean: Double {
        switch self {
        case .constant(let v): return v
        case .exponential(let m): return m
        case .lognormal(let zeta, let sigma): return exp(zeta + sigma * sigma / 2)
        case .gamma(let k, let theta): return k * theta
        case .erlang(_, let m): return m
        case .weibull(let scale, let shape): return scale * gsl_sf_gamma(1 + 1 / shape)
        case .uniform(let a, let b): return (a + b) / 2
        case .empirical(let values): return values.reduce(0, +) / Double(values.count)
        }
    }

    /// Whether this is an exponential distribution (the Markovian case of the Erlang formulas).
    public var isExponential: Bool {
        if case .exponential = self { return true }
        return false
    }

    /// One draw from `stream`.
    @inlinable
    public func sample(_ stream: RandomStream) -> Double {
        sample(using: stream.generator)
    }

    /// One draw from a stream's generator. The event loop draws through a ``Sampler``
    /// instead, which draws the same values without reference counting.
    @inlinable
    public func sample(using generator: RandomGenerator) -> Double {
        if case .empirical(let values) = self {
            return values[Int(gsl_rng_uniform_int(generator.state, UInt(values.count)))]
        }
        return Sampler(parametric: self).unsafelyUnwrapped.sample(using: generator)
    }
}
