import ContactCenter
import Forecasting
import Statistics
import XCTest

/// The rest of a day updated from its calls so far, and the negative binomial bands.
final class IntradayUpdateTests: XCTestCase {
    /// A forecast of 10 calls per half-hour 08:00–18:00 on 2026-05-11 and 2026-05-12.
    static let forecast: String = {
        var text = "start,call_type,offered,low,high\n"
        for date in ["2026-05-11", "2026-05-12"] {
            for i in 16..<36 { text += "\(date)T\(String(format: "%02d:%02d", i / 2, i % 2 * 30)),报修-1,10,6,14\n" }
        }
        return text
    }()

    /// The morning of 2026-05-12: 15 calls in each half-hour 08:00–11:30, the 09:30 row
    /// left out (as an export that omits zero rows would).
    static let morning: String = {
        var text = "start,call_type,offered\n"
        for i in 16..<24 where i != 19 { text += "2026-05-12T\(String(format: "%02d:%02d", i / 2, i % 2 * 30)),报修-1,15\n" }
        return text
    }()

    func testTheRestOfTheDayIsScaledByTheGammaPosterior() throws {
        let forecast = try History(csv: Self.forecast, file: "forecast.csv"), today = try History(csv: Self.morning, file: "today.csv")
        // The 09:30 row unknown: 7 intervals seen, 105 calls where the forecast had 70.
        let unknown = try IntradayUpdate(forecast: forecast, today: today, cv: 0.1, level: 0.8, absent: .unknown)
        XCTAssertEqual(unknown.date, CalendarDate(iso: "2026-05-12"))
        XCTAssertEqual(unknown.now, 24, "after the last row, 11:30")
        let c = try XCTUnwrap(unknown.callTypes.first)
        XCTAssertEqual(c.observed, 105)
        XCTAssertEqual(c.expected, 70)
        XCTAssertEqual(c.factor, (100 + 105) / (100 + 70.0), accuracy: 1e-12)
        XCTAssertEqual(c.rest.count, 48 - 24)
        XCTAssertEqual(c.rest[0], 10 * (205 / 170.0), accuracy: 1e-9)
        XCTAssertEqual(c.rest[12], 0, "closed at 18:00")
        XCTAssertEqual(c.restBefore, 120)
        // Read as no calls: 8 intervals, 105 against 80.
        let zero = try IntradayUpdate(forecast: forecast, today: today, cv: 0.1, level: 0.8, absent: .zero)
        XCTAssertEqual(zero.callTypes[0].factor, 205 / 180.0, accuracy: 1e-12)
        // A wide prior follows the day's own level; a narrow one keeps the forecast.
        XCTAssertEqual(try IntradayUpdate(forecast: forecast, today: today, cv: 1, level: 0.8, absent: .unknown).callTypes[0].factor,
                       106 / 71.0, accuracy: 1e-12)
        XCTAssertEqual(try IntradayUpdate(forecast: forecast, today: today, cv: 0.01, level: 0.8, absent: .unknown).callTypes[0].factor,
                       10_105 / 10_070.0, accuracy: 1e-12)
        // From 10:00: what came later is not seen.
        XCTAssertEqual(try IntradayUpdate(forecast: forecast, today: today, cv: 0.1, level: 0.8, now: 20, absent: .unknown)
            .callTypes[0].observed, 45)
    }

    func testMistakes() throws {
        let forecast = try History(csv: Self.forecast, file: "forecast.csv")
        let late = try History(csv: Self.morning.replacingOccurrences(of: "2026-05-12", with: "2026-05-13"), file: "today.csv")
        XCTAssertThrowsError(try IntradayUpdate(forecast: forecast, today: late, cv: 0.1, level: 0.8)) { error in
            XCTAssertEqual((error as? ForecastError)?.message,
                           "the forecast (2026-05-11 to 2026-05-12) does not cover 2026-05-13, the day's export's last day")
        }
        let hourly = try History(csv: "start,call_type,offered\n2026-05-12T08:00,a,3\n2026-05-12T09:00,a,3\n", file: "h.csv")
        XCTAssertThrowsError(try IntradayUpdate(forecast: forecast, today: hourly, cv: 0.1, level: 0.8))
        let today = try History(csv: Self.morning, file: "today.csv")
        XCTAssertThrowsError(try IntradayUpdate(forecast: forecast, today: today, cv: 0.1, level: 0.8, now: 48))
    }

    /// Known quantiles: a tight gamma factor gives Poisson(10)'s (P(X ≤ 5) = 0.067,
    /// P(X ≤ 6) = 0.130, P(X ≤ 13) = 0.865, P(X ≤ 14) = 0.917); a factor of shape 1 the
    /// geometric law's (P(X ≤ k) = 1 − 0.9^(k+1) for a mean of 9).
    func testNegativeBinomialQuantiles() {
        let poisson = PoissonGamma(shape: 1e7, rate: 1e7, mean: 10)
        XCTAssertEqual(poisson.quantile(0.1), 6)
        XCTAssertEqual(poisson.quantile(0.9), 14)
        let geometric = PoissonGamma(shape: 1, rate: 1, mean: 9)
        XCTAssertEqual(geometric.quantile(0.5), 6)
        XCTAssertEqual(geometric.quantile(0.99), 43, "1 - 0.9^44 = 0.9903, 1 - 0.9^43 = 0.9892")
        XCTAssertEqual(PoissonGamma(shape: 2, rate: 1, mean: 0).quantile(0.9), 0)
        XCTAssertEqual(PoissonGamma(shape: 2, rate: 4, mean: 10).expected, 5)
    }
}
