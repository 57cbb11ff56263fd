/// A contract agents are rostered under over several weeks (full-time, part-time):
/// the shift templates its agents work and the working-time rules every agent's tour
/// of the period keeps.
public struct Contract: Sendable, Equatable {
    public var id: String
    /// Indices of the shift templates its agents may work.
    public var templates: [Int]
    /// Indices of the agent groups its agents may be rostered in.
    public var groups: [Int]
    /// Days worked in each whole week (Monday to Sunday with a start date; otherwise
    /// seven days from day 1); prorated in a week the period cuts short.
    public var daysPerWeek: ClosedRange<Int>
    /// In each whole week, the days off include this many consecutive days (1: no rule).
    public var daysOffTogether: Int
    /// Whether those days off may wrap from the week's last day to its first (Sunday and
    /// Monday count as in a row), as in a weekly rota that repeats.
    public var daysOffWrap: Bool
    /// Most days worked in a row, across weeks too.
    public var maxConsecutiveDays: Int
    /// Least time off between the end of one shift and the start of the next (seconds).
    public var minRest: Double
    /// Paid time per whole week (seconds), from the templates' lengths; `nil`: no rule.
    public var weeklyHours: ClosedRange<Double>?
    /// At least one weekend (Saturday and Sunday) off in every this many consecutive
    /// weeks; `nil`: no rule.
    public var weekendOffEvery: Int?
    /// Whether an agent starts at the same time, on the same template, every day of a week.
    public var sameStart: Bool
    /// Fewest and most agents on this contract.
    public var minimumAgents: Int
    public var maximumAgents: Int?

    public init(id: String, templates: [Int], groups: [Int], daysPerWeek: ClosedRange<Int>, daysOffTogether: Int = 1,
                maxConsecutiveDays: Int = 7, minRest: Double = 0, weeklyHours: ClosedRange<Double>? = nil,
                weekendOffEvery: Int? = nil, sameStart: Bool = false, minimumAgents: Int = 0, maximumAgents: Int? = nil,
                daysOffWrap: Bool = false) {
        self.id = id
        self.templates = templates
        self.groups = groups
        self.daysPerWeek = daysPerWeek
        self.daysOffTogether = daysOffTogether
        self.daysOffWrap = daysOffWrap
        self.maxConsecutiveDays = maxConsecutiveDays
        self.minRest = minRest
        self.weeklyHours = weeklyHours
        self.weekendOffEvery = weekendOffEvery
        self.sameStart = sameStart
        self.minimumAgents = minimumAgents
        self.maximumAgents = maximumAgents
    }
}

/// A named agent to roster (a line of `agents.csv`): the groups they may be rostered
/// in, their contract, the dates they cannot work and the shift they prefer.
public struct NamedAgent: Sendable, Equatable {
    public var id: String
    /// Indices of the agent groups they may work in.
    public var groups: [Int]
    /// Index of their contract.
    public var contract: Int
    /// Simulated days (from 0) they cannot work.
    public var unavailableDays: Set<Int>
    /// The template (index) or clock start time (seconds after midnight) they prefer.
    public var preferredTemplate: Int?
    public var preferredStart: Double?

    public init(id: String, groups: [Int], contract: Int, unavailableDays: Set<Int> = [], preferredTemplate: Int? = nil,
                preferredStart: Double? = nil) {
        self.id = id
        self.groups = groups
        self.contract = contract
        self.unavailableDays = unavailableDays
        self.preferredTemplate = preferredTemplate
        self.preferredStart = preferredStart
    }
}

extension NamedAgent {
    /// The most bytes of an agent's file name (without its extension), within the 255
    /// bytes file systems allow.
    public static let longestFileName = 200

    /// An agent id (or an open position's) as a file name, readable: letters (of any
    /// script) and digits kept, and `-`, `_`, `.`; every other character `_` (`a/b`,
    /// `a:b` and `a b` are all `a_b`), a leading `.` too (no hidden file, no `..`).
    /// Distinct ids can share a name (and names differing only in case are one file on
    /// a case-insensitive file system): ``fileKey(for:)`` tells them apart, and
    /// `agents.csv` refuses ids whose keys collide.
    public static func fileName(for id: String) -> String {
        var name = String(id.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "_" })
        if name.hasPrefix(".") { name = "_" + name.dropFirst() }
        return name
    }

    /// What two ids whose calendars would be one file have in common: the file name
    /// in lower case.
    public static func fileKey(for id: String) -> String { fileName(for: id).lowercased() }
}
