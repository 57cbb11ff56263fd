import Engine
import Statistics

// Arrivals: each call type's next arrival, drawn by inverting its piecewise-constant
// rate, and the new call with its own random quantities.

extension CenterSimulation {
    /// The arrival rates of this replication, flattened `[k * intervals + i]`: the
    /// model's, times the day's busyness factor when the model is over-dispersed (drawn
    /// from the replication's own `busyness` stream, one per simulated day).
    static func arrivalRates(of model: CenterModel, seed: UInt64, replication: Int) throws -> [Double] {
        let base = model.callTypes.flatMap(\.arrivalRates)
        guard let cv = model.busynessCV, cv > 0 else { return base }
        let stream = try RandomStream(seed: StreamSeeds.seed(
            scenarioSeed: seed, replication: replication, source: StreamSeeds.sourceID("centre", .busyness)))
        let timing = model.timing
        let factors = (0..<timing.clockDayCount).map { _ in Distribution.gamma(mean: 1, cv: cv).sample(stream) }
        let n = timing.intervalCount
        return base.enumerated().map { j, rate in rate * factors[timing.clockDay(at: timing.start(ofInterval: j % n))] }
    }

    /// Schedules the next arrival of a call type by inverting its piecewise-constant
    /// cumulative arrival rate: a unit exponential is spent across intervals until it
    /// is used up. No arrival is scheduled at or after the horizon.
    mutating func scheduleNextArrival(callType k: Int, after time: Double) {
        var remaining = arrivalGenerators[k].unitExponential()
        let (n, length, horizon) = (intervalCount, timing.intervalLength, timing.horizon)
        var t = time
        var i = interval(at: t)
        let first = k * n
        while true {
            let end = min(horizon, Double(i + 1) * length)
            let rate = arrivalRates[first + i]
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
        if anyOpeningHours && hasOpeningHours[k] && !isOpen(callType: k, at: now) {
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
        if anyLawsVary && lawsVary[k] {
            drawCallWithVaryingLaws(call, callType: k, at: now, interval: interval)
        } else {
            calls[call] = CallRecord(
                callType: Int32(k), interval: interval, callerInterval: interval, arrival: now,
                talk: laws[k].talk.sample(using: talkGenerators[k]),
                afterCallWork: laws[k].afterCallWork?.sample(using: afterCallWorkGenerators[k]) ?? 0,
                patience: laws[k].patience?.sample(using: patienceGenerators[k]) ?? .infinity)
        }
        if ivrPorts.isPresent && isVoice[k] { drawIVRPath(call: call, callType: k) }
        if hasTransfers[k] { calls[call].transferTo = drawTransfer(callType: k) }
        let kind = followUpOfType[k]
        if kind >= 0 && followUpGenerators[kind].uniformPositive() < followUps[kind].fraction {
            calls[call].followUp = Int16(kind)
        }
    }
}

extension CenterSimulation {
    /// ``drawCall(_:callType:at:)``'s draws for a call type whose laws change with the
    /// interval: each law of the arrival interval (the same streams as a single law).
    private mutating func drawCallWithVaryingLaws(_ call: Int, callType k: Int, at now: Double, interval: Int32) {
        let laws = self.laws[k].samplers(inInterval: self.interval(at: now), varying: varyingLaws[k])
        calls[call] = CallRecord(
            callType: Int32(k), interval: interval, callerInterval: interval, arrival: now,
            talk: laws.talk.sample(using: talkGenerators[k]),
            afterCallWork: laws.afterCallWork?.sample(using: afterCallWorkGenerators[k]) ?? 0,
            patience: laws.patience?.sample(using: patienceGenerators[k]) ?? .infinity)
    }
}
