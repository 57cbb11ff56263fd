// Call slots: calls live in a growing buffer of records, reused through a free list
// (grown up to ``ModelLimits/liveCalls``, see `Backlog.swift`).

extension CenterSimulation {
    /// A free call slot (its content is left to the caller to set).
    @inline(__always)
    mutating func takeSlot() -> Int {
        if freeCallCount > 0 {
            freeCallCount -= 1
            return Int(freeCalls[freeCallCount])
        }
        if callsInUse == calls.count { growCallSlots() }
        callsInUse += 1
        return callsInUse - 1
    }

    /// Returns a call's slot to the free list.
    mutating func release(call: Int) {
        calls[call].state = .free
        freeCalls[freeCallCount] = Int32(call)
        freeCallCount += 1
    }
}
