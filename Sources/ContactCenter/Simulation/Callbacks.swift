// Callbacks: a waiting caller offered a callback may take it and hang up (the line is
// freed); an agent with the skill dials it when free of inbound calls, while the call
// type is open.

extension CenterSimulation {
    /// Schedules the callback offer of a call that has just queued, after its wait.
    @inline(__always)
    mutating func scheduleCallbackOffer(call: Int, callType k: Int) {
        let after = callbackDesk.offerAfter[k]
        if after.isFinite { _ = schedule(.callbackOffer, at: calls[call].queueEntry + after, index: call) }
    }

    /// A queued call has waited its type's `offer_after`: the caller is offered a callback.
    mutating func offerCallbackAfterWait(call: Int) {
        let k = Int(calls[call].callType)
        guard calls[call].state == .waiting, !calls[call].isTransfer,
              calls[call].queueEntry + callbackDesk.offerAfter[k] == clock.now else { return }  // answered or gone
        _ = offerCallback(call: call, callType: k, inQueue: true)
    }

    /// A call finding no idle agent: whether its caller, offered a callback because the
    /// predicted wait is over the threshold, takes it instead of queuing.
    mutating func takesCallbackOnArrival(call: Int, callType k: Int) -> Bool {
        guard !calls[call].isTransfer, let threshold = callbackDesk.offers[k]?.offerAbovePredictedWait else { return false }
        let agents = callbackDesk.groupsOfType[k].reduce(0) { $0 + groups[$1].scheduled }
        let meanHandle = callbackDesk.meanHandle[k][interval(at: clock.now)]
        let predicted = Double(queues[k].count + 1) * meanHandle / Double(max(1, agents))
        guard predicted > threshold else { return false }
        return offerCallback(call: call, callType: k, inQueue: false)
    }

    /// Offers a callback; if the caller takes it, the call leaves the queue (or never
    /// joins it), frees its line, and waits as a pending callback. Returns whether taken.
    private mutating func offerCallback(call: Int, callType k: Int, inQueue: Bool) -> Bool {
        statistics.recordCallbackOffered(calls[call])
        guard let offer = callbackDesk.offers[k],
              callbackDesk.generators[k].unsafelyUnwrapped.uniformPositive() < offer.acceptance else { return false }
        statistics.recordCallbackTaken(calls[call])
        if holdsLine(calls[call]) { changeBusyLines(by: -1) }
        var record = calls[call]
        record.state = .callbackPending
        record.queueEntry = clock.now  // from now on: when the callback was taken
        record.holdsLine = false
        let pending: Int
        if inQueue {
            calls[call].state = .abandoned  // left the queue; its slot is dropped at the head
            statistics.changeQueue(callType: k, by: -1, at: clock.now)
            if queues[k].first == call { dropLeavers(callType: k) }
            pending = takeSlot()
        } else {
            pending = call
        }
        calls[pending] = record
        callbackDesk.pending[k].append(pending, arena)
        callbackDesk.pendingCount += 1
        dialPendingCallbacks(callType: k)
        return true
    }

    /// Idle agents with the skill dial the pending callbacks of type `k` (at its opening,
    /// or when a callback is taken while some are idle).
    mutating func dialPendingCallbacks(callType k: Int) {
        while canDial(callType: k) {
            guard let g = callbackDesk.groupsOfType[k].first(where: { !groups[$0].idle.isEmpty }) else { return }
            let agent = takeIdleAgent(group: g)
            if !dial(callType: k, by: agent) { makeAvailable(agent: agent) }
        }
    }

    /// A free agent of group `g` dials the oldest pending callback it may; whether it did.
    mutating func dialCallback(agent: Int, group g: Int) -> Bool {
        var best = -1, oldest = Double.infinity
        for k in callbackDesk.typesOfGroup[g] where canDial(callType: k) {
            let taken = calls[callbackDesk.pending[k].first].queueEntry
            if taken < oldest { (best, oldest) = (k, taken) }
        }
        return best >= 0 && dial(callType: best, by: agent)
    }

    /// Whether a callback of type `k` is pending, the type is open and a line is free.
    private func canDial(callType k: Int) -> Bool {
        !callbackDesk.pending[k].isEmpty && !(callTypes.hasOpeningHours[k] && !isOpen(callType: k, at: clock.now))
            && !(callTypes.isVoice[k] && trunkLines.areAllBusy)
    }

    /// Dials the oldest callbacks of type `k` until one reaches the customer, who talks
    /// with `agent`; whether one did (the others end at once, their callers lost).
    private mutating func dial(callType k: Int, by agent: Int) -> Bool {
        let offer = callbackDesk.offers[k].unsafelyUnwrapped
        while !callbackDesk.pending[k].isEmpty {
            let call = callbackDesk.pending[k].removeFirst()
            callbackDesk.pendingCount -= 1
            let reached = callbackDesk.generators[k].unsafelyUnwrapped.uniformPositive() < offer.reach
            statistics.recordCallbackDialled(calls[call], at: clock.now, reached: reached, deadline: offer.deadline ?? .infinity)
            guard reached else {
                release(call: call)
                continue
            }
            if callTypes.isVoice[k] {
                changeBusyLines(by: 1)
                if !callTypes.allVoice { calls[call].holdsLine = true }
            }
            talk(call: call, by: agent)
            return true
        }
        return false
    }

    /// Records the callbacks never dialled.
    mutating func countUndoneCallbacks() {
        for k in 0..<typeCount {
            while !callbackDesk.pending[k].isEmpty {
                let call = callbackDesk.pending[k].removeFirst()
                statistics.recordCallbackUndone(calls[call])
            }
        }
        callbackDesk.pendingCount = 0
    }

    /// Schedules the openings of the call types with callbacks and opening hours, when
    /// idle agents dial what waited through the closed hours.
    mutating func scheduleCallbackOpenings() {
        for k in 0..<typeCount where callbackDesk.offers[k] != nil && callTypes.hasOpeningHours[k] {
            for period in callTypes.openPeriods[k] where period.open > 0 { _ = schedule(.callbackOpening, at: period.open, index: k) }
        }
    }
}
