// Follow-up work: answered calls create outbound tasks that agents take in idle time,
// each group keeping a reserve of idle agents for inbound calls.

extension CenterSimulation {
    /// A completed call creates a follow-up task: an idle agent of the kind's groups
    /// takes it if the group keeps its reserve of idle agents, else it waits.
    mutating func createTask(kind: Int) {
        let now = clock.now
        let task = FollowUpTask(kind: Int32(kind), interval: now >= timing.warmup ? Int32(interval(at: now)) : -1,
                                created: now, duration: followUpDurations[kind].sample(using: followUpGenerators[kind]))
        statistics.recordFollowUpCreated(task)
        var chosen = -1
        for g in followUps[kind].groups where groups[g].idle.count > followUps[kind].reserve {
            if chosen < 0 || longestIdleSince[g] < longestIdleSince[chosen] { chosen = g }
        }
        if chosen >= 0 {
            startTask(task, by: takeIdleAgent(group: chosen))
        } else {
            followUpQueues.add(task, arena: arena)
        }
    }

    mutating func startTask(_ task: FollowUpTask, by agent: Int) {
        agents[agent].callType = -1
        agents[agent].task = task
        statistics.changeBusy(group: Int(agents[agent].group), callType: -1, by: 1, at: clock.now)
        _ = schedule(.endOfTask, at: clock.now + task.duration, index: agent)
    }

    mutating func endTask(agent: Int) {
        statistics.recordFollowUpDone(agents[agent].task, at: clock.now,
                                      deadline: followUps[Int(agents[agent].task.kind)].deadline)
        finishWork(agent: agent)
    }
}
