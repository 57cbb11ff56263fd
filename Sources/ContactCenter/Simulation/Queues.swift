// Queues: calls wait for an agent in a first-in first-out queue per call type; they
// abandon when their patience runs out and may overflow to further groups after a delay.

extension CenterSimulation {
    /// The call waits in its type's queue, with its abandonment and first overflow
    /// scheduled.
    mutating func enqueue(call: Int) {
        let k = Int(calls[call].callType)
        calls[call].state = .waiting
        if queues[k].isEmpty { oldestWaitingSince[k] = calls[call].queueEntry }
        queues[k].append(call, arena)
        statistics.changeQueue(callType: k, by: 1, at: clock.now)
        let patience = calls[call].patience
        if patience.isFinite {
            calls[call].abandonmentSequence = schedule(.abandonment, at: clock.now + patience, index: call)
        }
        let tier = policy.firstDelayedTier(callType: k)
        if tier >= 0 { scheduleOverflow(call: call, tier: tier) }
        if callbackDesk.isPresent { scheduleCallbackOffer(call: call, callType: k) }
    }

    /// Schedules the moment the waiting call reaches the delay of overflow tier `tier`.
    private mutating func scheduleOverflow(call: Int, tier: Int) {
        guard let delay = policy.delay(callType: Int(calls[call].callType), tier: tier) else { return }
        calls[call].overflowTier = UInt8(tier)
        calls[call].overflowSequence = schedule(.overflow, at: calls[call].queueEntry + delay, index: call)
    }

    /// A waiting call has waited an overflow tier's delay: an idle agent of the tier's
    /// groups answers it (it is then first in its queue: every call before it has
    /// waited longer and could be taken by the same agents), else it waits for the next tier.
    mutating func overflow(call: Int, sequence: UInt32) {
        guard calls[call].state == .waiting, calls[call].overflowSequence == sequence else { return }
        let k = Int(calls[call].callType)
        let tier = Int(calls[call].overflowTier)
        let group = policy.groupForOverflow(callType: k, tier: tier, longestIdleSince: longestIdleSince.bufferPointer)
        if group >= 0 && queues[k].first == call {
            answer(call: dequeue(callType: k), by: takeIdleAgent(group: group))
        } else {
            scheduleOverflow(call: call, tier: tier + 1)
        }
    }

    /// The caller's patience has run out: the call leaves the queue (lazily: its slot
    /// stays in the queue until it reaches the head) and the caller may redial.
    mutating func abandon(call: Int, sequence: UInt32) {
        guard calls[call].state == .waiting, calls[call].abandonmentSequence == sequence else {
            return  // answered before its patience ran out: a cancelled event
        }
        let k = Int(calls[call].callType)
        calls[call].state = .abandoned
        if holdsLine(calls[call]) { changeBusyLines(by: -1) }
        statistics.changeQueue(callType: k, by: -1, at: clock.now)
        statistics.recordAbandonment(calls[call], at: clock.now)
        lose(call: call)
        if queues[k].first == call { dropLeavers(callType: k) }
    }

    /// Removes the first waiting call of a type (the queue must hold a live call first).
    mutating func dequeue(callType k: Int) -> Int {
        let call = queues[k].removeFirst()
        statistics.changeQueue(callType: k, by: -1, at: clock.now)
        dropLeavers(callType: k)
        return call
    }

    /// Frees the abandoned calls at the head of a queue, so that the head is always a
    /// waiting call, and updates the queue's oldest waiting time.
    mutating func dropLeavers(callType k: Int) {
        while !queues[k].isEmpty && calls[queues[k].first].state != .waiting {
            release(call: queues[k].removeFirst())
        }
        oldestWaitingSince[k] = queues[k].isEmpty ? .infinity : calls[queues[k].first].queueEntry
    }

    /// Records the calls left waiting when no event remains (no agent will come, and
    /// they never hang up).
    mutating func countUnserved() {
        for k in 0..<typeCount {
            while !queues[k].isEmpty {
                let call = queues[k].removeFirst()
                if calls[call].state == .waiting {
                    statistics.recordUnserved(calls[call])
                    if !calls[call].isTransfer { statistics.recordCallerLost(calls[call]) }
                }
            }
        }
        for task in followUpQueues.drain() { statistics.recordFollowUpUndone(task) }
        if callbackDesk.isPresent { countUndoneCallbacks() }
    }
}
