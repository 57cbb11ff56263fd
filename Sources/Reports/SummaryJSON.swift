import ContactCenter
import Experiments
import Foundation
import Statistics

/// `summary.json`: the run's KPIs with confidence intervals, per call type (key
/// `call_types`, by id), for the whole centre (`total`) and per agent group
/// (`agent_groups`), each KPI an object `{"mean", "ci_low", "ci_high"}`; the voice calls
/// alone (`voice`) when the centre also has contacts of other channels; and the
/// centre's resources in sections `trunks`, `ivr` (absent without an IVR) and `seats`,
/// each with its settings and its KPIs; `targets`: per call type, every target it sets
/// (`kpi`, `relation` `>=` or `<=`, `value`) with the day's `verdict` (met, missed,
/// unsure) and the `intervals_missed` (intervals whose whole interval misses it);
/// `ratios_of_totals`: the ratio KPIs computed from the calls summed over the
/// replications, per call type (`call_types`) and for the centre (`total`), each a plain
/// number; `calendar` (with a start date or day types): the start date and each day's
/// date, weekday and day type.
/// Key names are a public interface: add, don't rename.
public enum SummaryJSON {
    /// The JSON text (keys sorted, so the same run always gives the same bytes).
    public static func encode(_ summary: RunSummary) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        var data = try encoder.encode(Document(summary))
        data.append(0x0A)
        return data
    }

    struct Estimate: Encodable {
        let mean: Double
        let ciLow: Double
        let ciHigh: Double

        enum CodingKeys: String, CodingKey {
            case mean, ciLow = "ci_low", ciHigh = "ci_high"
        }

        init(_ ci: ConfidenceInterval) {
            mean = ci.mean
            ciLow = ci.low
            ciHigh = ci.high
        }
    }

    struct ServiceLevelDefinition: Encodable {
        let seconds: Double
        let target: Double?
    }

    struct TargetVerdict: Encodable {
        let kpi: String
        let relation: String
        let value: Double
        let verdict: String
        let intervalsMissed: Int

        enum CodingKeys: String, CodingKey {
            case kpi, relation, value, verdict, intervalsMissed = "intervals_missed"
        }

        init(_ target: KPITarget, type k: Int, in s: RunSummary) {
            kpi = target.kpi.rawValue
            relation = target.relation.rawValue
            value = target.value
            verdict = target.verdict(s.callTypes[k][target.kpi])
            intervalsMissed = s.intervals.filter { target.isMissed(by: $0.callTypes[k][target.kpi], confident: true) }.count
        }
    }

    struct Document: Encodable {
        let ccsimVersion = Reports.ccsimVersion
        let scenario: String
        let seed: UInt64
        let replications: Int
        let confidenceLevel: Double
        let warmup: Double
        let horizon: Double
        let interval: Double
        let callTypes: [String: [String: Estimate]]
        let total: [String: Estimate]
        let voice: [String: Estimate]?
        let agentGroups: [String: [String: Estimate]]
        let serviceLevels: [String: ServiceLevelDefinition]
        let targets: [String: [TargetVerdict]]
        let trunkSection: ResourceSection
        let ivrSection: ResourceSection?
        let seatSection: ResourceSection
        let followUps: [String: ResourceSection]
        let events: Int
        let generatedCalls: Int
        let ratiosOfTotals: RatiosSection
        let calendar: CalendarSection?

        enum CodingKeys: String, CodingKey {
            case ccsimVersion = "ccsim_version", scenario, seed, replications
            case confidenceLevel = "confidence_level", warmup, horizon, interval
            case callTypes = "call_types", total, voice, agentGroups = "agent_groups"
            case serviceLevels = "service_levels", targets, events, generatedCalls = "generated_calls"
            case trunkSection = "trunks", ivrSection = "ivr", seatSection = "seats", followUps = "follow_ups"
            case ratiosOfTotals = "ratios_of_totals", calendar
        }

        init(_ s: RunSummary) {
            scenario = s.model.name
            seed = s.seed
            replications = s.replications
            confidenceLevel = s.confidenceLevel
            warmup = s.model.timing.warmup
            horizon = s.model.timing.horizon
            interval = s.model.timing.intervalLength
            callTypes = Dictionary(uniqueKeysWithValues: zip(s.model.callTypes.map(\.id), s.callTypes.map(kpis)))
            total = kpis(s.total)
            voice = s.voice.map(kpis)
            agentGroups = Dictionary(uniqueKeysWithValues: zip(s.model.agentGroups.map(\.id), s.groups.map(kpis)))
            serviceLevels = Dictionary(uniqueKeysWithValues: s.model.callTypes.map {
                ($0.id, ServiceLevelDefinition(seconds: $0.serviceLevel.seconds, target: $0.serviceLevel.target))
            })
            targets = Dictionary(uniqueKeysWithValues: s.model.callTypes.enumerated().map { k, type in
                (type.id, type.kpiTargets.map { TargetVerdict($0, type: k, in: s) })
            })
            events = s.events
            generatedCalls = s.generatedCalls
            ratiosOfTotals = RatiosSection(s)
            calendar = CalendarSection(s.model)
            trunkSection = ResourceSection(settings: ["lines": s.model.trunks.map { .integer($0) } ?? .null],
                                           kpis: [.trunksBusy, .trunkOccupancy, .trunksBusyPeak], from: s.resources)
                .adding([.blocked, .blockedFraction], from: s.total)
            ivrSection = s.model.ivr.map { ivr in
                ResourceSection(settings: ["ports": .integer(ivr.ports), "when_full": .text(ivr.whenFull.rawValue),
                                           "announcement": .number(ivr.announcement),
                                           "counts_against_seats": .flag(ivr.countsAgainstSeats)],
                                kpis: [.ivrPortsBusy, .ivrPortOccupancy, .ivrPortsBusyPeak], from: s.resources)
                    .adding([.ivrBlocked, .ivrBlockedFraction, .selfServed, .selfServiceRate, .ivrWait, .responseTime],
                            from: s.total)
            }
            followUps = Dictionary(uniqueKeysWithValues: zip(s.model.followUps, s.followUps).map { followUp, kpis in
                (followUp.id, ResourceSection(
                    settings: ["deadline": .number(followUp.deadline), "target": followUp.target.map { .number($0) } ?? .null,
                               "call_type": .text(s.model.callTypes[followUp.callType].id)],
                    kpis: KPI.allCases, from: kpis))
            })
            seatSection = ResourceSection(settings: ["licensed": s.model.seats.map { .integer($0) } ?? .null],
                                          kpis: [.seatsInUse, .seatOccupancy, .seatLostAgentMinutes, .seatsInUsePeak], from: s.resources)
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(ccsimVersion, forKey: .ccsimVersion)
            try c.encode(scenario, forKey: .scenario)
            try c.encode(seed, forKey: .seed)
            try c.encode(replications, forKey: .replications)
            try c.encode(confidenceLevel, forKey: .confidenceLevel)
            try c.encode(warmup, forKey: .warmup)
            try c.encode(horizon, forKey: .horizon)
            try c.encode(interval, forKey: .interval)
            try c.encode(callTypes, forKey: .callTypes)
            try c.encode(total, forKey: .total)
            try c.encodeIfPresent(voice, forKey: .voice)
            try c.encode(agentGroups, forKey: .agentGroups)
            try c.encode(serviceLevels, forKey: .serviceLevels)
            try c.encode(targets, forKey: .targets)
            try c.encode(trunkSection, forKey: .trunkSection)
            try c.encodeIfPresent(ivrSection, forKey: .ivrSection)
            try c.encode(seatSection, forKey: .seatSection)
            try c.encode(followUps, forKey: .followUps)
            try c.encode(events, forKey: .events)
            try c.encode(generatedCalls, forKey: .generatedCalls)
            try c.encode(ratiosOfTotals, forKey: .ratiosOfTotals)
            try c.encodeIfPresent(calendar, forKey: .calendar)
        }
    }

    /// The ratio KPIs as ratios of totals over the replications.
    struct RatiosSection: Encodable {
        let callTypes: [String: [String: Double]]
        let total: [String: Double]

        enum CodingKeys: String, CodingKey { case callTypes = "call_types", total }

        init(_ s: RunSummary) {
            func plain(_ values: KPIValues) -> [String: Double] {
                Dictionary(uniqueKeysWithValues: values.map { ($0.key.rawValue, $0.value) })
            }
            callTypes = Dictionary(uniqueKeysWithValues: zip(s.model.callTypes.map(\.id), s.ratiosOfTotals.callTypes.map(plain)))
            total = plain(s.ratiosOfTotals.total)
        }
    }

    /// The calendar: the start date, and each simulated day's date, weekday and day type.
    struct CalendarSection: Encodable {
        struct Day: Encodable {
            let day: Int
            let date: String?
            let weekday: String?
            let dayType: String?

            enum CodingKeys: String, CodingKey { case day, date, weekday, dayType = "day_type" }
        }

        let startDate: String?
        let days: [Day]

        enum CodingKeys: String, CodingKey { case startDate = "start_date", days }

        init?(_ model: CenterModel) {
            let timing = model.timing
            guard timing.startDate != nil || !model.dayTypes.isEmpty else { return nil }
            startDate = timing.startDate?.description
            days = (0..<timing.clockDayCount).map { d in
                let date = timing.date(ofDay: d)
                return Day(day: d + 1, date: date?.description, weekday: date?.weekday.abbreviation,
                           dayType: model.dayType(ofDay: d).map { model.dayTypes[$0].id })
            }
        }
    }

    /// One resource (trunks, IVR, seats): its settings and KPIs side by side in one object.
    struct ResourceSection: Encodable {
        var settings: [String: JSONValue]
        var kpis: [String: Estimate]

        init(settings: [String: JSONValue], kpis: [KPI], from summary: KPISummary) {
            self.settings = settings
            self.kpis = [:]
            add(kpis, from: summary)
        }

        func adding(_ kpis: [KPI], from summary: KPISummary) -> ResourceSection {
            var section = self
            section.add(kpis, from: summary)
            return section
        }

        private mutating func add(_ list: [KPI], from summary: KPISummary) {
            for kpi in list { if let ci = summary[kpi] { kpis[kpi.rawValue] = Estimate(ci) } }
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: AnyKey.self)
            for (key, value) in settings { try c.encode(value, forKey: AnyKey(key)) }
            for (key, value) in kpis { try c.encode(value, forKey: AnyKey(key)) }
        }
    }

    struct AnyKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ key: String) { stringValue = key }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    static func kpis(_ summary: KPISummary) -> [String: Estimate] {
        Dictionary(uniqueKeysWithValues: summary.estimates.map { ($0.key.rawValue, Estimate($0.value)) })
    }
}
