import ContactCenter
import Experiments
import Foundation

/// Builds a roster from shift templates that covers staffing requirements at least
/// cost, then checks it by simulation and repairs it.
///
/// Step 1 is an integer program (GLPK): for every template, allowed start and group, the
/// number of shifts; for every break of those shifts, how many start at each allowed
/// position of its window (every `breakStep`, 30 minutes by default); in every interval and group, the agents on
/// the phones (shift time less briefings and breaks, by the fraction of the interval
/// they cover) at least the requirement grossed up for absence and other off-phone work;
/// at every instant, the agents on the phones (on a seat: briefings and breaks leave it)
/// within the licensed seats — checked at every moment the count can rise, not as an
/// interval's average; each template
/// within its minimum and maximum count; least total cost. The LP relaxation gives a
/// lower bound, reported with the gap.
///
/// Step 2 simulates the roster (with absence and off-phone work, common random numbers).
/// Wherever an interval fails one of a call type's targets
/// (``RequirementPlanner/planningTargets(of:)``) under the ``TargetRule`` — by default
/// when it is missed with confidence, its whole 95% interval on the wrong side, e.g. a
/// service level's upper end below the target — the requirement of that interval is
/// raised by one agent for the call type's most specialised group, and step 1 is solved
/// again; until every target holds or `maxRepairs` rounds have run.
///
/// Step 3 trims where the simulation shows slack: shifts whose intervals all meet their
/// targets with confidence give up one agent at a time, kept when the roster without it
/// still holds every target (``trim(_:_:seed:replications:maxTrials:threads:)``).
/// Every step is logged.
public struct RosterOptimizer {
    /// A roster checked by simulation: the last plan, the requirement it was solved for,
    /// the verifying run and the log of the rounds.
    public struct Result: Sendable {
        /// The roster after repairs and trimming; its cost is the trimmed roster's,
        /// its LP bound and gap those of the last integer program.
        public var plan: Plan
        /// The cost of the last integer program's roster, before trimming.
        public var programCost: Double
        /// Agents taken off shifts by trimming.
        public var trimmedShifts: Int
        /// The requirement it was solved for, `[group][interval]` (after repairs).
        public var required: [[Int]]
        public var verification: RunSummary
        public var log: [String]
    }

    public let model: CenterModel
    public let templates: [ShiftTemplate]
    /// Break positions are tried every `breakStep` seconds within their windows.
    public var breakStep = 1800.0

    public init(model: CenterModel, templates: [ShiftTemplate]) {
        self.model = model
        self.templates = templates
    }

    // MARK: Step 1: the integer program

    /// One (template, start, group) with its shift count column and break columns.
    struct Assignment {
        var template: Int
        var start: Double
        var group: Int
        var column: Int
        /// Per break: (relative start, column) for each allowed position.
        var breakColumns: [[(start: Double, column: Int)]]
    }

    /// The least-cost roster covering `required` (`[group][interval]`, on the phones);
    /// with `softCoverage`, coverage may fall short at ``Shortfall/cost(_:)`` per agent
    /// and interval.
    func solve(required: [[Int]], softCoverage: Bool = false) throws -> (assignments: [Assignment], solution: IntegerProgram.Solution) {
        var program = IntegerProgram()
        var assignments: [Assignment] = []
        for (t, template) in templates.enumerated() {
            for start in template.starts {
                for g in template.groups {
                    let x = program.addColumn("x_\(template.id)_\(Int(start))_\(g)", cost: template.cost)
                    var breakColumns: [[(Double, Int)]] = []
                    for (b, pause) in template.breaks.enumerated() {
                        let positions = stride(from: pause.earliestStart, through: pause.latestStart + 1e-9, by: breakStep)
                        let columns = positions.map { ($0, program.addColumn("y_\(t)_\(Int(start))_\(g)_\(b)_\(Int($0))", cost: 0)) }
                        program.addRow("breaks_\(t)_\(Int(start))_\(g)_\(b)", columns.map { ($0.1, 1.0) } + [(x, -1)],
                                       atLeast: 0, atMost: 0)
                        breakColumns.append(columns)
                    }
                    assignments.append(Assignment(template: t, start: start, group: g, column: x, breakColumns: breakColumns))
                }
            }
        }
        let timing = model.timing
        let shrinkage = Shrinkage.of(model)
        for g in model.agentGroups.indices {
            for i in 0..<timing.intervalCount {
                let need = Shrinkage.scheduled(required[g][i], shrinkage: shrinkage)
                guard need > 0 else { continue }
                var terms = coverageTerms(assignments.filter { $0.group == g }, interval: i)
                if softCoverage { terms.append((program.addColumn("short_\(g)_\(i)", cost: Shortfall.cost(templates), integer: false), 1)) }
                program.addRow("cover_\(g)_\(i)", terms, atLeast: Double(need))
            }
        }
        let seats = model.agentSeats
        if seats < Int.max {
            for instant in riseInstants(assignments) {
                program.addRow("seats_\(Int(instant))", seatTerms(assignments, at: instant), atMost: Double(seats))
            }
        }
        for (t, template) in templates.enumerated() {
            let terms = assignments.filter { $0.template == t }.map { ($0.column, 1.0) }
            program.addRow("count_\(template.id)", terms, atLeast: Double(template.minimum), atMost: template.maximum.map(Double.init))
        }
        return (assignments, try program.solve())
    }

