import Engine
import Foundation
import Statistics

/// One replication of a contact centre: the discrete-event model of calls arriving on
/// trunk lines, passing the IVR (where some end in self-service), waiting in queues,
/// abandoning, and being answered by agents of skill groups whose numbers follow the
/// planning intervals, within the licensed seats.
///
/// This file holds the replication's state, its set-up, the run loop and the dispatch
/// of events. State that belongs to one concern lives in its own type, which the
/// simulation composes: ``CallTypeTable`` (each call type's streams, rates, laws, opening
/// hours, transfers and channel, and the draws of a call's quantities), `TrunkLines`,
/// `IVRPorts`, `SeatPool`, ``CallbackDesk``, ``CallSlots``, `FollowUpQueues`, `StaffingPlan`,
/// ``IntervalStatistics``. Each concern of the call path is an extension in a file of its own
/// (`Arrivals`, `Backlog`, `OpeningHoursCheck`, `TrunkLines`, `IVRPorts`, `Queues`, `Agents`, `Seats`,
/// `StaffingChanges`, `Transfers`, `Redials`, `FollowUpWork`, `Callbacks`), and `Invariants`
/// checks the resources after every event in debug builds.
///
/// The whole state is this value: calls and agents live in arrays indexed by integers
/// and reused through free lists, events are 16-byte values in ``EventQueue``, and the
/// statistics are per-interval counters. Nothing on the event path allocates once the
/// arrays have grown to the largest number of calls in the centre at once.
///
/// Randomness is tied to calls: each call type has its own streams for arrivals,
/// talk, after-call work, patience and the IVR, and every arriving call draws its talk
/// time, after-call work, patience, menu time and self-service outcome when it
/// arrives, whatever happens to it. Two scenarios that differ only in staffing,
/// routing or lines therefore see the same calls (common random numbers).
public struct CenterSimulation<Policy: RoutingPolicy> {
    let model: CenterModel
    let timing: Timing
    /// The number of planning intervals (computed once: the event loop asks often).
    let intervalCount: Int
    let policy: Policy
    let typeCount: Int
    let groupCount: Int

    var events = EventQueue(capacity: 4096)
    var clock = SimulationClock()
    /// Owns the memory of the slot buffers below (freed with the simulation).
    let arena = SlotArena()

    /// The call types' streams, rates, laws, opening hours, transfers and channels.
    let callTypes: CallTypeTable
    /// Owns the empirical values of every sampler (the call types', the IVR menu's, the
    /// follow-ups').
    let samplers = SamplerStorage()
    /// Proficiency (and chat slowdown): whether any group has a handle-time factor, and the factors
    /// `[group * typeCount + callType]`.
    let hasProficiency: Bool
    let handleTimeFactors: [Double]
    /// Per group, the chats an agent handles at once: the group's agents are simulated as
    /// that many slots each, a seat per agent.
    let chatSlots: [Int]
    // Follow-up work: per call type, the kind its answered calls may create (-1: none);
    // per kind, its definition, its stream (kept alive here), generator and law of task
    // durations, and the waiting tasks.
    let followUpOfType: [Int]
    let followUps: [FollowUp]
    let followUpStreams: [RandomStream]
    let followUpGenerators: [RandomGenerator]
    let followUpDurations: [Sampler]
    var followUpQueues: FollowUpQueues
    /// Callbacks offered, and those waiting to be dialled.
    var callbackDesk: CallbackDesk

    /// The calls in the centre (and waiting to redial or for a callback), in reused slots.
    var calls: CallSlots

    // Agents and their groups; the agents of each group who are logged off (a stack per
    // group, outside the hot path).
    let agents: SlotBuffer<AgentRecord>
    let groups: SlotBuffer<GroupState>
    var offlineAgents: [[Int32]]
    /// The agents of each group (the largest number the plan ever schedules).
    let groupSizes: [Int]

    /// The calls waiting for an agent, one first-in first-out queue per call type.
    let queues: SlotBuffer<IndexRing>
    var trunkLines: TrunkLines
    var ivrPorts: IVRPorts
    var seats: SeatPool

    /// Since when the longest-idle agent of each group has been idle (∞: none idle).
    let longestIdleSince: SlotBuffer<Double>
    /// Since when the longest-waiting call of each type has waited (∞: none waiting).
    let oldestWaitingSince: SlotBuffer<Double>
    /// The pending arrival of each call type (time ∞: no more arrivals), kept out of
    /// the event queue, and the call type whose arrival comes first (-1: none).
    let nextArrivals: SlotBuffer<Event>
    var earliestArrival = -1

