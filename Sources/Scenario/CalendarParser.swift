import ContactCenter
import Foundation

/// Reads the calendar of a scenario — `start_date`, `day_types` and the centre's `open`
/// hours — and the values other sections may give per day type.
///
/// ```yaml
/// start_date: 2026-03-06
/// open: "08:00-20:00"
/// day_types:
///   - {id: weekday, weekdays: [mon, tue, wed, thu, fri]}
///   - {id: saturday, weekdays: [sat], open: "09:00-17:00"}
///   - {id: sunday, weekdays: [sun], open: closed}
///   - {id: holiday, dates: [2026-12-25], open: closed}
/// ```
struct CalendarParser {
    static let dayTypeKeys = ["id", "weekdays", "dates", "days", "open"]

    let timing: Timing
    /// The day types, as read.
    let dayTypes: [DayType]
    /// The day type of each simulated day (`nil`: none claims it; the model's check says so).
    let typeOfDay: [Int?]

    /// The calendar of `document`, read after its timing.
    init(document: MappingReader, timing: Timing) throws {
        self.timing = timing
        let entries = try document.optional("day_types")?.nonEmptySequence(of: "day type") ?? []
        guard entries.count <= ModelLimits.dayTypes else {
            throw document.error("at most \(ModelLimits.dayTypes) day types, got \(entries.count)")
        }
        let types = try entries.map(Self.dayType)
        dayTypes = types
        typeOfDay = (0..<timing.clockDayCount).map { DayType.index(among: types, ofDay: $0, timing: timing) }
    }

    /// `start_date: 2026-03-06`.
    static func startDate(_ reader: NodeReader) throws -> CalendarDate {
        let text = try reader.text()
        guard let date = CalendarDate(iso: text) else {
            throw reader.error("expected a date YYYY-MM-DD, got \(reader.shown)")
        }
        return date
    }

    private static func dayType(_ reader: NodeReader) throws -> DayType {
        let entry = try reader.mapping(keys: dayTypeKeys)
        return DayType(
            id: try entry.required("id").text(),
            weekdays: try entry.optional("weekdays")?.sequence().map(weekday) ?? [],
            dates: try entry.optional("dates")?.sequence().map(startDate) ?? [],
            days: try entry.optional("days")?.sequence().map { try $0.integer(.positive) } ?? [],
            openingHours: try entry.optional("open").map(openingHours))
    }

    private static func weekday(_ reader: NodeReader) throws -> Weekday {
        let text = try reader.text()
        guard let day = Weekday(name: text) else {
            throw reader.error("expected a weekday (mon, tue, wed, thu, fri, sat, sun), got \(reader.shown)")
        }
        return day
    }

    /// `"08:00-20:00"`, `["08:00-12:00", "13:00-18:00"]`, `closed` or `always`.
    static func openingHours(_ reader: NodeReader) throws -> OpeningHours {
        if case .sequence = reader.node {
            let hours = OpeningHours(windows: try reader.sequence().map(window))
            do { try hours.validate() } catch let error as ModelError { throw reader.error(error.message) }
            return hours
        }
        if case .scalar(let scalar) = reader.node, scalar.string.trimmingCharacters(in: .whitespaces).isEmpty {
            throw reader.error("expected opening hours like \"08:00-20:00\", `closed` or `always`, got nothing")
        }
        switch try reader.text().lowercased() {
        case "closed": return .closed
        case "always", "24h": return .allDay
        default:
            let hours = OpeningHours(windows: [try window(reader)])
            do { try hours.validate() } catch let error as ModelError { throw reader.error(error.message) }
            return hours
        }
    }

    private static func window(_ reader: NodeReader) throws -> OpeningHours.Window {
        let parts = try reader.text().split(separator: "-").map { DurationParser.seconds(from: String($0)) }
        guard parts.count == 2, let open = parts[0], let close = parts[1],
              open >= 0, close <= Timing.secondsPerDay, open < close else {
            throw reader.error("expected opening hours like \"08:00-20:00\" (closing after opening, by 24:00), "
                + "`closed` or `always`, got \(reader.shown)")
        }
        return OpeningHours.Window(open: open, close: close)
    }

    // MARK: Values per day type

    /// Whether `reader` is a mapping keyed by day type ids (a value per day type).
    func isByDayType(_ reader: NodeReader) -> Bool {
        guard !dayTypes.isEmpty, case .mapping(let mapping) = reader.node else { return false }
        return mapping.keys.allSatisfy { key in dayTypes.contains { $0.id == key.scalar?.string } }
    }

    /// A value per day type from a mapping keyed by day type ids, `[dayType]`: every day
    /// type that some simulated day has must be given (`nil` for the others).
    func byDayType<Value>(_ reader: NodeReader, value: (NodeReader) throws -> Value) throws -> [Value?] {
        let entry = try reader.mapping(keys: dayTypes.map(\.id))
        return try dayTypes.enumerated().map { j, type in
            guard let node = entry.optional(type.id) else {
                if let day = typeOfDay.firstIndex(of: j) {
                    throw reader.error("has no value for day type `\(type.id)` (\(dayName(day)) is one)")
                }
                return nil
            }
            return try value(node)
        }
    }

    /// The day type of planning interval `i` (by its start), if there are day types.
    func dayType(ofInterval i: Int) -> Int? {
        typeOfDay[timing.clockDay(at: timing.start(ofInterval: i))]
    }

    /// `2026-03-07 (sat)`, or `day 2` without a start date.
    func dayName(_ day: Int) -> String {
        timing.date(ofDay: day).map { "\($0) (\($0.weekday.abbreviation))" } ?? "day \(day + 1)"
    }
}
