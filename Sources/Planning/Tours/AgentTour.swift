import ContactCenter

/// One agent's (or open position's) tour of the period: their contract and group, and
/// the shift they work on each working day.
public struct AgentTour: Sendable {
    /// A named agent's id, or a position's (`full-time/generalists/007`).
    public var agent: String
    public var contract: Int
    public var group: Int
    /// The named agent's index in the agents list; `nil` for an open position.
    public var person: Int?
    /// The week patterns, one per week.
    public var weekPatterns: [WeekPattern]
    /// Weekends worked in a row at the end of the last week assigned.
    var streak = 0
    /// The option fixed for each week (contracts with `same_start`; `nil` otherwise).
    public var weekOptions: [TourProgram.Option?] = []
    /// Per calendar day worked, the shift.
    public var shifts: [Int: WorkedShift] = [:]

    /// A tour with its week patterns (one per week) and its shifts by calendar day.
    public init(agent: String, contract: Int, group: Int, person: Int?, weekPatterns: [WeekPattern],
                shifts: [Int: WorkedShift] = [:]) {
        self.agent = agent
        self.contract = contract
        self.group = group
        self.person = person
        self.weekPatterns = weekPatterns
        self.shifts = shifts
    }

    /// Weekends (with their Saturday and Sunday in the period) worked at least in part.
    public func weekendsWorked(_ weeks: RosterWeeks) -> Int {
        zip(weeks.weeks, weekPatterns).filter { week, pattern in pattern.weekendOff(week.weekend) == false }.count
    }

    /// Whether the tour works calendar day `day`.
    public func works(_ day: Int, _ weeks: RosterWeeks) -> Bool {
        let (w, position) = weeks.week(ofDay: day)
        return w < weekPatterns.count && weekPatterns[w].works(position)
    }
}

/// A shift worked on one calendar day: its template and start, where its breaks fall
/// and when it starts and ends (from time 0).
public struct WorkedShift: Sendable {
    public var option: TourProgram.Option
    /// Break starts, relative to the shift start, in the template's order.
    public var breakStarts: [Double]
    public var start: Double
    public var end: Double

    /// A shift of `option` worked from `start` to `end` (from time 0), its breaks at
    /// `breakStarts` after its start.
    public init(option: TourProgram.Option, breakStarts: [Double], start: Double, end: Double) {
        self.option = option
        self.breakStarts = breakStarts
        self.start = start
        self.end = end
    }
}
