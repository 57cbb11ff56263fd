import ContactCenter

/// Checks every tour against its contract's working-time rules and its agent's
/// unavailable dates, shift by shift, independently of how the tours were built.
struct TourRules {
    let model: CenterModel
    let templates: [ShiftTemplate]
    let contracts: [Contract]
    let agents: [NamedAgent]?
    let weeks: RosterWeeks

    /// Every broken rule, one line each (empty when every tour keeps its rules).
    func violations(_ tours: [AgentTour]) -> [String] {
        tours.flatMap { tour in violations(tour).map { "\(tour.agent): \($0)" } }
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
        for (day, next) in zip(worked, worked.dropFirst()) where next == day + 1 {
            let rest = tour.shifts[next]!.start - tour.shifts[day]!.end
            if rest < contract.minRest - 1e-6 {
                found.append("\(hours(rest)) rest between \(name(day)) and \(name(next)), the contract needs \(hours(contract.minRest))")
            }
        }
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
            let fewest = max(0, contract.daysPerWeek.lowerBound - missing), most = min(contract.daysPerWeek.upperBound, week.days.count)
            if !(fewest...most).contains(shifts.count) { found.append("week \(w + 1): \(shifts.count) days worked, the contract allows \(fewest)–\(most)") }
            let paid = shifts.reduce(0) { $0 + templates[$1.option.template].length }
            if let limits = contract.weeklyHours, !shifts.isEmpty,
               paid > limits.upperBound + 1e-6 || (week.isWhole && paid < limits.lowerBound - 1e-6) {
                found.append("week \(w + 1): \(hours(paid)) paid, the contract allows \(hours(limits.lowerBound))–\(hours(limits.upperBound))")
            }
            let pattern = WeekPattern(mask: week.days.indices.reduce(0) { tour.shifts[week.days[$1]] != nil ? $0 | (1 << $1) : $0 },
                                      length: week.days.count)
            if week.isWhole, 7 - shifts.count >= contract.daysOffTogether, pattern.longestRest < contract.daysOffTogether {
                found.append("week \(w + 1): no \(contract.daysOffTogether) consecutive days off")
            }
            if contract.sameStart, Set(shifts.map(\.option)).count > 1 { found.append("week \(w + 1): starts differ") }
        }
        if let every = contract.weekendOffEvery {
            let withWeekend = weeks.weeks.filter { !$0.weekend.isEmpty }
            let off = withWeekend.map { week in week.weekend.allSatisfy { tour.shifts[week.days[$0]] == nil } }
            if off.count >= every, let first = off.indices.dropLast(every - 1).first(where: { !off[$0..<($0 + every)].contains(true) }) {
                found.append("no weekend off in the \(every) weekends from week \(first + 1)")
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
            if run == contract.maxConsecutiveDays + 1 { return ["\(run) days worked in a row to \(name(day)), the contract allows \(contract.maxConsecutiveDays)"] }
        }
        return []
    }

    private func name(_ day: Int) -> String { model.timing.date(ofDay: day).map(\.description) ?? "day \(day + 1)" }

    private func hours(_ seconds: Double) -> String {
        let minutes = Int((seconds / Timing.secondsPerMinute).rounded())
        return minutes % 60 == 0 ? "\(minutes / 60) h" : "\(minutes / 60) h \(minutes % 60) min"
    }
}
