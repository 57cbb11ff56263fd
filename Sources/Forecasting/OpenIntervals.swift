import ContactCenter
import Foundation

/// How the absent rows of an export inside open hours are read (`--absent`).
public enum AbsentRows: String, Sendable, CaseIterable, Codable {
    /// Zero when the export leaves its zero rows out (``History/zeroRows`` is 0 while
    /// ``detectionRows`` or more rows have one or two calls, so zeros were due), else unknown.
    case auto
    /// No row: no calls.
    case zero
    /// No row: not known (a gap in the export).
    case unknown

    /// The rows of one or two calls that, with no zero row at all, show that the export
    /// leaves zero rows out: where counts that low are common, Poisson zeros are too.
    public static let detectionRows = 20

    /// `zero` or `unknown` for `history`.
    public func resolved(for history: History) -> AbsentRows {
        guard self == .auto else { return self }
        return history.zeroRows == 0 && history.lowRows >= Self.detectionRows ? .zero : .unknown
    }
}

/// The intervals a centre is open, learnt from its history per day type (0 Monday … 6
/// Sunday, 7 holidays): an interval is open on a day type when, on most of the recent
/// days of that type (at most ``recentDays``), some call type has a row with calls in it.
/// An interval absent or zero on most of them is closed. Holidays without a holiday in
/// the history keep Sunday's hours; a weekday the history never has, the hours of all days.
/// A closure shorter than ``shortestClosure`` between open spells is not one, nor is an
/// opening shorter than ``shortestOpening`` between closures.
public struct OpenIntervals: Sendable, Equatable {
    /// `[dayType][interval]`.
    public let open: [[Bool]]
    /// Recent days of a type looked at: a quarter of weekly ones.
    public static let recentDays = 13

    /// Learns the hours of `history`, the day types from `events`.
    public init(history h: History, events: EventCalendar) {
        let n = h.perDay
        var active = Array(repeating: Array(repeating: 0, count: n), count: 8)
        var days = Array(repeating: 0, count: 8)
        for d in stride(from: h.dayCount - 1, through: 0, by: -1) {
            let type = Profiles.dayType(h.firstDay.adding(days: d), events: events)
            guard days[type] < Self.recentDays else { continue }
            days[type] += 1
            for i in 0..<n where h.offered.contains(where: { ($0[d * n + i] ?? 0) > 0 }) { active[type][i] += 1 }
        }
        let allDays = days.reduce(0, +), allActive = (0..<n).map { i in active.reduce(0) { $0 + $1[i] } }
        let anyDay = (0..<n).map { 2 * allActive[$0] > allDays }
        var open = (0..<7).map { t in days[t] > 0 ? (0..<n).map { 2 * active[t][$0] > days[t] } : anyDay }
        open.append(days[Profiles.holiday] > 0 ? (0..<n).map { 2 * active[Profiles.holiday][$0] > days[Profiles.holiday] } : open[6])
        let shortest = max(1, Self.shortestClosure / h.intervalMinutes), briefest = max(1, Self.shortestOpening / h.intervalMinutes)
        self.open = open.map { Self.droppingBriefOpenings(Self.bridgingShortClosures($0, shortest: shortest), briefest: briefest) }
    }

    /// A centre does not open for less than this (minutes) between closures: a shorter
    /// spell with calls (a stray call at 21:45 after a quiet evening) is not an opening.
    public static let shortestOpening = 60

    /// `row` with every open spell shorter than `briefest` between closures closed (the
    /// day read round the clock); a row open all day is kept.
    public static func droppingBriefOpenings(_ row: [Bool], briefest: Int) -> [Bool] {
        guard row.contains(false) else { return row }
        return bridgingShortClosures(row.map { !$0 }, shortest: briefest).map { !$0 }
    }

    /// A centre does not close for less than this (minutes) between two open spells: a
    /// shorter run of quiet intervals (a night interval of a 24-hour centre without calls
    /// in most weeks) stays open.
    public static let shortestClosure = 120

    /// `row` with every run of closed intervals shorter than `shortest` opened, the day
    /// read round the clock (a run at the end joins one at the start).
    public static func bridgingShortClosures(_ row: [Bool], shortest: Int) -> [Bool] {
        guard let someOpen = row.firstIndex(of: true) else { return row }
        var bridged = row
        let n = row.count
        var i = 0
        while i < n {
            let at = (someOpen + i) % n
            guard !row[at] else { i += 1; continue }
            var length = 0
            while i + length < n && !row[(someOpen + i + length) % n] { length += 1 }
            if length < shortest { for j in 0..<length { bridged[(someOpen + i + j) % n] = true } }
            i += length
        }
        return bridged
    }

    /// Open every interval of every day type (`n` a day).
    public init(alwaysOpen n: Int) { open = Array(repeating: Array(repeating: true, count: n), count: 8) }

    /// Whether interval `i` of day type `type` is open.
    public func isOpen(dayType type: Int, interval i: Int) -> Bool { open[type][i] }

    /// Whether some interval of some day type is closed.
    public var hasClosedIntervals: Bool { open.contains { $0.contains(false) } }

    /// The history with its absent rows read: in closed intervals as no calls, in open
    /// ones as `absent` says (``AbsentRows/zero`` or ``AbsentRows/unknown``).
    public func reading(_ h: History, events: EventCalendar, absent: AbsentRows) -> History {
        let n = h.perDay
        let openRows = (0..<h.dayCount).map { open[Profiles.dayType(h.firstDay.adding(days: $0), events: events)] }
        let offered = h.offered.map { values in
            var filled = values
            for d in 0..<h.dayCount {
                for i in 0..<n where filled[d * n + i] == nil && (absent == .zero || !openRows[d][i]) {
                    filled[d * n + i] = 0
                }
            }
            return filled
        }
        return History(h, offered: offered)
    }

    /// Day type `type`'s hours as scenario `open` windows: `always`, `closed`, or a list
    /// of `"HH:MM-HH:MM"` (`minutes` per interval).
    public func windows(dayType type: Int, intervalMinutes minutes: Int) -> String {
        let row = open[type]
        if row.allSatisfy({ $0 }) { return "always" }
        if !row.contains(true) { return "closed" }
        var windows: [String] = [], i = 0
        while i < row.count {
            guard row[i] else { i += 1; continue }
            let first = i
            while i < row.count && row[i] { i += 1 }
            windows.append("\"\(Self.clock(first * minutes))-\(Self.clock(i * minutes))\"")
        }
        return "[\(windows.joined(separator: ", "))]"
    }

    /// Day type `type`'s hours for people: `always`, `closed`, or the windows separated
    /// by spaces (`07:00-12:00 13:00-18:00`).
    public func hours(dayType type: Int, intervalMinutes minutes: Int) -> String {
        let windows = windows(dayType: type, intervalMinutes: minutes)
        guard windows.hasPrefix("[") else { return windows }
        return windows.dropFirst().dropLast().replacingOccurrences(of: "\"", with: "").replacingOccurrences(of: ", ", with: " ")
    }

    private static func clock(_ minutes: Int) -> String {
        func two(_ x: Int) -> String { x < 10 ? "0\(x)" : "\(x)" }
        return "\(two(minutes / 60)):\(two(minutes % 60))"
    }
}
