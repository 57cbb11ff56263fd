// The bound on the calls a replication holds at once: a flooded queue (arrivals far
// beyond what the agents serve, with unlimited lines) ends the replication with a clear
// error instead of taking memory until the process is killed.

/// A replication stopped because its calls in the centre, waiting to redial or for a
/// callback, reached ``ModelLimits/liveCalls``: the backlog grows without bound.
public struct BacklogError: Error, CustomStringConvertible, Sendable {
    /// The call type holding the most of those calls, and the interval (its start, as
    /// the reports label it) when the limit was reached.
    public let callType: String
    public let interval: String
    public let replication: Int

    public var description: String {
        "call type `\(callType)`: the backlog explodes in interval \(interval) (replication \(replication)): "
            + "\(ModelLimits.liveCalls) calls are in the centre at once, the most a replication may hold — "
            + "the arrivals are far beyond what the agents can serve: add agents, lower the arrivals, "
            + "or limit the calls let in (`trunks`, `ivr.ports`)"
    }
}

extension CenterSimulation {
    /// Whether the call slots may grow: below the limit they double; at it the
    /// replication is marked to stop after the current event, and the slots grow by the
    /// few that event may still take.
    mutating func growCallSlots() {
        var newCount = 2 * calls.records.count
        if newCount > ModelLimits.liveCalls {
            if backlog == nil { backlog = backlogError() }
            newCount = calls.records.count + 64
        }
        calls.grow(arena, to: newCount)
    }

    /// The error naming the call type with the most live calls, and the current interval.
    private func backlogError() -> BacklogError {
        var counts = [Int](repeating: 0, count: typeCount)
        for slot in 0..<calls.inUse where calls[slot].state != .free { counts[Int(calls[slot].callType)] += 1 }
        let worst = counts.indices.max { counts[$0] < counts[$1] } ?? 0
        let start = timing.start(ofInterval: interval(at: clock.now))
        return BacklogError(callType: model.callTypes[worst].id, interval: timing.label(start), replication: replication)
    }
}
