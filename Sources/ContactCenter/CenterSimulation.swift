import CGSL
import Engine
import Foundation
import Statistics

/// One replication of a contact centre: the discrete-event model of calls arriving on
/// trunk lines, passing the IVR (where some end in self-service), waiting in queues,
/// abandoning, and being answered by agents of skill groups whose numbers follow the
/// planning intervals, within the licensed seats.
///
/// The whole state is this value: calls and agents live in arrays indexed by integers
/// and reused through free lists, events are 16-byte values in ``EventQueue``, and the
/// statistics are per-interval counters. Nothing on the event path allocates once the
/// arrays have grown to the largest number of calls in the centre at once.
///
/// Randomness is tied to calls: each call type has its own streams for arrivals,
/// talk, after-call work, patience and the IVR, and every arriving call draws its talk
/// time, after-call work, patience, menu time and self-service outcome when it
/// arrives, whatever happens to it. Two
/// scenarios that differ only in staffing, routing or lines therefore see the same
/// calls (common random numbers).
public struct CenterSimulation<Policy: RoutingPolicy> {
    private let model: CenterModel
    private let timing: Timing
    private let policy: Policy
    private let typeCount: Int
    private let groupCount: Int
    private let trunkLines: Int

    private var events = EventQueue(capacity: 4096)
    private var clock = SimulationClock()
    /// Owns the memory of the slot buffers below (freed with the simulation).
    private let arena = SlotArena()
    /// The call types' streams (kept alive here) and, for the hot path, their generators.
    private let streams: [CallTypeStreams]
    private let arrivalGenerators: [UnsafeMutablePointer<gsl_rng>]
    private let talkGenerators: [UnsafeMutablePointer<gsl_rng>]
    private let afterCallWorkGenerators: [UnsafeMutablePointer<gsl_rng>]
    private let patienceGenerators: [UnsafeMutablePointer<gsl_rng>]
    private let ivrGenerators: [UnsafeMutablePointer<gsl_rng>]
    private let redialGenerators: [UnsafeMutablePointer<gsl_rng>]
    private let transferGenerators: [UnsafeMutablePointer<gsl_rng>]
    /// Per call type: arrival rates per interval (flattened `[k * intervals + i]`) and distributions.
    private let arrivalRates: [Double]
    private let handleTimes: [Distribution]
    private let afterCallWork: [Distribution?]
    private let patience: [Distribution?]
    private let selfService: [SelfService?]
    private let redial: [Redial?]
    private let transfers: [[Transfer]]
    private let hasTransfers: [Bool]
    /// Per call type, whether its contacts are voice calls (trunk line, IVR); whether all are.
    private let isVoice: [Bool]
    private let allVoice: Bool
    /// Per call type, the kind of follow-up its answered calls may create (-1: none),
    /// and per kind, its definition and the generator of its task durations.
    private let followUpOfType: [Int]
    private let followUps: [FollowUp]
    private let followUpStreams: [RandomStream]
    private var followUpQueues: FollowUpQueues
    /// Call slots `0..<callsInUse`, of which `freeCalls[0..<freeCallCount]` are free.
    private var calls: SlotBuffer<CallRecord>
    private var callsInUse = 0
    private var freeCalls: SlotBuffer<Int32>
    private var freeCallCount = 0
    private let agents: SlotBuffer<AgentRecord>
    private let groups: SlotBuffer<GroupState>
    /// Agents of each group who are logged off (a stack per group, outside the hot path).
    private var offlineAgents: [[Int32]]
    private let queues: SlotBuffer<IndexRing>
    private var busyLines = 0

    /// The IVR, its busy ports and the calls waiting for a port (first come first served).
    private let ivr: IVR?
    private var busyPorts = 0
    private var portQueue: IndexRing
    /// Seats agents may use, seats they use, and whether some group has agents
    /// scheduled who wait for a seat.
    private let agentSeats: Int
    private var seatsInUse = 0
    private var agentsWaitingForSeat = 0

    /// Since when the longest-idle agent of each group has been idle (∞: none idle).
    private let longestIdleSince: SlotBuffer<Double>
    /// Since when the longest-waiting call of each type has waited (∞: none waiting).
    private let oldestWaitingSince: SlotBuffer<Double>
    /// The pending arrival of each call type (time ∞: no more arrivals), kept out of
    /// the event queue, and the call type whose arrival comes first (-1: none).
    private let nextArrivals: SlotBuffer<Event>
    private var earliestArrival = -1

    private var statistics: IntervalStatistics
    /// When each group's number of agents changes, and the next change to make.
    private let staffingPlan: StaffingPlan
    private var nextStaffingChange = 0

