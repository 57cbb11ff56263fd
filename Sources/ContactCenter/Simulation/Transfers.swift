// Transfers: after talk, a share of a call type's answered calls joins another type's
// queue, the caller still on the line.

extension CenterSimulation {
    /// The caller, still on the line, joins the destination's queue as a transferred
    /// call, with a talk time, after-call work and patience of the destination type's
    /// laws in the interval of the transfer (drawn from the original type's transfer
    /// stream). A transferred call is not transferred again.
    mutating func transfer(call: Int, at now: Double) {
        let (from, to) = (Int(calls[call].callType), Int(calls[call].transferTo))
        statistics.recordTransfer(calls[call], to: to)
        calls[call].callType = Int32(to)
        calls[call].isTransfer = true
        let drawn = callTypes.drawTransferredPart(from: from, to: to, interval: interval(at: now))
        (calls[call].talk, calls[call].afterCallWork, calls[call].patience) = (drawn.talk, drawn.afterCallWork, drawn.patience)
        offerToAgents(call: call)
    }
}
