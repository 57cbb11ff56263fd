import ContactCenter
import Forecasting
import Statistics
import XCTest

/// The regression on the calendar with AR(1) errors on series with a known law.
final class CalendarRegressionTests: XCTestCase {
    static let monday = CalendarDate(iso: "2026-01-05")!
    /// Log effects of Monday … Sunday.
    static let weekday = [0.2, 0.1, 0.05, 0.05, 0.0, -0.5, -0.9]

    /// exp(log 1000 + 0.3 × years + the weekday's effect + e), e AR(1) with `phi` and
    /// innovations of standard deviation `sigma` (Box–Muller draws).
    static func series(days: Int, phi: Double, sigma: Double, seed: UInt64) throws -> (values: [Double], mean: [Double]) {
        let stream = try RandomStream(seed: seed)
        var e = 0.0, values: [Double] = [], mean: [Double] = []
        for t in 0..<days {
            let z = (-2 * log(stream.uniformPositive())).squareRoot() * cos(2 * Double.pi * stream.uniformPositive())
            e = phi * e + sigma * z
            let m = log(1000) + 0.3 * Double(t) / 365 + weekday[t % 7]
            mean.append(exp(m))
            values.append(exp(m + e))
        }
        return (values, mean)
    }

    /// Without noise, the fit is the law: coefficients and forecasts exact.
    func testALawWithoutNoiseIsRecoveredExactly() throws {
        let (values, _) = try Self.series(days: 400, phi: 0, sigma: 0, seed: 1)
        let fit = try XCTUnwrap(CalendarRegression(fitting: values.prefix(372).map { $0 }, firstDay: Self.monday))
        // The window is the last 364 days, starting on day 8 (a Tuesday).
        XCTAssertEqual(fit.coefficients[1], 0.3, accuracy: 1e-9)
        for (j, effect) in Self.weekday.dropFirst().enumerated() {
            XCTAssertEqual(fit.coefficients[2 + j], effect - Self.weekday[0], accuracy: 1e-9, "weekday \(j + 2)")
        }
        for (h, f) in fit.forecast(days: 28).enumerated() {
            XCTAssertEqual(f, values[372 + h], accuracy: values[372 + h] * 1e-9, "day \(h + 1) ahead")
        }
    }

    /// With AR(1) errors (φ 0.6), unknown days and a day of 0: φ within four standard
    /// errors (√((1 − φ²)/n)), and the forecast a week ahead, where φ⁷ leaves 3% of
    /// today's error, within four of its standard errors of the law's mean.
    func testAutocorrelatedErrorsAndGaps() throws {
        let (values, mean) = try Self.series(days: 400, phi: 0.6, sigma: 0.05, seed: 3)
        var series: [Double?] = values.prefix(372).map { $0 }
        for t in stride(from: 20, to: 372, by: 37) { series[t] = nil }
        series[100] = 0
        let fit = try XCTUnwrap(CalendarRegression(fitting: series, firstDay: Self.monday))
        XCTAssertEqual(fit.phi, 0.6, accuracy: 4 * ((1 - 0.36) / 364).squareRoot())
        XCTAssertEqual(fit.sigma, 0.05, accuracy: 4 * 0.05 / (2 * 364).squareRoot())
        let ahead = fit.forecast(days: 28)
        // A forecast's log error: the coefficients' (about σ_e / √n per effect, σ_e =
        // σ / √(1 − φ²)) and what is left of today's error; bounded by 2.5 σ_e / √(364/7).
        let sigmaE = 0.05 / (1 - 0.36).squareRoot()
        for h in 7..<28 {
            let bound = 4 * (2.5 * sigmaE / (364.0 / 7).squareRoot() + pow(0.6, Double(h + 1)) * sigmaE)
            XCTAssertEqual(log(ahead[h] / mean[372 + h]), 0, accuracy: bound, "day \(h + 1) ahead")
        }
    }

    /// Too few known days: no fit.
    func testTooFewDays() {
        XCTAssertNil(CalendarRegression(fitting: Array(repeating: 100, count: 27) + [nil, 0], firstDay: Self.monday))
        XCTAssertNotNil(CalendarRegression(fitting: Array(repeating: 100, count: 28), firstDay: Self.monday))
    }
}

/// The backtest's guard against a lucky model: a challenger replaces the incumbent only
/// when its absolute errors are lower beyond chance.
final class ModelChoiceTests: XCTestCase {
    /// Actuals of 1000 and forecasts `1000 + error`.
    static func pairs(_ errors: [Double]) -> [(Double, Double)] { errors.map { (1000, 1000 + $0) } }

    func testALuckyWinIsNotEnough() {
        // Incumbent errors alternate 100 and -60 (mean absolute 80). A challenger of 90
        // and -80 is worse (85); one of 60 and -90 is better (75), but its differences
        // (40, -30) spread 35.9 on 20 days: t = 5 / (35.9/√20) = 0.62, below 1.645.
        let incumbent = Self.pairs((0..<20).map { $0 % 2 == 0 ? 100 : -60 })
        XCTAssertFalse(ModelChoice.beatsBeyondChance(challenger: Self.pairs((0..<20).map { $0 % 2 == 0 ? 90 : -80 }),
                                                     incumbent: incumbent, distinctDays: 20))
        XCTAssertFalse(ModelChoice.beatsBeyondChance(challenger: Self.pairs((0..<20).map { $0 % 2 == 0 ? 60 : -90 }),
                                                     incumbent: incumbent, distinctDays: 20))
        XCTAssertFalse(ModelChoice.beatsBeyondChance(challenger: incumbent, incumbent: incumbent, distinctDays: 20))
    }

    func testAClearWinAndTheDaysThatCount() {
        // Differences 10 ± 5 (t = 10 / (5.13/√n)): far beyond chance on 20 distinct days;
        // 80 pairs of 4 overlapping origins on the same 20 days count as 20.
        let incumbent = Self.pairs((0..<80).map { $0 % 2 == 0 ? 100 : -100 })
        let challenger = Self.pairs((0..<80).map { $0 % 2 == 0 ? 85 : -95 })
        XCTAssertTrue(ModelChoice.beatsBeyondChance(challenger: challenger, incumbent: incumbent, distinctDays: 20))
        // The same mean advantage with a spread of 40: t = 10 / (40.3/√2) = 0.35 on 2 days.
        let noisy = Self.pairs((0..<80).map { $0 % 2 == 0 ? 50 : -130 })
        XCTAssertFalse(ModelChoice.beatsBeyondChance(challenger: noisy, incumbent: incumbent, distinctDays: 2))
        XCTAssertTrue(ModelChoice.beatsBeyondChance(challenger: noisy, incumbent: incumbent, distinctDays: 80),
                      "t = 10 / (40.3/√80) = 2.2")
    }
}
