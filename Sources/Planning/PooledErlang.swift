import Analytics
import ContactCenter

/// Erlang requirements of agent groups on their pooled load: the call types a group is
/// the specialist of (its fewest-skills group) queue as one Erlang A queue — their arrival
/// rates (while open, less self-service) added, the mean handle time and patience weighted
/// by rate, the group's handle-time factors applied — staffed to meet each of those
/// types' targets. Pooling needs fewer agents than the sum of the types' own
/// requirements (32 → 29 for a complaint team serving two types).
enum PooledErlang {
    /// One interval's load: calls per hour, mean handle time, mean patience (`nil`: none).
    struct Load {
        var perHour = 0.0
        var work = 0.0
        var patienceWork = 0.0
        var withoutPatience = false

        mutating func add(perHour rate: Double, aht: Double, patience: Double?) {
            perHour += rate
            work += rate * aht
            if let patience { patienceWork += rate * patience } else { withoutPatience = true }
        }

        var aht: Double { perHour > 0 ? work / perHour : 0 }
        var model: StaffingModel {
            withoutPatience || perHour <= 0 ? .erlangC : .erlangA(patience: patienceWork / perHour)
        }
    }

    /// Per group and interval, the agents (chat agents: slots over their chats) that meet
    /// the targets of the types it is the specialist of, on their pooled load.
    static func byGroup(_ model: CenterModel) throws -> [[Int]] {
        let specialist = model.callTypes.indices.map { RequirementPlanner.specialistGroup(of: $0, in: model) }
        let open = model.callTypes.indices.map(model.openShare(ofCallType:))
        return try model.agentGroups.indices.map { g in
            try requirement(of: model.callTypes.indices.filter { specialist[$0] == g }, group: model.agentGroups[g],
                            model: model, open: open)
        }
    }

    /// Per interval, the agents of `group` (`nil`: plain agents, factor 1, one contact at a
    /// time) that meet the targets of call types `types` queued together; `open` holds
    /// each call type's open share per interval.
    static func requirement(of types: [Int], group: AgentGroup?, model: CenterModel, open: [[Double]]) throws -> [Int] {
        let n = model.timing.intervalCount
        guard !types.isEmpty else { return Array(repeating: 0, count: n) }
        let goals = types.flatMap { Self.targets(of: model.callTypes[$0]) }
        return try (0..<n).map { i in
            var load = Load()
            for k in types {
                let type = model.callTypes[k]
                load.add(perHour: type.arrivalRates[i] * open[k][i] * Timing.secondsPerHour * (1 - (type.selfService?.fraction ?? 0)),
                         aht: type.meanHandleTime(inInterval: i) * (group?.handleTimeFactor(of: k) ?? 1),
                         patience: type.patience(inInterval: i)?.mean)
            }
            guard load.perHour > 0 else { return 0 }
            let needed = try goals.map { try Erlang.minimumAgents(model: load.model, perHour: load.perHour, aht: load.aht, target: $0) }
                .max() ?? 0
            return Int((Double(needed) / Double(group?.chatConcurrency ?? 1)).rounded(.up))
        }
    }

    /// A lower bound on the agent-intervals any staffing needs, in the Erlang model: every
    /// call type's load pooled in one group of agents able to take every call (pooling
    /// never needs more), staffed for the least demanding of the types' targets.
    static func lowerBound(_ model: CenterModel) throws -> Int {
        let n = model.timing.intervalCount
        let types = model.callTypes.indices
        let open = types.map(model.openShare(ofCallType:))
        var total = 0
        for i in 0..<n {
            var load = Load()
            for k in types {
                let type = model.callTypes[k]
                let fastest = model.agentGroups.map { $0.handleTimeFactor(of: k) / Double($0.chatConcurrency) }.min() ?? 1
                load.add(perHour: type.arrivalRates[i] * open[k][i] * Timing.secondsPerHour * (1 - (type.selfService?.fraction ?? 0)),
                         aht: type.meanHandleTime(inInterval: i) * fastest, patience: type.patience(inInterval: i)?.mean)
            }
            guard load.perHour > 0 else { continue }
            let needs = try types.flatMap { targets(of: model.callTypes[$0]) }
                .map { try Erlang.minimumAgents(model: load.model, perHour: load.perHour, aht: load.aht, target: $0) }
            total += needs.min() ?? 0
        }
        return total
    }

    /// The analytic forms of a call type's planning targets.
    private static func targets(of type: CallType) -> [StaffingTarget] {
        RequirementPlanner.planningTargets(of: type).compactMap { RequirementPlanner.staffingTarget($0, slSeconds: type.serviceLevel.seconds) }
    }
}
