import Statistics

// What happens to calls besides their own queue: overflow to further groups,
// the choice of agent, transfers after talk and redials after a loss.

/// After talk, a fraction of the answered calls of a type is transferred to another call
/// type's queue: the caller stays on the line (keeping the trunk line), is served as a
/// call of that type, and counts once, as the original call, in the centre's KPIs.
public struct Transfer: Sendable, Equatable {
    /// Index of the call type whose queue the caller joins.
    public var to: Int
    /// Fraction (0…1) of the answered calls transferred there.
    public var fraction: Double

    public init(to: Int, fraction: Double) {
        self.to = to
        self.fraction = fraction
    }
}

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

/// After `delay` seconds in queue, a call may also be answered by agents of `groups`.
public struct OverflowStep: Sendable, Equatable {
    public var delay: Double
    /// Indices into ``CenterModel/agentGroups``.
    public var groups: [Int]

    public init(delay: Double, groups: [Int]) {
        self.delay = delay
        self.groups = groups
    }
}

/// Which idle agent answers an arriving call.
public enum AgentSelection: String, Sendable, Equatable {
    /// The agent who has been idle longest, across the call type's groups.
    case longestIdle = "longest_idle"
    /// The first of the call type's groups, in the scenario's order of groups, with an
    /// idle agent (its longest-idle agent): a preference order of groups.
    case groupOrder = "group_order"
}
