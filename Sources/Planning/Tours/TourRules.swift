import ContactCenter

/// Checks every tour against its contract's working-time rules and its agent's
/// unavailable dates, shift by shift, independently of how the tours were built: days
/// worked per week, days off together, weekly hours, `same_start`, weekends off, days
/// in a row and the rest between shifts. Each broken rule is named by its key in the
/// shift templates file, with the agent and the dates.
public struct TourRules: Sendable {
    public let model: CenterModel
    public let templates: [ShiftTemplate]
    public let contracts: [Contract]
    public let agents: [NamedAgent]?
    public let weeks: RosterWeeks

    public init(model: CenterModel, templates: [ShiftTemplate], contracts: [Contract], agents: [NamedAgent]?, weeks: RosterWeeks) {
        self.model = model
        self.templates = templates
        self.contracts = contracts
        self.agents = agents
        self.weeks = weeks
    }

    /// Every broken rule, one line each (`agent ana: …`; empty when every tour keeps
    /// its rules).
    public func violations(_ tours: [AgentTour]) -> [String] {
        tours.flatMap { tour in violations(tour).map { "agent \(tour.agent): \($0)" } }
    }

    /// Refuses tours that break a rule.
    /// - Throws: ``PlanningError`` (infeasible: the roster is not to be used) listing the
    ///   broken rules, the first 20 of them and how many more.
    public func check(_ tours: [AgentTour]) throws {
        let broken = violations(tours)
        guard !broken.isEmpty else { return }
        let more = broken.count > 20 ? "\n  and \(broken.count - 20) more" : ""
        throw PlanningError("the tours program's solution could not be split into agents' tours that keep every rule; "
            + "\(broken.count) broken:\n" + broken.prefix(20).map { "  " + $0 }.joined(separator: "\n") + more, isInfeasible: true)
    }

    func violations(_ tour: AgentTour) -> [String] {
        let contract = contracts[tour.contract]
        var found: [String] = []
        let worked = tour.shifts.keys.sorted()
        for day in 0..<model.timing.clockDayCount where tour.works(day, weeks) != (tour.shifts[day] != nil) {
            found.append("\(name(day)): the days-off pattern and the shifts disagree")
        }
        found += weekViolations(tour, contract)
        found += runViolations(worked, contract)
        found += restViolations(tour, worked, contract)
        if let person = tour.person, let agent = agents?[person] {
            for day in worked where agent.unavailableDays.contains(day) { found.append("works \(name(day)), an unavailable date") }
        }
        return found
    }

    /// Days worked, days off together, weekly hours and the same start within each week.
    private func weekViolations(_ tour: AgentTour, _ contract: Contract) -> [String] {
        var found: [String] = []
        for (w, week) in weeks.weeks.enumerated() {
            let shifts = week.days.compactMap { tour.shifts[$0] }
            let missing = 7 - week.days.count
            let label = "week \(w + 1) (\(name(week.days[0])) to \(name(week.days[week.days.count - 1])))"
            let fewest = max(0, contract.daysPerWeek.lowerBound - missing), most = min(contract.daysPerWeek.upperBound, week.days.count)
            if !(fewest...most).contains(shifts.count) { found.append("\(label): \(shifts.count) days worked; days_per_week allows \(fewest)–\(most)") }
            let paid = shifts.reduce(0) { $0 + templates[$1.option.template].length }
            if let limits = contract.weeklyHours, !shifts.isEmpty,
               paid > limits.upperBound + 1e-6 || (week.isWhole && paid < limits.lowerBound - 1e-6) {
                found.append("\(label): \(hours(paid)) paid; weekly_hours is \(hours(limits.lowerBound))–\(hours(limits.upperBound))")
            }
            let pattern = WeekPattern(mask: week.days.indices.reduce(0) { tour.shifts[week.days[$1]] != nil ? $0 | (1 << $1) : $0 },
                                      length: week.days.count)
            if week.isWhole, !pattern.keepsDaysOffTogether(contract) {
                found.append("\(label): no \(contract.daysOffTogether) consecutive days off; days_off_together is \(contract.daysOffTogether)"
                    + (contract.daysOffWrap ? " (Sunday to Monday counted)" : ""))
            }
            if contract.sameStart, Set(shifts.map(\.option)).count > 1 { found.append("\(label): starts differ; same_start is true") }
        }
        if let every = contract.weekendOffEvery {
            let withWeekend = weeks.weeks.filter { !$0.weekend.isEmpty }
            let off = withWeekend.map { week in week.weekend.allSatisfy { tour.shifts[week.days[$0]] == nil } }
            if off.count >= every, let first = off.indices.dropLast(every - 1).first(where: { !off[$0..<($0 + every)].contains(true) }) {
                found.append("no weekend off in the \(every) weekends from \(name(withWeekend[first].days[withWeekend[first].weekend[0]])); "
                    + "weekend_off_every is \(every)")
            }
        }
        return found
    }

    /// The longest run of days worked.
    private func runViolations(_ worked: [Int], _ contract: Contract) -> [String] {
        var run = 0, previous = Int.min
        for day in worked {
            run = day == previous + 1 ? run + 1 : 1
            previous = day
            if run == contract.maxConsecutiveDays + 1 {
                return ["\(run) days worked in a row to \(name(day)); max_consecutive_days is \(contract.maxConsecutiveDays)"]
            }
        }
        return []
    }

    /// The rest from the end of each shift to the start of the next day's.
    private func restViolations(_ tour: AgentTour, _ worked: [Int], _ contract: Contract) -> [String] {
        zip(worked, worked.dropFirst()).compactMap { day, next in
            let (shift, following) = (tour.shifts[day]!, tour.shifts[next]!)
            let rest = following.start - shift.end
            guard next == day + 1, rest < contract.minRest - 1e-6 else { return nil }
            return "\(hours(rest)) rest between the shift ending \(moment(shift.end)) and the one starting \(moment(following.start)); "
                + "min_rest is \(hours(contract.minRest))"
        }
    }

    private func name(_ day: Int) -> String { model.timing.date(ofDay: day).map(\.description) ?? "day \(day + 1)" }

    /// The date (or day) and clock time of `t`.
    private func moment(_ t: Double) -> String { "\(name(model.timing.clockDay(at: t))) \(model.timing.timeOfDay(t))" }

    private func hours(_ seconds: Double) -> String {
        let minutes = Int((abs(seconds) / Timing.secondsPerMinute).rounded())
        return (seconds < 0 ? "-" : "") + (minutes % 60 == 0 ? "\(minutes / 60) h" : "\(minutes / 60) h \(minutes % 60) min")
    }
}
