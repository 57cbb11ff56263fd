import ContactCenter
import Forecasting
import Reports
import Scenario
import XCTest

/// Handle times that vary by time of day reach `forecast.csv` and `scenario.yaml`: the
/// scenario's talk law changes at noon, and closed intervals have no times.
final class ForecastHandleTimesTests: XCTestCase {
    /// 13 weeks of 30-minute rows of a centre open 08:00–20:00: 50 calls answered per
    /// interval, `aht` 300 s before noon and 420 s after (10 s more on even days, 10 s
    /// less on odd ones), `acw` 20 s; the 10:00 row of every Wednesday absent.
    static func export() -> String {
        var text = "start,call_type,offered,answered,abandoned,aht,acw\n"
        for day in 0..<91 {
            let date = CalendarDate(iso: "2026-01-05")!.adding(days: day)
            for i in 16..<40 where !(day % 7 == 2 && i == 20) {
                let aht = (i < 24 ? 300 : 420) + (day % 2 == 0 ? 10 : -10)
                text += "\(date)T\(String(format: "%02d:%02d", i / 2, i % 2 * 30)),fault-报修,52,50,2,\(aht),20\n"
            }
        }
        return text
    }

    func testTheScenarioChangesTheLawAtNoon() throws {
        let f = try Forecaster.forecast(try History(csv: Self.export(), file: "export.csv"), settings: ForecastSettings(days: 7))
        let scenario = try ForecastScenario.text(f, base: nil, source: "export.csv")
        let model = try ScenarioLoader.parse(yaml: scenario, fileName: "scenario.yaml").model
        let c = try XCTUnwrap(model.callTypes.first)
        // From Monday 2026-04-06 00:00 in half-hours: the 13 weeks' means (within 1.5 s
        // of the truth: 7 days of one sign, 6 of the other, ±10 s), shrunk by less than
        // a second towards the call type's mean, rounded to 5 s; closed hours keep the
        // law before them.
        for (interval, mean) in [(0, 300.0), (18, 300), (23, 300), (24, 420), (30, 420), (47, 420), (48 + 18, 300), (6 * 48 + 30, 420)] {
            XCTAssertEqual(c.talkTime(inInterval: interval).mean, mean, "interval \(interval)")
        }
        XCTAssertEqual(c.afterCallWork?.constant?.mean, 20)
    }

    func testForecastRowsCarryTheTimesWhereOpen() throws {
        let f = try Forecaster.forecast(try History(csv: Self.export(), file: "export.csv"), settings: ForecastSettings(days: 7))
        let rows = ForecastOutputs.forecastCSV(f).split(separator: "\n")
        XCTAssertEqual(rows[0], "start,call_type,offered,low,high,aht,acw")
        let night = try XCTUnwrap(rows.first { $0.hasPrefix("2026-04-06T03:00,") })
        XCTAssertTrue(night.hasSuffix(",,"), "closed at 03:00: \(night)")
        for (time, truth) in [("09:00", 300.0), ("15:00", 420.0)] {
            let row = try XCTUnwrap(rows.first { $0.hasPrefix("2026-04-06T\(time),") }).split(separator: ",", omittingEmptySubsequences: false)
            // Each cell: 13 weeks of rows 10 s either side of the truth (the mean of an
            // odd number of them 10/13 s off), shrunk by less than a second towards the
            // call type's mean: within 2 s.
            XCTAssertEqual(try XCTUnwrap(Double(row[5])), truth, accuracy: 2, "\(time)")
            XCTAssertEqual(row[6], "20.0")
        }
    }
}
