import Forecasting
import XCTest

/// Holt-Winters on series with a known future.
final class HoltWintersTests: XCTestCase {
    /// A weekly multiplicative season on a linear trend, without noise: the forecast
    /// continues it (within a fraction of a percent after the fit's warm-up).
    func testContinuesATrendAndAWeeklySeason() throws {
        let season = [1.2, 1.1, 1.0, 1.0, 0.9, 0.5, 0.3]
        let truth = (0..<400).map { t in (1000 + 0.5 * Double(t)) * season[t % 7] }
        let fit = try XCTUnwrap(HoltWinters(fitting: truth.prefix(372).map { $0 }))
        for (h, f) in fit.forecast(days: 28).enumerated() {
            XCTAssertEqual(f, truth[372 + h], accuracy: truth[372 + h] * 0.01, "day \(h + 1) ahead")
        }
    }

    /// Unknown days and one outlier do not throw the level off.
    func testUnknownDaysAndAnOutlier() throws {
        let season = [1.2, 1.1, 1.0, 1.0, 0.9, 0.5, 0.3]
        var series: [Double?] = (0..<210).map { t in 800 * season[t % 7] }
        for t in stride(from: 30, to: 200, by: 11) { series[t] = nil }
        series[150] = 8000
        let fit = try XCTUnwrap(HoltWinters(fitting: series))
        for (h, f) in fit.forecast(days: 14).enumerated() {
            XCTAssertEqual(f, 800 * season[(210 + h) % 7], accuracy: 800 * 0.03, "day \(h + 1) ahead")
        }
    }

    func testTooShortASeriesIsNotFitted() {
        XCTAssertNil(HoltWinters(fitting: Array(repeating: 10, count: 13)))
    }
}
