/// A group of interchangeable agents with the same skills.
public struct AgentGroup: Sendable, Equatable {
    /// Identifier used in scenarios and reports.
    public var id: String
    /// Indices (into ``CenterModel/callTypes``) of the call types the group can answer.
    public var skills: [Int]
    /// Number of agents logged in, one value per planning interval (empty for a group
    /// staffed by the roster).
    public var staffing: [Int]
    /// Agents per shift of the model's ``Roster`` (in the roster's order of shifts);
    /// empty for a group staffed per interval.
    public var shifts: [Int]
    /// The group's own routing priorities for some call types (call type index →
    /// priority), replacing the call types' ``CallType/priority``.
    public var priorities: [Int: Int]
    /// Proficiency: the group's handle-time factor for some call types (call type index
    /// → factor multiplying talk and after-call work; 0.5 is twice as fast). Others: 1.
    public var handleTimeFactors: [Int: Double] = [:]
    /// Chat concurrency: the chats an agent of this group handles at once (1: one
    /// contact at a time). A group with more takes only chat contacts.
    public var chatConcurrency = 1
    /// How much each further chat in hand slows every chat: a chat takes its handle time
    /// times `1 + chatSlowdown × (chatConcurrency − 1)`.
    public var chatSlowdown = 0.0

    public init(id: String, skills: [Int], staffing: [Int], priorities: [Int: Int] = [:], shifts: [Int] = []) {
        self.id = id
        self.skills = skills
        self.staffing = staffing
        self.priorities = priorities
        self.shifts = shifts
    }

    /// The factor this group's agents multiply the handle time of call type `k` by: its
    /// proficiency, times the slowdown of chats handled concurrently.
    public func handleTimeFactor(of k: Int) -> Double {
        (handleTimeFactors[k] ?? 1) * (1 + chatSlowdown * Double(chatConcurrency - 1))
    }

    /// The priority this group gives to call type `k` of `model`.
    public func priority(of k: Int, in model: CenterModel) -> Int {
        priorities[k] ?? model.callTypes[k].priority
    }
}