    /// Prepares replication `replication` of `model`, with streams derived from `seed`.
    /// - Throws: ``ModelError`` if the model is inconsistent, `GSLError` if a stream
    ///   cannot be created.
    public init(model: CenterModel, seed: UInt64, replication: Int) throws {
        try model.validate()
        self.model = model
        timing = model.timing
        policy = Policy(model: model)
        typeCount = model.callTypes.count
        groupCount = model.agentGroups.count
        trunkLines = model.trunks ?? Int.max
        streams = try model.callTypes.map {
            try CallTypeStreams(callType: $0.id, seed: seed, replication: replication)
        }
        arrivalGenerators = streams.map(\.arrivals.generator)
        talkGenerators = streams.map(\.talk.generator)
        afterCallWorkGenerators = streams.map(\.afterCallWork.generator)
        patienceGenerators = streams.map(\.patience.generator)
        ivrGenerators = streams.map(\.ivr.generator)
        redialGenerators = streams.map(\.redial.generator)
        transferGenerators = streams.map(\.transfer.generator)
        arrivalRates = try Self.arrivalRates(of: model, seed: seed, replication: replication)
        handleTimes = model.callTypes.map(\.handleTime)
        afterCallWork = model.callTypes.map(\.afterCallWork)
        patience = model.callTypes.map(\.patience)
        selfService = model.callTypes.map(\.selfService)
        redial = model.callTypes.map(\.redial)
        transfers = model.callTypes.map(\.transfers)
        hasTransfers = model.callTypes.map { !$0.transfers.isEmpty }
        isVoice = model.callTypes.map(\.channel.isVoice)
        allVoice = isVoice.allSatisfy { $0 }
        followUps = model.followUps
        followUpOfType = model.callTypes.indices.map { k in model.followUps.firstIndex { $0.callType == k } ?? -1 }
        followUpStreams = try model.followUps.map {
            try RandomStream(seed: StreamSeeds.seed(scenarioSeed: seed, replication: replication,
                                                    source: StreamSeeds.sourceID($0.id, "follow_up")))
        }
        ivr = model.ivr
        agentSeats = model.agentSeats
        var agentGroups: [Int32] = []
        var groupStates: [GroupState] = []
        offlineAgents = []
        staffingPlan = try StaffingPlan(model: model, seed: seed, replication: replication)
        for g in model.agentGroups.indices {
            let size = staffingPlan.largestGroupSizes[g]
            offlineAgents.append((agentGroups.count..<(agentGroups.count + size)).reversed().map { Int32($0) })
            agentGroups += Array(repeating: Int32(g), count: size)
            groupStates.append(GroupState(idle: IndexRing(arena, capacity: size)))
        }
        agents = SlotBuffer(arena, copying: agentGroups.map(AgentRecord.init(group:)) + [AgentRecord(group: -1)])
        groups = SlotBuffer(arena, copying: groupStates)
        let memory = arena
        queues = SlotBuffer(arena, copying: (0..<typeCount).map { _ in IndexRing(memory, capacity: 64) })
        longestIdleSince = SlotBuffer(arena, count: groupCount, repeating: .infinity)
        oldestWaitingSince = SlotBuffer(arena, count: typeCount, repeating: .infinity)
        nextArrivals = SlotBuffer(arena, count: typeCount, repeating: Event(time: .infinity, sequence: 0, code: 0))
        portQueue = IndexRing(arena, capacity: 64)
        followUpQueues = FollowUpQueues(model: model, arena: arena)
        calls = SlotBuffer(arena, count: 1024, repeating: .free)
        freeCalls = SlotBuffer(arena, count: 1024, repeating: -1)
        statistics = IntervalStatistics(model: model, replication: replication, arena: arena)
    }

    /// The arrival rates of this replication, flattened `[k * intervals + i]`: the
    /// model's, times the day's busyness factor when the model is over-dispersed (drawn
    /// from the replication's own `busyness` stream, one per simulated day).
    private static func arrivalRates(of model: CenterModel, seed: UInt64, replication: Int) throws -> [Double] {
        let base = model.callTypes.flatMap(\.arrivalRates)
        guard let cv = model.busynessCV, cv > 0 else { return base }
        let stream = try RandomStream(seed: StreamSeeds.seed(
            scenarioSeed: seed, replication: replication, source: StreamSeeds.sourceID("centre", "busyness")))
        let timing = model.timing
        let days = Int((timing.horizon / 86_400).rounded(.up))
        let factors = (0..<max(days, 1)).map { _ in Distribution.gamma(mean: 1, cv: cv).sample(stream) }
        let n = timing.intervalCount
        return base.enumerated().map { j, rate in rate * factors[Int(timing.start(ofInterval: j % n) / 86_400)] }
    }

