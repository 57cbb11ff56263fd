import ContactCenter
import Foundation

/// The tours program solved in two parts, for programs too large to solve whole in
/// reasonable time (a month of several groups):
///
/// 1. the linear relaxation of the whole program: its paid hours per (group, day) and
///    its agents per (contract, group, day) are the days-off demand;
/// 2. the days-off program: week patterns and arcs only, each group's paid hours each
///    day at least the demand (at each contract's shortest shift) and each contract's
///    agents at least the relaxation's to the nearest whole agent, least days worked at
///    each contract's cheapest shift;
/// 3. the whole program with those patterns and arcs fixed: shifts, breaks, coverage,
///    seats and rest, solved day by day (``DayByDaySolver``).
///
/// Step 3 lets coverage fall short at a high cost; where it does, the demand of those
/// (group, day) pairs rises by the time short (at least one of the group's longest
/// shifts) and steps 2–3 run again, at most ``maxRounds`` times; the round short by the
/// least is kept, the days it falls short solved again with the day before, and the
/// shortfall said (the verifying simulation judges the targets). Last, with CBC, the
/// root node of the whole program, started from that solution: its cuts give the lower
/// bound reported (at least the relaxation's), its heuristics may lower the cost.
struct TourDecomposition {
    let planner: MonthRosterPlanner
    let required: [[Int]]
    /// Rounds of steps 2–3 at most.
    var maxRounds = 3

    /// The solution, indexed by `whole`'s columns, with the lower bound (0 when
    /// even the relaxation cannot cover the requirement), a line for the log, and why no
    /// tours can cover the requirement when even the relaxation falls short (`nil` when
    /// it covers it: a shortfall of the split alone is in the log line).
    func solve(_ whole: TourProgram) throws -> (IntegerProgram.Solution, String, shortfall: String?) {
        var clock = PhaseClock()
        let relaxed = try program([.linear, .softCoverage])
        let bound = try relaxed.solve(timeLimit: planner.timeLimit, gap: 1, solver: planner.solver)
        clock.lap("relaxation")
        let relaxedShort = shortfall(relaxed, bound.values).joined().reduce(0, +)
        var demand = daysOffDemand(relaxed, bound.values)
        let agents = agentsWorking(relaxed, bound.values)
        var best: (values: [Double], short: Double, round: Int, stopped: Bool, days: DayByDaySolver)?
        for round in 1...maxRounds {
            let (daysOff, tours) = try solveDaysOff(demand: demand, agents: agents)
            clock.lap("days off")
            var fixed = try program([.softCoverage])
            fix(&fixed, from: daysOff, tours.values)
            let days = DayByDaySolver(program: fixed, timeLimit: planner.timeLimit, gap: planner.gap, solver: planner.solver)
            let shifts = try days.solve()
            clock.lap("shifts")
            let short = shortfall(fixed, shifts.values)
            let total = short.joined().reduce(0, +)
            if best == nil || total < best!.short - 1e-6 {
                best = (shifts.values, total, round, shifts.stoppedAtTimeLimit || tours.stoppedAtTimeLimit, days)
            }
            if total <= 1e-6 { break }
            raise(&demand, by: short, in: fixed)
        }
        if best!.short > 1e-6 {
            let days = best!.days
            let mended = try days.mendShortfalls(best!.values) { shortfall(days.program, $0) }
            best!.values = mended.values
            best!.short = shortfall(days.program, mended.values).joined().reduce(0, +)
            best!.stopped = best!.stopped || mended.stoppedAtTimeLimit
            clock.lap("windows")
        }
        var found = (values: best!.values, short: best!.short, round: best!.round, stopped: best!.stopped)
        var lowerBound = relaxedShort > 1e-6 ? 0 : bound.objective
        if relaxedShort <= 1e-6, planner.solver == .cbc {
            // The whole program's root node from the solution by parts: CBC's cuts raise
            // the bound above the relaxation's, its heuristics may lower the cost.
            let soft = try program([.softCoverage])
            // CBC may refuse the start and find no solution at the root: then it gives nothing.
            let root = try? soft.solve(timeLimit: planner.timeLimit, gap: planner.gap, solver: .cbc, start: found.values, nodes: 0)
            clock.lap("whole program's root")
            let cost = zip(soft.program.columns, found.values).reduce(0) { $0 + $1.0.cost * $1.1 }
            if let root {
                lowerBound = max(lowerBound, root.lowerBound)
                if root.objective < cost - 1e-6 {
                    found = (root.values, shortfall(soft, root.values).joined().reduce(0, +), found.round, found.stopped || root.stoppedAtTimeLimit)
                }
            }
        }
        let values = Array(found.values.prefix(whole.program.columns.count))
        let solution = IntegerProgram.Solution(
            values: values, objective: zip(whole.program.columns, values).reduce(0) { $0 + $1.0.cost * $1.1 },
            lowerBound: lowerBound, stoppedAtTimeLimit: found.stopped)
        let short = String(format: "short of the requirement by %.1f agent-hours", found.short / Timing.secondsPerHour)
        let note = found.short <= 1e-6 ? "covers the requirement" : short + " (see coverage.csv)"
        let reason = found.short <= 1e-6 || relaxedShort <= 1e-6 ? nil : "the tours solved by parts fall " + short
            + String(format: "; even the linear relaxation falls short, by %.1f agent-hours: no tours can cover it", relaxedShort / Timing.secondsPerHour)
        return (solution, "by parts: days off, then shifts day by day with the days off fixed; round \(found.round) of \(maxRounds) \(note); \(clock)", reason)
    }