    var statistics: IntervalStatistics
    /// When each group's number of agents changes, and the next change to make.
    let staffingPlan: StaffingPlan
    var nextStaffingChange = 0
    /// The replication's number, and why it stopped early (``ModelLimits/liveCalls``
    /// reached), if it did.
    let replication: Int
    var backlog: BacklogError?

    /// Prepares replication `replication` of `model`, with streams derived from `seed`.
    /// - Throws: ``ModelError`` if the model is inconsistent, `GSLError` if a stream
    ///   cannot be created.
    public init(model: CenterModel, seed: UInt64, replication: Int) throws {
        try model.validate()
        self.model = model
        self.replication = replication
        timing = model.timing
        intervalCount = model.timing.intervalCount
        policy = Policy(model: model)
        typeCount = model.callTypes.count
        groupCount = model.agentGroups.count
        let storage = samplers
        callTypes = try CallTypeTable(model: model, seed: seed, replication: replication, storage: storage)
        hasProficiency = model.agentGroups.contains { group in
            model.callTypes.indices.contains { group.handleTimeFactor(of: $0) != 1 }
        }
        chatSlots = model.agentGroups.map(\.chatConcurrency)
        handleTimeFactors = model.agentGroups.flatMap { group in model.callTypes.indices.map(group.handleTimeFactor(of:)) }
        followUps = model.followUps
        followUpOfType = model.callTypes.indices.map { k in model.followUps.firstIndex { $0.callType == k } ?? -1 }
        followUpStreams = try model.followUps.map {
            try RandomStream(seed: StreamSeeds.seed(scenarioSeed: seed, replication: replication,
                                                    source: StreamSeeds.sourceID($0.id, .followUp)))
        }
        followUpGenerators = followUpStreams.map(\.generator)
        followUpDurations = model.followUps.map { storage.sampler($0.duration) }
        staffingPlan = try StaffingPlan(model: model, seed: seed, replication: replication)
        groupSizes = staffingPlan.largestGroupSizes
        try Self.checkEventCodes(agents: groupSizes.reduce(0, +), intervals: intervalCount)
        var agentGroups: [Int32] = []
        var groupStates: [GroupState] = []
        offlineAgents = []
        for (g, size) in groupSizes.enumerated() {
            offlineAgents.append((agentGroups.count..<(agentGroups.count + size)).reversed().map { Int32($0) })
            agentGroups += Array(repeating: Int32(g), count: size)
            groupStates.append(GroupState(idle: IndexRing(arena, capacity: size)))
        }
        agents = SlotBuffer(arena, copying: agentGroups.map(AgentRecord.init(group:)) + [AgentRecord(group: -1)])
        groups = SlotBuffer(arena, copying: groupStates)
        let memory = arena
        queues = SlotBuffer(arena, copying: (0..<typeCount).map { _ in IndexRing(memory, capacity: 64) })
        trunkLines = TrunkLines(count: model.trunks ?? Int.max)
        ivrPorts = IVRPorts(ivr: model.ivr, menu: model.ivr?.menu.map(storage.sampler), arena: arena)
        seats = SeatPool(capacity: model.agentSeats)
        longestIdleSince = SlotBuffer(arena, count: groupCount, repeating: .infinity)
        oldestWaitingSince = SlotBuffer(arena, count: typeCount, repeating: .infinity)
        nextArrivals = SlotBuffer(arena, count: typeCount, repeating: Event(time: .infinity, sequence: 0, code: 0))
        followUpQueues = FollowUpQueues(model: model, arena: arena)
        callbackDesk = try CallbackDesk(model: model, seed: seed, replication: replication, arena: arena)
        calls = CallSlots(arena: arena)
        statistics = IntervalStatistics(model: model, replication: replication, arena: arena)
    }

    /// Checks that every event's code can hold its kind and its entity's index: the kinds
    /// fit in 4 bits, and the call slots (at most ``ModelLimits/liveCalls``), agents and
    /// intervals in the index.
    /// - Throws: ``ModelError`` for a centre with more agents than an event can name.
    static func checkEventCodes(agents: Int, intervals: Int) throws {
        precondition(Kind.allCases.count <= 16 && ModelLimits.liveCalls <= Event.largestIndex(), "event codes")
        guard agents <= Event.largestIndex(), intervals <= Event.largestIndex() else {
            throw ModelError("\(agents) agents (chat slots counted) and \(intervals) intervals: an event names at most "
                + "\(Event.largestIndex()) of either", at: ["agent_groups"])
        }
    }

