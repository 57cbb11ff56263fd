import ContactCenter

/// Why no tours can cover a requirement, said in the planner's terms: the (group,
/// interval) pairs no shift covers at all; else, with every rule kept and coverage
/// allowed to fall short, where and by how much it falls short (group, day and hours),
/// and which family of rules, relaxed alone, would cover it.
struct TourDiagnosis {
    let planner: MonthRosterPlanner
    let required: [[Int]]

    func explain() -> String {
        let model = planner.model
        guard let full = try? program([.linear]) else { return "the contracts allow no week pattern" }
        if !full.uncovered.isEmpty {
            let list = full.uncovered.prefix(5).map { "\(model.agentGroups[$0.group].id) at \(label($0.interval))" }
            return "no shift of the contracts' templates covers \(full.uncovered.count) (group, interval) pairs with a requirement: "
                + list.joined(separator: ", ") + (full.uncovered.count > 5 ? ", …" : "")
        }
        var text = "the tours cannot cover the requirement with every rule kept"
        if let soft = try? program([.linear, .softCoverage]), let solution = try? soft.solve(timeLimit: planner.timeLimit, gap: 1) {
            text += ": " + shortfall(soft, solution.values)
        }
        if feasible([.linear]) {
            return text + "; the linear relaxation covers it, but no whole-number tours do: add agents (named agents or contract limits), "
                + "loosen the rules, or allow more time (--time-limit)"
        }
        let families: [(TourProgram.Relaxation, String)] = [
            (.seats, "the \(model.agentSeats) seats"), (.headcounts, "the contracts' agent limits (min/max)"),
            (.namedAgents, "the named agents available"), (.rest, "the least rest between shifts"),
            (.templateLimits, "the templates' min/max per day"),
        ]
        let culprits = families.filter { $0.0 != .seats || model.agentSeats < Int.max }.filter { feasible([.linear, $0.0]) }.map(\.1)
        if !culprits.isEmpty {
            text += "; relaxing alone any of these would cover it: " + culprits.joined(separator: ", ")
        } else {
            text += "; the contracts' week patterns (days per week, days off together, longest run, weekends off) are the binding rules"
        }
        return text
    }

    private func program(_ relaxation: TourProgram.Relaxation) throws -> TourProgram {
        try TourProgram(model: planner.model, templates: planner.templates, contracts: planner.contracts, agents: planner.agents,
                        breakStep: planner.breakStep, required: required, relaxation: relaxation)
    }

    private func feasible(_ relaxation: TourProgram.Relaxation) -> Bool {
        (try? program(relaxation).solve(timeLimit: planner.timeLimit, gap: 1)) != nil
    }

    private func label(_ i: Int) -> String {
        let timing = planner.model.timing
        let t = timing.start(ofInterval: i)
        return (timing.date(ofDay: timing.clockDay(at: t)).map { "\($0) " } ?? "") + timing.label(t)
    }

    /// Agents short in the linear relaxation, by group and day: the total in
    /// agent-hours and the worst interval, the five worst (group, day) first.
    private func shortfall(_ soft: TourProgram, _ values: [Double]) -> String {
        let timing = planner.model.timing
        let short = soft.shortColumns.filter { values[$0.column] > 1e-6 }
        guard !short.isEmpty else { return "short nowhere in the linear relaxation (the integer tours fall short)" }
        let byDay = Dictionary(grouping: short) { [$0.group, timing.clockDay(at: timing.start(ofInterval: $0.interval))] }
        let hours = timing.intervalLength / Timing.secondsPerHour
        let worst = byDay.map { key, cells -> (String, Double) in
            let total = cells.reduce(0) { $0 + values[$1.column] } * hours
            let peak = cells.max { values[$0.column] < values[$1.column] }!
            let day = timing.date(ofDay: key[1]).map { "\($0) \($0.weekday.abbreviation)" } ?? "day \(key[1] + 1)"
            return (String(format: "%@ on %@ short by %.1f agent-hours (%d intervals, up to %.1f agents at %@)",
                           planner.model.agentGroups[key[0]].id, day, total, cells.count, values[peak.column],
                           timing.timeOfDay(timing.start(ofInterval: peak.interval))), total)
        }.sorted { $0.1 > $1.1 }
        let total = worst.reduce(0) { $0 + $1.1 }
        return String(format: "short by %.1f agent-hours in all, on %d (group, day) pairs: ", total, worst.count)
            + worst.prefix(5).map(\.0).joined(separator: "; ") + (worst.count > 5 ? "; …" : "")
    }
}
