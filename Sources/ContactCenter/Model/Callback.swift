/// Callbacks (virtual hold): a waiting caller may leave the queue and be called back.
/// The caller's line is freed at once; the callback waits as work that an agent with
/// the skill dials when free of inbound calls (callbacks are blended into idle time, like
/// follow-up work, oldest first), and only while the call type is open. Dialling takes
/// a trunk line for the talk; a callback that reaches the customer is talked and
/// wrapped up with the call's own talk and after-call work.
public struct Callback: Sendable, Equatable {
    /// Offered to callers who have waited this long in queue (`nil`: not after a wait).
    public var offerAfter: Double?
    /// Offered on arrival when the predicted wait exceeds this (`nil`: not on arrival).
    /// The prediction is the calls queued ahead plus this one, times the call type's
    /// mean handle time, over the agents logged in with the skill.
    public var offerAbovePredictedWait: Double?
    /// The share (0…1) of callers offered a callback who take it.
    public var acceptance: Double
    /// Callbacks dialled within this time of being taken are on time (`nil`: no deadline).
    public var deadline: Double?
    /// The share (0…1) of dialled callbacks that reach the customer; the others end at
    /// once, the caller lost.
    public var reach: Double

    public init(offerAfter: Double? = nil, offerAbovePredictedWait: Double? = nil, acceptance: Double,
                deadline: Double? = nil, reach: Double = 1) {
        self.offerAfter = offerAfter
        self.offerAbovePredictedWait = offerAbovePredictedWait
        self.acceptance = acceptance
        self.deadline = deadline
        self.reach = reach
    }

    /// Checks the offer, shares and deadline.
    func validate() throws {
        guard offerAfter != nil || offerAbovePredictedWait != nil else {
            throw ModelError("say when a callback is offered: `offer_after` (a wait) or `offer_above_predicted_wait`")
        }
        for (value, key) in [(offerAfter, "offer_after"), (offerAbovePredictedWait, "offer_above_predicted_wait"),
                             (deadline, "deadline")] {
            if let value, !(value >= 0 && value <= ModelLimits.longestDuration) {
                throw ModelError("\(key) must be a duration from 0 to \(Timing.format(ModelLimits.longestDuration))")
            }
        }
        for (share, key) in [(acceptance, "acceptance"), (reach, "reach")] where !(0...1).contains(share) {
            throw ModelError("\(key) must be a fraction between 0 and 1")
        }
    }
}
