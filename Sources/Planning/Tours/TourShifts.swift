import ContactCenter

/// Day by day: shifts and breaks to the agents of ``TourAssignment``.
extension TourAssignment {
    /// Gives the shifts of `day` to the agents working it, per (contract, group).
    mutating func assignShifts(day: Int) {
        for c in program.contracts.indices {
            for g in program.contracts[c].groups {
                let working = tours.indices.filter { tours[$0].contract == c && tours[$0].group == g && tours[$0].works(day, program.weeks) }
                var shifts = program.shiftColumns.filter { $0.key.contract == c && $0.key.group == g && $0.key.day == day }
                    .flatMap { Array(repeating: $0.key.option, count: count($0.value)) }
                if program.contracts[c].sameStart {
                    let w = program.weeks.week(ofDay: day).week
                    for j in working { take(tours[j].weekOptions[w] ?? shifts.first, for: j, day: day, from: &shifts) }
                } else {
                    assignEarliestFirst(working, day: day, shifts: &shifts)
                }
            }
        }
    }

    private mutating func take(_ option: TourProgram.Option?, for j: Int, day: Int, from shifts: inout [TourProgram.Option]) {
        guard let option else { return }
        if let index = shifts.firstIndex(of: option) { shifts.remove(at: index) }
        tours[j].shifts[day] = WorkedShift(option: option, breakStarts: [], start: program.absoluteStart(option, day: day),
                                           end: program.absoluteEnd(option, day: day))
    }

    /// The earliest-starting shift first, to an agent whose rest allows it: any such
    /// agent may take it without leaving a later shift untaken (an agent allowed a
    /// shift is allowed every later one), so the choice serves the next day
    /// (``rank(_:_:_:)``): an agent working tomorrow whenever one may take it, so that
    /// the agents off tomorrow are left the latest shifts, as the rest rows assume. An
    /// agent whose rest the shift breaks takes it only if none is left.
    private mutating func assignEarliestFirst(_ working: [Int], day: Int, shifts: inout [TourProgram.Option]) {
        var waiting = working
        let ordered = shifts.sorted { (program.absoluteStart($0, day: day), $0.template) < (program.absoluteStart($1, day: day), $1.template) }
        shifts = []
        for option in ordered where !waiting.isEmpty {
            let start = program.absoluteStart(option, day: day)
            let allowed = waiting.filter { earliestStart(of: $0, day: day) <= start + 1e-6 }
            let chosen = allowed.isEmpty ? waiting.min { earliestStart(of: $0, day: day) < earliestStart(of: $1, day: day) }!
                : allowed.max { rank($0, option, day) < rank($1, option, day) }!
            waiting.removeAll { $0 == chosen }
            take(option, for: chosen, day: day, from: &shifts)
        }
    }

    /// The earliest start the rest after the previous day's shift allows.
    private func earliestStart(of j: Int, day: Int) -> Double {
        guard let previous = tours[j].shifts[day - 1] else { return -.infinity }
        return previous.end + program.contracts[tours[j].contract].minRest
    }

    /// Who takes `option` first: an agent working tomorrow (an early end); then (for a
    /// late shift) the fewest late shifts so far or (for an early one) the most, then the
    /// agent who prefers it.
    private func rank(_ j: Int, _ option: TourProgram.Option, _ day: Int) -> (Int, Int, Int, Int) {
        let worksTomorrow = tours[j].works(day + 1, program.weeks)
        let lateShifts = tours[j].shifts.values.filter { isLate($0.option) }.count
        return (worksTomorrow ? 1 : 0, isLate(option) ? -lateShifts : lateShifts, prefers(j, option) ? 1 : 0, -j)
    }

    /// A shift starting after the middle of its template's start times.
    private func isLate(_ option: TourProgram.Option) -> Bool {
        let starts = program.templates[option.template].starts
        guard let first = starts.min(), let last = starts.max(), last > first else { return false }
        return option.start > (first + last) / 2
    }

    private func prefers(_ j: Int, _ option: TourProgram.Option) -> Bool {
        guard let person = tours[j].person, let agent = program.agents?[person] else { return false }
        if let template = agent.preferredTemplate, template != option.template { return false }
        if let start = agent.preferredStart { return abs(program.model.timing.time(ofClock: start) - option.start) < 1 }
        return agent.preferredTemplate != nil
    }

    /// Break positions: the agents of each (group, day, option), in tour order, take the
    /// program's positions in order, the first agent the earliest of each break.
    mutating func assignBreaks() {
        var members: [TourProgram.BreakKey: [Int]] = [:]
        for j in tours.indices {
            for (day, shift) in tours[j].shifts {
                members[TourProgram.BreakKey(group: tours[j].group, day: day, option: shift.option), default: []].append(j)
            }
        }
        for (key, agents) in members {
            let positions = (program.breakColumns[key] ?? []).map { columns in
                columns.flatMap { Array(repeating: $0.start, count: count($0.column)) }
            }
            for (n, j) in agents.sorted().enumerated() {
                tours[j].shifts[key.day]?.breakStarts = positions.map { $0.isEmpty ? 0 : $0[min(n, $0.count - 1)] }
            }
        }
    }
}
