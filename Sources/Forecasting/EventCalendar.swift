import ContactCenter

/// Known days that are not like others — holidays, campaigns, outages, price changes —
/// read from a CSV file `date,name,factor`: on that date (past or future) volumes are
/// `factor` times a normal day's. The factor may be left empty (or the column out): the
/// forecast then estimates it from the past dates of the same `name` (``EventEffects``).
/// Days with a factor of 0.6 or less count as holidays (their intraday profile is the
/// holidays' of the history, else Sunday's).
public struct EventCalendar: Sendable {
    public struct Event: Sendable, Equatable {
        public var date: CalendarDate
        /// The kind of event: dates of the same name share an effect.
        public var name: String
        /// `nil`: to be estimated from the history.
        public var factor: Double?
    }

    public var events: [CalendarDate: Event] = [:]
    /// The holidays when another calendar decided them (``giving(_:dayTypesOf:)``).
    private var fixedHolidays: Set<CalendarDate>?

    public init() {}

    /// Reads the calendar's CSV text (`file` names it in errors).
    /// - Throws: ``HistoryError`` with the line.
    public init(csv text: String, file: String) throws {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard let header = lines.first?.lowercased(), header.hasPrefix("date") else {
            throw HistoryError(file: file, line: 1, "expected the header date,name,factor")
        }
        guard lines.count - 1 <= Self.maximumEvents else {
            throw HistoryError(file: file, line: nil, "more than \(Self.maximumEvents) lines; a calendar lists days, not intervals")
        }
        for (n, line) in lines.enumerated().dropFirst() where !line.allSatisfy(\.isWhitespace) {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace }
            guard cells.count >= 2, let date = CalendarDate(iso: cells[0]), !cells[1].isEmpty else {
                throw HistoryError(file: file, line: n + 1, "expected date,name[,factor] with a date like 2026-12-25 and a name")
            }
            let text = cells.count >= 3 ? cells[2] : ""
            let factor = text.isEmpty ? nil : Double(text)
            guard text.isEmpty || factor.map({ $0 >= 0 && $0 <= 100 }) == true else {
                throw HistoryError(file: file, line: n + 1, "factor \"\(text)\" is not a number from 0 to 100 (or empty: estimated)")
            }
            guard events[date] == nil else { throw HistoryError(file: file, line: n + 1, "\(date) is listed twice") }
            events[date] = Event(date: date, name: cells[1], factor: factor)
        }
    }

    /// The most lines a calendar may have: ten years of days.
    public static let maximumEvents = 3_660

    /// The factor of `date` (1 on ordinary days and on events still to be estimated).
    public func factor(_ date: CalendarDate) -> Double { events[date]?.factor ?? 1 }

    /// The names of the events whose factor is to be estimated.
    public var namesToEstimate: [String] { Set(events.values.filter { $0.factor == nil }.map(\.name)).sorted() }

    /// The calendar with the events of each name in `factors` given that factor; its
    /// holidays those of `centre` when given (a call type's factors, the centre's day types).
    public func giving(_ factors: [String: Double], dayTypesOf centre: EventCalendar? = nil) -> EventCalendar {
        var copy = self
        for (date, event) in events where event.factor == nil { copy.events[date]?.factor = factors[event.name] }
        copy.fixedHolidays = centre.map { c in Set(c.events.keys.filter(c.isHoliday)) }
        return copy
    }

    /// Whether `date` is a holiday (a factor of 0.6 or less).
    public func isHoliday(_ date: CalendarDate) -> Bool { fixedHolidays.map { $0.contains(date) } ?? (factor(date) <= 0.6) }
}

extension String {
    var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
