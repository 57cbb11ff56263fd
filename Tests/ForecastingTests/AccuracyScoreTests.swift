import ContactCenter
import Forecasting
import XCTest

/// `ccsim accuracy`'s scores on a hand-made case with known answers.
final class AccuracyScoreTests: XCTestCase {
    static let forecast = """
        start,call_type,offered,low,high
        2026-03-02T08:00,sales,12,11,13
        2026-03-02T08:30,sales,0,0,0
        2026-03-03T08:00,sales,18,15,25
        2026-03-04T08:00,sales,5,3,7
        """
    /// Sales: 10 on day 1 (out of its band), 20 on day 2 (in it), no row at 08:30 (closed)
    /// nor on day 3 (after the export ends).
    static let actuals = """
        start,call_type,offered
        2026-02-23T08:00,sales,9
        2026-02-23T08:30,sales,0
        2026-02-24T08:00,sales,14
        2026-03-02T08:00,sales,10
        2026-03-03T08:00,sales,20
        """

    func testScoresOfAKnownCase() throws {
        let f = try History(csv: Self.forecast, file: "forecast.csv", bands: true)
        let a = try History(csv: Self.actuals, file: "actuals.csv")
        let accuracy = try ForecastAccuracy(forecast: f, actuals: a, absent: .unknown)
        XCTAssertEqual(accuracy.overall.intervals, 2)
        XCTAssertEqual(accuracy.closed, 1, "08:30: closed in the forecast, no call")
        XCTAssertEqual(accuracy.unmatched, 1, "day 3 is after the actuals end")
        XCTAssertEqual(try XCTUnwrap(accuracy.overall.wape), 4.0 / 30, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(accuracy.overall.bias), 0, accuracy: 1e-12)
        XCTAssertEqual(accuracy.overall.bandCoverage, 0.5)
        XCTAssertEqual(accuracy.byLead[1]?.bandCoverage, 0)
        XCTAssertEqual(accuracy.byLead[2]?.bandCoverage, 1)
        XCTAssertEqual(try XCTUnwrap(accuracy.byDay["2026-03-03"]?.bias), -2.0 / 20, accuracy: 1e-12)
        XCTAssertEqual(accuracy.byHour.keys.sorted(), [8])
        // The naive's in-sample error a week back: |10 − 9| and |20 − 14|, 3.5 on average.
        XCTAssertEqual(try XCTUnwrap(accuracy.overall.mase), (4.0 / 2) / 3.5, accuracy: 1e-12)
    }

    func testMismatchesAreErrors() throws {
        let f = try History(csv: Self.forecast, file: "forecast.csv", bands: true)
        let hourly = try History(csv: "start,call_type,offered\n2026-03-02T08:00,sales,1\n2026-03-02T09:00,sales,1\n", file: "a.csv")
        XCTAssertThrowsError(try ForecastAccuracy(forecast: f, actuals: hourly)) {
            XCTAssertTrue("\($0)".contains("60-minute"), "\($0)")
        }
        let other = try History(csv: "start,call_type,offered\n2026-03-02T08:00,billing,1\n2026-03-02T08:30,billing,1\n", file: "a.csv")
        XCTAssertThrowsError(try ForecastAccuracy(forecast: f, actuals: other)) {
            XCTAssertTrue("\($0)".contains("call type sales of the forecast has no row in the actuals"), "\($0)")
        }
    }
}
