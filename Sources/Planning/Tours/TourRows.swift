import ContactCenter

/// The rows of ``TourProgram`` that hold the roster to the centre: coverage, seats,
/// rest between days, headcounts and template limits.
extension TourProgram {
    /// A shift column with its key, on the phones over `[start, end)` less its breaks.
    private func shiftTerms(group g: Int?) -> [(key: ShiftKey, column: Int)] {
        shiftColumns.filter { g == nil || $0.key.group == g }.map { ($0.key, $0.value) }
            .sorted { ($0.key.day, $0.column) < ($1.key.day, $1.column) }
    }

    /// In every (group, interval) with a requirement, the agents on the phones (as a
    /// share of the interval) at least the requirement grossed up for shrinkage.
    mutating func addCoverage(_ required: [[Int]]) {
        let timing = model.timing
        let shrinkage = Shrinkage.of(model)
        for g in model.agentGroups.indices {
            var terms = Array(repeating: [(Int, Double)](), count: timing.intervalCount)
            for (key, column) in shiftTerms(group: g) {
                let template = templates[key.option.template]
                let start = absoluteStart(key.option, day: key.day)
                add(column, from: start + template.briefingBefore, to: start + template.length - template.briefingAfter, sign: 1, to: &terms)
                for (b, positions) in (breakColumns[BreakKey(group: g, day: key.day, option: key.option)] ?? []).enumerated() {
                    for (position, breakColumn) in positions where key.contract == firstContract(g, key.day, key.option) {
                        add(breakColumn, from: start + position, to: start + position + template.breaks[b].length, sign: -1, to: &terms)
                    }
                }
            }
            for i in 0..<timing.intervalCount {
                let need = Shrinkage.scheduled(required[g][i], shrinkage: shrinkage)
                guard need > 0 else { continue }
                if terms[i].allSatisfy({ $0.1 <= 0 }) { uncovered.append((g, i)) }
                if relaxation.contains(.softCoverage) {
                    let short = program.addColumn("short_\(g)_\(i)", cost: shortCost, integer: false)
                    shortColumns.append((g, i, short))
                    terms[i].append((short, 1))
                }
                program.addRow("cover_\(g)_\(i)", terms[i], atLeast: Double(need))
            }
        }
    }

    /// The first contract with a shift column for (group, day, option): break columns
    /// are shared by the contracts, so their terms are added once, with it.
    private func firstContract(_ g: Int, _ day: Int, _ option: Option) -> Int {
        contracts.indices.first { shiftColumns[ShiftKey(contract: $0, group: g, day: day, option: option)] != nil } ?? 0
    }

    /// Adds `sign` × the share of each interval that `[from, to)` covers.
    private func add(_ column: Int, from: Double, to: Double, sign: Double, to terms: inout [[(Int, Double)]]) {
        for (i, share) in model.timing.coverage(from: from, to: to) { terms[i].append((column, sign * share)) }
    }

    /// At every instant the agents at their desks can rise (a shift's time on the phones
    /// begins, a break ends), at most the licensed seats: briefings and breaks leave the
    /// seat.
    mutating func addSeats() {
        let seats = model.agentSeats
        guard seats < Int.max else { return }
        var instants = Set<Double>()
        for (key, _) in shiftColumns {
            let template = templates[key.option.template]
            let start = absoluteStart(key.option, day: key.day)
            instants.insert(start + template.briefingBefore)
            for (b, pause) in template.breaks.enumerated() {
                for position in breakPositions(key.group, key.day, key.option, b) { instants.insert(start + position + pause.length) }
            }
        }
        let byDay = Dictionary(grouping: shiftTerms(group: nil), by: \.key.day)
        for instant in instants.filter({ $0 >= 0 && $0 < model.timing.horizon }).sorted() {
            var terms: [(Int, Double)] = []
            let day = model.timing.clockDay(at: instant)
            for (key, column) in (byDay[day - 1] ?? []) + (byDay[day] ?? []) {
                let template = templates[key.option.template]
                let start = absoluteStart(key.option, day: key.day)
                guard instant >= start + template.briefingBefore, instant < start + template.length - template.briefingAfter else {
                    continue
                }
                terms.append((column, 1))
                guard key.contract == firstContract(key.group, key.day, key.option) else { continue }
                for (b, positions) in (breakColumns[BreakKey(group: key.group, day: key.day, option: key.option)] ?? []).enumerated() {
                    for (position, breakColumn) in positions
                    where instant >= start + position && instant < start + position + template.breaks[b].length {
                        terms.append((breakColumn, -1))
                    }
                }
            }
            program.addRow("seats_\(Int(instant))", terms, atMost: Double(seats))
        }
    }

    private func breakPositions(_ g: Int, _ day: Int, _ option: Option, _ b: Int) -> [Double] {
        breakColumns[BreakKey(group: g, day: day, option: option)]?[b].map(\.start) ?? []
    }

