import ContactCenter
import Experiments
import Foundation

/// A roster over weeks or a month for agents on contracts: tours with days off and
/// working-time rules (``TourProgram``), split into agents' tours (``TourAssignment``,
/// ``TourRestRepair``), every tour checked against its rules (``TourRules``: a tour
/// breaking one is an error, never a roster), then checked by simulation and
/// repaired like ``RosterOptimizer`` (no trimming: taking one shift off a tour would
/// break its days per week).
public struct MonthRosterPlanner: Sendable {
    public let model: CenterModel
    public let templates: [ShiftTemplate]
    public let contracts: [Contract]
    /// Named agents to roster, or `nil` for open positions.
    public let agents: [NamedAgent]?
    /// Break positions are tried every `breakStep` seconds within their windows: on
    /// the hour over weeks (half-hours would double the break columns of a month).
    public var breakStep = 3600.0
    /// The solver's time limit per program (seconds) and the gap it stops at.
    public var timeLimit = 120.0
    public var gap = 0.01
    /// The integer-programming solver (CBC: on a month it finds solutions GLPK does not).
    public var solver = MIPSolver.cbc
    /// Whether to solve the program whole or by parts (``TourDecomposition``).
    public var decomposition = Decomposition.auto

    /// How the tours program is solved.
    public enum Decomposition: String, CaseIterable, Sendable {
        /// Whole up to ``MonthRosterPlanner/wholeColumns`` columns, by parts beyond.
        case auto
        /// Days off first, then shifts with the days off fixed.
        case always
        /// Always whole.
        case never
    }

    /// The most columns of a program `auto` solves whole: a week of one or two groups;
    /// a month of several groups is solved by parts.
    public static let wholeColumns = 6000

    public init(model: CenterModel, templates: [ShiftTemplate], contracts: [Contract], agents: [NamedAgent]?) {
        self.model = model
        self.templates = templates
        self.contracts = contracts
        self.agents = agents
    }

    /// A month's roster without simulation: the agents' tours (every one keeping its
    /// contract's rules), the roster the simulation runs, and how the program was solved.
    public struct Plan: Sendable {
        public var tours: [AgentTour]
        /// The roster as shifts worked on their days, with the agents per group.
        public var roster: RosterOptimizer.Plan
        /// Named agents left without a tour.
        public var unusedAgents: [String]
        public var weeks: RosterWeeks
        /// How the program was solved: whole, or by parts and in how many rounds.
        public var method: String
        /// The program's size and the solver's time.
        public var columns: Int
        public var rows: Int
        public var solveSeconds: Double
        /// Why the tours fall short of the requirement (`nil`: they cover it): no tours
        /// that keep every rule can, and these are the best that do (``bestShortPlan(required:reason:)``).
        public var shortfallReason: String? = nil
    }

    /// The least-cost tours covering `required` (`[group][interval]`, on the phones); by
    /// parts, the best found when they fall short (``Plan/shortfallReason``).
    /// - Throws: ``PlanningError`` (infeasible) when no tours can cover it, saying where,
    ///   or when the program's solution cannot be split into agents' tours that keep
    ///   every rule, naming each broken rule with its agent and dates (``TourRules``).
    public func plan(required: [[Int]]) throws -> Plan {
        let program = try TourProgram(model: model, templates: templates, contracts: contracts, agents: agents,
                                      breakStep: breakStep, required: required)
        let started = Date()
        let solution: IntegerProgram.Solution, method: String, shortfall: String?
        let byParts = decomposition == .always || (decomposition == .auto && program.program.columns.count > Self.wholeColumns)
        do {
            if byParts {
                (solution, method, shortfall) = try TourDecomposition(planner: self, required: required).solve(program)
            } else {
                (solution, method, shortfall) = (try program.solve(timeLimit: timeLimit, gap: gap, solver: solver), "whole", nil)
            }
        } catch let error as PlanningError where error.isInfeasible {
            throw PlanningError(TourDiagnosis(planner: self, required: required).explain(), isInfeasible: true)
        }
        var plan = try finish(program, solution, method: method, started: started)
        plan.shortfallReason = shortfall
        return plan
    }

