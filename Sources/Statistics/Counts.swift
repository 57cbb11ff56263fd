import CGSL

/// Counts drawn from a stream's generator: how many events of a Poisson process fall
/// in an interval, how many of a number of trials succeed. GSL's samplers, so that
/// modules above Statistics (the history generator) draw counts without GSL.
extension RandomGenerator {
    /// A Poisson draw with the given mean (0 when the mean is 0 or less).
    @inlinable
    public func poisson(mean: Double) -> Int {
        mean > 0 ? Int(gsl_ran_poisson(state, mean)) : 0
    }

    /// A binomial draw: successes in `trials` trials of probability `probability`
    /// (clamped to 0…1).
    @inlinable
    public func binomial(trials: Int, probability: Double) -> Int {
        guard trials > 0 else { return 0 }
        return Int(gsl_ran_binomial(state, min(max(probability, 0), 1), UInt32(clamping: trials)))
    }
}
