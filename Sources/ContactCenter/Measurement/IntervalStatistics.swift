import Engine
import Statistics

/// The collectors of one replication: per-interval call counters, streaming wait
/// histograms and time-weighted agent and queue counts. Memory depends on the
/// number of intervals, call types and groups, never on the number of calls.
struct IntervalStatistics {
    private let timing: Timing
    private let typeCount: Int
    private let groupCount: Int
    private let thresholds: [Double]
    private let replication: Int

    private let arena: SlotArena
    private let calls: SlotBuffer<CallCounters>
    /// Wait histograms per interval and call type, in the compact layout
    /// (`QuantileHistogram.Compact.bucketCount` buckets each), and per call type over the
    /// whole reported period, in the fine layout.
    private let waitBuckets: SlotBuffer<UInt32>
    private let typeWaitBuckets: SlotBuffer<UInt32>
    private var generatedCalls = 0

    private let busy: SlotBuffer<TimeWeighted>
    private let loggedIn: SlotBuffer<TimeWeighted>
    private let callTypeBusy: SlotBuffer<TimeWeighted>
    private let queueLength: SlotBuffer<TimeWeighted>
    /// Centre-wide resources: busy trunk lines, busy IVR ports, agents waiting for a seat.
    private let resources: SlotBuffer<TimeWeighted>

    private let groupBusyTime: SlotBuffer<Double>
    private let groupLoggedInTime: SlotBuffer<Double>
    private let callTypeBusyTime: SlotBuffer<Double>
    private let callTypeQueueTime: SlotBuffer<Double>
    private let followUpKinds: Int
    private let followUpCounters: SlotBuffer<FollowUpCounters>
    /// Per interval, the integral of each resource count (`[i * Resource.count + r]`).
    private let resourceTime: SlotBuffer<Double>

    /// Per group, what one agent slot counts in the busy and logged-in agents: 1, or 1/N
    /// in a chat group of N chats per agent (so that `agents` counts agents and occupancy
    /// the share of the chat slots in use); whether any group is a chat group.
    private let slotWeight: [Double]
    private let hasChatGroups: Bool

    init(model: CenterModel, replication: Int, arena: SlotArena) {
        slotWeight = model.agentGroups.map { 1 / Double($0.chatConcurrency) }
        hasChatGroups = model.agentGroups.contains { $0.chatConcurrency > 1 }
        timing = model.timing
        typeCount = model.callTypes.count
        groupCount = model.agentGroups.count
        thresholds = model.callTypes.map(\.serviceLevel.seconds)
        self.replication = replication
        self.arena = arena
        let n = timing.intervalCount
        calls = SlotBuffer(arena, count: n * typeCount, repeating: CallCounters())
        waitBuckets = SlotBuffer(arena, count: n * typeCount * QuantileHistogram.Compact.bucketCount, repeating: 0)
        typeWaitBuckets = SlotBuffer(arena, count: typeCount * QuantileHistogram.bucketCount, repeating: 0)
        busy = SlotBuffer(arena, count: groupCount, repeating: TimeWeighted())
        loggedIn = SlotBuffer(arena, count: groupCount, repeating: TimeWeighted())
        callTypeBusy = SlotBuffer(arena, count: typeCount, repeating: TimeWeighted())
        queueLength = SlotBuffer(arena, count: typeCount, repeating: TimeWeighted())
        groupBusyTime = SlotBuffer(arena, count: n * groupCount, repeating: 0)
        groupLoggedInTime = SlotBuffer(arena, count: n * groupCount, repeating: 0)
        callTypeBusyTime = SlotBuffer(arena, count: n * typeCount, repeating: 0)
        callTypeQueueTime = SlotBuffer(arena, count: n * typeCount, repeating: 0)
        followUpKinds = model.followUps.count
        followUpCounters = SlotBuffer(arena, count: n * model.followUps.count, repeating: FollowUpCounters())
        resources = SlotBuffer(arena, count: Resource.count, repeating: TimeWeighted())
        resourceTime = SlotBuffer(arena, count: n * Resource.count, repeating: 0)
    }

    // MARK: Calls

    mutating func recordArrival(_ call: borrowing CallRecord) {
        generatedCalls += 1
        guard call.interval >= 0 else { return }
        calls[slot(call)].arrivals += 1
        if call.attempt > 0 { calls[slot(call)].retrials += 1 }
    }

