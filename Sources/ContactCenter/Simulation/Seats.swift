// Seats: an agent on duty needs a licensed seat to log in; scheduled agents who find
// every seat taken wait for one, and the first group (in scenario order) with an agent
// waiting takes a seat that comes free.

/// The licensed seats agents may use, how many are in use, and how many scheduled
/// agents wait for one.
struct SeatPool {
    /// Seats for agents (`Int.max`: no limit).
    let capacity: Int
    private(set) var inUse = 0
    private(set) var agentsWaiting = 0

    init(capacity: Int) { self.capacity = capacity }

    var hasFreeSeat: Bool { inUse < capacity }

    mutating func take() { inUse += 1 }
    mutating func free() { inUse -= 1 }
    mutating func changeWaiting(by delta: Int) { agentsWaiting += delta }

    func checkInvariants(loggedIn: Int, waitingPerGroup: Int) {
        precondition(inUse >= 0 && inUse <= capacity, "seats: \(inUse) in use of \(capacity)")
        precondition(inUse == loggedIn, "seats: \(inUse) in use but \(loggedIn) agents logged in")
        precondition(agentsWaiting == waitingPerGroup, "seats: \(agentsWaiting) agents waiting, groups count \(waitingPerGroup)")
        precondition(agentsWaiting == 0 || inUse == capacity, "seats: agents wait for a seat while one is free")
    }
}

extension CenterSimulation {
    /// The agent (a chat slot, in a chat group) logs off, freeing a seat for an agent
    /// waiting for one (in a chat group, when the agent's last slot logs off).
    mutating func logOff(agent: Int) {
        let g = Int(agents[agent].group)
        offlineAgents[g].append(Int32(agent))
        groups[g].loggedIn -= 1
        statistics.changeLoggedIn(group: g, by: -1, at: clock.now)
        guard chatSlots[g] == 1 || groups[g].loggedIn % chatSlots[g] == 0 else { return }
        seats.free()
        if seats.agentsWaiting > 0 { seatFreed() }
    }

    /// Whether the next agent (slot) of group `g` to log in needs a seat of its own: every
    /// agent does; in a chat group, the first slot of each agent.
    func nextLogInNeedsSeat(group g: Int) -> Bool {
        chatSlots[g] == 1 || groups[g].loggedIn % chatSlots[g] == 0
    }

    /// Logs in an offline agent of group `g` on a free seat (a chat slot on its agent's
    /// seat); the agent takes a waiting call or becomes idle.
    mutating func logIn(group g: Int) {
        let agent = Int(offlineAgents[g].removeLast())
        if nextLogInNeedsSeat(group: g) { seats.take() }
        groups[g].loggedIn += 1
        statistics.changeLoggedIn(group: g, by: 1, at: clock.now)
        makeAvailable(agent: agent)
    }

    /// A seat came free: the first group (in scenario order) with an agent waiting for
    /// a seat logs that agent in (all the slots of a chat agent that wait).
    private mutating func seatFreed() {
        guard let g = (0..<groupCount).first(where: { groups[$0].waitingForSeat > 0 }) else { return }
        repeat {
            changeWaitingForSeat(group: g, by: -1)
            logIn(group: g)
        } while groups[g].waitingForSeat > 0 && !nextLogInNeedsSeat(group: g)
    }

    mutating func changeWaitingForSeat(group g: Int, by delta: Int) {
        groups[g].waitingForSeat += delta
        seats.changeWaiting(by: delta)
        statistics.changeWaitingForSeat(by: Double(delta) / Double(chatSlots[g]), at: clock.now)
    }
}
