import ContactCenter
import Foundation
import Planning

/// A roster's shortfall: the (group, interval) pairs it plans below the requirement
/// (scheduled, grossed up for shrinkage), for the summary line, the report's section and
/// the JSON `shortfall` of `ccsim roster`, day and month alike.
public enum ShortfallReport {
    /// One group's interval planned below the requirement, by `agents`.
    public struct Cell: Sendable {
        public var group: Int, interval: Int, agents: Double
    }

    /// The cells `planned` (`[group][interval]`, on the phones) leaves short of
    /// `required` grossed up for the model's shrinkage, in time order.
    public static func cells(planned: [[Double]], required: [[Int]], model: CenterModel) -> [Cell] {
        let shrinkage = Shrinkage.of(model)
        return (0..<model.timing.intervalCount).flatMap { i in
            model.agentGroups.indices.compactMap { g in
                let short = Double(Shrinkage.scheduled(required[g][i], shrinkage: shrinkage)) - planned[g][i]
                return short > 1e-6 ? Cell(group: g, interval: i, agents: short) : nil
            }
        }
    }

    /// The agent-hours short.
    public static func hours(_ cells: [Cell], timing: Timing) -> Double {
        cells.reduce(0) { $0 + $1.agents * (timing.end(ofInterval: $1.interval) - timing.start(ofInterval: $1.interval)) }
            / Timing.secondsPerHour
    }

    /// `SHORT of the requirement by X agent-hours in N (group, interval) pairs (largest:
    /// …): reason` and a new line; empty without cells or a reason.
    public static func line(_ cells: [Cell], reason: String?, model: CenterModel) -> String {
        guard let reason = reason ?? (cells.isEmpty ? nil : "the roster falls short") else { return "" }
        let largest = cells.sorted { $0.agents > $1.agents }.prefix(5).map { cell in
            "\(model.agentGroups[cell.group].id) on \(label(cell.interval, timing: model.timing)) by \(NumberFormat.decimal(cell.agents))"
        }
        return String(format: "SHORT of the requirement by %.1f agent-hours in %d (group, interval) pairs", hours(cells, timing: model.timing),
                      cells.count) + (largest.isEmpty ? "" : " (largest: " + largest.joined(separator: ", ") + ")") + ": \(reason)\n"
    }

    /// The report's section listing the cells; `nil` without any.
    public static func section(_ cells: [Cell], reason: String?, model: CenterModel) -> HTMLReport.Section? {
        guard !cells.isEmpty else { return nil }
        return HTMLReport.Section(
            id: "shortfall", title: "Shortfall",
            note: String(format: "The best roster within every rule and limit falls short by %.1f agent-hours: ", hours(cells, timing: model.timing))
                + (reason ?? "the roster falls short") + ". Agents short of the requirement (scheduled, grossed up for "
                + "shrinkage) per group and interval: overtime, temporary agents or other rules would cover them.",
            header: ["group", "interval", "agents short"],
            rows: cells.map { [model.agentGroups[$0.group].id, label($0.interval, timing: model.timing), NumberFormat.decimal($0.agents)] })
    }

    /// `{"reason", "agent_hours", "intervals": [{"agent_group", "date", "time", "agents"}]}`,
    /// or `null` when the roster covers the requirement.
    public static func json(_ cells: [Cell], reason: String?, model: CenterModel) -> JSONValue {
        guard !cells.isEmpty || reason != nil else { return .null }
        let timing = model.timing
        return .object([
            "reason": .text(reason ?? "the roster falls short"), "agent_hours": .number(hours(cells, timing: timing)),
            "intervals": .array(cells.map { cell in
                let t = timing.start(ofInterval: cell.interval), day = timing.clockDay(at: t)
                return .object(["agent_group": .text(model.agentGroups[cell.group].id),
                                "date": .text(timing.date(ofDay: day)?.description ?? "day \(day + 1)"),
                                "time": .text(timing.timeOfDay(t)), "agents": .number(cell.agents)])
            }),
        ])
    }

    /// `2027-03-02 tue 08:30` with a start date, else `08:30` or `day 2 08:30`.
    static func label(_ i: Int, timing: Timing) -> String {
        let t = timing.start(ofInterval: i)
        guard let date = timing.date(ofDay: timing.clockDay(at: t)) else { return timing.label(t) }
        return "\(date) \(date.weekday.abbreviation) \(timing.timeOfDay(t))"
    }
}
