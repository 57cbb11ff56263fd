import Statistics

/// Callers who abandon or are blocked call again (a retrial orbit).
public struct Redial: Sendable, Equatable {
    /// Probability (0…1) that a caller who has just been lost calls again.
    public var probability: Double
    /// Time until the new attempt.
    public var delay: Distribution
    /// Most attempts a caller makes, the first included (`nil`: no limit).
    public var maxAttempts: Int?

    public init(probability: Double, delay: Distribution, maxAttempts: Int? = nil) {
        self.probability = probability
        self.delay = delay
        self.maxAttempts = maxAttempts
    }
}
