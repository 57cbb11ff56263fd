import Statistics

/// Callers who abandon or are blocked call again (a retrial orbit).
public struct Redial: Sendable, Equatable {
    /// Probability (0…1) that a caller who has just been lost calls again.
    public var probability: Double
    /// Time until the new attempt.
    public var delay: Distribution
    /// Most attempts a caller makes, the first included (`nil`: no limit).
    public var maxAttempts: Int?
    /// What a caller does whose redial would come while the call type is closed.
    public var whenClosed: WhenClosed

    /// A redial that would come while the call type is closed never lands there: the
    /// caller gives up (the default), or calls at the next opening.
    public enum WhenClosed: String, Sendable, CaseIterable {
        case giveUp = "give_up"
        case nextOpening = "next_opening"
    }

    public init(probability: Double, delay: Distribution, maxAttempts: Int? = nil, whenClosed: WhenClosed = .giveUp) {
        self.probability = probability
        self.delay = delay
        self.maxAttempts = maxAttempts
        self.whenClosed = whenClosed
    }
}
