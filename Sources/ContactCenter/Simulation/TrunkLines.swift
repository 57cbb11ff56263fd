// Trunk lines: a voice call holds a line from the moment it reaches the centre until
// it leaves; a call that finds every line busy hears a busy tone and is lost.

/// The centre's trunk lines and how many are busy.
struct TrunkLines {
    /// The number of lines (`Int.max`: no limit).
    let count: Int
    private(set) var busy = 0

    init(count: Int) { self.count = count }

    /// Whether a new call finds every line busy.
    var areAllBusy: Bool { busy >= count }

    mutating func change(by delta: Int) { busy += delta }

    func checkInvariants(callsHoldingLines: Int) {
        precondition(busy >= 0 && busy <= count, "trunk lines: \(busy) busy of \(count)")
        precondition(busy == callsHoldingLines, "trunk lines: \(busy) busy but \(callsHoldingLines) calls hold one")
    }
}

extension CenterSimulation {
    /// A call (a first attempt or a redial) reaches the centre: it takes a trunk line,
    /// or hears a busy tone, and passes the IVR on its way to an agent. Contacts of
    /// other channels go straight to the agents.
    @inline(__always)
    mutating func admit(call: Int) {
        statistics.recordArrival(calls[call])
        guard callTypes.allVoice || callTypes.isVoice[Int(calls[call].callType)] else {
            offerToAgents(call: call)
            return
        }
        if trunkLines.areAllBusy {
            statistics.recordBlocked(calls[call])
            lose(call: call)
            release(call: call)
            return
        }
        changeBusyLines(by: 1)
        if !callTypes.allVoice { calls[call].holdsLine = true }
        if ivrPorts.isPresent {
            enterIVR(call: call)
        } else {
            offerToAgents(call: call)
        }
    }

    /// Whether a call in the centre holds a trunk line (every voice call does once
    /// admitted; the flag is kept only when the centre has contacts of other channels).
    @inline(__always)
    func holdsLine(_ call: borrowing CallRecord) -> Bool {
        if callTypes.allVoice { return true }
        return call.holdsLine
    }

    /// A line is taken (`+1`) or freed (`-1`).
    @inline(__always)
    mutating func changeBusyLines(by delta: Int) {
        trunkLines.change(by: delta)
        statistics.changeBusyLines(by: Double(delta), at: clock.now)
    }
}