    /// The terms giving the agents on the phones in interval `i` (as a fraction of it).
    func coverageTerms(_ assignments: [Assignment], interval i: Int) -> [(Int, Double)] {
        let (from, to) = (model.timing.start(ofInterval: i), model.timing.end(ofInterval: i))
        let length = to - from
        var terms: [(Int, Double)] = []
        for a in assignments {
            let template = templates[a.template]
            for d in model.timing.rosterDays {
                let start = a.start + Double(d) * Timing.secondsPerDay
                let onPhones = Timing.overlap(start + template.briefingBefore, start + template.length - template.briefingAfter, from, to)
                if onPhones > 0 { terms.append((a.column, onPhones / length)) }
                for (b, positions) in a.breakColumns.enumerated() {
                    for (position, column) in positions {
                        let away = Timing.overlap(start + position, start + position + template.breaks[b].length, from, to)
                        if away > 0 { terms.append((column, -away / length)) }
                    }
                }
            }
        }
        return terms
    }

    /// The moments in `[0, horizon)` at which the agents on the phones can rise: a shift's
    /// time on the phones begins, or a break ends. The most at once is reached at one of
    /// them, so limiting those limits every instant.
    func riseInstants(_ assignments: [Assignment]) -> [Double] {
        var instants = Set<Double>([0])
        for a in assignments {
            let template = templates[a.template]
            for d in model.timing.rosterDays {
                let start = a.start + Double(d) * Timing.secondsPerDay
                instants.insert(start + template.briefingBefore)
                for (b, positions) in a.breakColumns.enumerated() {
                    for (position, _) in positions { instants.insert(start + position + template.breaks[b].length) }
                }
            }
        }
        return instants.filter { $0 >= 0 && $0 < model.timing.horizon }.sorted()
    }

    /// The terms giving the agents on the phones at `instant`: each shift on the phones
    /// then, less each break under way then.
    func seatTerms(_ assignments: [Assignment], at instant: Double) -> [(Int, Double)] {
        var terms: [(Int, Double)] = []
        for a in assignments {
            let template = templates[a.template]
            for d in model.timing.rosterDays {
                let start = a.start + Double(d) * Timing.secondsPerDay
                guard instant >= start + template.briefingBefore, instant < start + template.length - template.briefingAfter else {
                    continue
                }
                terms.append((a.column, 1))
                for (b, positions) in a.breakColumns.enumerated() {
                    for (position, column) in positions
                    where instant >= start + position && instant < start + position + template.breaks[b].length {
                        terms.append((column, -1))
                    }
                }
            }
        }
        return terms
    }