    /// Runs the replication to the end (every call that arrived before the horizon has
    /// left) and returns its measurements.
    public mutating func run() -> ReplicationResult {
        withExtendedLifetime(arena) {
            start()
            while let event = nextEvent() {
                clock.advance(to: event.time)
                handle(event)
            }
            countUnserved()
            return statistics.result(events: clock.eventsHandled)
        }
    }

    // MARK: - Events

    private enum Kind: UInt32 {
        case arrival, abandonment, endOfTalk, endOfWork, intervalBoundary, endOfWarmup
        case endOfMenu, endOfSelfService, overflow, redial, staffingChange, endOfTask
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

    private mutating func schedule(_ kind: Kind, at time: Double, index: Int) -> UInt32 {
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
    }

    @inline(__always)
    private mutating func handle(_ event: Event) {
        let index = event.index()
        switch Kind(rawValue: event.kind()).unsafelyUnwrapped {
        case .arrival: arrive(callType: index)
        case .abandonment: abandon(call: index, sequence: event.sequence)
        case .endOfTalk: endTalk(agent: index)
        case .endOfWork: finishWork(agent: index)
        case .intervalBoundary: crossBoundary(index)
        case .endOfWarmup: statistics.endWarmup(at: clock.now)
        case .endOfMenu: endMenu(call: index)
        case .endOfSelfService: endSelfService(call: index)
        case .overflow: overflow(call: index, sequence: event.sequence)
        case .redial: redial(call: index)
        case .staffingChange: changeStaffing()
        case .endOfTask: endTask(agent: index)
        }
    }

    // MARK: - Arrivals

    /// Schedules the next arrival of a call type by inverting its piecewise-constant
    /// cumulative arrival rate: a unit exponential is spent across intervals until it
    /// is used up. No arrival is scheduled at or after the horizon.
    private mutating func scheduleNextArrival(callType k: Int, after time: Double) {
        var remaining = -log(ccsim_rng_uniform_pos(arrivalGenerators[k]))
        var t = time
        var i = timing.interval(at: t)
        let first = k * timing.intervalCount
        while true {
            let end = timing.end(ofInterval: i)
            let rate = arrivalRates[first + i]
            if rate > 0 && remaining <= rate * (end - t) {
                t += remaining / rate
                break
            }
            remaining -= rate * (end - t)
            i += 1
            t = end
            if i >= timing.intervalCount { break }
        }
        guard t < timing.horizon else {
            nextArrivals[k].time = .infinity
            return
        }
        nextArrivals[k] = Event(time: t, sequence: events.takeSequenceNumber(),
                                code: Event.code(kind: Kind.arrival.rawValue, index: k))
    }

    /// Finds the call type whose pending arrival comes first (-1 when none is left).
    private mutating func findEarliestArrival() {
        earliestArrival = -1
        for k in 0..<typeCount where nextArrivals[k].time.isFinite {
            if earliestArrival < 0 || Event.precedes(nextArrivals[k], nextArrivals[earliestArrival]) {
                earliestArrival = k
            }
        }
    }

    @inline(__always)
    private mutating func arrive(callType k: Int) {
        let now = clock.now
        scheduleNextArrival(callType: k, after: now)
        findEarliestArrival()
        admit(call: newCall(callType: k, at: now))
    }

    /// A call (a first attempt or a redial) reaches the centre: it takes a trunk line,
    /// or hears a busy tone, and passes the IVR on its way to an agent. Contacts of
    /// other channels go straight to the agents.
    @inline(__always)
    private mutating func admit(call: Int) {
        statistics.recordArrival(calls[call])
        guard allVoice || isVoice[Int(calls[call].callType)] else {
            offerToAgents(call: call)
            return
        }
        if busyLines >= trunkLines {
            statistics.recordBlocked(calls[call])
            lose(call: call)
            release(call: call)
            return
        }
        changeBusyLines(by: 1)
        if !allVoice { calls[call].holdsLine = true }
        if ivr != nil {
            enterIVR(call: call)
        } else {
            offerToAgents(call: call)
        }
    }

    @inline(__always)
    private mutating func changeBusyLines(by delta: Int) {
        busyLines += delta
        statistics.changeBusyLines(by: Double(delta), at: clock.now)
    }

