import ContactCenter
import Statistics

/// Confidence intervals of KPIs for one subject (a call type, the centre, a group,
/// an interval), across replications. A KPI that no replication defined is absent.
public struct KPISummary: Sendable, Equatable {
    public var estimates: [KPI: ConfidenceInterval]

    public init(estimates: [KPI: ConfidenceInterval] = [:]) {
        self.estimates = estimates
    }

    public subscript(_ kpi: KPI) -> ConfidenceInterval? { estimates[kpi] }
}

/// The KPIs of one planning interval.
public struct IntervalSummary: Sendable {
    /// Index of the interval (0-based from time 0).
    public var index: Int
    /// Start and end of the interval (seconds from time 0).
    public var start: Double
    public var end: Double
    /// Per call type, in model order.
    public var callTypes: [KPISummary]
    /// Per agent group, in model order.
    public var groups: [KPISummary]
    /// All call types together.
    public var total: KPISummary
    /// Centre-wide trunk, IVR and seat KPIs.
    public var resources: KPISummary
}

/// The ratio KPIs of a run computed from the calls summed over all replications (a
/// ratio of totals, as ContactCenters and most WFM tools report them), next to the
/// summaries' means of the replications' ratios.
public struct RatiosOfTotals: Sendable {
    /// Per call type, in model order.
    public var callTypes: [KPIValues]
    /// All call types together.
    public var total: KPIValues
}

/// What a run of replications measured, with confidence intervals.
public struct RunSummary: Sendable {
    public var model: CenterModel
    public var seed: UInt64
    public var replications: Int
    public var confidenceLevel: Double
    /// The ratio KPIs as ratios of totals over the replications, over the whole period.
    public var ratiosOfTotals: RatiosOfTotals
    /// Per call type, in model order, over the whole reported period.
    public var callTypes: [KPISummary]
    /// The whole centre.
    public var total: KPISummary
    /// The voice calls alone, when the centre also has contacts of other channels
    /// (without waiting-time percentiles); `nil` otherwise.
    public var voice: KPISummary?
    /// Per agent group, in model order.
    public var groups: [KPISummary]
    /// Centre-wide trunk, IVR and seat KPIs over the whole reported period.
    public var resources: KPISummary
    /// Per kind of follow-up work, in model order, for the tasks created in the reported period.
    public var followUps: [KPISummary]
    /// Per reported planning interval (those ending after the warm-up).
    public var intervals: [IntervalSummary]
    /// The waits of each call type's offered calls, pooled over replications.
    public var callTypeWaits: [QuantileHistogram]
    /// Events handled and calls generated, summed over replications.
    public var events: Int
    public var generatedCalls: Int

    /// Summarises `results` (replications of `model`, in replication order) at the given
    /// confidence level.
    public init(model: CenterModel, seed: UInt64, results: [ReplicationResult], confidenceLevel: Double = 0.95) {
        var accumulator = RunAccumulator(model: model)
        for result in results { accumulator.add(result) }
        self = accumulator.summary(seed: seed, confidenceLevel: confidenceLevel)
    }

    /// A summary from its parts (see ``RunAccumulator``).
    init(model: CenterModel, seed: UInt64, replications: Int, confidenceLevel: Double, ratiosOfTotals: RatiosOfTotals,
         callTypes: [KPISummary],
         total: KPISummary, voice: KPISummary?, groups: [KPISummary], resources: KPISummary, followUps: [KPISummary],
         intervals: [IntervalSummary], callTypeWaits: [QuantileHistogram], events: Int, generatedCalls: Int) {
        self.model = model
        self.seed = seed
        self.replications = replications
        self.confidenceLevel = confidenceLevel
        self.ratiosOfTotals = ratiosOfTotals
        self.callTypes = callTypes
        self.total = total
        self.voice = voice
        self.groups = groups
        self.resources = resources
        self.followUps = followUps
        self.intervals = intervals
        self.callTypeWaits = callTypeWaits
        self.events = events
        self.generatedCalls = generatedCalls
    }
}

/// One replication's KPI values for every subject over the whole reported period; the
/// values of each interval are computed when asked for (``interval(_:)``), so that a
/// centre of many intervals and call types never holds them all at once.
struct ReplicationMeasures {
    var callTypes: [KPIValues] = []
    var total: KPIValues = [:]
    var voice: KPIValues?
    var groups: [KPIValues] = []
    var resources: KPIValues = [:]
    var followUps: [KPIValues] = []

    /// The KPI values of one interval.
    struct Interval {
        var callTypes: [KPIValues]
        var groups: [KPIValues]
        var total: KPIValues
        var resources: KPIValues
    }

    private let model: CenterModel
    private let r: ReplicationResult
    /// Per call type, the groups with its skill.
    private let skilled: [[Int]]
    /// The reported intervals over which time averages of the whole period are taken:
    /// those when some call type is open (all of them without opening hours).
    private let averaged: [Int]

