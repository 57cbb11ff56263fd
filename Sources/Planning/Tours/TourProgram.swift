import ContactCenter

/// The integer program of a month's roster: tours of days-off patterns linked to daily
/// shifts, with break positions, for agents on contracts with working-time rules.
///
/// Columns (all integer):
/// - `x[c, g, D, o]`: agents of contract `c` in group `g` working shift option `o`
///   (a template and a start) on calendar day `D`;
/// - `y[g, D, o, b, position]`: of the group's agents on that shift, those taking
///   break `b` at a position of its window (every `breakStep`);
/// - `n[c, g, w, p, s]`: agents of `c` in `g` with days-off pattern `p` in week `w`,
///   having worked `s` weekends in a row before it (for "a weekend off in every k
///   weeks"); with `same_start`, also the week's shift option;
/// - `a[c, g, w, s, t, l]`: agents passing from week `w` (ending with `t` days worked
///   in a row, `s` weekends worked in a row) to week `w + 1` (starting with `l` days
///   worked), allowed when `t + l` is at most the contract's longest run.
///
/// Rows: the days worked on `D` equal the shifts of `D` (per option with `same_start`);
/// the agents leaving a week by each (t, s) equal those entering the next by (l, s); the
/// breaks of a shift equal its agents; coverage of each (group, interval) on the phones;
/// seats at every instant the agents at their desks can rise; least rest between days
/// (``TourProgram/restRows()``); headcounts by contract and, with named agents, by the
/// people who can fill them. Any solution splits into tours agent by agent
/// (``TourAssignment``); the rest rows are the exact condition for each pair of days.
public struct TourProgram {
    /// A template and one of its starts (seconds from time 0 within the first day).
    public struct Option: Hashable, Sendable {
        public var template: Int
        public var start: Double

        public init(template: Int, start: Double) {
            self.template = template
            self.start = start
        }
    }

    struct PatternKey: Hashable {
        var contract: Int, group: Int, week: Int, pattern: WeekPattern, streak: Int
        var option: Option?
    }

    struct ArcKey: Hashable {
        var contract: Int, group: Int, week: Int, streak: Int, trailing: Int, leading: Int
    }

    struct ShiftKey: Hashable {
        var contract: Int, group: Int, day: Int, option: Option
    }

    struct BreakKey: Hashable {
        var group: Int, day: Int, option: Option
    }

    /// Families of rows a diagnosis may leave out, to find which conflict.
    struct Relaxation: OptionSet, Hashable {
        let rawValue: Int
        static let seats = Relaxation(rawValue: 1)
        static let rest = Relaxation(rawValue: 2)
        static let headcounts = Relaxation(rawValue: 4)
        static let namedAgents = Relaxation(rawValue: 8)
        static let templateLimits = Relaxation(rawValue: 16)
        /// Continuous columns: the linear relaxation only.
        static let linear = Relaxation(rawValue: 32)
        /// Coverage may fall short, at a high cost per agent-interval short.
        static let softCoverage = Relaxation(rawValue: 64)
    }

    let model: CenterModel
    let templates: [ShiftTemplate]
    let contracts: [Contract]
    let agents: [NamedAgent]?
    let weeks: RosterWeeks
    let breakStep: Double
    var program = IntegerProgram()
    /// Allowed week patterns per contract and week.
    var patterns: [[[WeekPattern]]] = []
    var shiftColumns: [ShiftKey: Int] = [:]
    var breakColumns: [BreakKey: [[(start: Double, column: Int)]]] = [:]
    var patternColumns: [PatternKey: Int] = [:]
    var arcColumns: [ArcKey: Int] = [:]
    let relaxation: Relaxation
    /// For the days-off program of the decomposition: the paid hours (in seconds) each
    /// group must have working each day, `[group][day]`; `nil` for the whole program.
    let daysOffDemand: [[Double]]?
    /// For the days-off program: the fewest agents of each contract and group working
    /// each day, `[contract][group][day]` (from the linear relaxation's shifts).
    var daysOffAgents: [[[Double]]]? = nil
    /// (group, interval) pairs with a requirement that no shift column can cover.
    var uncovered: [(group: Int, interval: Int)] = []
    /// With soft coverage: the column of agents short per (group, interval).
    var shortColumns: [(group: Int, interval: Int, column: Int)] = []
    /// With soft coverage, the cost of one agent short in one interval (``Shortfall/cost(_:)``).
    var shortCost: Double { Shortfall.cost(templates) }

