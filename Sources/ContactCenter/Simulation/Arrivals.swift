import Engine
import Statistics

// Arrivals: each call type's next arrival, drawn by inverting its piecewise-constant
// rate, and the new call with its own random quantities.

extension CenterSimulation {
    /// Schedules the next arrival of a call type by inverting its piecewise-constant
    /// cumulative arrival rate: a unit exponential is spent across intervals until it
    /// is used up. No arrival is scheduled at or after the horizon.
    mutating func scheduleNextArrival(callType k: Int, after time: Double) {
        var remaining = callTypes.arrivalGenerators[k].unitExponential()
        let (n, length, horizon) = (intervalCount, timing.intervalLength, timing.horizon)
        var t = time
        var i = interval(at: t)
        let first = k * n
        while true {
            let end = min(horizon, Double(i + 1) * length)
            let rate = callTypes.arrivalRates[first + i]
            if rate > 0 && remaining <= rate * (end - t) {
                t += remaining / rate
                break
            }
            remaining -= rate * (end - t)
            i += 1
            t = end
            if i >= n { break }
        }
        guard t < timing.horizon else {
            nextArrivals[k].time = .infinity
            return
        }
        nextArrivals[k] = Event(time: t, sequence: events.takeSequenceNumber(),
                                code: Event.code(kind: Kind.arrival.rawValue, index: k))
    }

    /// The planning interval containing time `t` (the last one from the horizon on), as
    /// ``Timing/interval(at:)`` without recomputing the number of intervals.
    @inline(__always)
    func interval(at t: Double) -> Int {
        min(Int(t / timing.intervalLength), intervalCount - 1)
    }

    /// Finds the call type whose pending arrival comes first (-1 when none is left).
    mutating func findEarliestArrival() {
        earliestArrival = -1
        for k in 0..<typeCount where nextArrivals[k].time.isFinite {
            if earliestArrival < 0 || Event.precedes(nextArrivals[k], nextArrivals[earliestArrival]) {
                earliestArrival = k
            }
        }
    }

    /// A call of type `k` arrives now: the type's next arrival is drawn and the call
    /// reaches the centre.
    @inline(__always)
    mutating func arrive(callType k: Int) {
        let now = clock.now
        scheduleNextArrival(callType: k, after: now)
        findEarliestArrival()
        if callTypes.anyOpeningHours && callTypes.hasOpeningHours[k] && !isOpen(callType: k, at: now) {
            statistics.recordClosed(callType: k, at: now)
            return
        }
        admit(call: newCall(callType: k, at: now))
    }

    /// A new call of type `k` arriving now, in a free slot, with its own random quantities.
    @inline(__always)
    mutating func newCall(callType k: Int, at now: Double) -> Int {
        let call = takeSlot()
        drawCall(call, callType: k, at: now)
        return call
    }

    /// Fills slot `call` with a call of type `k` arriving now: its talk time, after-call
    /// work, patience, IVR path, transfer and follow-up, drawn from the type's streams
    /// (with the laws of the current interval where they change by interval).
    mutating func drawCall(_ call: Int, callType k: Int, at now: Double) {
        let interval: Int32 = now >= timing.warmup ? Int32(interval(at: now)) : -1
        let drawn = callTypes.drawQuantities(callType: k) { self.interval(at: now) }
        calls[call] = CallRecord(callType: Int32(k), interval: interval, callerInterval: interval, arrival: now,
                                 talk: drawn.talk, afterCallWork: drawn.afterCallWork, patience: drawn.patience)
        if ivrPorts.isPresent && callTypes.isVoice[k] { drawIVRPath(call: call, callType: k) }
        if callTypes.hasTransfers[k] { calls[call].transferTo = callTypes.drawTransfer(callType: k) }
        let kind = followUpOfType[k]
        if kind >= 0 && followUpGenerators[kind].uniformPositive() < followUps[kind].fraction {
            calls[call].followUp = Int16(kind)
        }
    }
}