    /// The caller of `call` is served (counted in the interval of the first attempt).
    private mutating func recordCallerServed(_ call: borrowing CallRecord) {
        guard call.callerInterval >= 0 else { return }
        calls[callerSlot(call)].callersServed += 1
    }

    /// The caller of `call` gives up for good.
    mutating func recordCallerLost(_ call: borrowing CallRecord) {
        guard call.callerInterval >= 0 else { return }
        calls[callerSlot(call)].callersLost += 1
    }

    /// A call of type `k` arrives at `now` while its type is closed: an arrival, turned
    /// away, its caller lost.
    mutating func recordClosed(callType k: Int, at now: Double) {
        generatedCalls += 1
        guard now >= timing.warmup else { return }
        let s = timing.interval(at: now) * typeCount + k
        calls[s].arrivals += 1
        calls[s].closed += 1
        calls[s].callersLost += 1
    }

    /// Adds one to a counter of the call's interval and type (nothing in the warm-up):
    /// for the rarer outcomes, off the hot path.
    private mutating func count(_ call: borrowing CallRecord, _ counter: WritableKeyPath<CallCounters, Int>) {
        guard call.interval >= 0 else { return }
        calls[slot(call)][keyPath: counter] += 1
    }

    mutating func recordCallbackOffered(_ call: borrowing CallRecord) { count(call, \.callbacksOffered) }

    /// The caller takes a callback and leaves the queue.
    mutating func recordCallbackTaken(_ call: borrowing CallRecord) { count(call, \.callbacksTaken) }

    /// A callback taken at `call.queueEntry` is dialled at `now`; `reached`: the
    /// customer answers (the caller is served), else the caller is lost.
    mutating func recordCallbackDialled(_ call: borrowing CallRecord, at now: Double, reached: Bool, deadline: Double) {
        if reached { recordCallerServed(call) } else { recordCallerLost(call) }
        guard call.interval >= 0 else { return }
        let s = slot(call)
        if reached { calls[s].callbacksReached += 1 }
        let wait = now - call.queueEntry
        if wait <= deadline { calls[s].callbacksOnTime += 1 }
        calls[s].callbackWait += wait
    }

    /// A callback never dialled: its caller is lost.
    mutating func recordCallbackUndone(_ call: borrowing CallRecord) {
        recordCallerLost(call)
        count(call, \.callbacksUndone)
    }

    mutating func recordBlocked(_ call: borrowing CallRecord) { count(call, \.blocked) }

    mutating func recordIVRBlocked(_ call: borrowing CallRecord) { count(call, \.ivrBlocked) }

    /// The call took an IVR port at `now`, after waiting for it since its arrival.
    mutating func recordIVREntry(_ call: borrowing CallRecord, at now: Double) {
        guard call.interval >= 0 else { return }
        let s = slot(call)
        calls[s].ivrEntered += 1
        calls[s].ivrPortWait += now - call.arrival
    }

    mutating func recordSelfServed(_ call: borrowing CallRecord) {
        recordCallerServed(call)
        guard call.interval >= 0 else { return }
        calls[slot(call)].selfServed += 1
    }

    /// An answered call of the original type is transferred to call type `to`; the
    /// counts go to the interval of the original call's arrival.
    mutating func recordTransfer(_ call: borrowing CallRecord, to: Int) {
        guard call.interval >= 0 else { return }
        calls[slot(call)].transferred += 1
        calls[Int(call.interval) * typeCount + to].transfersIn += 1
    }

    mutating func recordAbandonment(_ call: borrowing CallRecord, at now: Double) {
        guard call.interval >= 0 else { return }
        let wait = now - call.queueEntry
        if call.isTransfer {
            calls[slot(call)].transfersAbandoned += 1
            return
        }
        let s = slot(call)
        calls[s].abandoned += 1
        calls[s].waitOfAbandoned += wait
        if wait > 0 { calls[s].waited += 1 }
        if wait <= thresholds[Int(call.callType)] { calls[s].abandonedWithinThreshold += 1 }
        recordWait(wait, slot: s)
    }

    mutating func recordUnserved(_ call: borrowing CallRecord) {
        guard call.interval >= 0 else { return }
        if call.isTransfer {
            calls[slot(call)].transfersUnserved += 1
            return
        }
        calls[slot(call)].unserved += 1
    }

