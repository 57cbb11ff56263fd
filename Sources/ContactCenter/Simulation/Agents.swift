// Agents: a call that asks for an agent is answered by the routing policy's idle agent
// or queues; after talk and after-call work a freed agent takes the next call the
// policy chooses, a follow-up task, or becomes idle (longest idle first).

extension CenterSimulation {
    /// The call leaves the IVR (or arrives without one) and asks for an agent: the
    /// policy's idle agent answers it, or it queues.
    @inline(__always)
    mutating func offerToAgents(call: Int) {
        let k = Int(calls[call].callType)
        calls[call].queueEntry = clock.now
        let group = policy.groupForArrival(callType: k, longestIdleSince: longestIdleSince.bufferPointer)
        if group >= 0 {
            answer(call: call, by: takeIdleAgent(group: group))
        } else if !(callbackDesk.isPresent && callbackDesk.offersOnArrival[k] && takesCallbackOnArrival(call: call, callType: k)) {
            enqueue(call: call)
        }
    }

    /// An agent answers a call: the call's talk starts, its wait is recorded.
    @inline(__always)
    mutating func answer(call: Int, by agent: Int) {
        if hasProficiency { applyProficiency(call: call, agent: agent) }
        statistics.recordAnswer(calls[call], at: clock.now)
        startTalk(call: call, by: agent)
    }

    /// An agent talks with a call reached otherwise (a callback dialled): no wait to record.
    mutating func talk(call: Int, by agent: Int) {
        if hasProficiency { applyProficiency(call: call, agent: agent) }
        startTalk(call: call, by: agent)
    }

    /// The agent's group's handle-time factor for the call's type scales its talk and
    /// after-call work.
    private mutating func applyProficiency(call: Int, agent: Int) {
        let factor = handleTimeFactors[Int(agents[agent].group) * typeCount + Int(calls[call].callType)]
        calls[call].talk *= factor
        calls[call].afterCallWork *= factor
    }

    @inline(__always)
    private mutating func startTalk(call: Int, by agent: Int) {
        let now = clock.now
        calls[call].state = .talking
        let g = Int(agents[agent].group)
        agents[agent].call = Int32(call)
        agents[agent].callType = calls[call].callType
        statistics.changeBusy(group: g, callType: Int(calls[call].callType), by: 1, at: now)
        _ = schedule(.endOfTalk, at: now + calls[call].talk, index: agent)
    }

    /// Talk ends: the call creates its follow-up task, is transferred or leaves; the
    /// agent goes on to after-call work.
    @inline(__always)
    mutating func endTalk(agent: Int) {
        let call = Int(agents[agent].call)
        let afterCallWork = calls[call].afterCallWork
        agents[agent].call = -1
        if calls[call].followUp >= 0 {
            createTask(kind: Int(calls[call].followUp))
            calls[call].followUp = -1
        }
        if calls[call].transferTo >= 0 && !calls[call].isTransfer {
            transfer(call: call, at: clock.now)
        } else {
            if holdsLine(calls[call]) { changeBusyLines(by: -1) }
            release(call: call)
        }
        if afterCallWork > 0 {
            _ = schedule(.endOfWork, at: clock.now + afterCallWork, index: agent)
        } else {
            finishWork(agent: agent)
        }
    }

    /// The agent has finished a call (talk and after-call work) or a task: log off if
    /// the group is over its staffing, else take the next call or become idle.
    @inline(__always)
    mutating func finishWork(agent: Int) {
        let g = Int(agents[agent].group)
        statistics.changeBusy(group: g, callType: Int(agents[agent].callType), by: -1, at: clock.now)
        if groups[g].pendingLogoffs > 0 {
            groups[g].pendingLogoffs -= 1
            logOff(agent: agent)
        } else {
            makeAvailable(agent: agent)
        }
    }

    /// A free agent takes the waiting call the policy chooses, a follow-up task, or
    /// becomes idle.
    mutating func makeAvailable(agent: Int) {
        let g = Int(agents[agent].group)
        let k = policy.callTypeForFreedAgent(group: g, now: clock.now, oldestWaitingSince: oldestWaitingSince.bufferPointer)
        if k >= 0 {
            answer(call: dequeue(callType: k), by: agent)
            return
        }
        if callbackDesk.pendingCount > 0 && dialCallback(agent: agent, group: g) { return }
        if followUpQueues.hasWork(forGroup: g) {
            let kind = followUpQueues.kindToServe(group: g, idleOthers: groups[g].idle.count)
            if kind >= 0 {
                startTask(followUpQueues.take(kind: kind), by: agent)
                return
            }
        }
        agents[agent].idleSince = clock.now
        if groups[g].idle.isEmpty { longestIdleSince[g] = clock.now }
        groups[g].idle.append(agent, arena)
    }

    /// Takes the longest-idle agent of group `g` (which must have one).
    @inline(__always)
    mutating func takeIdleAgent(group g: Int) -> Int {
        let agent = groups[g].idle.removeFirst()
        longestIdleSince[g] = groups[g].idle.isEmpty ? .infinity : agents[groups[g].idle.first].idleSince
        return agent
    }
}
