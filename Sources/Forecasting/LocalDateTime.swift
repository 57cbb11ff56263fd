import ContactCenter

/// A local date and time to the minute, as contact-centre systems export them
/// (`2026-03-02T08:30`, ISO 8601; a zone offset after it is dropped, the clock kept).
public struct LocalDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Minutes since 1970-01-01T00:00.
    public let minutes: Int

    public init(minutes: Int) { self.minutes = minutes }

    public init(date: CalendarDate, minuteOfDay: Int) {
        minutes = date.daysSinceEpoch * 1440 + minuteOfDay
    }

    /// `YYYY-MM-DDTHH:MM` (or with a space, or with `:SS` seconds of 00), optionally with
    /// a zone offset (`+08:00`, `+0800`, `-05`, `Z`) that is checked and dropped: the
    /// local clock before it is the centre's; `nil` otherwise.
    public init?(iso text: String) {
        let parts = text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "T" || $0 == " " })
        guard parts.count == 2, let date = CalendarDate(iso: String(parts[0])),
              let time = Self.droppingOffset(parts[1]) else { return nil }
        let clock = time.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(clock.count), clock.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
              let h = Int(clock[0]), let m = Int(clock[1]), (0..<24).contains(h), (0..<60).contains(m),
              clock.count == 2 || clock[2] == "00" else { return nil }
        self.init(date: date, minuteOfDay: h * 60 + m)
    }

    /// The clock without its zone offset, or `nil` if the offset is malformed (beyond
    /// ±14:00, minutes not 00/15/30/45, stray characters).
    private static func droppingOffset(_ time: Substring) -> Substring? {
        if time.hasSuffix("Z") { return time.dropLast() }
        guard let sign = time.firstIndex(where: { $0 == "+" || $0 == "-" }) else { return time }
        let offset = time[time.index(after: sign)...].filter { $0 != ":" }
        guard [2, 4].contains(offset.count), offset.allSatisfy({ $0.isASCII && $0.isNumber }),
              let hours = Int(offset.prefix(2)), let minutes = Int(offset.dropFirst(2).isEmpty ? "0" : String(offset.dropFirst(2))),
              hours * 60 + minutes <= 14 * 60, minutes % 15 == 0,
              time[time.index(after: sign)...].filter({ $0 == ":" }).count <= 1 else { return nil }
        return time[..<sign]
    }

    /// The calendar date.
    public var date: CalendarDate { CalendarDate(daysSinceEpoch: Int((Double(minutes) / 1440).rounded(.down))) }

    /// Minutes after midnight.
    public var minuteOfDay: Int { ((minutes % 1440) + 1440) % 1440 }

    /// `YYYY-MM-DDTHH:MM`.
    public var description: String {
        let m = minuteOfDay
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(date)T\(two(m / 60)):\(two(m % 60))"
    }

    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool { a.minutes < b.minutes }
}
