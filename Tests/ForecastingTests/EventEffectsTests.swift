import ContactCenter
import Forecasting
import XCTest

/// Special days from dates alone: a calendar without factors, their effects learnt from
/// past dates, a clear default for a name never seen; the time of year from two years
/// less a month.
final class EventEffectsTests: XCTestCase {
    /// The generator's holidays as a planner lists them, by name and without factors.
    static func calendar(factor: String = "") -> EventCalendar {
        var text = "date,name,factor\n"
        for year in 2025...2027 {
            for (day, name) in [("01-01", "new year"), ("05-01", "labour day"), ("12-25", "christmas"), ("12-26", "boxing day")] {
                text += "\(year)-\(day),\(name),\(factor)\n"
            }
        }
        return try! EventCalendar(csv: text + "2027-03-20,launch campaign,\n", file: "calendar.csv")
    }

    static let generator = HistoryGenerator(settings: HistoryGenerator.Settings(
        start: CalendarDate(iso: "2025-01-01")!, days: 730 + 28, intervalMinutes: 30, callTypes: 4, seed: 5, stormProbability: 0))

    func testHolidayFactorsAreLearntFromTheirPastDates() throws {
        let history = try History(csv: Self.generator.csv(), file: "h.csv")
        let effects = EventEffects(history: history, calendar: Self.calendar())
        XCTAssertEqual(effects.unseen, ["launch campaign"], "a name never seen keeps factor 1")
        XCTAssertEqual(effects.factors["launch campaign"], 1)
        // Christmas and Boxing Day are no billing days: the ratio is the holiday factor,
        // off by the day factor (CV 0.08) on the day and on the four days around it, over
        // the 2 or 3 past dates of each: four standard errors.
        for name in ["christmas", "boxing day"] {
            let seen = try XCTUnwrap(effects.occurrences[name])
            let spread = HistoryGenerator.holidayFactor * HistoryGenerator.dayFactorCV * (1 + 1.0 / 4).squareRoot()
            XCTAssertEqual(try XCTUnwrap(effects.factors[name]), HistoryGenerator.holidayFactor,
                           accuracy: 4 * spread / Double(seen).squareRoot(), name)
        }
    }

    /// A forecast over a held-out month with the calendar's dates alone is as good as with
    /// its factors given, and far better than without the calendar.
    func testAForecastFromDatesAloneMatchesOneWithFactors() throws {
        let text = Self.generator.csv()
        let lines = text.split(separator: "\n")
        let past = ([lines[0]] + lines.dropFirst().filter { $0 < "2026-12-04" }).joined(separator: "\n")
        let history = try History(csv: past, file: "past.csv")
        XCTAssertEqual(history.dayCount, 702, "two years less four weeks")
        let all = try History(csv: text, file: "all.csv")
        func wape(_ calendar: EventCalendar) throws -> Double {
            let f = try Forecaster.forecast(history, events: calendar, settings: ForecastSettings(days: 28))
            var error = 0.0, total = 0.0
            for (k, c) in f.callTypes.enumerated() {
                for d in 0..<28 {
                    let actual = (0..<48).reduce(0.0) { $0 + (all.offered[k][(702 + d) * 48 + $1] ?? 0) }
                    error += abs(actual - c.daily[d])
                    total += actual
                }
            }
            return error / total
        }
        let dates = try wape(Self.calendar()), factors = try wape(Self.calendar(factor: "0.3")), none = try wape(EventCalendar())
        print("daily WAPE over the held-out month: dates alone \(dates), factors \(factors), no calendar \(none)")
        // Christmas and Boxing Day fall in the month: without the calendar two days are
        // off by 1/0.3. With dates alone the factors are learnt from one past Christmas:
        // within the day factor's spread of the factors given, over 28 days.
        XCTAssertLessThan(dates, none)
        XCTAssertEqual(dates, factors, accuracy: 2 * HistoryGenerator.dayFactorCV / 28.0.squareRoot())
    }

    func testCalendarRowsWithoutAFactorAreRead() throws {
        let calendar = try EventCalendar(csv: "date,name\n2026-12-25,christmas\n2026-03-01,campaign\n", file: "c.csv")
        XCTAssertEqual(calendar.namesToEstimate, ["campaign", "christmas"])
        XCTAssertEqual(calendar.factor(CalendarDate(iso: "2026-12-25")!), 1, "not yet estimated")
        let given = calendar.giving(["christmas": 0.3, "campaign": 1.4])
        XCTAssertTrue(given.isHoliday(CalendarDate(iso: "2026-12-25")!))
        XCTAssertEqual(given.factor(CalendarDate(iso: "2026-03-01")!), 1.4)
        XCTAssertThrowsError(try EventCalendar(csv: "date,name\n2026-12-25,\n", file: "c.csv")) {
            XCTAssertTrue("\($0)".contains("c.csv:2: expected date,name[,factor]"), "\($0)")
        }
    }
}
