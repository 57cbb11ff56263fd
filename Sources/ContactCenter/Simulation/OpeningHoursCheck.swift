// Opening hours: a call arriving while its call type is closed hears the closed
// message and is counted, not admitted; redials never land in a closed period.

extension CenterSimulation {
    /// Whether call type `k` is open at time `t` (binary search of its open periods).
    func isOpen(callType k: Int, at t: Double) -> Bool {
        let periods = callTypes.openPeriods[k]
        var low = 0, high = periods.count
        while low < high {
            let mid = (low + high) / 2
            if periods[mid].close <= t { low = mid + 1 } else { high = mid }
        }
        return low < periods.count && periods[low].open <= t
    }

    /// The next time at or after `t` when call type `k` opens (`nil`: not before the horizon).
    func nextOpening(callType k: Int, after t: Double) -> Double? {
        callTypes.openPeriods[k].first { $0.close > t }.map { max($0.open, t) }
    }

    /// When a redial due at `time` comes: then if the call type is open, else at the next
    /// opening when callers wait for it, else never (`nil`: the caller gives up).
    func redialTime(callType k: Int, due time: Double, whenClosed: Redial.WhenClosed) -> Double? {
        guard callTypes.hasOpeningHours[k], !isOpen(callType: k, at: time) else { return time }
        guard whenClosed == .nextOpening, let opening = nextOpening(callType: k, after: time),
              opening < timing.horizon else { return nil }
        return opening
    }
}
