import ContactCenter
import Foundation

/// An interval history as contact-centre systems export it, read from CSV: a header,
/// then one row per interval and call type with `start` (`2026-03-02T08:30`),
/// `call_type` and `offered`, and optionally `answered`, `abandoned`, `aht` and `acw`
/// (seconds); other columns are ignored. Rows may come in any order; the interval length
/// is inferred; an interval without a row is unknown until ``OpenIntervals`` reads it
/// (closed hours: no calls; open hours: zero or unknown, as ``AbsentRows`` says).
///
/// Offered calls are what the switch counted, redials included: the forecast is of
/// offered calls, and a scenario made from it should not add redials on top.
public struct History: Sendable {
    /// Minutes per interval, and intervals per day.
    public let intervalMinutes: Int
    public var perDay: Int { 1440 / intervalMinutes }
    /// The call types, in order of their ids.
    public let callTypes: [String]
    /// The first day of the history and the number of days, first to last row.
    public let firstDay: CalendarDate
    public let dayCount: Int
    /// Offered calls per call type, `[k][day * perDay + interval]` (`nil`: unknown).
    public let offered: [[Double?]]
    /// Per call type, the mean talk time and after-call work of answered calls (seconds),
    /// where the history gives them.
    public let meanTalk: [Double?]
    public let meanAfterCallWork: [Double?]
    /// Per call type, the handle times of the rows in the last ``handlingDays`` days that
    /// give them (``HandleTimes`` learns their intraday shape from these).
    let handling: [[HandlingRow]]
    /// Rows with no call offered, and rows with one or two: an export with many of the
    /// latter and none of the former leaves its zero rows out (``AbsentRows``).
    public let zeroRows: Int, lowRows: Int
    /// A forecast file's bands (`low`, `high`), like ``offered``, when read with `bands`.
    public let low: [[Double?]]?, high: [[Double?]]?

    /// The most rows and call types read (a bound on memory).
    public static let maximumRows = 20_000_000
    public static let maximumCallTypes = 1_000
    /// The longest span, first to last row, and the most values (days × intervals × call
    /// types) held: a bound on memory, whatever the dates in the file.
    public static let maximumDays = 3_660
    public static let maximumSlots = 100_000_000
    /// The most calls of one call type in one interval, and the longest talk or
    /// after-call work (seconds), that a history may give: beyond any centre.
    public static let mostCalls = 10_000_000.0
    public static let longestTime = ModelLimits.longestDuration
    /// The days before the history's end whose rows' handle times are kept.
    static let handlingDays = 91

    /// Reads the CSV text of `file` (its name, for errors); with `bands`, a forecast's
    /// `low` and `high` columns too.
    /// - Throws: ``HistoryError`` with the line and what is wrong.
    public init(csv text: String, file: String, bands: Bool = false) throws {
        var reader = try HistoryReader(text: text, file: file, bands: bands)
        let rows = try reader.rows()
        guard let first = rows.first else { throw HistoryError(file: file, line: 1, "no rows after the header") }
        let interval = try Self.intervalLength(rows, file: file)
        intervalMinutes = interval
        callTypes = Array(Set(rows.map(\.callType))).sorted()
        guard callTypes.count <= Self.maximumCallTypes else {
            throw HistoryError(file: file, line: nil, "\(callTypes.count) call types; at most \(Self.maximumCallTypes)")
        }
        let start = rows.map(\.start).min() ?? first.start, end = rows.map(\.start).max() ?? first.start
        firstDay = start.date
        dayCount = end.date.daysSinceEpoch - start.date.daysSinceEpoch + 1
        let slots = dayCount * (1440 / interval) * callTypes.count
        guard dayCount <= Self.maximumDays, slots <= Self.maximumSlots else {
            throw HistoryError(file: file, line: nil, "spans \(dayCount) days of \(interval)-minute intervals for \(callTypes.count) "
                + "call types (\(slots) values); at most \(Self.maximumDays) days and \(Self.maximumSlots) values")
        }
        let index = Dictionary(uniqueKeysWithValues: callTypes.enumerated().map { ($1, $0) })
        var offered = Array(repeating: [Double?](repeating: nil, count: dayCount * (1440 / interval)), count: callTypes.count)
        var talk = Array(repeating: (sum: 0.0, weight: 0.0), count: callTypes.count), acw = talk
        var handling = Array(repeating: [HandlingRow](), count: callTypes.count)
        let recent = max(0, dayCount - Self.handlingDays) * (1440 / interval)
        var low = bands ? offered : nil, high = bands ? offered : nil
        var seen: [Int: Int] = [:]
        for row in rows {
            let k = index[row.callType] ?? 0
            let slot = (row.start.date.daysSinceEpoch - firstDay.daysSinceEpoch) * (1440 / interval) + row.start.minuteOfDay / interval
            if let earlier = seen[slot * callTypes.count + k] {
                throw HistoryError(file: file, line: row.line, "a second row for \(row.callType) at \(row.start) (the first is on line \(earlier))")
            }
            seen[slot * callTypes.count + k] = row.line
            offered[k][slot] = row.offered
            if bands {
                low?[k][slot] = row.low
                high?[k][slot] = row.high
            }
            let weight = row.answered ?? row.offered
            if let aht = row.aht, weight > 0 { talk[k].sum += aht * weight; talk[k].weight += weight }
            if let work = row.acw, weight > 0 { acw[k].sum += work * weight; acw[k].weight += weight }
            if slot >= recent, weight > 0, row.aht != nil || row.acw != nil {
                handling[k].append(HandlingRow(slot: slot, answered: weight, talk: row.aht, afterCallWork: row.acw))
            }
        }
        self.handling = handling
        self.offered = offered
        (self.low, self.high) = (low, high)
        zeroRows = rows.count { $0.offered == 0 }
        lowRows = rows.count { $0.offered > 0 && $0.offered <= 2 }
        meanTalk = talk.map { $0.weight > 0 ? $0.sum / $0.weight : nil }
        meanAfterCallWork = acw.map { $0.weight > 0 ? $0.sum / $0.weight : nil }
    }

