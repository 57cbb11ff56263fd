import CGSL
import Foundation

/// A ``Distribution`` prepared for the event loop: a plain value — no reference
/// counting, no copy-on-write — that draws exactly as the distribution does (the same
/// GSL calls on the same generator, so results are identical).
///
/// The observed values of an empirical distribution live in memory owned by the
/// ``SamplerStorage`` that prepared the sampler, like a ``RandomGenerator``'s state
/// lives in its ``RandomStream``: keep the storage alive while the sampler is used.
public struct Sampler {
    @usableFromInline enum Law: UInt8 {
        case constant, exponential, lognormal, gamma, weibull, uniform, empirical
    }

    @usableFromInline let law: Law
    /// The law's two parameters, as GSL's samplers take them.
    @usableFromInline let first: Double
    @usableFromInline let second: Double
    /// The observed values of an empirical law.
    @usableFromInline let values: UnsafePointer<Double>?
    @usableFromInline let count: Int

    @usableFromInline
    init(law: Law, _ first: Double, _ second: Double = 0, values: UnsafePointer<Double>? = nil, count: Int = 0) {
        self.law = law
        self.first = first
        self.second = second
        self.values = values
        self.count = count
    }

    /// The sampler of a parametric distribution; `nil` for an empirical one, whose
    /// values need a ``SamplerStorage``.
    @usableFromInline
    init?(parametric distribution: Distribution) {
        switch distribution {
        case .constant(let v): self.init(law: .constant, v)
        case .exponential(let mean): self.init(law: .exponential, mean)
        case .lognormal(let zeta, let sigma): self.init(law: .lognormal, zeta, sigma)
        case .gamma(let k, let theta): self.init(law: .gamma, k, theta)
        case .erlang(let k, let mean): self.init(law: .gamma, Double(k), mean / Double(k))
        case .weibull(let scale, let shape): self.init(law: .weibull, scale, shape)
        case .uniform(let a, let b): self.init(law: .uniform, a, b)
        case .empirical: return nil
        }
    }

    /// One draw from `generator`.
    @inlinable
    public func sample(using generator: RandomGenerator) -> Double {
        let r = generator.state
        switch law {
        case .exponential: return -first * log(ccsim_rng_uniform_pos(r))
        case .constant: return first
        case .lognormal: return gsl_ran_lognormal(r, first, second)
        case .gamma: return gsl_ran_gamma(r, first, second)
        case .weibull: return gsl_ran_weibull(r, first, second)
        case .uniform: return gsl_ran_flat(r, first, second)
        case .empirical: return values.unsafelyUnwrapped[Int(gsl_rng_uniform_int(r, UInt(count)))]
        }
    }
}

/// Prepares ``Sampler``s and owns the memory of their empirical values (freed with it).
public final class SamplerStorage {
    private var allocations: [UnsafeMutableBufferPointer<Double>] = []

    public init() {}

    deinit {
        for allocation in allocations { allocation.deallocate() }
    }

    /// The sampler of `distribution`.
    public func sampler(_ distribution: Distribution) -> Sampler {
        if let sampler = Sampler(parametric: distribution) { return sampler }
        guard case .empirical(let values) = distribution else { preconditionFailure("a parametric law has a sampler") }
        let copy = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(values.count, 1))
        _ = copy.initialize(from: values)
        allocations.append(copy)
        return Sampler(law: .empirical, 0, values: UnsafePointer(copy.baseAddress), count: values.count)
    }
}
