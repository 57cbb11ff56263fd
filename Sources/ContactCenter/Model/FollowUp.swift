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
    /// The target share of tasks done in time (the documents' 99%), if one is set.
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
    /// Follow-ups name existing call types and groups, at most one per call type.
    func validateFollowUps() throws {
        for followUp in followUps {
            guard callTypes.indices.contains(followUp.callType), followUp.groups.allSatisfy(agentGroups.indices.contains),
                  !followUp.groups.isEmpty, (0...1).contains(followUp.fraction), followUp.deadline > 0,
                  followUp.reserve >= 0 else {
                throw ModelError("follow-up \(followUp.id): needs a call type, groups, a fraction in 0…1, "
                    + "a positive deadline and a non-negative reserve")
            }
        }
        let types = followUps.map(\.callType)
        guard Set(types).count == types.count else { throw ModelError("a call type creates at most one kind of follow-up") }
    }
}
