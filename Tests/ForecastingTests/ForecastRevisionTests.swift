import ContactCenter
import Forecasting
import XCTest

/// The weekly re-forecast against the earlier forecast: the days both cover, summed from
/// the earlier file's rows whatever its interval, call types in one only set aside.
final class ForecastRevisionTests: XCTestCase {
    /// Eight weeks of a call type `sales` from Monday 2026-01-05, 30-minute rows 08:00–18:00.
    static func history() throws -> History {
        var text = "start,call_type,offered\n"
        for day in 0..<56 {
            let date = CalendarDate(iso: "2026-01-05")!.adding(days: day)
            for i in 16..<36 { text += "\(date)T\(String(format: "%02d:%02d", i / 2, i % 2 * 30)),sales,\(10 + (day + i) % 5)\n" }
        }
        return try History(csv: text, file: "history.csv")
    }

    func testTheDaysInCommonAreComparedCallTypeByCallType() throws {
        let f = try Forecaster.forecast(try Self.history(), settings: ForecastSettings(days: 7))
        XCTAssertEqual(f.firstDay, CalendarDate(iso: "2026-03-02"))
        // The earlier forecast, in 15-minute rows: sales from the Saturday before to the
        // Wednesday (its 08:15 row on Tuesday left out), and a call type since retired.
        var text = "start,call_type,offered,low,high\n"
        for day in 0..<5 {
            let date = CalendarDate(iso: "2026-02-28")!.adding(days: day)
            for (time, calls) in [("08:00", 100.0), ("08:15", 50), ("17:45", 25.5)] where !(day == 3 && time == "08:15") {
                text += "\(date)T\(time),sales,\(calls),0,0\n\(date)T\(time),retired,1,0,1\n"
            }
        }
        let previous = try History(csv: text, file: "previous.csv")
        let r = try ForecastRevision(previous: previous, forecast: f)
        XCTAssertEqual(r.days.map(\.date), (0..<3).map { CalendarDate(iso: "2026-03-02")!.adding(days: $0) })
        XCTAssertEqual(r.days.map(\.previous), [175.5, 125.5, 175.5], "Tuesday without its 08:15 row")
        for (d, day) in r.days.enumerated() {
            XCTAssertEqual(day.forecast, f.callTypes[0].daily[d])
            XCTAssertEqual(try XCTUnwrap(day.change), day.forecast / day.previous - 1, accuracy: 1e-12)
        }
        XCTAssertEqual(r.onlyPrevious, ["retired"])
        XCTAssertEqual(r.onlyForecast, [])
        XCTAssertEqual(r.previousLastDay, CalendarDate(iso: "2026-03-04"))
        XCTAssertEqual(r.byCallType.first?.previous, 476.5)
    }

    func testNoDayInCommonIsAnError() throws {
        let f = try Forecaster.forecast(try Self.history(), settings: ForecastSettings(days: 7))
        let previous = try History(csv: "start,call_type,offered\n2026-02-01T08:00,sales,3\n2026-02-01T08:30,sales,3\n", file: "p.csv")
        XCTAssertThrowsError(try ForecastRevision(previous: previous, forecast: f)) { error in
            XCTAssertEqual((error as? ForecastError)?.message,
                           "the previous forecast (2026-02-01 to 2026-02-01) has no day and call type in common with this one (2026-03-02 to 2026-03-08)")
        }
    }
}
