import ContactCenter

/// The tours program solved in two parts, for programs too large to solve whole in
/// reasonable time (a month of several groups):
///
/// 1. the linear relaxation of the whole program: its optimum is the lower bound, and
///    its paid hours per (group, day) the days-off demand;
/// 2. the days-off program: week patterns and arcs only, each group's paid hours each
///    day at least the demand (at each contract's shortest shift), least days worked at
///    each contract's cheapest shift;
/// 3. the whole program with those patterns and arcs fixed: shifts, breaks, coverage,
///    seats and rest, solved day by day (``DayByDaySolver``).
///
/// Step 3 lets coverage fall short at a high cost; where it does, the demand of those
/// (group, day) pairs rises by the time short (at least one of the group's longest
/// shifts) and steps 2–3 run again, at most ``maxRounds`` times; the round short by the
/// least is kept and the shortfall said (the verifying simulation judges the targets).
struct TourDecomposition {
    let planner: MonthRosterPlanner
    let required: [[Int]]
    /// Rounds of steps 2–3 at most.
    var maxRounds = 3

    /// The solution, indexed by `whole`'s columns, with the lower bound of step 1 (0 when
    /// even the relaxation cannot cover the requirement), a line for the log, and why no
    /// tours can cover the requirement when even the relaxation falls short (`nil` when
    /// it covers it: a shortfall of the split alone is in the log line).
    func solve(_ whole: TourProgram) throws -> (IntegerProgram.Solution, String, shortfall: String?) {
        let relaxed = try program([.linear, .softCoverage])
        let bound = try relaxed.solve(timeLimit: planner.timeLimit, gap: 1, solver: planner.solver)
        let relaxedShort = shortfall(relaxed, bound.values).joined().reduce(0, +)
        var demand = daysOffDemand(relaxed, bound.values)
        var best: (values: [Double], short: Double, round: Int, stopped: Bool)?
        for round in 1...maxRounds {
            let daysOff = try program([], demand: demand)
            let tours = try daysOff.solve(timeLimit: planner.timeLimit, gap: planner.gap, solver: planner.solver)
            var fixed = try program([.softCoverage])
            fix(&fixed, from: daysOff, tours.values)
            let shifts = try DayByDaySolver(program: fixed, timeLimit: planner.timeLimit, gap: planner.gap, solver: planner.solver).solve()
            let short = shortfall(fixed, shifts.values)
            let total = short.joined().reduce(0, +)
            if best == nil || total < best!.short - 1e-6 {
                best = (Array(shifts.values.prefix(whole.program.columns.count)), total, round,
                        shifts.stoppedAtTimeLimit || tours.stoppedAtTimeLimit)
            }
            if total <= 1e-6 { break }
            raise(&demand, by: short, in: fixed)
        }
        let found = best!
        let solution = IntegerProgram.Solution(
            values: found.values, objective: zip(whole.program.columns, found.values).reduce(0) { $0 + $1.0.cost * $1.1 },
            lowerBound: relaxedShort > 1e-6 ? 0 : bound.objective, stoppedAtTimeLimit: found.stopped)
        let short = String(format: "short of the requirement by %.1f agent-hours", found.short / Timing.secondsPerHour)
        let note = found.short <= 1e-6 ? "covers the requirement" : short + " (see coverage.csv)"
        let reason = found.short <= 1e-6 || relaxedShort <= 1e-6 ? nil : "the tours solved by parts fall " + short
            + String(format: "; even the linear relaxation falls short, by %.1f agent-hours: no tours can cover it", relaxedShort / Timing.secondsPerHour)
        return (solution, "by parts: days off, then shifts day by day with the days off fixed; round \(found.round) of \(maxRounds) \(note)", reason)
    }

    private func program(_ relaxation: TourProgram.Relaxation, demand: [[Double]]? = nil) throws -> TourProgram {
        try TourProgram(model: planner.model, templates: planner.templates, contracts: planner.contracts, agents: planner.agents,
                        breakStep: planner.breakStep, required: required, relaxation: relaxation, daysOffDemand: demand)
    }

    /// Paid hours (seconds) of the relaxation's shifts per (group, day).
    private func daysOffDemand(_ relaxed: TourProgram, _ values: [Double]) -> [[Double]] {
        var hours = Array(repeating: Array(repeating: 0.0, count: relaxed.days.count), count: planner.model.agentGroups.count)
        for (key, column) in relaxed.shiftColumns {
            hours[key.group][key.day] += values[column] * planner.templates[key.option.template].length
        }
        return hours
    }

    /// Fixes `program`'s patterns and arcs at the days-off program's values.
    private func fix(_ program: inout TourProgram, from daysOff: TourProgram, _ values: [Double]) {
        for (key, column) in program.patternColumns {
            program.program.fix(column, at: daysOff.patternColumns[key].map { values[$0].rounded() } ?? 0)
        }
        for (key, column) in program.arcColumns {
            program.program.fix(column, at: daysOff.arcColumns[key].map { values[$0].rounded() } ?? 0)
        }
    }

    /// Agent-time short (seconds) per (group, day) in a solution with soft coverage.
    private func shortfall(_ soft: TourProgram, _ values: [Double]) -> [[Double]] {
        let timing = planner.model.timing
        var short = Array(repeating: Array(repeating: 0.0, count: soft.days.count), count: planner.model.agentGroups.count)
        for cell in soft.shortColumns where values[cell.column] > 1e-6 {
            let day = min(timing.clockDay(at: timing.start(ofInterval: cell.interval)), soft.days.count - 1)
            short[cell.group][day] += values[cell.column] * (timing.end(ofInterval: cell.interval) - timing.start(ofInterval: cell.interval))
        }
        return short
    }

    /// Raises the demand of each (group, day) short by the time short, at least one of
    /// the group's longest shifts.
    private func raise(_ demand: inout [[Double]], by short: [[Double]], in program: TourProgram) {
        for g in demand.indices {
            let longest = planner.contracts.indices.filter { planner.contracts[$0].groups.contains(g) }
                .flatMap { planner.contracts[$0].templates.map { planner.templates[$0].length } }.max() ?? 0
            for day in demand[g].indices where short[g][day] > 1e-6 { demand[g][day] += max(short[g][day], longest) }
        }
    }
}