    /// The call leaves the IVR (or arrives without one) and asks for an agent: the
    /// policy's idle agent answers it, or it queues.
    @inline(__always)
    private mutating func offerToAgents(call: Int) {
        let k = Int(calls[call].callType)
        calls[call].queueEntry = clock.now
        let group = policy.groupForArrival(callType: k, longestIdleSince: longestIdleSince.bufferPointer)
        if group >= 0 {
            answer(call: call, by: takeIdleAgent(group: group))
        } else {
            enqueue(call: call)
        }
    }

    /// A new call of type `k` arriving now, in a free slot, with its own random quantities.
    @inline(__always)
    private mutating func newCall(callType k: Int, at now: Double) -> Int {
        let call = takeSlot()
        drawCall(call, callType: k, at: now)
        return call
    }

    /// Fills slot `call` with a call of type `k` arriving now: its talk time, after-call
    /// work, patience, IVR path, transfer and follow-up, drawn from the type's streams.
    private mutating func drawCall(_ call: Int, callType k: Int, at now: Double) {
        let interval: Int32 = now >= timing.warmup ? Int32(timing.interval(at: now)) : -1
        calls[call] = CallRecord(
            callType: Int32(k), interval: interval, callerInterval: interval, arrival: now,
            talk: handleTimes[k].sample(using: talkGenerators[k]),
            afterCallWork: afterCallWork[k]?.sample(using: afterCallWorkGenerators[k]) ?? 0,
            patience: patience[k]?.sample(using: patienceGenerators[k]) ?? .infinity)
        if let ivr, isVoice[k] { drawIVRPath(of: &calls[call], ivr: ivr, callType: k) }
        if hasTransfers[k] { calls[call].transferTo = drawTransfer(callType: k) }
        let kind = followUpOfType[k]
        if kind >= 0 && ccsim_rng_uniform_pos(followUpStreams[kind].generator) < followUps[kind].fraction {
            calls[call].followUp = Int16(kind)
        }
    }

    /// A free call slot (its content is left to the caller to set).
    @inline(__always)
    private mutating func takeSlot() -> Int {
        if freeCallCount > 0 {
            freeCallCount -= 1
            return Int(freeCalls[freeCallCount])
        }
        if callsInUse == calls.count {
            calls.grow(arena, to: 2 * calls.count, repeating: .free)
            freeCalls.grow(arena, to: calls.count, repeating: -1)
        }
        callsInUse += 1
        return callsInUse - 1
    }

    private mutating func release(call: Int) {
        calls[call].state = .free
        freeCalls[freeCallCount] = Int32(call)
        freeCallCount += 1
    }

    // MARK: - Transfers

    /// Whether, and where, a call of type `k` will be transferred after talk: the
    /// destination's index, or -1 to end the call.
    private func drawTransfer(callType k: Int) -> Int16 {
        var u = ccsim_rng_uniform_pos(transferGenerators[k])
        for transfer in transfers[k] {
            if u < transfer.fraction { return Int16(transfer.to) }
            u -= transfer.fraction
        }
        return -1
    }

    /// The caller, still on the line, joins the destination's queue as a transferred
    /// call, with a talk time, after-call work and patience of the destination type
    /// (drawn from the original type's transfer stream). A transferred call is not
    /// transferred again.
    private mutating func transfer(call: Int) {
        let to = Int(calls[call].transferTo)
        let generator = transferGenerators[Int(calls[call].callType)]
        statistics.recordTransfer(calls[call], to: to)
        calls[call].callType = Int32(to)
        calls[call].isTransfer = true
        calls[call].talk = handleTimes[to].sample(using: generator)
        calls[call].afterCallWork = afterCallWork[to]?.sample(using: generator) ?? 0
        calls[call].patience = patience[to]?.sample(using: generator) ?? .infinity
        offerToAgents(call: call)
    }

    // MARK: - Follow-up work

    /// A completed call creates a follow-up task: an idle agent of the kind's groups
    /// takes it if the group keeps its reserve of idle agents, else it waits.
    private mutating func createTask(kind: Int) {
        let now = clock.now
        let task = FollowUpTask(kind: Int32(kind), interval: now >= timing.warmup ? Int32(timing.interval(at: now)) : -1,
                                created: now, duration: followUps[kind].duration.sample(followUpStreams[kind]))
        statistics.recordFollowUpCreated(task)
        var chosen = -1
        for g in followUps[kind].groups where groups[g].idle.count > followUps[kind].reserve {
            if chosen < 0 || longestIdleSince[g] < longestIdleSince[chosen] { chosen = g }
        }
        if chosen >= 0 {
            startTask(task, by: takeIdleAgent(group: chosen))
        } else {
            followUpQueues.add(task, arena: arena)
        }
    }

