/// What happened to the calls of one call type arriving in one planning interval
/// (after the warm-up) in one replication. Calls are attributed to the interval in
/// which they arrive, and followed until they leave, even after the horizon.
public struct CallCounters: Sendable, Equatable {
    /// Calls that arrived (first attempts and redials).
    public var arrivals = 0
    /// Arrivals that were redials of callers lost before.
    public var retrials = 0
    /// Callers whose first attempt arrived in this interval and who were served in
    /// the end (by an agent or in self-service), on whichever attempt.
    public var callersServed = 0
    /// Callers whose first attempt arrived in this interval and who gave up for good
    /// (lost without calling again, or left unserved).
    public var callersLost = 0
    /// Calls that found every trunk line busy.
    public var blocked = 0
    /// Calls that arrived while their call type was closed (they heard the closed
    /// message; counted in arrivals, not offered).
    public var closed = 0
    /// Answered calls transferred to another call type after talk.
    public var transferred = 0
    /// Calls transferred to this call type from others (not counted as arrivals), and
    /// how they ended: answered, abandoned, still waiting at the end.
    public var transfersIn = 0
    public var transfersAnswered = 0
    public var transfersAbandoned = 0
    public var transfersUnserved = 0
    /// Sum of the queue waits of the answered transferred calls (seconds).
    public var waitOfTransfers = 0.0
    /// Calls that found every IVR port busy (when the IVR blocks).
    public var ivrBlocked = 0
    /// Calls that took an IVR port.
    public var ivrEntered = 0
    /// Calls that ended in IVR self-service, without an agent.
    public var selfServed = 0
    /// Calls answered by an agent.
    public var answered = 0
    /// Calls that hung up while waiting.
    public var abandoned = 0
    /// Callbacks: offered to waiting callers, taken (the caller left the queue), dialled
    /// and answered by the customer, dialled within the deadline, still pending at the
    /// end; and the sum of the times from taking to dialling (seconds).
    public var callbacksOffered = 0
    public var callbacksTaken = 0
    public var callbacksReached = 0
    public var callbacksOnTime = 0
    public var callbacksUndone = 0
    public var callbackWait = 0.0
    /// Calls still waiting when the simulation ended: after the horizon no agent was
    /// left to answer them and they would never hang up (no patience).
    public var unserved = 0
    /// Answered calls that waited at most the service-level threshold.
    public var answeredWithinThreshold = 0
    /// Abandoned calls that hung up within the service-level threshold.
    public var abandonedWithinThreshold = 0
    /// Offered calls that waited a positive time (answered after a wait, or abandoned).
    public var waited = 0
    /// Sum of the waits of answered calls (seconds).
    public var waitOfAnswered = 0.0
    /// Sum of the waits of abandoned calls until they hung up (seconds).
    public var waitOfAbandoned = 0.0
    /// Sum of the handle times (talk + after-call work) of answered calls (seconds).
    public var handleTime = 0.0
    /// Sum of the waits for an IVR port of the calls that took one (seconds).
    public var ivrPortWait = 0.0
    /// Sum of the response times of answered calls (seconds): wait for an IVR port,
    /// the fixed announcement, and the wait in queue (the menu is the caller's own time).
    public var responseTime = 0.0

    public init() {}

    /// Calls offered to agents: not turned away while closed, not blocked at the trunks
    /// or the IVR, not self-served.
    public var offered: Int { arrivals - closed - blocked - ivrBlocked - selfServed }

    /// Every count and every sum above, once: the list that writes and reads them in a
    /// part's results.bin, in this order, checks what a part holds, and against which
    /// ``add(_:)`` is tested (append a new counter at the end of its list; a test checks
    /// that every stored property is listed, and that `add` adds each).
    nonisolated(unsafe) public static let counts: [WritableKeyPath<CallCounters, Int>] = [
        \.arrivals, \.retrials, \.callersServed, \.callersLost, \.blocked, \.closed, \.transferred, \.transfersIn,
        \.transfersAnswered, \.transfersAbandoned, \.transfersUnserved, \.ivrBlocked, \.ivrEntered, \.selfServed,
        \.answered, \.abandoned, \.callbacksOffered, \.callbacksTaken, \.callbacksReached, \.callbacksOnTime,
        \.callbacksUndone, \.unserved, \.answeredWithinThreshold, \.abandonedWithinThreshold, \.waited,
    ]
    nonisolated(unsafe) public static let sums: [WritableKeyPath<CallCounters, Double>] = [
        \.waitOfTransfers, \.callbackWait, \.waitOfAnswered, \.waitOfAbandoned, \.handleTime, \.ivrPortWait, \.responseTime,
    ]

    /// Adds another set of counters (for totals over intervals or call types), every
    /// counter of ``counts`` and ``sums``: written out field by field, because summaries
    /// add counters millions of times and key paths cost a generic lookup each; a test
    /// checks it against the lists (and the lists against the stored properties).
    public mutating func add(_ other: CallCounters) {
        arrivals += other.arrivals
        retrials += other.retrials
        callersServed += other.callersServed
        callersLost += other.callersLost
        blocked += other.blocked
        closed += other.closed
        transferred += other.transferred
        transfersIn += other.transfersIn
        transfersAnswered += other.transfersAnswered
        transfersAbandoned += other.transfersAbandoned
        transfersUnserved += other.transfersUnserved
        ivrBlocked += other.ivrBlocked
        ivrEntered += other.ivrEntered
        selfServed += other.selfServed
        answered += other.answered
        abandoned += other.abandoned
        callbacksOffered += other.callbacksOffered
        callbacksTaken += other.callbacksTaken
        callbacksReached += other.callbacksReached
        callbacksOnTime += other.callbacksOnTime
        callbacksUndone += other.callbacksUndone
        unserved += other.unserved
        answeredWithinThreshold += other.answeredWithinThreshold
        abandonedWithinThreshold += other.abandonedWithinThreshold
        waited += other.waited
        waitOfTransfers += other.waitOfTransfers
        callbackWait += other.callbackWait
        waitOfAnswered += other.waitOfAnswered
        waitOfAbandoned += other.waitOfAbandoned
        handleTime += other.handleTime
        ivrPortWait += other.ivrPortWait
        responseTime += other.responseTime
    }
}

