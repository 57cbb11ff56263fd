/// How calls meet agents: which agent group answers an arriving call when agents are
/// idle, and which waiting call a freed agent answers.
///
/// The simulation is generic over its policy, so a policy's decisions are direct
/// calls, specialised by the compiler, with no dynamic dispatch per event. A policy
/// sees the state it needs through two arrays that the simulation keeps current:
/// for each agent group, since when its longest-idle agent has been idle, and for each
/// call type, since when its longest-waiting call has waited (`.infinity` when the
/// group has no idle agent or the call type no waiting call).
public protocol RoutingPolicy: Sendable {
    /// Prepares the policy's tables for `model`.
    init(model: CenterModel)

    /// The group whose idle agent answers a call of type `callType` that just arrived,
    /// or -1 to queue the call.
    func groupForArrival(callType: Int, longestIdleSince: UnsafeBufferPointer<Double>) -> Int

    /// The call type whose first waiting call a freed agent of `group` answers, or -1
    /// to leave the agent idle.
    func callTypeForFreedAgent(group: Int, oldestWaitingSince: UnsafeBufferPointer<Double>) -> Int
}

/// The default policy: an arriving call goes to the longest-idle agent among the
/// groups that have its skill; a freed agent takes the call that has waited longest
/// among the call types it serves (first come, first served across its skills).
public struct LongestIdleAgentFirstComeFirstServed: RoutingPolicy {
    /// For each call type, the groups with its skill (flattened; `groupsStart[k]..<groupsStart[k+1]`).
    private let groupsOfType: [Int32]
    private let groupsStart: [Int]
    /// For each group, the call types it serves (flattened the same way).
    private let typesOfGroup: [Int32]
    private let typesStart: [Int]

    public init(model: CenterModel) {
        var groupsOfType: [Int32] = []
        var groupsStart = [0]
        for k in model.callTypes.indices {
            for (g, group) in model.agentGroups.enumerated() where group.skills.contains(k) {
                groupsOfType.append(Int32(g))
            }
            groupsStart.append(groupsOfType.count)
        }
        var typesOfGroup: [Int32] = []
        var typesStart = [0]
        for group in model.agentGroups {
            typesOfGroup.append(contentsOf: group.skills.sorted().map { Int32($0) })
            typesStart.append(typesOfGroup.count)
        }
        self.groupsOfType = groupsOfType
        self.groupsStart = groupsStart
        self.typesOfGroup = typesOfGroup
        self.typesStart = typesStart
    }

    public func groupForArrival(callType: Int, longestIdleSince: UnsafeBufferPointer<Double>) -> Int {
        earliest(in: groupsOfType, from: groupsStart[callType], to: groupsStart[callType + 1],
                 times: longestIdleSince)
    }

    public func callTypeForFreedAgent(group: Int, oldestWaitingSince: UnsafeBufferPointer<Double>) -> Int {
        earliest(in: typesOfGroup, from: typesStart[group], to: typesStart[group + 1],
                 times: oldestWaitingSince)
    }

    /// The candidate with the smallest finite time (the first one on ties), or -1.
    func earliest(in candidates: [Int32], from start: Int, to end: Int,
                  times: UnsafeBufferPointer<Double>) -> Int {
        var best = -1
        var bestTime = Double.infinity
        for i in start..<end {
            let c = Int(candidates[i])
            let t = times[c]
            if t < bestTime {
                bestTime = t
                best = c
            }
        }
        return best
    }
}
