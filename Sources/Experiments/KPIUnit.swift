/// What a KPI's value is measured in: the one place that says which KPIs are shares
/// (summary.json and the CSVs hold them as fractions 0…1; tables show them × 100, in %).
public enum KPIUnit: String, Sendable, CaseIterable {
    /// A number of calls, callbacks or tasks (per replication, or per interval).
    case count
    /// A fraction of calls, of time or of capacity, from 0 to 1.
    case share
    /// A time in seconds (waits, handle times, response times).
    case seconds
    /// A mean or peak number of agents, calls waiting, lines, ports or seats in use.
    case level
    /// Agent-minutes (the time agents were rostered without a seat).
    case agentMinutes = "agent_minutes"

    /// What tables multiply a value by: 100 for shares, else 1.
    public var displayScale: Double { self == .share ? 100 : 1 }
    /// The symbol tables print after a value: `%`, `s`, `agent-min` or nothing.
    public var symbol: String {
        switch self {
        case .share: "%"
        case .seconds: "s"
        case .agentMinutes: "agent-min"
        case .count, .level: ""
        }
    }
}

extension KPI {
    /// The KPI's unit (``KPIUnit``).
    public var unit: KPIUnit {
        switch self {
        case .arrivals, .offered, .answered, .abandoned, .blocked, .unserved, .closed, .ivrBlocked, .selfServed,
             .firstAttempts, .retrials, .transferred, .transfersIn, .transfersAbandoned, .callbacksOffered, .callbacksTaken,
             .callbacksReached, .callbacksOnTime, .callbacksUndone, .followUps, .followUpsDoneInTime, .followUpsLate,
             .followUpsUndone:
            .count
        case .blockedFraction, .abandonFraction, .answerRate, .pWait, .serviceLevel, .serviceLevelOfAnswered,
             .serviceLevelWithoutShortAbandons, .occupancy, .occupancyToLastCall, .ivrBlockedFraction, .selfServiceRate,
             .callersServedFraction, .transferFraction, .callbackOnTimeFraction, .followUpRate, .trunkOccupancy,
             .ivrPortOccupancy, .seatOccupancy:
            .share
        case .asa, .meanWait, .waitP90, .waitP95, .aht, .ivrWait, .responseTime, .transferASA, .callbackWait,
             .followUpCompletionTime:
            .seconds
        case .meanQueue, .agents, .agentsPeak, .trunksBusy, .trunksBusyPeak, .ivrPortsBusy, .ivrPortsBusyPeak, .seatsInUse,
             .seatsInUsePeak:
            .level
        case .seatLostAgentMinutes:
            .agentMinutes
        }
    }

    /// Whether the KPI is a fraction from 0 to 1 (shown in %).
    public var isShare: Bool { unit == .share }
}