    mutating func recordAnswer(_ call: borrowing CallRecord, at now: Double) {
        if call.isTransfer {
            recordTransferAnswered(call, at: now)
            return
        }
        recordCallerServed(call)
        guard call.interval >= 0 else { return }
        let wait = now - call.queueEntry
        let s = slot(call)
        calls[s].answered += 1
        calls[s].waitOfAnswered += wait
        calls[s].responseTime += call.responseBase + wait
        calls[s].handleTime += call.talk + call.afterCallWork
        if wait > 0 { calls[s].waited += 1 }
        if wait <= thresholds[Int(call.callType)] { calls[s].answeredWithinThreshold += 1 }
        recordWait(wait, slot: s)
    }

    private mutating func recordTransferAnswered(_ call: borrowing CallRecord, at now: Double) {
        guard call.interval >= 0 else { return }
        calls[slot(call)].transfersAnswered += 1
        calls[slot(call)].waitOfTransfers += now - call.queueEntry
    }

    @inline(__always)
    private mutating func recordWait(_ wait: Double, slot s: Int) {
        waitBuckets[s * QuantileHistogram.Compact.bucketCount + QuantileHistogram.Compact.bucket(of: wait)] &+= 1
        typeWaitBuckets[(s % typeCount) * QuantileHistogram.bucketCount + QuantileHistogram.bucket(of: wait)] &+= 1
    }

    private func slot(_ call: borrowing CallRecord) -> Int {
        Int(call.interval) * typeCount + Int(call.callType)
    }

    private func callerSlot(_ call: borrowing CallRecord) -> Int {
        Int(call.callerInterval) * typeCount + Int(call.callType)
    }

    // MARK: Time-weighted counts

    /// A group's busy agents change; `k` is the call type in hand (-1 for follow-up work).
    mutating func changeBusy(group g: Int, callType k: Int, by slots: Double, at now: Double) {
        let delta = hasChatGroups ? slots * slotWeight[g] : slots
        busy[g].update(busy[g].value + delta, at: now)
        if k >= 0 { callTypeBusy[k].update(callTypeBusy[k].value + delta, at: now) }
    }

    // MARK: Follow-up work

    mutating func recordFollowUpCreated(_ task: FollowUpTask) {
        guard task.interval >= 0 else { return }
        followUpCounters[followUpSlot(task)].created += 1
    }

    mutating func recordFollowUpDone(_ task: FollowUpTask, at now: Double, deadline: Double) {
        guard task.interval >= 0 else { return }
        let s = followUpSlot(task)
        if now - task.created <= deadline {
            followUpCounters[s].doneInTime += 1
        } else {
            followUpCounters[s].doneLate += 1
        }
        followUpCounters[s].completionTime += now - task.created
    }

    mutating func recordFollowUpUndone(_ task: FollowUpTask) {
        guard task.interval >= 0 else { return }
        followUpCounters[followUpSlot(task)].undone += 1
    }

    private func followUpSlot(_ task: FollowUpTask) -> Int {
        Int(task.interval) * followUpKinds + Int(task.kind)
    }

    mutating func changeLoggedIn(group g: Int, by slots: Double, at now: Double) {
        let delta = hasChatGroups ? slots * slotWeight[g] : slots
        loggedIn[g].update(loggedIn[g].value + delta, at: now)
    }

    mutating func changeQueue(callType k: Int, by delta: Double, at now: Double) {
        queueLength[k].update(queueLength[k].value + delta, at: now)
    }

    mutating func changeBusyLines(by delta: Double, at now: Double) {
        change(.busyLines, by: delta, at: now)
    }

    mutating func changeBusyPorts(by delta: Double, at now: Double) {
        change(.busyPorts, by: delta, at: now)
    }

    mutating func changeWaitingForSeat(by delta: Double, at now: Double) {
        change(.agentsWithoutSeat, by: delta, at: now)
    }

    private mutating func change(_ r: Resource, by delta: Double, at now: Double) {
        resources[r.rawValue].update(resources[r.rawValue].value + delta, at: now)
    }

    /// Discards what the time-weighted collectors gathered during the warm-up.
    mutating func endWarmup(at now: Double) {
        resetAccumulators(at: now)
    }

    /// Stores interval `i`'s time-weighted totals (if it is reported) and starts the next.
    mutating func closeInterval(_ i: Int, at now: Double) {
        if timing.isReported(interval: i) {
            for g in 0..<groupCount {
                busy[g].advance(to: now)
                loggedIn[g].advance(to: now)
                groupBusyTime[i * groupCount + g] = busy[g].area
                groupLoggedInTime[i * groupCount + g] = loggedIn[g].area
            }
            for k in 0..<typeCount {
                callTypeBusy[k].advance(to: now)
                queueLength[k].advance(to: now)
                callTypeBusyTime[i * typeCount + k] = callTypeBusy[k].area
                callTypeQueueTime[i * typeCount + k] = queueLength[k].area
            }
            for r in 0..<Resource.count {
                resources[r].advance(to: now)
                resourceTime[i * Resource.count + r] = resources[r].area
            }
        }
        resetAccumulators(at: now)
    }

