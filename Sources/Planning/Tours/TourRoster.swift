import ContactCenter

/// The agents' tours as a roster the simulation runs: one shift per (template, start,
/// break times) and set of days with the same agents per group, named by clock times
/// (`full@09:30-18:00/11:00/13:30/16:00`: start-end, then each break's start).
struct TourRoster {
    let model: CenterModel
    let templates: [ShiftTemplate]

    func plan(_ tours: [AgentTour], solution: IntegerProgram.Solution) -> RosterOptimizer.Plan {
        let groups = model.agentGroups.count
        // pattern id → day → agents per group
        var perDay: [String: [Int: [Int]]] = [:]
        var shapes: [String: (TourProgram.Option, [Double])] = [:]
        for tour in tours {
            for (day, worked) in tour.shifts {
                let id = shiftId(worked)
                shapes[id] = (worked.option, worked.breakStarts)
                perDay[id, default: [:]][day, default: Array(repeating: 0, count: groups)][tour.group] += 1
            }
        }
        var shifts: [Shift] = [], counts = Array(repeating: [Int](), count: groups), costs: [Double] = []
        for id in perDay.keys.sorted() {
            let (option, breakStarts) = shapes[id]!
            let byCounts = Dictionary(grouping: perDay[id]!.keys.sorted()) { perDay[id]![$0]! }
            let variants = byCounts.sorted { $0.value[0] < $1.value[0] }
            for (n, (agents, days)) in variants.enumerated() {
                let offset = model.timing.clockDay(at: option.start)
                var shift = templates[option.template].shift(id: variants.count > 1 ? "\(id) #\(n + 1)" : id, start: option.start,
                                                              breakStarts: breakStarts)
                shift.days = days.map { $0 - offset }
                shifts.append(shift)
                costs.append(templates[option.template].cost)
                for g in 0..<groups { counts[g].append(agents[g]) }
            }
        }
        let cost = tours.reduce(0.0) { sum, tour in sum + tour.shifts.values.reduce(0) { $0 + templates[$1.option.template].cost } }
        let roster = Roster(shifts: shifts, absence: model.roster?.absence ?? 0, otherOffPhone: model.roster?.otherOffPhone ?? 0)
        return RosterOptimizer.Plan(roster: roster, groupShifts: counts, shiftCosts: costs, cost: cost,
                                    lowerBound: solution.lowerBound, gap: cost == 0 ? 0 : (cost - solution.lowerBound) / cost,
                                    planned: planned(tours), stoppedAtTimeLimit: solution.stoppedAtTimeLimit)
    }

    /// `template@HH:MM-HH:MM/HH:MM…`: the template, the clock start and end, each break's clock start.
    func shiftId(_ worked: WorkedShift) -> String {
        let timing = model.timing
        let template = templates[worked.option.template]
        return "\(template.id)@\(timing.timeOfDay(worked.option.start))-\(timing.timeOfDay(worked.option.start + template.length))"
            + worked.breakStarts.map { "/" + timing.timeOfDay(worked.option.start + $0) }.joined()
    }

    /// Agents on the phones per group and interval (as shares of intervals).
    func planned(_ tours: [AgentTour]) -> [[Double]] {
        let timing = model.timing
        var planned = Array(repeating: Array(repeating: 0.0, count: timing.intervalCount), count: model.agentGroups.count)
        for tour in tours {
            for worked in tour.shifts.values {
                let shift = templates[worked.option.template].shift(id: "", start: worked.start, breakStarts: worked.breakStarts)
                for period in shift.onPhonePeriods(agent: 0, of: 1) {
                    for (i, share) in timing.coverage(from: worked.start + period.start, to: worked.start + period.end) {
                        planned[tour.group][i] += share
                    }
                }
            }
        }
        return planned
    }
}