    /// The least-cost tours that keep every rule when none can cover `required`:
    /// coverage may fall short, at ``TourProgram/shortCost`` per agent and interval, so
    /// the tours cover all that the rules, seats and agents let them; `reason` says why
    /// they cannot cover it all. The plan's LP bound is 0: no covering roster exists.
    /// - Throws: ``PlanningError`` when the solver finds no tours, or they cannot be split
    ///   into agents' tours that keep every rule.
    public func bestShortPlan(required: [[Int]], reason: String) throws -> Plan {
        let program = try TourProgram(model: model, templates: templates, contracts: contracts, agents: agents,
                                      breakStep: breakStep, required: required, relaxation: .softCoverage)
        let started = Date()
        let solved = try program.solve(timeLimit: timeLimit, gap: gap, solver: solver)
        let solution = IntegerProgram.Solution(values: solved.values, objective: solved.objective, lowerBound: 0,
                                               stoppedAtTimeLimit: solved.stoppedAtTimeLimit)
        var plan = try finish(program, solution, method: "whole, coverage allowed to fall short", started: started)
        plan.shortfallReason = reason
        return plan
    }

    /// The plan of a solved program: its tours split to agents and checked rule by rule.
    private func finish(_ program: TourProgram, _ solution: IntegerProgram.Solution, method: String, started: Date) throws -> Plan {
        let seconds = Date().timeIntervalSince(started)
        let assignment = TourAssignment(program: program, values: solution.values)
        let tours = assignment.tours.sorted { ($0.contract, $0.group, $0.agent) < ($1.contract, $1.group, $1.agent) }
        try TourRules(model: model, templates: templates, contracts: contracts, agents: agents, weeks: program.weeks).check(tours)
        let roster = TourRoster(model: model, templates: templates).plan(tours, solution: solution)
        return Plan(tours: tours, roster: roster, unusedAgents: assignment.unused.map { agents![$0].id }, weeks: program.weeks, method: method,
                    columns: program.program.columns.count, rows: program.program.rows.count, solveSeconds: seconds)
    }

    /// The name of a worked shift in clock times: `full@09:30-18:00/11:00/13:30/16:00`
    /// (template@start-end, then each break's start).
    public func shiftName(_ worked: WorkedShift) -> String {
        TourRoster(model: model, templates: templates).shiftId(worked)
    }

    /// A month's roster checked by simulation.
    public struct Result: Sendable {
        public var plan: Plan
        /// The requirement it was solved for, `[group][interval]` (after repairs).
        public var required: [[Int]]
        public var verification: RunSummary
        public var log: [String]

        /// The result in the form of the one-day roster's, for the reports they share.
        public var rosterResult: RosterOptimizer.Result {
            RosterOptimizer.Result(plan: plan.roster, programCost: plan.roster.cost, trimmedShifts: 0, required: required,
                                   verification: verification, log: log)
        }
    }

    /// Solves for `requirement`, simulates and raises the requirement wherever a time of
    /// day fails a target under `rule`, judged over the days the same for the calls
    /// pooled (as the requirement search judges them: a single interval's 95% interval
    /// from a few replications misses now and then by chance alone, and repairs would
    /// chase that noise), until every target holds or `maxRepairs` rounds have run. When no tours cover `requirement`, the best that keep every rule
    /// are kept, short (``Plan/shortfallReason``); a raised requirement no tours cover
    /// stops the repairs.
    public func optimise(requirement: [[Int]], seed: UInt64, replications: Int, maxRepairs: Int = 10,
                         rule: TargetRule = .notMissed, threads: Int? = nil) throws -> Result {
        var loop = RepairLoop(model: model, seed: seed, replications: replications, maxRepairs: maxRepairs, rule: rule,
                              threads: threads)
        loop.pooled = IntervalClasses(model: model)
        let outcome = try loop.run(requirement: requirement) { required in
            let plan: Plan
            do {
                plan = try self.plan(required: required)
            } catch let error as PlanningError where error.isInfeasible && required == requirement {
                // The first requirement no tours cover: the best that keep every rule, short.
                plan = try self.bestShortPlan(required: required, reason: error.description)
            }
            return (plan, RosterOptimizer(model: model, templates: templates).rosteredModel(plan.roster.roster, plan.roster.groupShifts))
        } describe: { (round: Int, plan: Plan, missed: Int) -> String in
            String(format: "round %d: cost %.2f, LP bound %.2f, gap %.2f %% (%@, %@: %d columns, %d rows, %.1f s%@), ",
                   round, plan.roster.cost, plan.roster.lowerBound, plan.roster.gap * 100, plan.method, solver.rawValue, plan.columns,
                   plan.rows, plan.solveSeconds, plan.roster.stoppedAtTimeLimit ? ", solver time limit" : "")
                + "\(plan.tours.count) tours keeping every rule; \(missed) interval targets \(rule.phrase)"
        }
        return Result(plan: outcome.plan, required: outcome.required, verification: outcome.verification, log: outcome.log)
    }
}
