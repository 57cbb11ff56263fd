import ContactCenter
import Experiments
import Statistics

/// `intervals.csv`: one row per reported planning interval × call type, with each
/// KPI's mean and confidence bounds (`service_level`, `service_level_ci_low`,
/// `service_level_ci_high`, …); empty cells where a KPI is undefined.
/// `agent_groups.csv`: the same per interval × agent group (agents, occupancy).
public enum IntervalsCSV {
    /// KPIs reported per interval and call type, in column order.
    public static let callTypeKPIs: [KPI] = [
        .arrivals, .offered, .answered, .abandoned, .blocked, .unserved, .blockedFraction, .abandonFraction,
        .answerRate, .pWait, .serviceLevel, .asa, .meanWait, .waitP90, .waitP95, .aht, .meanQueue, .occupancy,
    ]
    /// KPIs reported per interval and agent group.
    public static let groupKPIs: [KPI] = [.agents, .occupancy]

    /// The call-type table.
    public static func callTypes(_ s: RunSummary) -> String {
        table(s, subject: "call_type", ids: s.model.callTypes.map(\.id), kpis: callTypeKPIs) { $0.callTypes }
    }

    /// The agent-group table.
    public static func groups(_ s: RunSummary) -> String {
        table(s, subject: "agent_group", ids: s.model.agentGroups.map(\.id), kpis: groupKPIs) { $0.groups }
    }

    private static func table(_ s: RunSummary, subject: String, ids: [String], kpis: [KPI],
                              rows: (IntervalSummary) -> [KPISummary]) -> String {
        var header = ["interval", "start", "end", subject]
        for kpi in kpis { header += [kpi.rawValue, kpi.rawValue + "_ci_low", kpi.rawValue + "_ci_high"] }
        var lines = [header.joined(separator: ",")]
        for interval in s.intervals {
            for (id, kpiSummary) in zip(ids, rows(interval)) {
                var cells = [String(interval.index), NumberFormat.clock(interval.start),
                             NumberFormat.clock(interval.end), NumberFormat.csvField(id)]
                for kpi in kpis {
                    if let ci = kpiSummary[kpi] {
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
