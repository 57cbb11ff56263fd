import ContactCenter
import Foundation
import Planning

/// The outputs of `ccsim roster`: the shifts chosen, staffed against required per
/// interval, and the roster as scenario YAML.
public enum RosterTables {
    /// Shifts by start: pattern (start and breaks) and agents per group.
    public static func shifts(_ r: RosterOptimizer.Result, model: CenterModel) -> String {
        var rows = [["shift (start-end/breaks)"] + model.agentGroups.map(\.id)]
        for (s, shift) in r.plan.roster.shifts.enumerated() {
            rows.append([shift.id] + model.agentGroups.indices.map { String(r.plan.groupShifts[$0][s]) })
        }
        return TextTable.layout(rows)
    }

    /// `interval,day,time,start,end,agent_group,required,planned,simulated,short`: the requirement on the
    /// phones, the roster's agents on the phones before shrinkage, the simulated mean
    /// of agents logged in (after absence and off-phone work), and the agents the roster
    /// plans short of the requirement grossed up for shrinkage (``shortfall(_:model:)``; 0 elsewhere).
    public static func staffingCSV(_ r: RosterOptimizer.Result, model: CenterModel) -> String {
        var lines = [(IntervalsCSV.intervalHeader + ["agent_group", "required", "planned", "simulated", "short"]).joined(separator: ",")]
        let short = Dictionary(shortfall(r, model: model).map { ([$0.group, $0.interval], $0.agents) }, uniquingKeysWith: +)
        for interval in r.verification.intervals {
            for (g, group) in model.agentGroups.enumerated() {
                let simulated = interval.groups[g][.agents].map { NumberFormat.decimal($0.mean) } ?? ""
                lines.append((IntervalsCSV.intervalCells(interval.index, timing: model.timing) + [
                              NumberFormat.csvField(group.id), String(r.required[g][interval.index]),
                              NumberFormat.decimal(r.plan.planned[g][interval.index]), simulated,
                              NumberFormat.decimal(short[[g, interval.index]] ?? 0)]).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The (group, interval) pairs the roster plans below its requirement. A trimmed
    /// roster is below it on purpose wherever the simulation showed the targets still
    /// held, so it has none unless no roster covers the requirement.
    public static func shortfall(_ r: RosterOptimizer.Result, model: CenterModel) -> [ShortfallReport.Cell] {
        guard r.plan.shortfallReason != nil || r.trimmedShifts == 0 else { return [] }
        return ShortfallReport.cells(planned: r.plan.planned, required: r.required, model: model)
    }

    /// The roster as a section of its report: cost, and agents per shift and group.
    public static func section(_ r: RosterOptimizer.Result, model: CenterModel) -> HTMLReport.Section {
        let note = String(format: "Cost %.2f for %d shifts (the last integer program: %.2f, LP lower bound %.2f, gap %.2f %%; "
                          + "trimming took %d shifts off). Shift: template@start-end/each break's start, in clock times.",
                          r.plan.cost, r.plan.groupShifts.joined().reduce(0, +), r.programCost, r.plan.lowerBound,
                          r.plan.gap * 100, r.trimmedShifts)
        let rows = r.plan.roster.shifts.enumerated().map { s, shift in
            [shift.id, model.timing.timeOfDay(shift.start), NumberFormat.duration(shift.length)]
                + model.agentGroups.indices.map { String(r.plan.groupShifts[$0][s]) }
        }
        return HTMLReport.Section(id: "roster", title: "Roster", note: note,
                                  header: ["shift", "start", "length"] + model.agentGroups.map(\.id), rows: rows)
    }

    /// The requirement and the roster's plan, all groups together, for the report's
    /// staffing chart.
    public static func staffingLines(_ r: RosterOptimizer.Result) -> [HTMLReport.StaffingLine] {
        func total(_ perGroup: [[Double]]) -> [Double] {
            perGroup.dropFirst().reduce(perGroup.first ?? []) { zip($0, $1).map(+) }
        }
        return [
            HTMLReport.StaffingLine(name: "required on the phones (after repairs)", agents: total(r.required.map { $0.map(Double.init) })),
            HTMLReport.StaffingLine(name: "planned by the roster (before absence and off-phone work)", agents: total(r.plan.planned)),
        ]
    }

    /// The roster as JSON: `cost` (after trimming), `program_cost`, `lp_bound` and `gap`
    /// of the last integer program, `trimmed_shifts`, `shifts` (id, start, length, cost,
    /// `agents` per group), `required` (per group, per interval), `log`, the
    /// `comparison` costs, `shortfall` (``ShortfallReport/json(_:reason:model:)``: `null` when the
    /// roster covers the requirement; `lp_bound` is then 0) and the verifying run's summary under `verification`.
    public static func json(_ r: RosterOptimizer.Result, model: CenterModel, comparison: [String: Double]) throws -> Data {
        let shifts = r.plan.roster.shifts.enumerated().map { s, shift in
            JSONValue.object([
                "id": .text(shift.id), "start": .text(model.timing.timeOfDay(shift.start)), "length": .number(shift.length),
                "cost": .number(r.plan.shiftCosts[s]),
                "agents": .object(Dictionary(uniqueKeysWithValues: model.agentGroups.indices.map {
                    (model.agentGroups[$0].id, JSONValue.number(Double(r.plan.groupShifts[$0][s])))
                })),
            ])
        }
        let required = Dictionary(uniqueKeysWithValues: zip(model.agentGroups, r.required).map {
            ($0.id, JSONValue.array($1.map { .number(Double($0)) }))
        })
        let roster = JSONValue.object([
            "cost": .number(r.plan.cost), "program_cost": .number(r.programCost), "lp_bound": .number(r.plan.lowerBound),
            "gap": .number(r.plan.gap), "trimmed_shifts": .number(Double(r.trimmedShifts)), "shifts": .array(shifts),
            "required": .object(required), "log": .array(r.log.map(JSONValue.text)),
            "comparison": .object(comparison.mapValues(JSONValue.number)),
            "shortfall": ShortfallReport.json(shortfall(r, model: model), reason: r.plan.shortfallReason, model: model),
        ])
        guard var object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(roster)) as? [String: Any] else {
            return Data()
        }
        object["verification"] = try JSONSerialization.jsonObject(with: SummaryJSON.encode(r.verification))
        var data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        data.append(0x0A)
        return data
    }

    /// The roster as the YAML of a scenario's `roster` section (flow style), shift
    /// starts as clock times of `timing`.
    public static func yaml(_ roster: Roster, timing: Timing) -> String {
        let shifts = roster.shifts.map { shift in
            let breaks = shift.breaks.map { pause in
                "{length: \(number(pause.length)), " + (pause.latestStart > pause.earliestStart
                    ? "window: [\(number(pause.earliestStart)), \(number(pause.latestStart))]}"
                    : "at: \(number(pause.earliestStart))}")
            }.joined(separator: ", ")
            return "{id: \"\(shift.id)\", start: \"\(timing.timeOfDay(shift.start))\", length: \(number(shift.length)), "
                + "briefing: {before: \(number(shift.briefingBefore)), after: \(number(shift.briefingAfter))}, breaks: [\(breaks)]"
                + (shift.days.map { ", days: [" + $0.map { String($0 + 1) }.joined(separator: ", ") + "]" } ?? "") + "}"
        }
        return "{absence: \(number(roster.absence)), other_off_phone: \(number(roster.otherOffPhone)), shifts: [\(shifts.joined(separator: ", "))]}"
    }

    private static func number(_ x: Double) -> String { NumberFormat.decimal(x) }

    /// The roster study for people: the optimiser's log, the costs against the LP bounds
    /// and hand rounding, the shifts, and the verifying run's summary table.
    public static func summary(_ study: RosterStudy, model: CenterModel, replications: Int, seconds: Double) -> String {
        let result = study.result
        var text = result.log.map { "  " + $0 + "\n" }.joined()
        text += String(format: "\ncost %.2f, %d shifts (the last integer program: cost %.2f, LP lower bound %.2f, gap %.2f %%; "
                       + "trimming took %d shifts off)\n", result.plan.cost, result.plan.groupShifts.joined().reduce(0, +),
                       result.programCost, result.plan.lowerBound, result.plan.gap * 100, result.trimmedShifts)
        text += String(format: "for comparison: LP lower bound from the Erlang requirements alone %.2f; "
                       + "rounding the requirements into shifts by hand %.2f (Erlang) and %.2f (final requirements); %.1f s\n",
                       study.erlangLPBound, study.roundingErlang, study.roundingFinal, seconds)
        text += shifts(result, model: model)
        text += ShortfallReport.line(shortfall(result, model: model), reason: result.plan.shortfallReason, model: model)
        text += "\nverification (\(replications) replications, with absence and off-phone work):\n"
        return text + SummaryTable.render(result.verification)
    }
}