    private mutating func startTask(_ task: FollowUpTask, by agent: Int) {
        agents[agent].callType = -1
        agents[agent].task = task
        statistics.changeBusy(group: Int(agents[agent].group), callType: -1, by: 1, at: clock.now)
        _ = schedule(.endOfTask, at: clock.now + task.duration, index: agent)
    }

    private mutating func endTask(agent: Int) {
        statistics.recordFollowUpDone(agents[agent].task, at: clock.now, deadline: followUps[Int(agents[agent].task.kind)].deadline)
        finishWork(agent: agent)
    }

    // MARK: - Redials

    /// A caller lost by this call (blocked or abandoned) calls again with the call
    /// type's redial probability, unless out of attempts; else the caller is lost.
    /// The redial waits in a call slot of its own (the lost call's slot may still sit
    /// in a queue).
    private mutating func lose(call: Int) {
        guard !calls[call].isTransfer else { return }  // the caller was served before the transfer
        let k = Int(calls[call].callType)
        let attempts = Int(calls[call].attempt) + 1
        guard let redial = redial[k], attempts < (redial.maxAttempts ?? Int(UInt16.max)) else {
            statistics.recordCallerLost(calls[call])
            return
        }
        let generator = redialGenerators[k]
        let callsAgain = ccsim_rng_uniform_pos(generator) < redial.probability
        let delay = redial.delay.sample(using: generator)
        guard callsAgain else {
            statistics.recordCallerLost(calls[call])
            return
        }
        var pending = CallRecord.free
        pending.callType = calls[call].callType
        pending.callerInterval = calls[call].callerInterval
        pending.attempt = UInt16(attempts)
        pending.state = .redialing
        let slot = takeSlot()
        calls[slot] = pending
        _ = schedule(.redial, at: clock.now + delay, index: slot)
    }

    /// The caller calls again: a new attempt with its own talk time, patience and IVR path.
    private mutating func redial(call: Int) {
        let pending = calls[call]
        drawCall(call, callType: Int(pending.callType), at: clock.now)
        calls[call].callerInterval = pending.callerInterval
        calls[call].attempt = pending.attempt
        admit(call: call)
    }

    // MARK: - IVR

    /// Draws the call's time in the IVR (announcement and menu) and whether, and for
    /// how long, it ends in self-service, from the call type's own IVR stream.
    private func drawIVRPath(of record: inout CallRecord, ivr: IVR, callType k: Int) {
        let generator = ivrGenerators[k]
        record.menu = ivr.announcement + (ivr.menu?.sample(using: generator) ?? 0)
        guard let selfService = selfService[k] else { return }
        let served = ccsim_rng_uniform_pos(generator) < selfService.fraction
        let duration = selfService.duration.sample(using: generator)
        record.selfService = served ? duration : -1
    }

    /// The call takes a free port, waits for one, or is lost if the IVR blocks.
    private mutating func enterIVR(call: Int) {
        guard let ivr else { return }
        if busyPorts < ivr.ports {
            seizePort(call: call)
        } else if ivr.whenFull == .wait {
            calls[call].state = .waitingForPort
            portQueue.append(call, arena)
        } else {
            statistics.recordIVRBlocked(calls[call])
            changeBusyLines(by: -1)
            lose(call: call)
            release(call: call)
        }
    }

    private mutating func seizePort(call: Int) {
        let now = clock.now
        busyPorts += 1
        statistics.changeBusyPorts(by: 1, at: now)
        calls[call].state = .inIVR
        calls[call].responseBase = now - calls[call].arrival + (ivr?.announcement ?? 0)
        statistics.recordIVREntry(calls[call], at: now)
        _ = schedule(.endOfMenu, at: now + calls[call].menu, index: call)
    }

    private mutating func freePort() {
        busyPorts -= 1
        statistics.changeBusyPorts(by: -1, at: clock.now)
        if !portQueue.isEmpty { seizePort(call: portQueue.removeFirst()) }
    }

    /// After the menu, a call either goes on in self-service (keeping its port) or
    /// frees the port and asks for an agent.
    private mutating func endMenu(call: Int) {
        let duration = calls[call].selfService
        if duration >= 0 {
            calls[call].state = .selfService
            _ = schedule(.endOfSelfService, at: clock.now + duration, index: call)
        } else {
            freePort()
            offerToAgents(call: call)
        }
    }

    private mutating func endSelfService(call: Int) {
        statistics.recordSelfServed(calls[call])
        freePort()
        changeBusyLines(by: -1)
        release(call: call)
    }

    // MARK: - Queues and abandonment