/// Quantiles of the wait of offered calls (answered calls with their wait, abandoned
/// calls with their wait until they hung up), in seconds; `nil` when no call was offered.
public struct WaitQuantiles: Sendable, Equatable {
    public var p90: Double?
    public var p95: Double?

    public init(p90: Double?, p95: Double?) {
        self.p90 = p90
        self.p95 = p95
    }
}

import Statistics

/// Everything one replication measured, per planning interval. Arrays indexed
/// `[interval * callTypeCount + callType]` or `[interval * groupCount + group]`.
/// Intervals entirely inside the warm-up hold zeros.
public struct ReplicationResult: Sendable {
    /// Which replication this is (0-based).
    public var replication: Int
    public var intervalCount: Int
    public var callTypeCount: Int
    public var groupCount: Int
    /// Call counters per interval and call type.
    public var calls: [CallCounters]
    /// Wait quantiles per interval and call type.
    public var intervalWaitQuantiles: [WaitQuantiles]
    /// Wait quantiles per call type over the whole reported period.
    public var callTypeWaitQuantiles: [WaitQuantiles]
    /// Wait histograms per call type over the whole reported period.
    public var callTypeWaits: [QuantileHistogram]
    /// Wait quantiles of all call types together.
    public var totalWaitQuantiles: WaitQuantiles
    /// Agent-seconds busy (talk + after-call work) per interval and group.
    public var groupBusyTime: [Double]
    /// Agent-seconds logged in per interval and group (scheduled agents, plus agents
    /// finishing a call after their scheduled log-off).
    public var groupLoggedInTime: [Double]
    /// Agent-seconds spent on each call type per interval.
    public var callTypeBusyTime: [Double]
    /// Integral of the number of waiting calls of each type per interval (call-seconds).
    public var callTypeQueueTime: [Double]
    /// Integral of the number of busy trunk lines per interval (line-seconds).
    public var busyLineTime: [Double]
    /// Integral of the number of busy IVR ports per interval (port-seconds).
    public var busyPortTime: [Double]
    /// Follow-up task counters per interval and kind (`[interval * followUpKinds + kind]`),
    /// by the interval of the tasks' creation.
    public var followUps: [FollowUpCounters]
    public var followUpKinds: Int
    /// Agent-seconds lost to the seat limit per interval: scheduled agents who could
    /// not log in because every licensed seat was taken.
    public var seatLostTime: [Double]
    /// Length of each interval after the warm-up (seconds; 0 inside the warm-up).
    public var reportedDuration: [Double]
    /// Per group, the agent-seconds busy and logged in after the horizon until the last
    /// contact left (the wrap-up, when no call arrives and the queue empties).
    public var groupWrapUpBusyTime: [Double]
    public var groupWrapUpLoggedInTime: [Double]
    /// Events handled by the replication.
    public var events: Int
    /// Calls generated by the replication (including the warm-up).
    public var generatedCalls: Int

    /// Counters of call type `k` in interval `i`.
    public func counters(interval i: Int, callType k: Int) -> CallCounters {
        calls[i * callTypeCount + k]
    }
}

/// What happened to the follow-up tasks of one kind created in one interval.
public struct FollowUpCounters: Sendable, Equatable {
    public var created = 0
    /// Finished within the deadline of their creation.
    public var doneInTime = 0
    /// Finished after the deadline.
    public var doneLate = 0
    /// Still waiting when the simulation ended.
    public var undone = 0
    /// Sum of the times from creation to completion of the finished tasks (seconds).
    public var completionTime = 0.0

    public init() {}

    public mutating func add(_ other: FollowUpCounters) {
        created += other.created
        doneInTime += other.doneInTime
        doneLate += other.doneLate
        undone += other.undone
        completionTime += other.completionTime
    }
}

extension ReplicationResult {
    /// Whether every array has the size `model` gives it (a result read from a file is
    /// checked before it is summarised).
    public func fits(_ model: CenterModel) -> Bool {
        let n = model.timing.intervalCount, k = model.callTypes.count, g = model.agentGroups.count
        let f = model.followUps.count
        let sizes = [
            (calls.count, n * k), (intervalWaitQuantiles.count, n * k), (callTypeWaitQuantiles.count, k),
            (callTypeWaits.count, k), (groupBusyTime.count, n * g), (groupLoggedInTime.count, n * g),
            (callTypeBusyTime.count, n * k), (callTypeQueueTime.count, n * k), (busyLineTime.count, n),
            (busyPortTime.count, n), (followUps.count, n * f), (seatLostTime.count, n), (reportedDuration.count, n),
            (groupWrapUpBusyTime.count, g), (groupWrapUpLoggedInTime.count, g),
        ]
        return intervalCount == n && callTypeCount == k && groupCount == g && followUpKinds == f
            && sizes.allSatisfy { $0.0 == $0.1 }
    }
}