    /// Least rest between consecutive days, per (contract, group): for every end time
    /// `τ` of day `D`, the shifts of `D` ending at `τ` or later, less the agents not
    /// working `D + 1`, at most the shifts of `D + 1` starting at `τ` + rest or later.
    /// Agents off on `D + 1` take the latest-ending shifts and agents back from a day
    /// off the earliest-starting, so this is exactly the condition for the two days.
    mutating func addRest() {
        for c in contracts.indices where contracts[c].minRest > 0 {
            for g in contracts[c].groups {
                for day in days.dropLast() { addRest(contract: c, group: g, day: day) }
            }
        }
    }

    private mutating func addRest(contract c: Int, group g: Int, day: Int) {
        let rest = contracts[c].minRest
        let today = shiftColumns.filter { $0.key.contract == c && $0.key.group == g && $0.key.day == day }
        let tomorrow = shiftColumns.filter { $0.key.contract == c && $0.key.group == g && $0.key.day == day + 1 }
        guard let earliest = tomorrow.keys.map({ absoluteStart($0.option, day: day + 1) }).min() else { return }
        let leavers = leaverTerms(contract: c, group: g, day: day)
        for end in Set(today.keys.map { absoluteEnd($0.option, day: day) }).sorted() where earliest < end + rest {
            let late = today.filter { absoluteEnd($0.key.option, day: day) >= end }.map { ($0.value, 1.0) }
            let early = tomorrow.filter { absoluteStart($0.key.option, day: day + 1) >= end + rest }.map { ($0.value, -1.0) }
            program.addRow("rest_\(c)_\(g)_\(day)_\(Int(end))", late + early + leavers.map { ($0.0, -1.0) }, atMost: 0)
        }
    }

    /// The agents of (contract, group) who work `day` and not the next day.
    private func leaverTerms(contract c: Int, group g: Int, day: Int) -> [(Int, Double)] {
        let (w, position) = weeks.week(ofDay: day)
        if position + 1 < weeks.weeks[w].days.count {
            return patternTerms(contract: c, group: g, week: w, working: position) { !$0.pattern.works(position + 1) }
        }
        return arcColumns.filter { $0.key.contract == c && $0.key.group == g && $0.key.week == w && $0.key.trailing >= 1
            && $0.key.leading == 0 }.map { ($0.value, 1.0) }
    }

    /// Each contract's agents (in the first week: flow keeps them every week) within its
    /// limits; with named agents, within the people who can fill them, group by group
    /// and day by day.
    mutating func addHeadcounts() {
        for c in contracts.indices {
            let all = contracts[c].groups.flatMap { patternTerms(contract: c, group: $0, week: 0, working: nil) }
            if !relaxation.contains(.headcounts) {
                program.addRow("agents_\(c)", all, atLeast: Double(contracts[c].minimumAgents),
                               atMost: contracts[c].maximumAgents.map(Double.init))
            }
            if let agents, !relaxation.contains(.namedAgents) { addNamedAgents(agents.filter { $0.contract == c }, contract: c) }
        }
    }

    /// For each set of the contract's groups (all sets up to four groups, else each
    /// group and all together): the agents in them at most the people who may work in
    /// one of them, and on each day, at most those of them available that day.
    private mutating func addNamedAgents(_ people: [NamedAgent], contract c: Int) {
        let groups = contracts[c].groups
        let sets: [[Int]] = groups.count <= 4
            ? (1..<(1 << groups.count)).map { mask in groups.indices.filter { mask & (1 << $0) != 0 }.map { groups[$0] } }
            : groups.map { [$0] } + [groups]
        for set in sets {
            let eligible = people.filter { !Set($0.groups).isDisjoint(with: set) }
            let terms = set.flatMap { patternTerms(contract: c, group: $0, week: 0, working: nil) }
            program.addRow("people_\(c)_\(set)", terms, atMost: Double(eligible.count))
            for day in days {
                let (w, position) = weeks.week(ofDay: day)
                let working = set.flatMap { patternTerms(contract: c, group: $0, week: w, working: position) }
                let available = eligible.filter { !$0.unavailableDays.contains(day) }.count
                if !working.isEmpty { program.addRow("available_\(c)_\(set)_\(day)", working, atMost: Double(available)) }
            }
        }
    }

    /// Each template within its minimum and maximum count on every day.
    mutating func addTemplateLimits() {
        for (t, template) in templates.enumerated() where template.minimum > 0 || template.maximum != nil {
            for day in days {
                let terms = shiftColumns.filter { $0.key.option.template == t && $0.key.day == day }.map { ($0.value, 1.0) }
                guard !terms.isEmpty else { continue }
                program.addRow("count_\(template.id)_\(day)", terms, atLeast: Double(template.minimum),
                               atMost: template.maximum.map(Double.init))
            }
        }
    }
}