    /// The same history with other offered calls (the same shape: call types × days × intervals).
    init(_ history: History, offered: [[Double?]]) {
        precondition(offered.count == history.offered.count && zip(offered, history.offered).allSatisfy { $0.count == $1.count })
        intervalMinutes = history.intervalMinutes
        callTypes = history.callTypes
        firstDay = history.firstDay
        dayCount = history.dayCount
        self.offered = offered
        meanTalk = history.meanTalk
        meanAfterCallWork = history.meanAfterCallWork
        handling = history.handling
        zeroRows = history.zeroRows
        lowRows = history.lowRows
        (low, high) = (history.low, history.high)
    }

    /// The interval length: the most common gap between consecutive starts, which must
    /// divide a day, with every start on its grid.
    private static func intervalLength(_ rows: [HistoryRow], file: String) throws -> Int {
        let starts = Set(rows.map(\.start.minutes)).sorted()
        guard starts.count >= 2 else {
            throw HistoryError(file: file, line: nil, "every row starts at the same time: at least two intervals are needed to infer the interval length")
        }
        var gaps: [Int: Int] = [:]
        for (a, b) in zip(starts, starts.dropFirst()) { gaps[b - a, default: 0] += 1 }
        guard let interval = gaps.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) })?.key,
              interval >= 1, 1440 % interval == 0 else {
            throw HistoryError(file: file, line: nil, "cannot infer an interval length that divides a day from the starts")
        }
        if let off = rows.first(where: { $0.start.minuteOfDay % interval != 0 }) {
            throw HistoryError(file: file, line: off.line, "starts at \(off.start), off the \(interval)-minute grid of the other rows "
                + "(mixed interval lengths?)")
        }
        return interval
    }

    /// The start of interval `i` of day `day` (0 for the first day).
    public func start(day: Int, interval i: Int) -> LocalDateTime {
        LocalDateTime(date: firstDay.adding(days: day), minuteOfDay: i * intervalMinutes)
    }
}

/// One row of a history file.
struct HistoryRow {
    var line: Int
    var start: LocalDateTime
    var callType: String
    var offered: Double
    var answered: Double?
    var aht: Double?
    var acw: Double?
    var low: Double? = nil, high: Double? = nil
}

/// The handle times one history row gives: its slot (`day * perDay + interval`), the
/// calls they average over (answered, else offered), and the mean talk and after-call work.
struct HandlingRow: Sendable {
    var slot: Int
    var answered: Double
    var talk: Double?, afterCallWork: Double?
}

/// A history that cannot be read: the file, the line (if one is at fault) and what.
public struct HistoryError: Error, CustomStringConvertible, Sendable {
    public let file: String
    public let line: Int?
    public let message: String

    public init(file: String, line: Int?, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
}