    private mutating func enqueue(call: Int) {
        let k = Int(calls[call].callType)
        calls[call].state = .waiting
        if queues[k].isEmpty { oldestWaitingSince[k] = calls[call].queueEntry }
        queues[k].append(call, arena)
        statistics.changeQueue(callType: k, by: 1, at: clock.now)
        let patience = calls[call].patience
        if patience.isFinite {
            calls[call].abandonmentSequence = schedule(.abandonment, at: clock.now + patience, index: call)
        }
        let tier = policy.firstDelayedTier(callType: k)
        if tier >= 0 { scheduleOverflow(call: call, tier: tier) }
    }

    /// Schedules the moment the waiting call reaches the delay of overflow tier `tier`.
    private mutating func scheduleOverflow(call: Int, tier: Int) {
        guard let delay = policy.delay(callType: Int(calls[call].callType), tier: tier) else { return }
        calls[call].overflowTier = UInt8(tier)
        calls[call].overflowSequence = schedule(.overflow, at: calls[call].queueEntry + delay, index: call)
    }

    /// A waiting call has waited an overflow tier's delay: an idle agent of the tier's
    /// groups answers it (it is then first in its queue: every call before it has
    /// waited longer and could be taken by the same agents), else it waits for the next tier.
    private mutating func overflow(call: Int, sequence: UInt32) {
        guard calls[call].state == .waiting, calls[call].overflowSequence == sequence else { return }
        let k = Int(calls[call].callType)
        let tier = Int(calls[call].overflowTier)
        let group = policy.groupForOverflow(callType: k, tier: tier, longestIdleSince: longestIdleSince.bufferPointer)
        if group >= 0 && queues[k].first == call {
            answer(call: dequeue(callType: k), by: takeIdleAgent(group: group))
        } else {
            scheduleOverflow(call: call, tier: tier + 1)
        }
    }

    private mutating func abandon(call: Int, sequence: UInt32) {
        guard calls[call].state == .waiting, calls[call].abandonmentSequence == sequence else {
            return  // answered before its patience ran out: a cancelled event
        }
        let k = Int(calls[call].callType)
        calls[call].state = .abandoned
        if allVoice || calls[call].holdsLine { changeBusyLines(by: -1) }
        statistics.changeQueue(callType: k, by: -1, at: clock.now)
        statistics.recordAbandonment(calls[call], at: clock.now)
        lose(call: call)
        if queues[k].first == call { dropLeavers(callType: k) }
    }

    /// Removes the first waiting call of a type (the queue must hold a live call first).
    private mutating func dequeue(callType k: Int) -> Int {
        let call = queues[k].removeFirst()
        statistics.changeQueue(callType: k, by: -1, at: clock.now)
        dropLeavers(callType: k)
        return call
    }

    /// Frees the abandoned calls at the head of a queue, so that the head is always a
    /// waiting call, and updates the queue's oldest waiting time.
    private mutating func dropLeavers(callType k: Int) {
        while !queues[k].isEmpty && calls[queues[k].first].state != .waiting {
            release(call: queues[k].removeFirst())
        }
        oldestWaitingSince[k] = queues[k].isEmpty ? .infinity : calls[queues[k].first].queueEntry
    }

    /// Records the calls left waiting when no event remains (no agent will come, and
    /// they never hang up).
    private mutating func countUnserved() {
        for k in 0..<typeCount {
            while !queues[k].isEmpty {
                let call = queues[k].removeFirst()
                if calls[call].state == .waiting {
                    statistics.recordUnserved(calls[call])
                    if !calls[call].isTransfer { statistics.recordCallerLost(calls[call]) }
                }
            }
        }
        for task in followUpQueues.drain() { statistics.recordFollowUpUndone(task) }
    }

    // MARK: - Agents

    @inline(__always)
    private mutating func answer(call: Int, by agent: Int) {
        let now = clock.now
        calls[call].state = .talking
        let g = Int(agents[agent].group)
        agents[agent].call = Int32(call)
        agents[agent].callType = calls[call].callType
        statistics.recordAnswer(calls[call], at: now)
        statistics.changeBusy(group: g, callType: Int(calls[call].callType), by: 1, at: now)
        _ = schedule(.endOfTalk, at: now + calls[call].talk, index: agent)
    }

    @inline(__always)
    private mutating func endTalk(agent: Int) {
        let call = Int(agents[agent].call)
        let afterCallWork = calls[call].afterCallWork
        agents[agent].call = -1
        if calls[call].followUp >= 0 {
            createTask(kind: Int(calls[call].followUp))
            calls[call].followUp = -1
        }
        if calls[call].transferTo >= 0 && !calls[call].isTransfer {
            transfer(call: call)
        } else {
            if allVoice || calls[call].holdsLine { changeBusyLines(by: -1) }
            release(call: call)
        }
        if afterCallWork > 0 {
            _ = schedule(.endOfWork, at: clock.now + afterCallWork, index: agent)
        } else {
            finishWork(agent: agent)
        }
    }

