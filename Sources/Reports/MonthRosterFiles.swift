import ContactCenter
import Foundation
import Planning

/// The files of a roster over weeks: one row per agent and working day
/// (`schedule.csv`), planned against required per (date, interval, group)
/// (`coverage.csv`), and a calendar per agent (`calendars/AGENT.ics`, the id as a file name:
/// ``NamedAgent/fileName(for:)``, never two agents' in one file).
public struct MonthRosterFiles {
    public let plan: MonthRosterPlanner.Plan
    public let required: [[Int]]
    public let model: CenterModel
    public let templates: [ShiftTemplate]
    public let contracts: [Contract]
    let planner: MonthRosterPlanner

    public init(result: MonthRosterPlanner.Result, planner: MonthRosterPlanner) {
        self.planner = planner
        plan = result.plan
        required = result.required
        model = planner.model
        templates = planner.templates
        contracts = planner.contracts
    }

    /// Every file, by its name in the output folder.
    /// - Throws: ``OutputError`` if two agents' calendars would be one file (as open
    ///   positions of contracts `a_b` in group `c` and `a` in group `b_c` would, or of
    ///   contracts `Full` and `full`), before anything is written.
    public func all() throws -> [(name: String, contents: Data)] {
        var seen: [String: String] = [:]
        for tour in plan.tours {
            if let other = seen.updateValue(tour.agent, forKey: NamedAgent.fileKey(for: tour.agent)) {
                throw OutputError("the calendars of `\(other)` and `\(tour.agent)` would be one file, "
                    + "calendars/\(fileName(tour.agent)).ics: rename a contract, agent group or agent so that they differ "
                    + "in a letter or digit")
            }
        }
        return [("schedule.csv", Data(scheduleCSV().utf8)), ("coverage.csv", Data(coverageCSV().utf8))]
            + plan.tours.map { ("calendars/\(fileName($0.agent)).ics", Data(calendar($0).utf8)) }
    }

    /// An agent id as a file name (``NamedAgent/fileName(for:)``: `a/b` is `a_b`).
    func fileName(_ agent: String) -> String { NamedAgent.fileName(for: agent) }

    /// The clock time of `t` (from time 0).
    func clock(_ t: Double) -> String { model.timing.timeOfDay(t) }

    func date(_ day: Int) -> String { model.timing.date(ofDay: day)?.description ?? "" }

    /// `agent,contract,agent_group,date,weekday,day,template,shift,start,end,paid_hours,breaks`:
    /// breaks and meals as `HH:MM-HH:MM` separated by spaces, in clock times.
    public func scheduleCSV() -> String {
        var lines = ["agent,contract,agent_group,date,weekday,day,template,shift,start,end,paid_hours,breaks"]
        for tour in plan.tours {
            for day in tour.shifts.keys.sorted() {
                let worked = tour.shifts[day]!
                let template = templates[worked.option.template]
                let breaks = zip(template.breaks, worked.breakStarts).map { pause, start in
                    "\(clock(worked.start + start))-\(clock(worked.start + start + pause.length))"
                }.joined(separator: " ")
                lines.append([NumberFormat.csvField(tour.agent), NumberFormat.csvField(contracts[tour.contract].id),
                              NumberFormat.csvField(model.agentGroups[tour.group].id), date(day), plan.weeks.weekdays[day].abbreviation,
                              String(day + 1), NumberFormat.csvField(template.id), NumberFormat.csvField(planner.shiftName(worked)),
                              clock(worked.start), clock(worked.end), NumberFormat.decimal(template.length / Timing.secondsPerHour),
                              breaks].joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Each (group, interval) the roster plans below the requirement, in time order.
    public var shortfall: [ShortfallReport.Cell] {
        ShortfallReport.cells(planned: plan.roster.planned, required: required, model: model)
    }

    /// `date,weekday,day,time,agent_group,required,required_scheduled,planned,difference,short`:
    /// agents on the phones required, required scheduled (grossed up for shrinkage),
    /// planned by the roster on the phones before shrinkage, planned − required scheduled,
    /// and the agents short (required scheduled − planned where above 0, else 0).
    public func coverageCSV() -> String {
        let timing = model.timing
        let shrinkage = Shrinkage.of(model)
        var lines = ["date,weekday,day,time,agent_group,required,required_scheduled,planned,difference,short"]
        for i in 0..<timing.intervalCount {
            let t = timing.start(ofInterval: i)
            let day = timing.clockDay(at: t)
            for (g, group) in model.agentGroups.enumerated() {
                let scheduled = Shrinkage.scheduled(required[g][i], shrinkage: shrinkage)
                lines.append([date(day), plan.weeks.weekdays[min(day, plan.weeks.weekdays.count - 1)].abbreviation, String(day + 1),
                              clock(t), NumberFormat.csvField(group.id), String(required[g][i]), String(scheduled),
                              NumberFormat.decimal(plan.roster.planned[g][i]),
                              NumberFormat.decimal(plan.roster.planned[g][i] - Double(scheduled)),
                              NumberFormat.decimal(max(0, Double(scheduled) - plan.roster.planned[g][i]))].joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// An iCalendar file of the agent's shifts (floating local times; the breaks in the
    /// description). Without a start date the days count from 2000-01-03, a Monday.
    public func calendar(_ tour: AgentTour) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//ccsim//roster//EN", "CALSCALE:GREGORIAN",
                     "X-WR-CALNAME:\(escaped(tour.agent))"]
        for day in tour.shifts.keys.sorted() {
            let worked = tour.shifts[day]!
            let template = templates[worked.option.template]
            let breaks = zip(template.breaks, worked.breakStarts).map { "\(clock(worked.start + $1))-\(clock(worked.start + $1 + $0.length))" }
            lines += ["BEGIN:VEVENT", "UID:\(fileName(tour.agent))-\(day + 1)@ccsim", "DTSTAMP:20000101T000000Z",
                      "DTSTART:\(stamp(worked.start))", "DTEND:\(stamp(worked.end))",
                      "SUMMARY:\(escaped("\(template.id) \(clock(worked.start))-\(clock(worked.end)) (\(model.agentGroups[tour.group].id))"))",
                      "DESCRIPTION:\(escaped("shift \(planner.shiftName(worked)); breaks " + breaks.joined(separator: " ")))", "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// `YYYYMMDDTHHMMSS` of time `t`, local (floating).
    private func stamp(_ t: Double) -> String {
        let timing = model.timing
        let clockSeconds = timing.clockStart + t
        let day = Int((clockSeconds / Timing.secondsPerDay).rounded(.down))
        let first = timing.startDate ?? CalendarDate(year: 2000, month: 1, day: 3)!
        let (y, m, d) = first.adding(days: day).components
        let seconds = Int((clockSeconds - Double(day) * Timing.secondsPerDay).rounded())
        return String(format: "%04d%02d%02dT%02d%02d%02d", y, m, d, seconds / 3600, seconds / 60 % 60, seconds % 60)
    }

    private func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ",", with: "\\,")
            .replacingOccurrences(of: ";", with: "\\;")
    }
}