    /// The program for `required` agents on the phones (`[group][interval]`).
    init(model: CenterModel, templates: [ShiftTemplate], contracts: [Contract], agents: [NamedAgent]?,
         breakStep: Double, required: [[Int]], relaxation: Relaxation = [], daysOffDemand: [[Double]]? = nil,
         daysOffAgents: [[[Double]]]? = nil) throws {
        self.model = model
        self.templates = templates
        self.contracts = contracts
        self.agents = agents
        self.weeks = RosterWeeks(timing: model.timing)
        self.breakStep = breakStep
        self.relaxation = relaxation
        self.daysOffDemand = daysOffDemand
        self.daysOffAgents = daysOffAgents
        try addPatterns()
        if let daysOffDemand {
            addDaysWorked(daysOffDemand)
            if let daysOffAgents { addAgentsWorking(daysOffAgents) }
            addWeekLinks()
            addHeadcounts()
            return
        }
        addShifts()
        addDayLinks()
        addWeekLinks()
        addCoverage(required)
        if !relaxation.contains(.seats) { addSeats() }
        if !relaxation.contains(.rest) { addRest() }
        addHeadcounts()
        if !relaxation.contains(.templateLimits) { addTemplateLimits() }
    }

    var days: Range<Int> { 0..<model.timing.clockDayCount }

    /// The shift options of contract `c` on calendar day `day`: its templates allowed on
    /// the day's type, at starts whose shift begins within the simulated period.
    func options(of c: Int, on day: Int) -> [Option] {
        contracts[c].templates.flatMap { t -> [Option] in
            let template = templates[t]
            if let types = template.dayTypes, !types.contains(model.dayType(ofDay: day) ?? -1) { return [] }
            return template.starts.map { Option(template: t, start: $0) }
                .filter { (0..<model.timing.horizon).contains(absoluteStart($0, day: day)) }
        }
    }

    /// The time (from time 0) at which option `o` starts on calendar day `day`.
    func absoluteStart(_ o: Option, day: Int) -> Double {
        Double(day - model.timing.clockDay(at: o.start)) * Timing.secondsPerDay + o.start
    }

    func absoluteEnd(_ o: Option, day: Int) -> Double { absoluteStart(o, day: day) + templates[o.template].length }

    /// The groups contract `c`'s agents may work in on option `o`.
    func groups(of c: Int, working o: Option) -> [Int] {
        contracts[c].groups.filter { templates[o.template].groups.contains($0) }
    }

    /// The weekend streaks a contract distinguishes (0 only without a weekend rule).
    func streaks(of c: Int) -> Range<Int> { 0..<(contracts[c].weekendOffEvery ?? 1) }

    /// The streak after a week with `pattern`, entered with `streak`; `nil` if the
    /// contract's weekend rule forbids it.
    func streak(after pattern: WeekPattern, week w: Int, entering streak: Int, contract c: Int) -> Int? {
        guard let every = contracts[c].weekendOffEvery, let off = pattern.weekendOff(weeks.weeks[w].weekend) else { return streak }
        let next = off ? 0 : streak + 1
        return next <= every - 1 ? next : nil
    }

    /// The solved program.
    public func solve(timeLimit: Double, gap: Double, solver: MIPSolver = .glpk, start: [Double]? = nil,
                      nodes: Int? = nil) throws -> IntegerProgram.Solution {
        try program.solve(timeLimit: timeLimit, gap: gap, solver: solver, start: start, nodes: nodes)
    }
}