    /// The roster of a solution: one shift entry per template, start and combination of
    /// break positions, with each group's count; the agents of a (template, start, group)
    /// take the break positions in order, the first agent the earliest of each break.
    func roster(_ assignments: [Assignment], _ values: [Double]) -> (Roster, [[Int]], [Double]) {
        var shifts: [Shift] = []
        var costs: [Double] = []
        var counts: [[Int]] = Array(repeating: [], count: model.agentGroups.count)
        var index: [String: Int] = [:]
        for a in assignments {
            let agents = Int(values[a.column].rounded())
            guard agents > 0 else { continue }
            let positions = a.breakColumns.map { columns in
                columns.flatMap { Array(repeating: $0.start, count: Int(values[$0.column].rounded())) }
            }
            for j in 0..<agents {
                let breakStarts = positions.map { $0[min(j, $0.count - 1)] }
                let template = templates[a.template]
                let id = "\(template.id)@\(model.timing.timeOfDay(a.start))-\(model.timing.timeOfDay(a.start + template.length))"
                    + breakStarts.map { "/" + model.timing.timeOfDay(a.start + $0) }.joined()
                if index[id] == nil {
                    index[id] = shifts.count
                    shifts.append(template.shift(id: id, start: a.start, breakStarts: breakStarts))
                    costs.append(template.cost)
                    for g in counts.indices { counts[g].append(0) }
                }
                counts[a.group][index[id]!] += 1
            }
        }
        let roster = Roster(shifts: shifts, absence: model.roster?.absence ?? 0, otherOffPhone: model.roster?.otherOffPhone ?? 0)
        return (roster, counts, costs)
    }

    /// Step 1 alone: the least-cost roster covering `required`, without simulation.
    public struct Plan: Sendable {
        public var roster: Roster
        /// Agents per roster shift, `[group][shift]`.
        public var groupShifts: [[Int]]
        /// The cost of one agent on each roster shift (its template's).
        public var shiftCosts: [Double]
        public var cost: Double
        public var lowerBound: Double
        public var gap: Double
        /// Agents on the phones per group and interval (before shrinkage).
        public var planned: [[Double]]
        /// Whether GLPK stopped at its time limit before reaching the gap.
        public var stoppedAtTimeLimit: Bool
        /// Why the roster falls short of the requirement (`nil`: it covers it): no roster
        /// within the limits can (``RosterOptimizer/bestShortPlan(required:reason:)``).
        public var shortfallReason: String? = nil

        /// Removes the shifts no group has agents on.
        mutating func dropEmptyShifts() {
            let kept = roster.shifts.indices.filter { s in groupShifts.contains { $0[s] > 0 } }
            roster.shifts = kept.map { roster.shifts[$0] }
            shiftCosts = kept.map { shiftCosts[$0] }
            groupShifts = groupShifts.map { counts in kept.map { counts[$0] } }
        }
    }

    /// The least-cost roster covering `required` (`[group][interval]`, on the phones).
    /// - Throws: ``PlanningError`` (infeasible) when none can, naming the (group,
    ///   interval) pairs no template reaches and what would; when the solver fails.
    public func plan(required: [[Int]]) throws -> Plan {
        let assignments: [Assignment], solution: IntegerProgram.Solution
        do {
            (assignments, solution) = try solve(required: required)
        } catch let error as PlanningError where error.isInfeasible {
            throw PlanningError(diagnosis(required: required), isInfeasible: true)
        }
        let (roster, counts, costs) = self.roster(assignments, solution.values)
        return Plan(roster: roster, groupShifts: counts, shiftCosts: costs, cost: solution.objective, lowerBound: solution.lowerBound,
                    gap: solution.gap, planned: planned(assignments, solution.values),
                    stoppedAtTimeLimit: solution.stoppedAtTimeLimit)
    }

    /// The cost of a roster made by hand from `required`: for each group, interval by
    /// interval, as many shifts as still needed start at the latest allowed start not
    /// after the interval (the cheapest template that the group may work, breaks at the
    /// start of their windows), with the same coverage rule and shrinkage as the program.
    public func roundingCost(required: [[Int]]) -> Double {
        let timing = model.timing
        let shrinkage = Shrinkage.of(model)
        var cost = 0.0
        for g in model.agentGroups.indices {
            let allowed = templates.indices.filter { templates[$0].groups.contains(g) }
            guard let t = allowed.min(by: { templates[$0].cost / templates[$0].length < templates[$1].cost / templates[$1].length })
            else { continue }
            let template = templates[t]
            var covered = Array(repeating: 0.0, count: timing.intervalCount)
            for i in 0..<timing.intervalCount {
                let need = Double(Shrinkage.scheduled(required[g][i], shrinkage: shrinkage))
                guard covered[i] < need - 1e-9,
                      let start = template.starts.filter({ $0 <= timing.start(ofInterval: i) }).max() ?? template.starts.min() else { continue }
                let coverage = shiftCoverage(template.shift(id: "", start: start, breakStarts: template.breaks.map(\.earliestStart)))
                guard coverage[i] > 0 else { continue }
                let extra = ((need - covered[i]) / coverage[i]).rounded(.up)
                for j in covered.indices { covered[j] += extra * coverage[j] }
                cost += extra * template.cost
            }
        }
        return cost
    }

