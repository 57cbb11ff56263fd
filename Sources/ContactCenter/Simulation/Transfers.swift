// Transfers: after talk, a share of a call type's answered calls joins another type's
// queue, the caller still on the line.

extension CenterSimulation {
    /// Whether, and where, a call of type `k` will be transferred after talk: the
    /// destination's index, or -1 to end the call.
    mutating func drawTransfer(callType k: Int) -> Int16 {
        var u = transferGenerators[k].uniformPositive()
        for transfer in transfers[k] {
            if u < transfer.fraction { return Int16(transfer.to) }
            u -= transfer.fraction
        }
        return -1
    }

    /// The caller, still on the line, joins the destination's queue as a transferred
    /// call, with a talk time, after-call work and patience of the destination type's
    /// laws in the interval of the transfer (drawn from the original type's transfer
    /// stream). A transferred call is not transferred again.
    mutating func transfer(call: Int, at now: Double) {
        let to = Int(calls[call].transferTo)
        let generator = transferGenerators[Int(calls[call].callType)]
        statistics.recordTransfer(calls[call], to: to)
        calls[call].callType = Int32(to)
        calls[call].isTransfer = true
        let laws = self.laws[to].samplers(inInterval: interval(at: now), varying: varyingLaws[to])
        calls[call].talk = laws.talk.sample(using: generator)
        calls[call].afterCallWork = laws.afterCallWork?.sample(using: generator) ?? 0
        calls[call].patience = laws.patience?.sample(using: generator) ?? .infinity
        offerToAgents(call: call)
    }
}
