import Engine
import Statistics

/// Outbound follow-up work: a fraction of the answered calls of a type creates a task
/// (a repair follow-up call, say) to be done within a deadline by agents of given
/// groups. Agents take tasks only when no inbound call they could answer is waiting,
/// and each group keeps `reserve` idle agents for inbound calls (call blending).
/// Follow-up calls go out on their own lines, not the inbound trunks.
public struct FollowUp: Sendable, Equatable {
    /// Identifier in scenarios and reports.
    public var id: String
    /// Index of the call type whose answered calls create the tasks.
    public var callType: Int
    /// Fraction (0…1) of the answered calls that create a task.
    public var fraction: Double
    /// Agent time per task (the outbound call and its wrap-up).
    public var duration: Distribution
    /// A task counts as done in time if it is finished within this time of its creation (seconds).
    public var deadline: Double
    /// Indices of the agent groups that do the tasks.
    public var groups: [Int]
    /// Idle agents each of those groups keeps for inbound calls.
    public var reserve: Int
    /// The target share of tasks done in time (such as 99%), if one is set.
    public var target: Double?

    public init(id: String, callType: Int, fraction: Double, duration: Distribution, deadline: Double,
                groups: [Int], reserve: Int = 0, target: Double? = nil) {
        self.id = id
        self.callType = callType
        self.fraction = fraction
        self.duration = duration
        self.deadline = deadline
        self.groups = groups
        self.reserve = reserve
        self.target = target
    }
}

extension CenterModel {
    /// Follow-ups have unique ids, name existing call types (at most one follow-up each)
    /// and groups, and have a fraction in 0…1, a positive deadline and a reserve ≥ 0.
    func validateFollowUps() throws {
        var ids: [String: Int] = [:], types: [Int: Int] = [:]
        for (f, followUp) in followUps.enumerated() {
            let here: ModelPath = ["follow_ups", .index(f)]
            if let first = ids[followUp.id] {
                throw ModelError("duplicate id `\(followUp.id)`", at: here.appending("id"),
                                 related: ["follow_ups", .index(first), "id"])
            }
            ids[followUp.id] = f
            guard callTypes.indices.contains(followUp.callType) else { throw ModelError("names no call type", at: here.appending("call_type")) }
            if types[followUp.callType] != nil {
                throw ModelError("call type `\(callTypes[followUp.callType].id)` already creates another follow-up",
                                 at: here.appending("call_type"))
            }
            types[followUp.callType] = f
            guard !followUp.groups.isEmpty, followUp.groups.allSatisfy(agentGroups.indices.contains) else {
                throw ModelError("needs agent groups of the centre", at: here.appending("groups"))
            }
            guard (0...1).contains(followUp.fraction) else { throw ModelError("must be a fraction between 0 and 1", at: here.appending("fraction")) }
            guard followUp.deadline > 0 else { throw ModelError("must be a positive duration", at: here.appending("deadline")) }
            guard followUp.reserve >= 0 else { throw ModelError("must be a non-negative whole number", at: here.appending("reserve")) }
        }
    }
}
