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

/// One follow-up task waiting or in progress.
struct FollowUpTask {
    var kind: Int32
    /// The planning interval of its creation (-1: during the warm-up).
    var interval: Int32
    var created: Double
    var duration: Double
}

/// The follow-up tasks waiting for an agent: one first-in first-out queue per kind of
/// follow-up (their deadlines are equal within a kind, so the oldest is the most urgent).
struct FollowUpQueues {
    private var tasks: SlotBuffer<FollowUpTask>
    private var freeSlots: [Int32] = []
    private var slotsInUse = 0
    private let queues: SlotBuffer<IndexRing>
    /// Per group, the kinds it does; per kind, the idle agents its groups keep.
    private let kindsOfGroup: [[Int]]
    private let reserves: [Int]
    private let groupHasWork: [Bool]

    init(model: CenterModel, arena: SlotArena) {
        tasks = SlotBuffer(arena, count: 64, repeating: FollowUpTask(kind: -1, interval: -1, created: 0, duration: 0))
        let rings = model.followUps.map { _ in IndexRing(arena, capacity: 64) }
        queues = rings.isEmpty ? SlotBuffer(arena, count: 0, repeating: IndexRing(arena, capacity: 1))
                               : SlotBuffer(arena, copying: rings)
        kindsOfGroup = model.agentGroups.indices.map { g in model.followUps.indices.filter { model.followUps[$0].groups.contains(g) } }
        reserves = model.followUps.map(\.reserve)
        groupHasWork = kindsOfGroup.map { !$0.isEmpty }
    }

    /// Whether agents of group `g` do any follow-up work.
    func hasWork(forGroup g: Int) -> Bool { groupHasWork[g] }

    mutating func add(_ task: FollowUpTask, arena: SlotArena) {
        let slot: Int
        if let free = freeSlots.popLast() {
            slot = Int(free)
        } else {
            if slotsInUse == tasks.count {
                tasks.grow(arena, to: 2 * tasks.count, repeating: FollowUpTask(kind: -1, interval: -1, created: 0, duration: 0))
            }
            slot = slotsInUse
            slotsInUse += 1
        }
        tasks[slot] = task
        queues[Int(task.kind)].append(slot, arena)
    }

    /// The kind whose oldest task a free agent of group `g` should take, given that
    /// `idleOthers` other agents of the group are idle, or -1.
    func kindToServe(group g: Int, idleOthers: Int) -> Int {
        var best = -1
        var oldest = Double.infinity
        for kind in kindsOfGroup[g] where idleOthers >= reserves[kind] && !queues[kind].isEmpty {
            let created = tasks[queues[kind].first].created
            if created < oldest {
                oldest = created
                best = kind
            }
        }
        return best
    }

    /// Removes and returns the oldest task of `kind` (which must have one).
    mutating func take(kind: Int) -> FollowUpTask {
        let slot = queues[kind].removeFirst()
        freeSlots.append(Int32(slot))
        return tasks[slot]
    }

    /// Removes and returns every task still waiting.
    mutating func drain() -> [FollowUpTask] {
        var left: [FollowUpTask] = []
        for kind in 0..<queues.count {
            while !queues[kind].isEmpty { left.append(take(kind: kind)) }
        }
        return left
    }
}
