/// How calls meet agents: which agent group answers a call that asks for an agent
/// when agents are idle, which waiting call a freed agent answers, and which further
/// groups a call may overflow to after waiting.
///
/// The simulation is generic over its policy, so a policy's decisions are direct
/// calls, specialised by the compiler, with no dynamic dispatch per event. A policy
/// sees the state it needs through two arrays that the simulation keeps current:
/// for each agent group, since when its longest-idle agent has been idle, and for each
/// call type, since when its longest-waiting call has waited (`.infinity` when the
/// group has no idle agent or the call type no waiting call).
///
/// A call type's groups come in tiers: tier 0 has the groups with its skill, further
/// tiers are overflow steps, each open to the call once it has waited the tier's delay.
public protocol RoutingPolicy: Sendable {
    /// Prepares the policy's tables for `model`.
    init(model: CenterModel)

    /// The group whose idle agent answers a call of type `callType` that asks for an
    /// agent (tiers without delay), or -1 to queue the call.
    func groupForArrival(callType: Int, longestIdleSince: UnsafeBufferPointer<Double>) -> Int

    /// The call type whose first waiting call a freed agent of `group` answers at time
    /// `now`, or -1 to leave the agent idle.
    func callTypeForFreedAgent(group: Int, now: Double, oldestWaitingSince: UnsafeBufferPointer<Double>) -> Int

    /// The first tier of `callType` that opens after a delay, or -1 if none.
    func firstDelayedTier(callType: Int) -> Int

    /// The delay after which tier `tier` of `callType` opens, or `nil` if there is no such tier.
    func delay(callType: Int, tier: Int) -> Double?

    /// The group of tier `tier` whose idle agent answers a waiting call of `callType`
    /// when the tier opens, or -1.
    func groupForOverflow(callType: Int, tier: Int, longestIdleSince: UnsafeBufferPointer<Double>) -> Int
}
