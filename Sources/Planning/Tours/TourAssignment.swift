import ContactCenter

/// Splits a solution of ``TourProgram`` into tours, agent by agent.
///
/// Week by week: the first week's patterns go to the agents (named agents by their
/// groups, then by the fewest unavailable days the pattern works); each later week,
/// the agents leaving by an arc (days worked in a row, weekends worked in a row) take
/// the patterns entering by it — the agent with the most weekends worked so far gets
/// the pattern with its weekend off, a named agent the pattern that works the fewest
/// of their unavailable days. Day by day, each agent working takes a shift, the
/// earliest-starting first, to an agent whose rest allows it, preferring one who works
/// the next day (``assignShifts(day:)``); where rest is still short, agents exchange
/// shifts (``TourRestRepair``). Breaks follow the program's positions.
struct TourAssignment {
    let program: TourProgram
    let values: [Double]
    var tours: [AgentTour] = []
    /// Named agents not given a tour.
    var unused: [Int] = []

    init(program: TourProgram, values: [Double]) {
        self.program = program
        self.values = values
        assignWeeks()
        for day in program.days { assignShifts(day: day) }
        tours = TourRestRepair(contracts: program.contracts, weeks: program.weeks).repaired(tours)
        assignBreaks()
    }

    func count(_ column: Int) -> Int { Int(values[column].rounded()) }

    // MARK: Weeks

    private mutating func assignWeeks() {
        var free = Set(program.agents?.indices.map { $0 } ?? [])
        for c in program.contracts.indices {
            for g in program.contracts[c].groups {
                var group = firstWeek(contract: c, group: g, free: &free)
                for w in program.weeks.weeks.indices.dropFirst() { nextWeek(&group, contract: c, group: g, week: w) }
                tours += group
            }
        }
        unused = free.sorted()
    }

    /// The pattern keys of (contract, group, week) with their counts, largest first.
    private func patterns(contract c: Int, group g: Int, week w: Int) -> [(key: TourProgram.PatternKey, count: Int)] {
        program.patternColumns.filter { $0.key.contract == c && $0.key.group == g && $0.key.week == w }
            .map { ($0.key, count($0.value)) }.filter { $0.count > 0 }
            .sorted { ($0.key.pattern.mask, $0.key.streak, $0.key.option?.template ?? -1, $0.key.option?.start ?? 0)
                < ($1.key.pattern.mask, $1.key.streak, $1.key.option?.template ?? -1, $1.key.option?.start ?? 0) }
    }

    private func firstWeek(contract c: Int, group g: Int, free: inout Set<Int>) -> [AgentTour] {
        let keys = patterns(contract: c, group: g, week: 0).flatMap { Array(repeating: $0.key, count: $0.count) }
        let contract = program.contracts[c]
        // Named agents who can work only in this group first.
        let people = free.filter { program.agents![$0].contract == c && program.agents![$0].groups.contains(g) }
            .sorted { (program.agents![$0].groups.count, $0) < (program.agents![$1].groups.count, $1) }
            .prefix(program.agents == nil ? 0 : keys.count)
        var tours = keys.indices.map { j in
            AgentTour(agent: "\(contract.id)/\(program.model.agentGroups[g].id)/\(String(format: "%03d", j + 1))",
                      contract: c, group: g, person: nil, weekPatterns: [])
        }
        for (j, person) in people.enumerated() {
            tours[j].person = person
            tours[j].agent = program.agents![person].id
            free.remove(person)
        }
        if program.agents != nil {
            for j in tours.indices where tours[j].person == nil { tours[j].agent = "open/\(tours[j].agent)" }
        }
        give(keys, to: &tours, week: 0)
        replaceConflicted(&tours, free: &free, contract: c, group: g)
        return tours
    }

    private func nextWeek(_ tours: inout [AgentTour], contract c: Int, group g: Int, week w: Int) {
        let keys = patterns(contract: c, group: g, week: w)
        let arcs = program.arcColumns.filter { $0.key.contract == c && $0.key.group == g && $0.key.week == w - 1 }
            .map { ($0.key, count($0.value)) }.filter { $0.1 > 0 }.sorted { ($0.0.streak, $0.0.trailing, $0.0.leading) < ($1.0.streak, $1.0.trailing, $1.0.leading) }
        var bucket: [[Int]: [Int]] = [:]  // [leading, streak] → tour indices
        var waiting = Dictionary(grouping: tours.indices) { [tours[$0].weekPatterns[w - 1].trailingRun, tours[$0].streak] }
        for (arc, n) in arcs {
            let from = [arc.trailing, arc.streak]
            let moved = Array((waiting[from] ?? []).prefix(n))
            waiting[from] = Array((waiting[from] ?? []).dropFirst(n))
            bucket[[arc.leading, arc.streak], default: []] += moved
        }
        for (entry, members) in bucket {
            let entering = keys.filter { $0.key.pattern.leadingRun == entry[0] && $0.key.streak == entry[1] }
                .flatMap { Array(repeating: $0.key, count: $0.count) }
            var group = members.map { tours[$0] }
            give(entering, to: &group, week: w)
            for (j, index) in members.enumerated() { tours[index] = group[j] }
        }
    }

