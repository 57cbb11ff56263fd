import ContactCenter

/// Known days that are not like others — holidays, campaigns, outages, price changes —
/// read from a CSV file `date,name,factor`: on that date (past or future) volumes are
/// `factor` times a normal day's. Days with a factor of 0.6 or less count as holidays
/// (their intraday profile is the holidays' of the history, else Sunday's).
public struct EventCalendar: Sendable {
    public struct Event: Sendable, Equatable {
        public var date: CalendarDate
        public var name: String
        public var factor: Double
    }

    public var events: [CalendarDate: Event] = [:]

    public init() {}

    /// Reads the calendar's CSV text (`file` names it in errors).
    /// - Throws: ``HistoryError`` with the line.
    public init(csv text: String, file: String) throws {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard let header = lines.first?.lowercased(), header.hasPrefix("date") else {
            throw HistoryError(file: file, line: 1, "expected the header date,name,factor")
        }
        for (n, line) in lines.enumerated().dropFirst() where !line.allSatisfy(\.isWhitespace) {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace }
            guard cells.count >= 3, let date = CalendarDate(iso: cells[0]) else {
                throw HistoryError(file: file, line: n + 1, "expected date,name,factor with a date like 2026-12-25")
            }
            guard let factor = Double(cells[2]), factor >= 0, factor <= 100 else {
                throw HistoryError(file: file, line: n + 1, "factor \"\(cells[2])\" is not a number from 0 to 100")
            }
            guard events[date] == nil else { throw HistoryError(file: file, line: n + 1, "\(date) is listed twice") }
            events[date] = Event(date: date, name: cells[1], factor: factor)
        }
    }

    /// The factor of `date` (1 on ordinary days).
    public func factor(_ date: CalendarDate) -> Double { events[date]?.factor ?? 1 }

    /// Whether `date` is a holiday (a factor of 0.6 or less).
    public func isHoliday(_ date: CalendarDate) -> Bool { factor(date) <= 0.6 }
}

extension String {
    var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
