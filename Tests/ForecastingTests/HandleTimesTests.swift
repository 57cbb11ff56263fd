import ContactCenter
import Forecasting
import Statistics
import XCTest

/// Handle times per day type and interval: a shape the history has is recovered within
/// its standard errors, a flat history gives one value, and an export's gaps (closed
/// hours, absent rows, rows without `aht`) change neither.
final class HandleTimesTests: XCTestCase {
    /// Mean talk time before noon and from noon, seconds.
    static let morning = 300.0, afternoon = 420.0
    static let weeks = 13

    /// A 15-minute export of a centre open 08:00–20:00, 13 weeks from Monday 2026-01-05,
    /// a call type with an odd id: 60–100 calls answered per interval, each row's `aht`
    /// the mean of that many exponential talk times (300 s before 12:00, 420 s after),
    /// `acw` 30 s on every row; every 17th row absent and every 23rd without `aht`.
    static func export() throws -> String {
        let stream = try RandomStream(seed: 7)
        var text = "start,call_type,offered,answered,abandoned,aht,acw\n", row = 0
        for day in 0..<(7 * weeks) {
            let date = CalendarDate(iso: "2026-01-05")!.adding(days: day)
            for i in 32..<80 {
                row += 1
                let answered = 60 + Int(stream.uniformPositive() * 41) % 41
                let mean = i < 48 ? morning : afternoon
                let talk = (0..<answered).reduce(0.0) { s, _ in s + mean * stream.unitExponential() } / Double(answered)
                guard row % 17 != 0 else { continue }
                let aht = row % 23 == 0 ? "" : String(format: "%.1f", talk)
                text += "\(date)T\(String(format: "%02d:%02d", i / 4, i % 4 * 15))+08:00,故障-报修,\(answered + 1),\(answered),1,\(aht),30\n"
            }
        }
        return text
    }

    func testAnIntradayShapeIsRecoveredWithinItsStandardError() throws {
        let history = try History(csv: try Self.export(), file: "export.csv")
        let f = try Forecaster.forecast(history, settings: ForecastSettings(days: 7))
        let times = f.callTypes[0].handleTimes
        XCTAssertTrue(times.talkVaries, "120 s between morning and afternoon is far beyond chance")
        XCTAssertFalse(times.afterCallWorkVaries, "acw is 30 s on every row")
        let talk = try XCTUnwrap(times.talk)
        // A cell's estimate is a mean of about 13 weeks × 80 calls (less the absent rows
        // and those without aht), shrunk a little towards the call type's mean; four of
        // its standard errors (39 s) are less than the 60 s by which the call type's
        // mean misses either half of the day.
        let calls = Double(Self.weeks) * 80 * (1 - 1.0 / 17 - 1.0 / 23)
        for (dayType, interval) in [(0, 36), (0, 47), (1, 48), (3, 60), (6, 79)] {
            let truth = interval < 48 ? Self.morning : Self.afternoon
            XCTAssertEqual(talk[dayType][interval], truth, accuracy: 4 * truth / calls.squareRoot(),
                           "day type \(dayType), interval \(interval)")
        }
        XCTAssertEqual(try XCTUnwrap(times.afterCallWork)[2][40], 30, accuracy: 1e-9)
        XCTAssertEqual(talk[7][40], talk[6][40], "a holiday never seen takes Sunday's")
    }

    func testAFlatHistoryGivesOneValue() throws {
        var settings = HistoryGenerator.Settings(start: CalendarDate(iso: "2026-01-05")!, days: 120, callTypes: 3, seed: 5)
        (settings.open, settings.omitsZeroRows) = (7 * 60..<22 * 60, true)
        let generator = HistoryGenerator(settings: settings)
        let history = try History(csv: generator.csv(), file: "flat.csv")
        let f = try Forecaster.forecast(history, settings: ForecastSettings(days: 7))
        for c in f.callTypes {
            XCTAssertFalse(c.handleTimes.talkVaries, "\(c.callType): the generator's talk times are the same all day")
            XCTAssertFalse(c.handleTimes.afterCallWorkVaries, "\(c.callType): so is its after-call work")
            let talk = try XCTUnwrap(c.handleTimes.talk)
            XCTAssertEqual(Set(talk.joined()).count, 1)
            // The last 91 days' mean against all 120 days': they differ by 29/120 of the
            // difference between the means of the 91 and the other 29 days, whose
            // standard error is 0.9 × mean × √(1/N₉₁ + 1/N₂₉) (a call's CV is 0.9; N
            // here counts the calls offered, a little more than those answered).
            let mean = try XCTUnwrap(c.meanTalk), total = c.historyDaily.compactMap { $0 }.reduce(0, +)
            let error = 0.9 * mean * (1 / (total * 91 / 120) + 1 / (total * 29 / 120)).squareRoot()
            XCTAssertEqual(talk[0][0], mean, accuracy: 4 * error * 29 / 120)
        }
    }
}
