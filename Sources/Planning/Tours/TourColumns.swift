import ContactCenter

/// The columns of ``TourProgram`` and the rows that link them: days worked to shifts,
/// weeks to weeks, breaks to shifts.
extension TourProgram {
    /// A new column: integer unless the relaxation is linear.
    mutating func column(_ name: String, cost: Double) -> Int {
        program.addColumn(name, cost: cost, integer: !relaxation.contains(.linear))
    }

    /// The pattern columns `n`, week by week, and the arcs `a` between weeks.
    mutating func addPatterns() throws {
        patterns = try contracts.indices.map { c in
            let lengths = contracts[c].templates.map { templates[$0].length }
            return try weeks.weeks.enumerated().map { w, week in
                let allowed = WeekPattern.allowed(in: week, by: contracts[c], shiftLengths: lengths)
                guard !allowed.isEmpty else {
                    throw PlanningError("contract \(contracts[c].id): no week pattern keeps its rules in week \(w + 1) "
                        + "(\(week.days.count) days): check days_per_week, days_off_together, max_consecutive_days and "
                        + "weekly_hours together", isInfeasible: true)
                }
                return allowed
            }
        }
        for c in contracts.indices {
            for g in contracts[c].groups {
                addPatternColumns(contract: c, group: g)
                addArcColumns(contract: c, group: g)
            }
        }
    }

    private mutating func addPatternColumns(contract c: Int, group g: Int) {
        for w in weeks.weeks.indices {
            let entering = w == 0 ? 0..<1 : streaks(of: c)
            for pattern in patterns[c][w] {
                for s in entering where streak(after: pattern, week: w, entering: s, contract: c) != nil {
                    for option in weekOptions(contract: c, group: g, week: w, pattern: pattern) {
                        let key = PatternKey(contract: c, group: g, week: w, pattern: pattern, streak: s, option: option)
                        patternColumns[key] = column("n_\(c)_\(g)_\(w)_\(pattern.mask)_\(s)", cost: patternCost(c, pattern))
                    }
                }
            }
        }
    }

    /// In the days-off program, a pattern costs its days at the contract's cheapest
    /// shift; in the whole program the shifts carry the cost.
    private func patternCost(_ c: Int, _ pattern: WeekPattern) -> Double {
        guard daysOffDemand != nil else { return 0 }
        return Double(pattern.daysWorked) * (contracts[c].templates.map { templates[$0].cost }.min() ?? 0)
    }

    /// The days-off program's link: the paid time of the agents working each day, at
    /// each contract's shortest shift, at least the group's demand.
    mutating func addDaysWorked(_ demand: [[Double]]) {
        for g in model.agentGroups.indices {
            for day in days where demand[g][day] > 0 {
                let (w, position) = weeks.week(ofDay: day)
                let terms = contracts.indices.filter { contracts[$0].groups.contains(g) }.flatMap { c in
                    patternTerms(contract: c, group: g, week: w, working: position).map { ($0.0, shortestShift(c)) }
                }
                program.addRow("worked_\(g)_\(day)", terms, atLeast: demand[g][day])
            }
        }
    }

    /// The days-off program's link by headcount: the agents of each contract and group
    /// working each day at least `agents[c][g][day]`.
    mutating func addAgentsWorking(_ agents: [[[Double]]]) {
        for c in contracts.indices {
            for g in contracts[c].groups {
                for day in days where agents[c][g][day] > 0 {
                    let (w, position) = weeks.week(ofDay: day)
                    program.addRow("agents_\(c)_\(g)_\(day)", patternTerms(contract: c, group: g, week: w, working: position),
                                   atLeast: agents[c][g][day])
                }
            }
        }
    }

    /// The length of contract `c`'s shortest template (seconds).
    func shortestShift(_ c: Int) -> Double { contracts[c].templates.map { templates[$0].length }.min() ?? 0 }

    /// `[nil]` for a contract free to change shifts day by day; with `same_start`, the
    /// options open to group `g` on every day the pattern works.
    private func weekOptions(contract c: Int, group g: Int, week w: Int, pattern: WeekPattern) -> [Option?] {
        guard contracts[c].sameStart else { return [nil] }
        let worked = weeks.weeks[w].days.indices.filter(pattern.works).map { weeks.weeks[w].days[$0] }
        guard let first = worked.first else { return [nil] }
        let common = worked.dropFirst().reduce(Set(options(of: c, on: first))) { $0.intersection(options(of: c, on: $1)) }
        return common.filter { groups(of: c, working: $0).contains(g) }
            .sorted { ($0.template, $0.start) < ($1.template, $1.start) }
    }

    private mutating func addArcColumns(contract c: Int, group g: Int) {
        let longest = contracts[c].maxConsecutiveDays
        for w in weeks.weeks.indices.dropLast() {
            for s in streaks(of: c) {
                for trailing in 0...weeks.weeks[w].days.count {
                    for leading in 0...weeks.weeks[w + 1].days.count where trailing + leading <= longest || leading == 0 {
                        let key = ArcKey(contract: c, group: g, week: w, streak: s, trailing: trailing, leading: leading)
                        arcColumns[key] = column("a_\(c)_\(g)_\(w)_\(s)_\(trailing)_\(leading)", cost: 0)
                    }
                }
            }
        }
    }