    /// Runs the replication to the end (every call that arrived before the horizon has
    /// left) and returns its measurements. Debug builds check every resource's
    /// invariants after every event.
    /// - Throws: ``BacklogError`` if the calls held at once reach ``ModelLimits/liveCalls``.
    public mutating func run() throws -> ReplicationResult {
        try withExtendedLifetime((arena, samplers, callTypes.streams, callbackDesk.streams)) {
            start()
            while backlog == nil, let event = nextEvent() {
                clock.advance(to: event.time)
                handle(event)
                #if CCSIM_INVARIANT_CHECKS
                checkInvariants()
                #endif
            }
            if let backlog { throw backlog }
            countUnserved()
            return statistics.result(events: clock.eventsHandled)
        }
    }

    // MARK: - Events

    /// The kinds of event, packed with an entity's index into an event's code (4 bits:
    /// at most 16 kinds; the index, a call slot, an agent, a call type or an interval,
    /// at most ``Event/largestIndex(kindBits:)``, which ``init(model:seed:replication:)`` checks).
    enum Kind: UInt32, CaseIterable {
        case arrival, abandonment, endOfTalk, endOfWork, intervalBoundary, endOfWarmup
        case endOfMenu, endOfSelfService, overflow, redial, staffingChange, endOfTask
        case callbackOffer, callbackOpening
    }

    /// The next event: the earliest pending arrival if it comes before the first event
    /// of the queue (by time, then sequence number), else the queue's first event.
    /// Arrivals wait outside the queue, one per call type, which saves a heap insertion
    /// and removal per call; an arrival is consumed by `arrive`, which replaces it.
    private mutating func nextEvent() -> Event? {
        if earliestArrival >= 0 {
            let arrival = nextArrivals[earliestArrival]
            if events.first.map({ Event.precedes(arrival, $0) }) ?? true { return arrival }
        }
        return events.next()
    }

    mutating func schedule(_ kind: Kind, at time: Double, index: Int) -> UInt32 {
        events.schedule(at: time, code: Event.code(kind: kind.rawValue, index: index))
    }

    private mutating func start() {
        scheduleNextStaffingChange()
        for k in 0..<typeCount { scheduleNextArrival(callType: k, after: 0) }
        findEarliestArrival()
        for i in 1...timing.intervalCount {
            _ = schedule(.intervalBoundary, at: min(timing.start(ofInterval: i), timing.horizon), index: i)
        }
        if timing.warmup > 0 { _ = schedule(.endOfWarmup, at: timing.warmup, index: 0) }
        if callbackDesk.isPresent { scheduleCallbackOpenings() }
    }

    @inline(__always)
    private mutating func handle(_ event: Event) {
        let index = event.index()
        // On the raw kind: `Kind(rawValue:)` of this many cases is not inlined.
        switch event.kind() {
        case Kind.arrival.rawValue: arrive(callType: index)
        case Kind.abandonment.rawValue: abandon(call: index, sequence: event.sequence)
        case Kind.endOfTalk.rawValue: endTalk(agent: index)
        case Kind.endOfWork.rawValue: finishWork(agent: index)
        case Kind.intervalBoundary.rawValue: statistics.closeInterval(index - 1, at: clock.now)
        case Kind.endOfWarmup.rawValue: statistics.endWarmup(at: clock.now)
        case Kind.endOfMenu.rawValue: endMenu(call: index)
        case Kind.endOfSelfService.rawValue: endSelfService(call: index)
        case Kind.overflow.rawValue: overflow(call: index, sequence: event.sequence)
        case Kind.redial.rawValue: redial(call: index)
        case Kind.staffingChange.rawValue: changeStaffing()
        case Kind.endOfTask.rawValue: endTask(agent: index)
        case Kind.callbackOffer.rawValue: offerCallbackAfterWait(call: index)
        case Kind.callbackOpening.rawValue: dialPendingCallbacks(callType: index)
        default: preconditionFailure("unknown event kind \(event.kind())")
        }
    }
}
