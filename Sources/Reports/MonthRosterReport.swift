import ContactCenter
import Foundation
import Planning

/// A roster over weeks for people: the text summary, the report's week grids (agents ×
/// days) and coverage per day, and the JSON of `ccsim roster --json` with contracts.
public enum MonthRosterReport {
    /// The log, costs against the LP bound and hand rounding, tours by contract and
    /// group, and the verifying run's summary table.
    public static func summary(_ study: MonthRosterStudy, planner: MonthRosterPlanner, replications: Int, seconds: Double) -> String {
        let result = study.result, plan = result.plan
        var text = result.log.map { "  " + $0 + "\n" }.joined()
        let bound = plan.shortfallReason != nil && plan.roster.lowerBound == 0 ? "no LP lower bound (no roster covers the requirement)"
            : String(format: "LP lower bound %.2f, gap %.2f %%", plan.roster.lowerBound, plan.roster.gap * 100)
        text += String(format: "\ncost %.2f for %d tours and %d shifts; ", plan.roster.cost, plan.tours.count,
                       plan.tours.reduce(0) { $0 + $1.shifts.count }) + bound
            + String(format: "; rounding the first requirements into shifts by hand, day by day and without rules: %.2f; %.1f s\n",
                     study.roundingCost, seconds)
        var rows = [["contract", "agent group", "agents", "shifts", "weekends worked (mean)"]]
        for c in planner.contracts.indices {
            for g in planner.contracts[c].groups {
                let tours = plan.tours.filter { $0.contract == c && $0.group == g }
                guard !tours.isEmpty else { continue }
                let weekends = Double(tours.reduce(0) { $0 + $1.weekendsWorked(plan.weeks) }) / Double(tours.count)
                rows.append([planner.contracts[c].id, planner.model.agentGroups[g].id, String(tours.count),
                             String(tours.reduce(0) { $0 + $1.shifts.count }), String(format: "%.2f", weekends)])
            }
        }
        text += TextTable.layout(rows)
        text += "every tour keeps its contract's rules (each checked shift by shift)\n"
        text += shortfallLines(study, planner: planner)
        if !plan.unusedAgents.isEmpty { text += "named agents not needed: \(plan.unusedAgents.joined(separator: ", "))\n" }
        let open = plan.tours.filter { $0.agent.hasPrefix("open/") }.count
        if open > 0 { text += "\(open) tours have no named agent: open positions to fill\n" }
        text += "\nverification (\(replications) replications, with absence and off-phone work):\n"
        return text + SummaryTable.render(result.verification)
    }

    /// When the roster falls short: why, by how much, and the largest shortfalls.
    static func shortfallLines(_ study: MonthRosterStudy, planner: MonthRosterPlanner) -> String {
        let cells = MonthRosterFiles(result: study.result, planner: planner).shortfall
        guard !cells.isEmpty || study.result.plan.shortfallReason != nil else { return "" }
        return ShortfallReport.line(cells, reason: reason(study.result.plan), model: planner.model)
    }

    /// The (group, interval) pairs the roster plans below the requirement, with why
    /// (`nil` when it covers the requirement).
    public static func shortfallSection(_ result: MonthRosterPlanner.Result, planner: MonthRosterPlanner) -> HTMLReport.Section? {
        ShortfallReport.section(MonthRosterFiles(result: result, planner: planner).shortfall, reason: reason(result.plan),
                                model: planner.model)
    }

    /// Why the tours fall short: no tours keeping every rule cover the requirement, or
    /// (without a reason) the split by parts fell short where the relaxation covers it.
    static func reason(_ plan: MonthRosterPlanner.Plan) -> String {
        plan.shortfallReason ?? "the tours solved by parts fall short where the linear relaxation covers the requirement: "
            + "solving whole (--decompose never) or more time (--time-limit) may cover it"
    }

    /// One section per week: a row per agent, a column per day, the shift's clock times.
    public static func weekGrids(_ plan: MonthRosterPlanner.Plan, model: CenterModel) -> [HTMLReport.Section] {
        plan.weeks.weeks.enumerated().map { w, week in
            let header = ["agent", "group"] + week.days.map { day in
                (model.timing.date(ofDay: day).map { "\($0) " } ?? "day \(day + 1) ") + plan.weeks.weekdays[day].abbreviation
            }
            let rows = plan.tours.map { tour in
                [tour.agent, model.agentGroups[tour.group].id] + week.days.map { day in
                    tour.shifts[day].map { "\(model.timing.timeOfDay($0.start))-\(model.timing.timeOfDay($0.end))" } ?? "off"
                }
            }
            return HTMLReport.Section(id: "week-\(w + 1)", title: "Week \(w + 1)",
                                      note: "Each agent's shift per day (clock times); off: a day off.", header: header, rows: rows)
        }
    }

