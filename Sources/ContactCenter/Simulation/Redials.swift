// Redials: a caller lost by a call (blocked, or abandoned) may call again later.

extension CenterSimulation {
    /// A caller lost by this call (blocked or abandoned) calls again with the call
    /// type's redial probability, unless out of attempts; else the caller is lost.
    /// The redial waits in a call slot of its own (the lost call's slot may still sit
    /// in a queue).
    mutating func lose(call: Int) {
        guard !calls[call].isTransfer else { return }  // the caller was served before the transfer
        let k = Int(calls[call].callType)
        let attempts = Int(calls[call].attempt) + 1
        guard let redial = callTypes.laws[k].redial, attempts < redial.maxAttempts else {
            statistics.recordCallerLost(calls[call])
            return
        }
        let generator = callTypes.redialGenerators[k]
        let callsAgain = generator.uniformPositive() < redial.probability
        let delay = redial.delay.sample(using: generator)
        guard callsAgain, let time = redialTime(callType: k, due: clock.now + delay, whenClosed: redial.whenClosed) else {
            statistics.recordCallerLost(calls[call])
            return
        }
        var pending = CallRecord.free
        pending.callType = calls[call].callType
        pending.callerInterval = calls[call].callerInterval
        pending.attempt = UInt16(attempts)
        pending.state = .redialing
        let slot = takeSlot()
        calls[slot] = pending
        _ = schedule(.redial, at: time, index: slot)
    }

    /// The caller calls again: a new attempt with its own talk time, patience and IVR path.
    mutating func redial(call: Int) {
        let pending = calls[call]
        drawCall(call, callType: Int(pending.callType), at: clock.now)
        calls[call].callerInterval = pending.callerInterval
        calls[call].attempt = pending.attempt
        admit(call: call)
    }
}