    private func program(_ relaxation: TourProgram.Relaxation, demand: [[Double]]? = nil, agents: [[[Double]]]? = nil) throws -> TourProgram {
        try TourProgram(model: planner.model, templates: planner.templates, contracts: planner.contracts, agents: planner.agents,
                        breakStep: planner.breakStep, required: required, relaxation: relaxation, daysOffDemand: demand,
                        daysOffAgents: agents)
    }

    /// The days-off program for `demand` and, when its patterns can keep them, `agents`;
    /// else for `demand` alone.
    private func solveDaysOff(demand: [[Double]], agents: [[[Double]]]) throws -> (TourProgram, IntegerProgram.Solution) {
        do {
            let daysOff = try program([], demand: demand, agents: agents)
            return (daysOff, try daysOff.solve(timeLimit: planner.timeLimit, gap: planner.gap, solver: planner.solver))
        } catch let error as PlanningError where error.isInfeasible {
            let daysOff = try program([], demand: demand)
            return (daysOff, try daysOff.solve(timeLimit: planner.timeLimit, gap: planner.gap, solver: planner.solver))
        }
    }

    /// The agents of the relaxation's shifts per (contract, group, day), to the nearest
    /// whole agent: with the paid hours alone, the days off may trade one contract's
    /// agents for another's (half-days for whole days) so that a day's shifts can no
    /// longer cover its peaks.
    private func agentsWorking(_ relaxed: TourProgram, _ values: [Double]) -> [[[Double]]] {
        let none = Array(repeating: Array(repeating: 0.0, count: relaxed.days.count), count: planner.model.agentGroups.count)
        var agents = planner.contracts.map { _ in none }
        for (key, column) in relaxed.shiftColumns.sorted(by: { $0.value < $1.value }) {
            agents[key.contract][key.group][key.day] += values[column]
        }
        return agents.map { $0.map { $0.map { $0.rounded() } } }
    }

    /// Paid hours (seconds) of the relaxation's shifts per (group, day).
    private func daysOffDemand(_ relaxed: TourProgram, _ values: [Double]) -> [[Double]] {
        var hours = Array(repeating: Array(repeating: 0.0, count: relaxed.days.count), count: planner.model.agentGroups.count)
        // In column order: a sum in a dictionary's order (a new one each process) would
        // differ in its last bits from run to run, and so would the solver's path.
        for (key, column) in relaxed.shiftColumns.sorted(by: { $0.value < $1.value }) {
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

/// Wall-clock seconds spent per named phase, in the order first seen: `relaxation 3.1 s, days off 2 × 40.2 s`.
struct PhaseClock: CustomStringConvertible {
    private var last = Date()
    private var phases: [(name: String, seconds: Double, count: Int)] = []

    /// Adds the time since the previous lap to `phase`.
    mutating func lap(_ phase: String) {
        let now = Date()
        let seconds = now.timeIntervalSince(last)
        last = now
        if let i = phases.firstIndex(where: { $0.name == phase }) {
            phases[i].seconds += seconds
            phases[i].count += 1
        } else {
            phases.append((phase, seconds, 1))
        }
    }

    var description: String {
        phases.map { String(format: "%@ %@%.1f s", $0.name, $0.count > 1 ? "\($0.count) × " : "", $0.seconds) }.joined(separator: ", ")
    }
}
