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
