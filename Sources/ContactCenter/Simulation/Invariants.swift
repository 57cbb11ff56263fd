// Invariants of the simulation's resources, checked after every event in debug builds
// (the `CCSIM_INVARIANT_CHECKS` condition, set for debug builds in Package.swift), in
// the manner of swift-collections' `_checkInvariants`. Each check walks the calls or
// agents it concerns and traps with what is wrong; release builds never call them.

extension CenterSimulation {
    /// Whether this build checks every resource's invariants after every event.
    public static var checksInvariants: Bool {
        #if CCSIM_INVARIANT_CHECKS
        return true
        #else
        return false
        #endif
    }

    /// Checks the event list, the trunk lines, the IVR ports, the queues, the idle
    /// agents and the seats against the calls and agents they account for.
    func checkInvariants() {
        events.checkInvariants()
        var holdingLines = 0, onPorts = 0, waitingForPort = 0
        for c in 0..<calls.inUse {
            let call = calls[c]
            switch call.state {
            case .waitingForPort: waitingForPort += 1
            case .inIVR, .selfService: onPorts += 1
            default: break
            }
            if call.state.isInCentre && holdsLine(call) { holdingLines += 1 }
        }
        trunkLines.checkInvariants(callsHoldingLines: holdingLines)
        ivrPorts.checkInvariants(callsOnPorts: onPorts, callsWaiting: waitingForPort)
        checkCallSlots()
        checkQueues()
        checkIdleAgents()
        for g in 0..<groupCount {
            precondition(groups[g].loggedIn == groupSizes[g] - offlineAgents[g].count, "group \(g): logged-in count out of date")
        }
        var loggedIn = 0  // seats: one per agent, one per chat agent's slots
        for g in 0..<groupCount {
            let slots: Int = groups[g].loggedIn
            loggedIn += (slots + chatSlots[g] - 1) / chatSlots[g]
        }
        let waiting = (0..<groupCount).reduce(0) { $0 + groups[$1].waitingForSeat }
        seats.checkInvariants(loggedIn: loggedIn, waitingPerGroup: waiting)
    }

    /// Free slots are free, distinct and in use range.
    private func checkCallSlots() {
        precondition(calls.freeCount <= calls.inUse, "call slots: more free slots than slots")
        var seen = Set<Int32>()
        for i in 0..<calls.freeCount {
            let slot = calls.free[i]
            precondition(slot >= 0 && Int(slot) < calls.inUse && calls[Int(slot)].state == .free,
                         "call slots: free slot \(slot) is in use")
            precondition(seen.insert(slot).inserted, "call slots: slot \(slot) freed twice")
        }
    }

    /// Every queued call is of the queue's type and waiting (or abandoned, not yet
    /// dropped); the head waits; the oldest waiting time is the head's.
    private func checkQueues() {
        for k in 0..<typeCount {
            queues[k].forEach { c in
                precondition(Int(calls[c].callType) == k, "queue \(k): holds a call of type \(calls[c].callType)")
                precondition(calls[c].state == .waiting || calls[c].state == .abandoned,
                             "queue \(k): holds a call in state \(calls[c].state)")
            }
            let oldest = queues[k].isEmpty ? Double.infinity : calls[queues[k].first].queueEntry
            precondition(queues[k].isEmpty || calls[queues[k].first].state == .waiting, "queue \(k): head is not waiting")
            precondition(oldestWaitingSince[k] == oldest, "queue \(k): oldest waiting time out of date")
        }
    }

    /// Idle agents belong to their group, hold no call, and are in order of becoming
    /// idle; each group's longest idle time is its first idle agent's.
    private func checkIdleAgents() {
        for g in 0..<groupCount {
            var previous = -Double.infinity
            groups[g].idle.forEach { a in
                precondition(Int(agents[a].group) == g && agents[a].call == -1, "group \(g): idle agent \(a) is busy or foreign")
                precondition(agents[a].idleSince >= previous, "group \(g): idle agents out of order")
                previous = agents[a].idleSince
            }
            let longest = groups[g].idle.isEmpty ? Double.infinity : agents[groups[g].idle.first].idleSince
            precondition(longestIdleSince[g] == longest, "group \(g): longest idle time out of date")
            precondition(groups[g].idle.count <= groupSizes[g] - offlineAgents[g].count,
                         "group \(g): more idle agents than agents logged in")
        }
    }
}