    /// The measures of `result`; `openIntervals` says which intervals are open (see
    /// ``ContactCenter/CenterModel/openIntervals``), `nil`: all.
    init(model: CenterModel, result r: ReplicationResult, openIntervals: [Bool]? = nil) {
        self.model = model
        self.r = r
        let groupIndices = model.agentGroups.indices
        skilled = model.callTypes.indices.map { k in groupIndices.filter { model.agentGroups[$0].skills.contains(k) } }
        let reported = (0..<r.intervalCount).filter { model.timing.isReported(interval: $0) }
        let open = openIntervals.map { open in reported.filter { open[$0] } } ?? reported
        averaged = open.isEmpty ? reported : open
        let all = Array(model.callTypes.indices)
        callTypes = all.map { calls([$0], reported, waits: r.callTypeWaitQuantiles[$0], over: averaged) }
        total = calls(all, reported, waits: r.totalWaitQuantiles, over: averaged)
        let voiceTypes = all.filter { model.callTypes[$0].channel.isVoice }
        if !voiceTypes.isEmpty && voiceTypes.count < all.count {
            voice = calls(voiceTypes, reported, waits: WaitQuantiles(p90: nil, p95: nil), over: averaged)
        }
        groups = groupIndices.map { g in
            var values = group(g, averaged)
            values[.agentsPeak] = peak(of: .agents) { group(g, [$0]) }
            let loggedInTime = sum({ loggedIn($0, g) }, over: reported) + r.groupWrapUpLoggedInTime[g]
            if loggedInTime > 0 {
                values[.occupancyToLastCall] = (sum({ busy($0, g) }, over: reported) + r.groupWrapUpBusyTime[g]) / loggedInTime
            }
            return values
        }
        resources = resources(averaged)
        for (kpi, peakKPI) in [(KPI.trunksBusy, KPI.trunksBusyPeak), (.ivrPortsBusy, .ivrPortsBusyPeak),
                               (.seatsInUse, .seatsInUsePeak)] where resources[kpi] != nil {
            resources[peakKPI] = peak(of: kpi) { resources([$0]) }
        }
        followUps = model.followUps.indices.map { f in
            var counters = FollowUpCounters()
            for i in reported { counters.add(r.followUps[i * r.followUpKinds + f]) }
            return KPIMeasure.followUp(counters)
        }
    }

    /// The KPI values of interval `i` (a reported interval).
    func interval(_ i: Int) -> Interval {
        let all = Array(model.callTypes.indices)
        return Interval(callTypes: all.map { calls([$0], [i], waits: r.intervalWaitQuantiles[i * r.callTypeCount + $0]) },
                        groups: model.agentGroups.indices.map { group($0, [i]) },
                        total: calls(all, [i], waits: WaitQuantiles(p90: nil, p95: nil)),
                        resources: resources([i]))
    }

    private func busy(_ i: Int, _ g: Int) -> Double { r.groupBusyTime[i * r.groupCount + g] }
    private func loggedIn(_ i: Int, _ g: Int) -> Double { r.groupLoggedInTime[i * r.groupCount + g] }
    private func typeBusy(_ i: Int, _ k: Int) -> Double { r.callTypeBusyTime[i * r.callTypeCount + k] }
    private func queue(_ i: Int, _ k: Int) -> Double { r.callTypeQueueTime[i * r.callTypeCount + k] }
    private func sum(_ f: (Int) -> Double, over intervals: [Int]) -> Double { intervals.reduce(0) { $0 + f($1) } }

    /// The highest value of `kpi` among the averaged intervals' values.
    private func peak(of kpi: KPI, in values: (Int) -> KPIValues) -> Double? {
        averaged.compactMap { values($0)[kpi] }.max()
    }

    /// The counters of call types `ks` over `intervals`.
    func counters(_ ks: [Int], _ intervals: [Int]) -> CallCounters {
        var counters = CallCounters()
        for i in intervals { for k in ks { counters.add(r.counters(interval: i, callType: k)) } }
        return counters
    }

    /// KPIs of the calls of call types `ks` arriving in `intervals`, their time averages
    /// (occupancy, queue) over `timeIntervals` (by default the same).
    private func calls(_ ks: [Int], _ intervals: [Int], waits: WaitQuantiles, over timeIntervals: [Int]? = nil) -> KPIValues {
        let times = timeIntervals ?? intervals
        let groupsUsed = Set(ks.flatMap { skilled[$0] }).sorted()
        return KPIMeasure.calls(
            counters(ks, intervals), waits: waits,
            busyTime: sum({ i in ks.reduce(0) { $0 + typeBusy(i, $1) } }, over: times),
            loggedInTime: sum({ i in groupsUsed.reduce(0) { $0 + loggedIn(i, $1) } }, over: times),
            queueTime: sum({ i in ks.reduce(0) { $0 + queue(i, $1) } }, over: times),
            duration: sum({ r.reportedDuration[$0] }, over: times), hasIVR: model.ivr != nil)
    }

    private func resources(_ intervals: [Int]) -> KPIValues {
        KPIMeasure.resources(
            of: model, busyLineTime: sum({ r.busyLineTime[$0] }, over: intervals),
            busyPortTime: sum({ r.busyPortTime[$0] }, over: intervals),
            loggedInTime: sum({ i in model.agentGroups.indices.reduce(0) { $0 + loggedIn(i, $1) } }, over: intervals),
            seatLostTime: sum({ r.seatLostTime[$0] }, over: intervals),
            duration: sum({ r.reportedDuration[$0] }, over: intervals))
    }

    private func group(_ g: Int, _ intervals: [Int]) -> KPIValues {
        KPIMeasure.group(busyTime: sum({ busy($0, g) }, over: intervals),
                         loggedInTime: sum({ loggedIn($0, g) }, over: intervals),
                         duration: sum({ r.reportedDuration[$0] }, over: intervals))
    }
}
