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