    /// Gives each tour one of `keys` for week `w`: tours with the most weekends worked
    /// take the patterns with the weekend off; named agents the patterns working the
    /// fewest of their unavailable days.
    private func give(_ keys: [TourProgram.PatternKey], to tours: inout [AgentTour], week w: Int) {
        let weekend = program.weeks.weeks[w].weekend
        var remaining = keys.sorted { ($0.pattern.weekendOff(weekend) == true ? 0 : 1, $0.pattern.mask) < ($1.pattern.weekendOff(weekend) == true ? 0 : 1, $1.pattern.mask) }
        let order = tours.indices.sorted {
            (-unavailable(tours[$0], week: w), -tours[$0].weekendsWorked(program.weeks), $0)
                < (-unavailable(tours[$1], week: w), -tours[$1].weekendsWorked(program.weeks), $1)
        }
        var chosen: [Int: TourProgram.PatternKey] = [:]
        for j in order where !remaining.isEmpty {
            let best = remaining.indices.min { conflicts(tours[j], remaining[$0], week: w) < conflicts(tours[j], remaining[$1], week: w) }!
            chosen[j] = remaining.remove(at: best)
        }
        swapAwayConflicts(&chosen, tours, week: w)
        for (j, key) in chosen {
            tours[j].weekPatterns.append(key.pattern)
            tours[j].streak = program.streak(after: key.pattern, week: w, entering: key.streak, contract: key.contract) ?? 0
            tours[j].weekOptions.append(key.option)
        }
    }

    /// Gives a first-week tour that works a named agent's unavailable day to a free
    /// agent who can work it all.
    private func replaceConflicted(_ tours: inout [AgentTour], free: inout Set<Int>, contract c: Int, group g: Int) {
        guard let agents = program.agents else { return }
        let days = program.weeks.weeks[0].days
        for j in tours.indices {
            guard let person = tours[j].person, let pattern = tours[j].weekPatterns.first else { continue }
            func clashes(_ p: Int) -> Bool { days.indices.contains { pattern.works($0) && agents[p].unavailableDays.contains(days[$0]) } }
            guard clashes(person), let other = free.sorted().first(where: {
                agents[$0].contract == c && agents[$0].groups.contains(g) && !clashes($0)
            }) else { continue }
            free.remove(other)
            free.insert(person)
            tours[j].person = other
            tours[j].agent = agents[other].id
        }
    }

    /// Swaps patterns between two tours while that lowers their unavailable days worked.
    private func swapAwayConflicts(_ chosen: inout [Int: TourProgram.PatternKey], _ tours: [AgentTour], week w: Int) {
        let members = chosen.keys.sorted()
        var improved = true
        while improved {
            improved = false
            for i in members where conflicts(tours[i], chosen[i]!, week: w) > 0 {
                for j in members where j != i {
                    let now = conflicts(tours[i], chosen[i]!, week: w) + conflicts(tours[j], chosen[j]!, week: w)
                    let swapped = conflicts(tours[i], chosen[j]!, week: w) + conflicts(tours[j], chosen[i]!, week: w)
                    if swapped < now {
                        (chosen[i], chosen[j]) = (chosen[j], chosen[i])
                        improved = true
                        break
                    }
                }
            }
        }
    }

    private func unavailable(_ tour: AgentTour, week w: Int) -> Int {
        guard let person = tour.person else { return 0 }
        return program.weeks.weeks[w].days.filter(program.agents![person].unavailableDays.contains).count
    }

    private func conflicts(_ tour: AgentTour, _ key: TourProgram.PatternKey, week w: Int) -> Int {
        guard let person = tour.person else { return 0 }
        let days = program.weeks.weeks[w].days
        return days.indices.filter { key.pattern.works($0) && program.agents![person].unavailableDays.contains(days[$0]) }.count
    }
}