    /// Coverage per day and group: required and planned agent-hours on the phones, and
    /// the intervals planned below the requirement (grossed up for shrinkage).
    public static func coverageSection(_ result: MonthRosterPlanner.Result, model: CenterModel) -> HTMLReport.Section {
        let timing = model.timing, shrinkage = Shrinkage.of(model)
        var rows: [[String]] = []
        for day in 0..<timing.clockDayCount {
            let intervals = (0..<timing.intervalCount).filter { timing.clockDay(at: timing.start(ofInterval: $0)) == day }
            for (g, group) in model.agentGroups.enumerated() {
                let hours = timing.intervalLength / Timing.secondsPerHour
                let required = intervals.reduce(0.0) { $0 + Double(Shrinkage.scheduled(result.required[g][$1], shrinkage: shrinkage)) } * hours
                let planned = intervals.reduce(0.0) { $0 + result.plan.roster.planned[g][$1] } * hours
                let short = intervals.filter { result.plan.roster.planned[g][$0] < Double(Shrinkage.scheduled(result.required[g][$0], shrinkage: shrinkage)) - 1e-6 }
                rows.append([(timing.date(ofDay: day).map { "\($0) " } ?? "day \(day + 1) ") + result.plan.weeks.weekdays[day].abbreviation,
                             group.id, String(format: "%.1f", required), String(format: "%.1f", planned), String(short.count)])
            }
        }
        return HTMLReport.Section(id: "coverage", title: "Coverage per day",
                                  note: "Agent-hours required (scheduled, grossed up for shrinkage) and planned by the roster; "
                                      + "intervals planned below the requirement.",
                                  header: ["day", "group", "required h", "planned h", "intervals short"], rows: rows)
    }

    /// `ccsim roster --json` with contracts: `cost`, `lp_bound`, `gap`, `rounding_by_hand`,
    /// `tours` (agent, contract, agent_group, shifts with day, date, shift, start, end),
    /// `violations` (always empty: a roster breaking a rule is an error, never written; kept
/// for the scripts that read it), `unused_agents`, `log`, `shortfall` (`null` when the tours cover the
    /// requirement; `lp_bound` is then 0) and the verifying run (`verification`).
    public static func json(_ study: MonthRosterStudy, planner: MonthRosterPlanner) throws -> Data {
        let result = study.result, plan = result.plan, model = planner.model
        let shortfall = MonthRosterFiles(result: result, planner: planner).shortfall
        let tours: [JSONValue] = plan.tours.map { tour in
            .object([
                "agent": .text(tour.agent), "contract": .text(planner.contracts[tour.contract].id),
                "agent_group": .text(model.agentGroups[tour.group].id),
                "shifts": .array(tour.shifts.keys.sorted().map { day in
                    let worked = tour.shifts[day]!
                    return .object(["day": .integer(day + 1), "date": .text(model.timing.date(ofDay: day)?.description ?? ""),
                                    "shift": .text(planner.shiftName(worked)), "start": .text(model.timing.timeOfDay(worked.start)),
                                    "end": .text(model.timing.timeOfDay(worked.end))])
                }),
            ])
        }
        let roster = JSONValue.object([
            "cost": .number(plan.roster.cost), "lp_bound": .number(plan.roster.lowerBound), "gap": .number(plan.roster.gap),
            "rounding_by_hand": .number(study.roundingCost), "tours": .array(tours),
            "violations": .array([]), "unused_agents": .array(plan.unusedAgents.map(JSONValue.text)),
            "log": .array(result.log.map(JSONValue.text)),
            "shortfall": ShortfallReport.json(shortfall, reason: shortfall.isEmpty && plan.shortfallReason == nil ? nil : reason(plan),
                                              model: model),
        ])
        guard var object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(roster)) as? [String: Any] else { return Data() }
        object["verification"] = try JSONSerialization.jsonObject(with: SummaryJSON.encode(result.verification))
        var data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        data.append(0x0A)
        return data
    }
}
