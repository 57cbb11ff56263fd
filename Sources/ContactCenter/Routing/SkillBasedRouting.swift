/// The default policy, with priorities and overflow.
///
/// - A call that asks for an agent goes to the longest-idle agent of the groups with its
///   skill (or, with ``AgentSelection/groupOrder``, of the first such group in scenario
///   order with an idle agent); failing that, to the groups of overflow steps without
///   delay, step by step; else it queues.
/// - A freed agent takes, among the call types it serves (by skill, or by an overflow
///   step whose delay the longest-waiting call has waited), the one with the highest
///   priority for its group, and within a priority the call that has waited longest.
/// - When a waiting call reaches an overflow step's delay, an idle agent of the step's
///   groups answers it.
public struct SkillBasedRouting: RoutingPolicy {
    private let selection: AgentSelection
    /// Per call type, its tiers (`tiersStart[k]..<tiersStart[k+1]`); per tier, its delay
    /// and groups (`tierGroupsStart[t]..<tierGroupsStart[t+1]` in `tierGroups`).
    private let tiersStart: [Int]
    private let tierDelays: [Double]
    private let tierGroupsStart: [Int]
    private let tierGroups: [Int32]
    /// Per call type, the end of its tiers without delay (as an index into the tiers)
    /// and its first tier with a delay (relative to its first tier; -1: none).
    private let undelayedTiersEnd: [Int]
    private let firstDelayed: [Int]
    /// Per group, the call types it may serve (`entriesStart[g]..<entriesStart[g+1]`),
    /// each with its priority for the group and the wait after which the group may take it.
    private let entriesStart: [Int]
    private let entryTypes: [Int32]
    private let entryPriorities: [Int]
    private let entryDelays: [Double]
    /// Per group, whether it gives all its call types one priority and no delay, so a
    /// freed agent simply takes the longest-waiting call (the common case, kept fast).
    private let firstComeFirstServed: [Bool]

    public init(model: CenterModel) {
        selection = model.agentSelection
        var tiersStart = [0], tierDelays: [Double] = [], tierGroupsStart = [0], tierGroups: [Int32] = []
        var entries = Array(repeating: [(type: Int, delay: Double)](), count: model.agentGroups.count)
        for (k, type) in model.callTypes.enumerated() {
            let skilled = model.agentGroups.indices.filter { model.agentGroups[$0].skills.contains(k) }
            for (delay, groups) in [(0, skilled)] + type.overflow.map({ ($0.delay, $0.groups) }) {
                tierDelays.append(delay)
                tierGroups += groups.map { Int32($0) }
                tierGroupsStart.append(tierGroups.count)
                for g in groups { entries[g].append((k, delay)) }
            }
            tiersStart.append(tierDelays.count)
        }
        self.tiersStart = tiersStart
        self.tierDelays = tierDelays
        self.tierGroupsStart = tierGroupsStart
        self.tierGroups = tierGroups
        let undelayedTiersEnd = model.callTypes.indices.map { k in
            (tiersStart[k]..<tiersStart[k + 1]).first { tierDelays[$0] > 0 } ?? tiersStart[k + 1]
        }
        self.undelayedTiersEnd = undelayedTiersEnd
        firstDelayed = model.callTypes.indices.map { k in
            undelayedTiersEnd[k] < tiersStart[k + 1] ? undelayedTiersEnd[k] - tiersStart[k] : -1
        }
        var entriesStart = [0], entryTypes: [Int32] = [], entryPriorities: [Int] = [], entryDelays: [Double] = []
        for (g, list) in entries.enumerated() {
            for (k, delay) in list.sorted(by: { $0.type < $1.type }) {
                entryTypes.append(Int32(k))
                entryPriorities.append(model.agentGroups[g].priority(of: k, in: model))
                entryDelays.append(delay)
            }
            entriesStart.append(entryTypes.count)
        }
        self.entriesStart = entriesStart
        self.entryTypes = entryTypes
        self.entryPriorities = entryPriorities
        self.entryDelays = entryDelays
        firstComeFirstServed = model.agentGroups.indices.map { g in
            let range = entriesStart[g]..<entriesStart[g + 1]
            return range.allSatisfy { entryDelays[$0] == 0 && entryPriorities[$0] == entryPriorities[range.lowerBound] }
        }
    }

    public func groupForArrival(callType k: Int, longestIdleSince: UnsafeBufferPointer<Double>) -> Int {
        for tier in tiersStart[k]..<undelayedTiersEnd[k] {
            let g = choose(in: tier, longestIdleSince: longestIdleSince)
            if g >= 0 { return g }
        }
        return -1
    }

    public func callTypeForFreedAgent(group g: Int, now: Double, oldestWaitingSince: UnsafeBufferPointer<Double>) -> Int {
        if firstComeFirstServed[g] { return longestWaiting(group: g, oldestWaitingSince: oldestWaitingSince) }
        var best = -1
        var bestPriority = Int.min
        var bestTime = Double.infinity
        for e in entriesStart[g]..<entriesStart[g + 1] {
            let k = Int(entryTypes[e])
            let since = oldestWaitingSince[k]
            guard since.isFinite, now - since >= entryDelays[e] else { continue }
            let priority = entryPriorities[e]
            if priority > bestPriority || (priority == bestPriority && since < bestTime) {
                best = k
                bestPriority = priority
                bestTime = since
            }
        }
        return best
    }

    /// The call type with the longest-waiting call among those group `g` serves, or -1.
    private func longestWaiting(group g: Int, oldestWaitingSince: UnsafeBufferPointer<Double>) -> Int {
        var best = -1
        var bestTime = Double.infinity
        for e in entriesStart[g]..<entriesStart[g + 1] {
            let k = Int(entryTypes[e])
            if oldestWaitingSince[k] < bestTime {
                bestTime = oldestWaitingSince[k]
                best = k
            }
        }
        return best
    }

    public func firstDelayedTier(callType k: Int) -> Int {
        firstDelayed[k]
    }

    public func delay(callType k: Int, tier: Int) -> Double? {
        let t = tiersStart[k] + tier
        return t < tiersStart[k + 1] ? tierDelays[t] : nil
    }

    public func groupForOverflow(callType k: Int, tier: Int, longestIdleSince: UnsafeBufferPointer<Double>) -> Int {
        choose(in: tiersStart[k] + tier, longestIdleSince: longestIdleSince)
    }

    /// The group of tier `t` whose idle agent is chosen (by longest idle or group order), or -1.
    private func choose(in t: Int, longestIdleSince: UnsafeBufferPointer<Double>) -> Int {
        var best = -1
        var bestTime = Double.infinity
        for i in tierGroupsStart[t]..<tierGroupsStart[t + 1] {
            let g = Int(tierGroups[i])
            let idleSince = longestIdleSince[g]
            guard idleSince < bestTime else { continue }
            if selection == .groupOrder { return g }
            best = g
            bestTime = idleSince
        }
        return best
    }
}
