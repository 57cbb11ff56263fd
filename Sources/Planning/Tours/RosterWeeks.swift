import ContactCenter

/// The calendar days of a roster period cut into weeks: Monday to Sunday when the
/// scenario has a start date, otherwise seven days at a time from day 1. The first and
/// last weeks may be short.
public struct RosterWeeks: Sendable {
    /// One week: its calendar days (clock days from 0, in order) and which of them are
    /// its Saturday and Sunday.
    public struct Week: Sendable {
        public var days: [Int]
        /// Positions in `days` of the week's Saturday and Sunday, when both fall in it.
        public var weekend: [Int]
        /// Whether the week has all seven days.
        public var isWhole: Bool { days.count == 7 }
    }

    public let weeks: [Week]
    /// The weekday of each calendar day (Monday first when there is no start date).
    public let weekdays: [Weekday]

    /// The weeks of `timing`'s clock days.
    public init(timing: Timing) {
        let count = timing.clockDayCount
        weekdays = (0..<count).map { day in
            timing.date(ofDay: day)?.weekday ?? Weekday(rawValue: day % 7 + 1) ?? .monday
        }
        var weeks: [Week] = []
        var current: [Int] = []
        for day in 0..<count {
            if weekdays[day] == .monday && !current.isEmpty {
                weeks.append(Self.week(current, weekdays))
                current = []
            }
            current.append(day)
        }
        weeks.append(Self.week(current, weekdays))
        self.weeks = weeks
    }

    private static func week(_ days: [Int], _ weekdays: [Weekday]) -> Week {
        let weekend = days.indices.filter { [.saturday, .sunday].contains(weekdays[days[$0]]) }
        return Week(days: days, weekend: weekend.count == 2 ? weekend : [])
    }

    /// The week holding calendar day `day` and the day's position in it.
    public func week(ofDay day: Int) -> (week: Int, position: Int) {
        var first = 0
        for (w, week) in weeks.enumerated() {
            if day < first + week.days.count { return (w, day - first) }
            first += week.days.count
        }
        return (weeks.count - 1, weeks[weeks.count - 1].days.count - 1)
    }
}

/// The days an agent works in one week: a set of positions in the week, with what the
/// rules across weeks need to know of it.
public struct WeekPattern: Sendable, Hashable {
    /// Bit `i` set: the week's `i`-th day is worked.
    public var mask: Int
    public var length: Int

    /// The pattern of a week of `length` days working the days whose bits `mask` sets.
    public init(mask: Int, length: Int) {
        self.mask = mask
        self.length = length
    }

    public func works(_ position: Int) -> Bool { mask & (1 << position) != 0 }
    public var daysWorked: Int { mask.nonzeroBitCount }
    /// Days worked in a row from the week's first day.
    public var leadingRun: Int { (0..<length).prefix { works($0) }.count }
    /// Days worked in a row up to the week's last day.
    public var trailingRun: Int { (0..<length).reversed().prefix { works($0) }.count }
    /// The longest run of days worked within the week.
    public var longestRun: Int { longest { works($0) } }
    /// The longest run of days off within the week.
    public var longestRest: Int { longest { !works($0) } }
    /// The longest run of days off with the week's last day followed by its first (a
    /// rota that repeats: Sunday and Monday off count as two in a row).
    public var longestRestWrapping: Int {
        daysWorked == 0 ? length : max(longestRest, (0..<length).prefix { !works($0) }.count + (0..<length).reversed().prefix { !works($0) }.count)
    }

    /// Whether the days off of a whole week include `contract`'s days off together
    /// (wrapping from the last day to the first where the contract allows it).
    public func keepsDaysOffTogether(_ contract: Contract) -> Bool {
        length - daysWorked < contract.daysOffTogether
            || (contract.daysOffWrap ? longestRestWrapping : longestRest) >= contract.daysOffTogether
    }

    private func longest(_ holds: (Int) -> Bool) -> Int {
        var best = 0, run = 0
        for i in 0..<length {
            run = holds(i) ? run + 1 : 0
            best = max(best, run)
        }
        return best
    }

    /// Whether the week's weekend (positions `weekend`) is off; `nil` if the week has none.
    public func weekendOff(_ weekend: [Int]) -> Bool? {
        weekend.isEmpty ? nil : weekend.allSatisfy { !works($0) }
    }

    /// The patterns of `week` a contract allows within the week: days worked (prorated
    /// in a short week), days off together and the longest run in a whole week, and
    /// weekly hours for any choice among `shiftLengths` (seconds).
    public static func allowed(in week: RosterWeeks.Week, by contract: Contract, shiftLengths: [Double]) -> [WeekPattern] {
        let n = week.days.count
        let missing = 7 - n
        let fewest = max(0, contract.daysPerWeek.lowerBound - missing), most = min(contract.daysPerWeek.upperBound, n)
        guard fewest <= most else { return [] }
        let shortest = shiftLengths.min() ?? 0, longest = shiftLengths.max() ?? 0
        return (0..<(1 << n)).map { WeekPattern(mask: $0, length: n) }.filter { pattern in
            let worked = pattern.daysWorked
            guard (fewest...most).contains(worked), pattern.longestRun <= contract.maxConsecutiveDays else { return false }
            if week.isWhole, !pattern.keepsDaysOffTogether(contract) { return false }
            if let hours = contract.weeklyHours, worked > 0 {
                if Double(worked) * longest > hours.upperBound + 1e-9 { return false }
                if week.isWhole && Double(worked) * shortest < hours.lowerBound - 1e-9 { return false }
            }
            return true
        }
    }
}