    /// The share of each interval that one agent of `shift` spends on the phones (the
    /// shift on the day before, the day itself and the day after).
    func shiftCoverage(_ shift: Shift) -> [Double] {
        let timing = model.timing
        return (0..<timing.intervalCount).map { i in
            timing.rosterDays.reduce(0.0) { sum, d in
                let day = Double(d) * Timing.secondsPerDay
                return shift.onPhonePeriods(agent: 0, of: 1).reduce(sum) { sum, period in
                    sum + Timing.overlap(shift.start + day + period.start, shift.start + day + period.end,
                                  timing.start(ofInterval: i), timing.end(ofInterval: i))
                }
            } / (timing.end(ofInterval: i) - timing.start(ofInterval: i))
        }
    }

    // MARK: Step 2: simulate and repair

    /// Solves for `requirement`, simulates and repairs until every interval target holds
    /// under `rule`, then trims with at most `maxTrims` simulations. When no roster
    /// covers `requirement`, the best within the limits is kept, short
    /// (``Plan/shortfallReason``); a raised requirement none covers stops the repairs.
    public func optimise(requirement: [[Int]], seed: UInt64, replications: Int, maxRepairs: Int = 10,
                         maxTrims: Int = 100, rule: TargetRule = .notMissed, threads: Int? = nil) throws -> Result {
        let loop = RepairLoop(model: model, seed: seed, replications: replications, maxRepairs: maxRepairs, rule: rule,
                              threads: threads)
        let outcome = try loop.run(requirement: requirement) { required in
            let plan: Plan
            do {
                plan = try self.plan(required: required)
            } catch let error as PlanningError where error.isInfeasible && required == requirement {
                // The first requirement no roster covers: the best within the limits, short.
                plan = try self.bestShortPlan(required: required, reason: error.description)
            }
            return (plan, rosteredModel(plan.roster, plan.groupShifts))
        } describe: { (round: Int, plan: Plan, missed: Int) -> String in
            "round \(round): cost \(format(plan.cost)), LP bound \(format(plan.lowerBound)), "
                + "gap \(String(format: "%.2f", plan.gap * 100)) %\(plan.stoppedAtTimeLimit ? " (GLPK time limit)" : ""), "
                + "\(plan.roster.shifts.count) shift patterns, \(plan.groupShifts.joined().reduce(0, +)) shifts; "
                + "\(missed) interval targets \(rule.phrase)"
        }
        let plan = outcome.plan
        var (trimmed, verification, log) = (plan, outcome.verification, outcome.log)
        if outcome.missed.isEmpty {
            log += try trim(&trimmed, &verification, seed: seed, replications: replications,
                            maxTrials: maxTrims, rule: rule, threads: threads)
            log.append(meanMissReport(verification))
        } else {
            log[log.count - 1] += "; no trimming"
        }
        return Result(plan: trimmed, programCost: plan.cost,
                      trimmedShifts: plan.groupShifts.joined().reduce(0, +) - trimmed.groupShifts.joined().reduce(0, +),
                      required: outcome.required, verification: verification, log: log)
    }

    /// The model staffed by `roster`, every group by its shift counts.
    public func rosteredModel(_ roster: Roster, _ counts: [[Int]]) -> CenterModel {
        var rostered = model
        rostered.roster = roster
        for g in rostered.agentGroups.indices {
            rostered.agentGroups[g].shifts = counts[g]
            rostered.agentGroups[g].staffing = []
        }
        return rostered
    }

    /// Agents on the phones per group and interval in the solution, before shrinkage.
    func planned(_ assignments: [Assignment], _ values: [Double]) -> [[Double]] {
        model.agentGroups.indices.map { g in
            (0..<model.timing.intervalCount).map { i in
                coverageTerms(assignments.filter { $0.group == g }, interval: i).reduce(0) { $0 + $1.1 * values[$1.0] }
            }
        }
    }

    func format(_ x: Double) -> String { String(format: "%.2f", x) }
}
