import ContactCenter
import Experiments
import Statistics

/// The readable summary `ccsim run` prints: per call type and for the centre, the
/// main KPIs as `mean ± half-width` of their confidence interval, then occupancy per group.
public enum SummaryTable {
    private static let columns: [(KPI, String, Int, Double)] = [
        // (KPI, heading, decimals, scale)
        (.arrivals, "arrivals", 0, 1), (.serviceLevel, "SL %", 1, 100),
        (.abandonFraction, "aband. %", 2, 100), (.blockedFraction, "blocked %", 2, 100),
        (.asa, "ASA s", 1, 1), (.waitP90, "wait p90 s", 1, 1),
    ]

    public static func render(_ s: RunSummary) -> String {
        var out = "\(s.model.name): \(s.replications) replications, seed \(s.seed), "
            + "\(Int(s.confidenceLevel * 100))% confidence intervals\n\n"
        var rows = [["call type"] + columns.map(\.1) + ["SL target"]]
        for (type, kpis) in zip(s.model.callTypes, s.callTypes) {
            rows.append([type.id] + columns.map { kpi, _, decimals, scale in cell(kpis[kpi], decimals, scale) }
                        + [verdict(kpis[.serviceLevel], target: type.serviceLevel)])
        }
        if let voice = s.voice {
            rows.append(["voice calls"] + columns.map { kpi, _, decimals, scale in cell(voice[kpi], decimals, scale) } + [""])
        }
        rows.append(["total"] + columns.map { kpi, _, decimals, scale in cell(s.total[kpi], decimals, scale) } + [""])
        out += TextTable.layout(rows) + otherTargets(s) + closedCalls(s) + callbacks(s) + "\n"
        let hours = s.model.hasOpeningHours ? " (averages over open hours)" : ""
        out += "centre occupancy " + cell(s.total[.occupancy], 1, 100) + " %" + hours + "\n\n"
        var groupRows = [["agent group", "agents", "peak", "occ. %"]]
        for (id, kpis) in zip(s.model.agentGroups.map(\.id), s.groups) {
            groupRows.append([id, cell(kpis[.agents], 1, 1), cell(kpis[.agentsPeak], 1, 1), cell(kpis[.occupancy], 1, 100)])
        }
        out += TextTable.layout(groupRows)
        return out + "\n" + resources(s)
    }

    /// Trunk lines, IVR ports and seats: use against capacity, and what each lost.
    private static func resources(_ s: RunSummary) -> String {
        let r = s.resources
        func capacity(_ n: Int?) -> String { n.map { "of \($0)" } ?? "(unlimited)" }
        var rows = [["resource", "busy / in use", "peak", "capacity", "lost"]]
        rows.append(["trunk lines", cell(r[.trunksBusy], 1, 1), cell(r[.trunksBusyPeak], 1, 1), capacity(s.model.trunks),
                     cell(s.total[.blockedFraction], 2, 100) + " % blocked"])
        if let ivr = s.model.ivr {
            rows.append(["IVR ports", cell(r[.ivrPortsBusy], 1, 1), cell(r[.ivrPortsBusyPeak], 1, 1), capacity(ivr.ports),
                         cell(s.total[.ivrBlockedFraction], 2, 100) + " % blocked"])
        }
        rows.append(["seats", cell(r[.seatsInUse], 1, 1), cell(r[.seatsInUsePeak], 1, 1), capacity(s.model.seats),
                     s.model.seats == nil ? "" : cell(r[.seatLostAgentMinutes], 0, 1) + " agent-min"])
        var out = TextTable.layout(rows)
        for (followUp, kpis) in zip(s.model.followUps, s.followUps) {
            out += "follow-up \(followUp.id): " + cell(kpis[.followUpRate], 1, 100) + " % done within "
                + NumberFormat.decimal(followUp.deadline / Timing.secondsPerHour) + " h"
                + (followUp.target.map { " (target \(Int(($0 * 100).rounded())) %: " + KPITarget(kpi: .followUpRate, relation: .atLeast, value: $0).verdict(kpis[.followUpRate]) + ")" } ?? "")
                + ", " + cell(kpis[.followUps], 0, 1) + " tasks\n"
        }
        if s.model.ivr != nil {
            out += "self-service rate " + cell(s.total[.selfServiceRate], 1, 100) + " %, response time "
                + cell(s.total[.responseTime], 1, 1) + " s (port wait + announcement + queue)\n"
        }
        return out
    }

    /// The call types' targets other than the service level, a line each:
    /// `targets: complaint abandon_fraction<=0.05: 2.02 ± 0.22 % met`.
    private static func otherTargets(_ s: RunSummary) -> String {
        zip(s.model.callTypes, s.callTypes).flatMap { type, kpis in
            type.kpiTargets.filter { $0.kpi != .serviceLevel }.map { target in
                let unit = target.kpi.unit, decimals = unit == .share ? 2 : 1
                return "target \(type.id) \(target.kpi.rawValue) \(target.relation.rawValue) "
                    + "\(NumberFormat.decimal(target.value * unit.displayScale)) \(unit.symbol): "
                    + cell(kpis[target.kpi], decimals, unit.displayScale) + " \(unit.symbol) " + target.verdict(kpis[target.kpi]) + "\n"
            }
        }.joined()
    }

    /// The callbacks of each call type offering them: a line each.
    private static func callbacks(_ s: RunSummary) -> String {
        var out = ""
        for (type, kpis) in zip(s.model.callTypes, s.callTypes) where type.callback != nil {
            let counts: String = cell(kpis[.callbacksOffered], 0, 1) + " offered, " + cell(kpis[.callbacksTaken], 0, 1)
                + " taken, " + cell(kpis[.callbacksReached], 0, 1) + " reached"
            let timing: String = cell(kpis[.callbackOnTimeFraction], 1, 100) + " % on time, dialled after "
                + cell(kpis[.callbackWait], 1, 1 / Timing.secondsPerMinute) + " min"
            out += "callbacks \(type.id): \(counts), \(timing)\n"
        }
        return out
    }

    /// The calls turned away while closed, when there were any.
    private static func closedCalls(_ s: RunSummary) -> String {
        guard let closed = s.total[.closed], closed.mean > 0 else { return "" }
        return "closed: " + cell(closed, 0, 1) + " calls arrived while their call type was closed (not offered)\n"
    }

    /// Whether the service-level target is met with confidence: "met" when the whole
    /// interval is at or above it, "missed" when it is entirely below, "unsure" otherwise.
    private static func verdict(_ ci: ConfidenceInterval?, target: ServiceLevelTarget) -> String {
        guard let goal = target.target else { return "" }
        return "\(Int((goal * 100).rounded()))/\(NumberFormat.threshold(target.seconds)) " + KPITarget(kpi: .serviceLevel, relation: .atLeast, value: goal).verdict(ci)
    }

    private static func cell(_ ci: ConfidenceInterval?, _ decimals: Int, _ scale: Double) -> String {
        guard let ci else { return "–" }
        return NumberFormat.estimate(ci.mean * scale, ci.halfWidth * scale, decimals: decimals)
    }
}
