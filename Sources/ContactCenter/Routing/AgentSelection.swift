
/// Which idle agent answers an arriving call.
public enum AgentSelection: String, Sendable, Equatable {
    /// The agent who has been idle longest, across the call type's groups.
    case longestIdle = "longest_idle"
    /// The first of the call type's groups, in the scenario's order of groups, with an
    /// idle agent (its longest-idle agent): a preference order of groups.
    case groupOrder = "group_order"
}
