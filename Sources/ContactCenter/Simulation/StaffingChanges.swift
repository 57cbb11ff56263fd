// Staffing changes: the plan's steps (per-interval staffing, shift starts and ends,
// breaks, absence) log agents in and out of their groups.

extension CenterSimulation {
    mutating func scheduleNextStaffingChange() {
        guard nextStaffingChange < staffingPlan.changes.count else { return }
        _ = schedule(.staffingChange, at: staffingPlan.changes[nextStaffingChange].time, index: 0)
    }

    /// Makes the plan's changes due now: first the groups that shrink (freeing seats),
    /// then those that grow.
    mutating func changeStaffing() {
        let now = staffingPlan.changes[nextStaffingChange].time
        var end = nextStaffingChange
        while end < staffingPlan.changes.count && staffingPlan.changes[end].time == now { end += 1 }
        for change in staffingPlan.changes[nextStaffingChange..<end] where change.agents < groups[change.group].scheduled {
            reduceStaffing(group: change.group, to: change.agents)
        }
        for change in staffingPlan.changes[nextStaffingChange..<end] where change.agents > groups[change.group].scheduled {
            increaseStaffing(group: change.group, to: change.agents)
        }
        nextStaffingChange = end
        scheduleNextStaffingChange()
    }

    /// Extra agents log in at once (and take waiting calls) while seats are free; the
    /// others wait for a seat. Agents still finishing a call after their log-off
    /// simply stay.
    private mutating func increaseStaffing(group g: Int, to target: Int) {
        var change = target - groups[g].scheduled
        groups[g].scheduled = target
        let stay = min(change, groups[g].pendingLogoffs)
        groups[g].pendingLogoffs -= stay
        change -= stay
        for _ in 0..<change {
            if groups[g].waitingForSeat == 0 && (seats.hasFreeSeat || !nextLogInNeedsSeat(group: g)) {
                logIn(group: g)
            } else {
                changeWaitingForSeat(group: g, by: 1)
            }
        }
    }

    /// Surplus agents waiting for a seat give up their place, idle ones log off at
    /// once, and busy ones log off when they finish their call.
    private mutating func reduceStaffing(group g: Int, to target: Int) {
        var surplus = groups[g].scheduled - target
        groups[g].scheduled = target
        let withoutSeat = min(surplus, groups[g].waitingForSeat)
        if withoutSeat > 0 { changeWaitingForSeat(group: g, by: -withoutSeat) }
        surplus -= withoutSeat
        while surplus > 0 && !groups[g].idle.isEmpty {
            logOff(agent: takeIdleAgent(group: g))
            surplus -= 1
        }
        groups[g].pendingLogoffs += surplus
    }
}