    /// The agent has finished a call (talk and after-call work): log off if the group
    /// is over its staffing, else take the next call or become idle.
    @inline(__always)
    private mutating func finishWork(agent: Int) {
        let g = Int(agents[agent].group)
        statistics.changeBusy(group: g, callType: Int(agents[agent].callType), by: -1, at: clock.now)
        if groups[g].pendingLogoffs > 0 {
            groups[g].pendingLogoffs -= 1
            logOff(agent: agent)
        } else {
            makeAvailable(agent: agent)
        }
    }

    /// A free agent takes the waiting call the policy chooses, or becomes idle.
    private mutating func makeAvailable(agent: Int) {
        let g = Int(agents[agent].group)
        let k = policy.callTypeForFreedAgent(group: g, now: clock.now, oldestWaitingSince: oldestWaitingSince.bufferPointer)
        if k >= 0 {
            answer(call: dequeue(callType: k), by: agent)
            return
        }
        if followUpQueues.hasWork(forGroup: g) {
            let kind = followUpQueues.kindToServe(group: g, idleOthers: groups[g].idle.count)
            if kind >= 0 {
                startTask(followUpQueues.take(kind: kind), by: agent)
                return
            }
        }
        agents[agent].idleSince = clock.now
        if groups[g].idle.isEmpty { longestIdleSince[g] = clock.now }
        groups[g].idle.append(agent, arena)
    }

    @inline(__always)
    private mutating func takeIdleAgent(group g: Int) -> Int {
        let agent = groups[g].idle.removeFirst()
        longestIdleSince[g] = groups[g].idle.isEmpty ? .infinity : agents[groups[g].idle.first].idleSince
        return agent
    }

    private mutating func logOff(agent: Int) {
        let g = Int(agents[agent].group)
        offlineAgents[g].append(Int32(agent))
        statistics.changeLoggedIn(group: g, by: -1, at: clock.now)
        seatsInUse -= 1
        if agentsWaitingForSeat > 0 { seatFreed() }
    }

    /// Logs in an offline agent of group `g` on a free seat; the agent takes a waiting call or becomes idle.
    private mutating func logIn(group g: Int) {
        let agent = Int(offlineAgents[g].removeLast())
        seatsInUse += 1
        statistics.changeLoggedIn(group: g, by: 1, at: clock.now)
        makeAvailable(agent: agent)
    }

    /// A seat came free: the first group (in scenario order) with an agent waiting for
    /// a seat logs that agent in.
    private mutating func seatFreed() {
        guard let g = (0..<groupCount).first(where: { groups[$0].waitingForSeat > 0 }) else { return }
        changeWaitingForSeat(group: g, by: -1)
        logIn(group: g)
    }

    private mutating func changeWaitingForSeat(group g: Int, by delta: Int) {
        groups[g].waitingForSeat += delta
        agentsWaitingForSeat += delta
        statistics.changeWaitingForSeat(by: Double(delta), at: clock.now)
    }

    // MARK: - Staffing

    private mutating func crossBoundary(_ i: Int) {
        statistics.closeInterval(i - 1, at: clock.now)
    }

    private mutating func scheduleNextStaffingChange() {
        guard nextStaffingChange < staffingPlan.changes.count else { return }
        _ = schedule(.staffingChange, at: staffingPlan.changes[nextStaffingChange].time, index: 0)
    }

    /// Makes the plan's changes due now: first the groups that shrink (freeing seats),
    /// then those that grow.
    private mutating func changeStaffing() {
        let now = staffingPlan.changes[nextStaffingChange].time
        var end = nextStaffingChange
        while end < staffingPlan.changes.count && staffingPlan.changes[end].time == now { end += 1 }
        for change in staffingPlan.changes[nextStaffingChange..<end] where change.agents < groups[change.group].scheduled {
            reduceStaffing(group: change.group, to: change.agents)
        }
        for change in staffingPlan.changes[nextStaffingChange..<end] where change.agents > groups[change.group].scheduled {
            increaseStaffing(group: change.group, to: change.agents)
        }
        nextStaffingChange = end
        scheduleNextStaffingChange()
    }