    private mutating func resetAccumulators(at now: Double) {
        for g in 0..<groupCount {
            busy[g].reset(at: now)
            loggedIn[g].reset(at: now)
        }
        for k in 0..<typeCount {
            callTypeBusy[k].reset(at: now)
            queueLength[k].reset(at: now)
        }
        for r in 0..<Resource.count { resources[r].reset(at: now) }
    }

    // MARK: Result

    func result(events: Int) -> ReplicationResult {
        let n = timing.intervalCount
        // Quantiles per interval read in place from the compact histograms (the
        // collectors are not copied); the call types' fine histograms made once.
        let c = QuantileHistogram.Compact.bucketCount
        let compact = waitBuckets.bufferPointer
        let intervalWaitQuantiles = (0..<(n * typeCount)).map { s in
            let slice = UnsafeBufferPointer(rebasing: compact[(s * c)..<((s + 1) * c)])
            return WaitQuantiles(p90: QuantileHistogram.Compact.quantile(0.90, of: slice),
                                 p95: QuantileHistogram.Compact.quantile(0.95, of: slice))
        }
        let b = QuantileHistogram.bucketCount
        let fine = typeWaitBuckets.bufferPointer
        let callTypeWaits = (0..<typeCount).map { k in QuantileHistogram(bucketCounts: fine[(k * b)..<((k + 1) * b)]) }
        var total = QuantileHistogram()
        for h in callTypeWaits { total.merge(h) }
        return ReplicationResult(
            replication: replication,
            intervalCount: n,
            callTypeCount: typeCount,
            groupCount: groupCount,
            calls: calls.array,
            intervalWaitQuantiles: intervalWaitQuantiles,
            callTypeWaitQuantiles: callTypeWaits.map(Self.quantiles),
            callTypeWaits: callTypeWaits,
            totalWaitQuantiles: Self.quantiles(total),
            groupBusyTime: groupBusyTime.array,
            groupLoggedInTime: groupLoggedInTime.array,
            callTypeBusyTime: callTypeBusyTime.array,
            callTypeQueueTime: callTypeQueueTime.array,
            busyLineTime: (0..<n).map { resourceTime[$0 * Resource.count + Resource.busyLines.rawValue] },
            busyPortTime: (0..<n).map { resourceTime[$0 * Resource.count + Resource.busyPorts.rawValue] },
            followUps: followUpCounters.array,
            followUpKinds: followUpKinds,
            seatLostTime: (0..<n).map { resourceTime[$0 * Resource.count + Resource.agentsWithoutSeat.rawValue] },
            reportedDuration: (0..<n).map(timing.reportedDuration(ofInterval:)),
            groupWrapUpBusyTime: wrapUp.busy, groupWrapUpLoggedInTime: wrapUp.loggedIn,
            events: events,
            generatedCalls: generatedCalls)
    }

    /// Each group's busy and logged-in agent-seconds from the horizon (when the last
    /// interval closed and the accumulators were reset) until the last contact left: the
    /// last change of any group's busy agents.
    private var wrapUp: (busy: [Double], loggedIn: [Double]) {
        let end = max(timing.horizon, (0..<groupCount).map { busy[$0].lastUpdate }.max() ?? timing.horizon)
        var busyTime: [Double] = [], loggedInTime: [Double] = []
        for g in 0..<groupCount {
            var b = busy[g], l = loggedIn[g]
            if b.lastUpdate <= end { b.advance(to: end) }
            if l.lastUpdate <= end { l.advance(to: end) }
            busyTime.append(b.area)
            loggedInTime.append(l.area)
        }
        return (busyTime, loggedInTime)
    }

    private static func quantiles(_ h: QuantileHistogram) -> WaitQuantiles {
        WaitQuantiles(p90: h.quantile(0.90), p95: h.quantile(0.95))
    }
}

/// The centre-wide counts whose time averages are measured per interval.
private enum Resource: Int {
    case busyLines, busyPorts, agentsWithoutSeat
    static let count = 3
}
