import ContactCenter
import Statistics

/// A run's statistics gathered replication by replication: per subject and KPI a tally
/// of the replications' values, the merged wait histograms and the counts. Its memory
/// depends on the model (intervals, call types, groups), not on the replications; fed
/// in replication order, it gives the same summary, bit for bit, as all the results at
/// once.
public struct RunAccumulator: Sendable {
    public let model: CenterModel
    /// Replications added so far.
    public private(set) var replications = 0
    private var callTypeWaits: [QuantileHistogram]
    private var events = 0
    private var generatedCalls = 0
    private var callTypes: [[KPI: Tally]]
    private var total: [KPI: Tally] = [:]
    private var voice: [KPI: Tally]?
    private var groups: [[KPI: Tally]]
    private var resources: [KPI: Tally] = [:]
    private var followUps: [[KPI: Tally]]
    private let reported: [Int]
    /// Which intervals are open (`nil`: no opening hours), for the time averages.
    private let openIntervals: [Bool]?
    /// The calls of each call type over the reported period, summed over replications.
    private var callTypeTotals: [CallCounters]
    /// Per reported interval (in the order of `reported`).
    private var intervalCallTypes: [[[KPI: Tally]]]
    private var intervalGroups: [[[KPI: Tally]]]
    private var intervalTotals: [[KPI: Tally]]
    private var intervalResources: [[KPI: Tally]]

    public init(model: CenterModel) {
        self.model = model
        let types = model.callTypes.count, groupCount = model.agentGroups.count
        callTypeWaits = Array(repeating: QuantileHistogram(), count: types)
        callTypes = Array(repeating: [:], count: types)
        groups = Array(repeating: [:], count: groupCount)
        followUps = Array(repeating: [:], count: model.followUps.count)
        let voiceTypes = model.callTypes.filter(\.channel.isVoice).count
        voice = voiceTypes > 0 && voiceTypes < types ? [:] : nil
        let timing = model.timing
        reported = (0..<timing.intervalCount).filter { timing.isReported(interval: $0) }
        openIntervals = model.openIntervalMask
        callTypeTotals = Array(repeating: CallCounters(), count: types)
        intervalCallTypes = Array(repeating: Array(repeating: [:], count: types), count: reported.count)
        intervalGroups = Array(repeating: Array(repeating: [:], count: groupCount), count: reported.count)
        intervalTotals = Array(repeating: [:], count: reported.count)
        intervalResources = Array(repeating: [:], count: reported.count)
    }

    /// Adds the next replication's result.
    public mutating func add(_ result: ReplicationResult) {
        replications += 1
        for k in callTypeWaits.indices { callTypeWaits[k].merge(result.callTypeWaits[k]) }
        events += result.events
        generatedCalls += result.generatedCalls
        let m = ReplicationMeasures(model: model, result: result, openIntervals: openIntervals)
        for k in callTypeTotals.indices { callTypeTotals[k].add(m.counters([k], reported)) }
        for k in callTypes.indices { Self.add(m.callTypes[k], to: &callTypes[k]) }
        Self.add(m.total, to: &total)
        if voice != nil { Self.add(m.voice ?? [:], to: &voice!) }
        for g in groups.indices { Self.add(m.groups[g], to: &groups[g]) }
        Self.add(m.resources, to: &resources)
        for f in followUps.indices { Self.add(m.followUps[f], to: &followUps[f]) }
        for (j, i) in reported.enumerated() {
            let values = m.interval(i)
            for k in callTypes.indices { Self.add(values.callTypes[k], to: &intervalCallTypes[j][k]) }
            for g in groups.indices { Self.add(values.groups[g], to: &intervalGroups[j][g]) }
            Self.add(values.total, to: &intervalTotals[j])
            Self.add(values.resources, to: &intervalResources[j])
        }
    }

    private static func add(_ values: KPIValues, to tallies: inout [KPI: Tally]) {
        for (kpi, value) in values { tallies[kpi, default: Tally()].add(value) }
    }

    /// The summary of the replications added, letting go of each interval's tallies as
    /// soon as they are summarised, so that the tallies and the summary are not both held
    /// in full (a centre of many intervals and call types); the accumulator is then empty
    /// of interval statistics.
    public mutating func finalSummary(seed: UInt64, confidenceLevel: Double = 0.95) -> RunSummary {
        func summarise(_ tallies: [KPI: Tally]) -> KPISummary {
            KPISummary(estimates: tallies.mapValues { $0.confidenceInterval(level: confidenceLevel) })
        }
        let timing = model.timing
        var intervals: [IntervalSummary] = []
        intervals.reserveCapacity(reported.count)
        for (j, i) in reported.enumerated() {
            intervals.append(IntervalSummary(
                index: i, start: timing.start(ofInterval: i), end: timing.end(ofInterval: i),
                callTypes: intervalCallTypes[j].map(summarise), groups: intervalGroups[j].map(summarise),
                total: summarise(intervalTotals[j]), resources: summarise(intervalResources[j])))
            (intervalCallTypes[j], intervalGroups[j], intervalTotals[j], intervalResources[j]) = ([], [], [:], [:])
        }
        var allCalls = CallCounters()
        for counters in callTypeTotals { allCalls.add(counters) }
        let ratios = RatiosOfTotals(callTypes: callTypeTotals.map(KPIMeasure.ratios), total: KPIMeasure.ratios(allCalls))
        return RunSummary(
            model: model, seed: seed, replications: replications, confidenceLevel: confidenceLevel, ratiosOfTotals: ratios,
            callTypes: callTypes.map(summarise), total: summarise(total), voice: replications == 0 ? nil : voice.map(summarise),
            groups: groups.map(summarise), resources: summarise(resources), followUps: followUps.map(summarise),
            intervals: intervals, callTypeWaits: callTypeWaits, events: events, generatedCalls: generatedCalls)
    }

    /// The summary of the replications added, with `seed` recorded and intervals at
    /// `confidenceLevel` (the accumulator goes on: it is summarised from a copy).
    public func summary(seed: UInt64, confidenceLevel: Double = 0.95) -> RunSummary {
        var copy = self
        return copy.finalSummary(seed: seed, confidenceLevel: confidenceLevel)
    }
}