    /// Extra agents log in at once (and take waiting calls) while seats are free; the
    /// others wait for a seat. Agents still finishing a call after their log-off
    /// simply stay.
    private mutating func increaseStaffing(group g: Int, to target: Int) {
        var change = target - groups[g].scheduled
        groups[g].scheduled = target
        let stay = min(change, groups[g].pendingLogoffs)
        groups[g].pendingLogoffs -= stay
        change -= stay
        for _ in 0..<change {
            if seatsInUse < agentSeats {
                logIn(group: g)
            } else {
                changeWaitingForSeat(group: g, by: 1)
            }
        }
    }

    /// Surplus agents waiting for a seat give up their place, idle ones log off at
    /// once, and busy ones log off when they finish their call.
    private mutating func reduceStaffing(group g: Int, to target: Int) {
        var surplus = groups[g].scheduled - target
        groups[g].scheduled = target
        let withoutSeat = min(surplus, groups[g].waitingForSeat)
        if withoutSeat > 0 { changeWaitingForSeat(group: g, by: -withoutSeat) }
        surplus -= withoutSeat
        while surplus > 0 && !groups[g].idle.isEmpty {
            logOff(agent: takeIdleAgent(group: g))
            surplus -= 1
        }
        groups[g].pendingLogoffs += surplus
    }
}

/// The random streams of one call type in one replication.
struct CallTypeStreams {
    let arrivals: RandomStream
    let talk: RandomStream
    let afterCallWork: RandomStream
    let patience: RandomStream
    let ivr: RandomStream
    let redial: RandomStream
    let transfer: RandomStream

    init(callType id: String, seed: UInt64, replication: Int) throws {
        func stream(_ source: String) throws -> RandomStream {
            try RandomStream(seed: StreamSeeds.seed(scenarioSeed: seed, replication: replication,
                                                    source: StreamSeeds.sourceID(id, source)))
        }
        arrivals = try stream("arrivals")
        talk = try stream("talk")
        afterCallWork = try stream("after_call_work")
        patience = try stream("patience")
        ivr = try stream("ivr")
        redial = try stream("redial")
        transfer = try stream("transfer")
    }
}

/// Where a call is in its life.
enum CallState: UInt8 {
    case free, redialing, waitingForPort, inIVR, selfService, waiting, talking, abandoned
}

/// One call in the centre (a reusable slot).
struct CallRecord {
    static let free = CallRecord(callType: -1, interval: -1, arrival: 0, talk: 0, afterCallWork: 0, patience: 0)

    var callType: Int32
    /// The planning interval of its arrival, or -1 if it arrived during the warm-up.
    var interval: Int32
    /// The planning interval of the caller's first attempt (-1: during the warm-up).
    var callerInterval: Int32 = -1
    /// 0 for a first attempt, 1 for the first redial, …
    var attempt: UInt16 = 0
    /// The call type the call will be transferred to after talk (-1: none).
    var transferTo: Int16 = -1
    /// The kind of follow-up task the call creates when its talk ends (-1: none).
    var followUp: Int16 = -1
    /// Whether this is the transferred part of a call (its type is the destination's).
    var isTransfer = false
    /// Whether the call holds a trunk line (voice calls once admitted; kept only when the
    /// centre has contacts of other channels).
    var holdsLine = false
    var abandonmentSequence: UInt32 = 0
    var overflowSequence: UInt32 = 0
    var state: CallState = .free
    /// The overflow tier whose delay the call waits for next.
    var overflowTier: UInt8 = 0
    var arrival: Double
    var talk: Double
    var afterCallWork: Double
    var patience: Double
    /// Announcement and menu time in the IVR.
    var menu: Double = 0
    /// Time spent in self-service after the menu; negative: the call goes to an agent.
    var selfService: Double = -1
    /// When the call asked for an agent (its arrival without an IVR).
    var queueEntry: Double = 0
    /// The part of the documents' response time before the queue: wait for an IVR
    /// port plus the fixed announcement.
    var responseBase: Double = 0
}

/// One agent.
struct AgentRecord {
    var group: Int32
    var call: Int32 = -1
    /// The call type of the call in hand (-1: a follow-up task or none).
    var callType: Int32 = -1
    var idleSince: Double = 0
    /// The follow-up task in hand, if the agent is on one.
    var task = FollowUpTask(kind: -1, interval: -1, created: 0, duration: 0)

    init(group: Int32) { self.group = group }
}

/// The agents of one group: who is idle (longest idle first), how many are scheduled,
/// how many must log off when they finish their call, and how many wait for a seat.
struct GroupState {
    var idle: IndexRing
    var scheduled = 0
    var pendingLogoffs = 0
    /// Scheduled agents who cannot log in because every licensed seat is taken.
    var waitingForSeat = 0
}