    /// The shift columns `x` (costed by their templates) and their break columns `y`.
    mutating func addShifts() {
        for c in contracts.indices {
            for day in days {
                for option in options(of: c, on: day) {
                    for g in groups(of: c, working: option) {
                        let key = ShiftKey(contract: c, group: g, day: day, option: option)
                        shiftColumns[key] = column("x_\(c)_\(g)_\(day)_\(option.template)_\(Int(option.start))",
                                                              cost: templates[option.template].cost)
                        addBreaks(BreakKey(group: g, day: day, option: option))
                    }
                }
            }
        }
        for (key, positions) in breakColumns.sorted(by: { ($0.key.day, $0.key.group, $0.key.option.template, $0.key.option.start)
            < ($1.key.day, $1.key.group, $1.key.option.template, $1.key.option.start) }) {
            let shifts = shiftColumns.filter { $0.key.group == key.group && $0.key.day == key.day && $0.key.option == key.option }
            for (b, columns) in positions.enumerated() {
                program.addRow("breaks_\(key.group)_\(key.day)_\(key.option.template)_\(Int(key.option.start))_\(b)",
                               columns.map { ($0.column, 1.0) } + shifts.values.map { ($0, -1.0) }, atLeast: 0, atMost: 0)
            }
        }
    }

    private mutating func addBreaks(_ key: BreakKey) {
        guard breakColumns[key] == nil else { return }
        let template = templates[key.option.template]
        var positions: [[(start: Double, column: Int)]] = []
        for (b, pause) in template.breaks.enumerated() {
            var columns: [(start: Double, column: Int)] = []
            for position in stride(from: pause.earliestStart, through: pause.latestStart + 1e-9, by: breakStep) {
                let name = "y_\(key.group)_\(key.day)_\(key.option.template)_\(Int(key.option.start))_\(b)_\(Int(position))"
                columns.append((position, column(name, cost: 0)))
            }
            positions.append(columns)
        }
        breakColumns[key] = positions
    }

    /// The pattern columns of (contract, group, week) working the week's `position`-th day.
    func patternTerms(contract c: Int, group g: Int, week w: Int, working position: Int?, option: Option? = nil,
                      where holds: (PatternKey) -> Bool = { _ in true }) -> [(Int, Double)] {
        patternColumns.filter { key, _ in
            key.contract == c && key.group == g && key.week == w && (position.map(key.pattern.works) ?? true)
                && (option == nil || key.option == option) && holds(key)
        }.map { ($0.value, 1.0) }
    }

    /// Days worked equal shifts: per (contract, group, day), or per option as well
    /// with `same_start`.
    mutating func addDayLinks() {
        for c in contracts.indices {
            for g in contracts[c].groups {
                for day in days {
                    let (w, position) = weeks.week(ofDay: day)
                    let shifts = shiftColumns.filter { $0.key.contract == c && $0.key.group == g && $0.key.day == day }
                    if contracts[c].sameStart {
                        for option in Set(shifts.keys.map(\.option)).sorted(by: { ($0.template, $0.start) < ($1.template, $1.start) }) {
                            let worked = patternTerms(contract: c, group: g, week: w, working: position, option: option)
                            let terms = shifts.filter { $0.key.option == option }.map { ($0.value, 1.0) } + worked.map { ($0.0, -1.0) }
                            program.addRow("day_\(c)_\(g)_\(day)_\(option.template)_\(Int(option.start))", terms, atLeast: 0, atMost: 0)
                        }
                        let unmatched = patternTerms(contract: c, group: g, week: w, working: position) { key in
                            key.option.map { shifts[ShiftKey(contract: c, group: g, day: day, option: $0)] == nil } ?? false
                        }
                        if !unmatched.isEmpty { program.addRow("day_\(c)_\(g)_\(day)_none", unmatched, atMost: 0) }
                    } else {
                        let terms = shifts.values.map { ($0, 1.0) }
                            + patternTerms(contract: c, group: g, week: w, working: position).map { ($0.0, -1.0) }
                        program.addRow("day_\(c)_\(g)_\(day)", terms, atLeast: 0, atMost: 0)
                    }
                }
            }
        }
    }

    /// Agents leave each week by (trailing run, streak) as they enter the next by
    /// (leading run, streak).
    mutating func addWeekLinks() {
        for c in contracts.indices {
            for g in contracts[c].groups {
                for w in weeks.weeks.indices.dropLast() {
                    for s in streaks(of: c) {
                        addExitRows(contract: c, group: g, week: w, streak: s)
                        addEntryRows(contract: c, group: g, week: w + 1, streak: s)
                    }
                }
            }
        }
    }

    private mutating func addExitRows(contract c: Int, group g: Int, week w: Int, streak s: Int) {
        for trailing in 0...weeks.weeks[w].days.count {
            let leaving = patternTerms(contract: c, group: g, week: w, working: nil) { key in
                key.pattern.trailingRun == trailing && streak(after: key.pattern, week: w, entering: key.streak, contract: c) == s
            }
            let arcs = arcColumns.filter { $0.key.contract == c && $0.key.group == g && $0.key.week == w && $0.key.streak == s
                && $0.key.trailing == trailing }
            program.addRow("exit_\(c)_\(g)_\(w)_\(s)_\(trailing)", leaving + arcs.values.map { ($0, -1.0) }, atLeast: 0, atMost: 0)
        }
    }

    private mutating func addEntryRows(contract c: Int, group g: Int, week w: Int, streak s: Int) {
        for leading in 0...weeks.weeks[w].days.count {
            let entering = patternTerms(contract: c, group: g, week: w, working: nil) { key in
                key.pattern.leadingRun == leading && key.streak == s
            }
            let arcs = arcColumns.filter { $0.key.contract == c && $0.key.group == g && $0.key.week == w - 1 && $0.key.streak == s
                && $0.key.leading == leading }
            program.addRow("entry_\(c)_\(g)_\(w)_\(s)_\(leading)", entering + arcs.values.map { ($0, -1.0) }, atLeast: 0, atMost: 0)
        }
    }
}
