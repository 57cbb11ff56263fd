import ContactCenter
import Experiments
import Statistics

/// `intervals.csv`: one row per reported planning interval × call type (the interval
/// named by ``intervalHeader``: `interval,day,time,start,end`), with each
/// KPI's mean and confidence bounds (`service_level`, `service_level_ci_low`,
/// `service_level_ci_high`, …); empty cells where a KPI is undefined.
/// The call-type rows end with the centre-wide resource KPIs of the interval (busy
/// trunk lines, busy IVR ports, seats in use, agent-minutes lost to the seat limit),
/// the same on every row of an interval.
/// `agent_groups.csv`: the same per interval × agent group (agents, occupancy).
public enum IntervalsCSV {
    /// KPIs reported per interval and call type, in column order.
    public static let callTypeKPIs: [KPI] = [
        .arrivals, .offered, .answered, .abandoned, .blocked, .unserved, .blockedFraction, .abandonFraction,
        .answerRate, .pWait, .serviceLevel, .asa, .meanWait, .waitP90, .waitP95, .aht, .meanQueue, .occupancy,
        .ivrBlocked, .ivrBlockedFraction, .selfServed, .selfServiceRate, .ivrWait, .responseTime,
        .firstAttempts, .retrials, .callersServedFraction,
        .transferred, .transferFraction, .transfersIn, .transfersAbandoned, .transferASA,
        .closed, .serviceLevelOfAnswered, .serviceLevelWithoutShortAbandons,
        .callbacksOffered, .callbacksTaken, .callbacksReached, .callbacksOnTime, .callbackWait,
    ]
    /// Centre-wide KPIs appended to every call-type row of an interval.
    public static let resourceKPIs: [KPI] = [
        .trunksBusy, .trunkOccupancy, .ivrPortsBusy, .ivrPortOccupancy, .seatsInUse, .seatLostAgentMinutes,
    ]
    /// KPIs reported per interval and agent group.
    public static let groupKPIs: [KPI] = [.agents, .occupancy]

    /// The columns that name an interval in every CSV file: its index, its day (1 for
    /// the day of time 0) and start time `HH:MM`, its start and end as
    /// ``Timing/label(_:)`` writes them (`10:30`, `day 2 10:30`), and with a start date
    /// its `date` (`2026-03-06`) and `weekday` (`fri`), empty without one.
    public static let intervalHeader = ["interval", "day", "time", "start", "end", "date", "weekday"]

    /// The cells of ``intervalHeader`` for interval `i`.
    public static func intervalCells(_ i: Int, timing: Timing) -> [String] {
        let start = timing.start(ofInterval: i), end = timing.end(ofInterval: i)
        let (day, time) = timing.dayAndTime(start)
        let date = timing.date(ofDay: day - 1)
        return [String(i), String(day), time, timing.label(start), timing.label(end),
                date?.description ?? "", date?.weekday.abbreviation ?? ""]
    }

    /// The call-type table.
    public static func callTypes(_ s: RunSummary) -> String {
        table(s, subject: "call_type", ids: s.model.callTypes.map(\.id), kpis: callTypeKPIs,
              centreKPIs: resourceKPIs) { $0.callTypes }
    }

    /// The agent-group table.
    public static func groups(_ s: RunSummary) -> String {
        table(s, subject: "agent_group", ids: s.model.agentGroups.map(\.id), kpis: groupKPIs) { $0.groups }
    }

    private static func table(_ s: RunSummary, subject: String, ids: [String], kpis: [KPI], centreKPIs: [KPI] = [],
                              rows: (IntervalSummary) -> [KPISummary]) -> String {
        var header = intervalHeader + [subject]
        for kpi in kpis + centreKPIs { header += [kpi.rawValue, kpi.rawValue + "_ci_low", kpi.rawValue + "_ci_high"] }
        var lines = [header.joined(separator: ",")]
        for interval in s.intervals {
            for (id, kpiSummary) in zip(ids, rows(interval)) {
                var cells = intervalCells(interval.index, timing: s.model.timing) + [NumberFormat.csvField(id)]
                let values = kpis.map { kpiSummary[$0] } + centreKPIs.map { interval.resources[$0] }
                for value in values {
                    if let ci = value {
                        cells += [ci.mean, ci.low, ci.high].map(NumberFormat.decimal)
                    } else {
                        cells += ["", "", ""]
                    }
                }
                lines.append(cells.joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
