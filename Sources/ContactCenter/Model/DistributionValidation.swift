import Statistics

extension Distribution {
    /// Checks the parameters the samplers rely on: finite, positive means, scales,
    /// shapes and `k`; non-negative constants, bounds (low ≤ high) and empirical
    /// values, of which there is at least one. The scenario loader reads the same bounds
    /// (and places its errors in the file); this guards a model built in code.
    /// - Throws: ``ModelError`` saying which parameter is wrong.
    func validate() throws {
        func positive(_ value: Double, _ name: String) throws {
            guard value > 0, value.isFinite else { throw ModelError("`\(name)` must be a positive finite number, got \(value)") }
        }
        func nonNegative(_ value: Double, _ name: String) throws {
            guard value >= 0, value.isFinite else { throw ModelError("`\(name)` must be a non-negative finite number, got \(value)") }
        }
        switch self {
        case .constant(let value): try nonNegative(value, "value")
        case .exponential(let mean): try positive(mean, "mean")
        case .lognormal(let zeta, let sigma):
            guard zeta.isFinite else { throw ModelError("a lognormal's `zeta` must be finite, got \(zeta)") }
            try positive(sigma, "sigma")
        case .gamma(let shape, let scale):
            try positive(shape, "shape")
            try positive(scale, "scale")
        case .erlang(let k, let mean):
            guard k >= 1 else { throw ModelError("an Erlang's `k` must be at least 1, got \(k)") }
            try positive(mean, "mean")
        case .weibull(let scale, let shape):
            try positive(scale, "scale")
            try positive(shape, "shape")
        case .uniform(let low, let high):
            try nonNegative(low, "low")
            try nonNegative(high, "high")
            guard low <= high else { throw ModelError("a uniform's `low` (\(low)) must not be more than its `high` (\(high))") }
        case .empirical(let values):
            guard !values.isEmpty else { throw ModelError("an empirical law needs at least one value") }
            for value in values { try nonNegative(value, "values") }
        }
        try nonNegative(mean, "mean")
    }
}
