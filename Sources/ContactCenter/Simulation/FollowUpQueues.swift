import Engine

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
