import ContactCenter
import Foundation
import Statistics

/// Daily totals as a regression on the calendar with autoregressive errors: the log of a
/// day's total on a level, a linear trend and the day of the week, the errors AR(1) — a
/// regression with ARIMA(1,0,0) errors, fitted by Prais–Winsten generalised least squares
/// (Cochrane–Orcutt iterations) on the last ``window`` days. The forecaster gives it the
/// totals divided by the known events and the day-of-month (billing) and time-of-year
/// effects, and multiplies those back.
public struct CalendarRegression: Sendable {
    /// The days fitted: the last 52 weeks.
    public static let window = 364
    /// The fewest known days it fits.
    public static let fewestDays = 28

    /// Level, trend per year, then Tuesday … Sunday against Monday, on the log scale.
    public let coefficients: [Double]
    /// The errors' lag-one autocorrelation (within ±``largestPhi``).
    public let phi: Double
    /// The innovations' standard deviation on the log scale.
    public let sigma: Double
    static let largestPhi = 0.98
    private let firstDay: CalendarDate, windowStart: Int, count: Int
    private let lastError: (day: Int, value: Double)?
    /// Duan's smearing factor: the mean of exp(innovation), so that exp of a log forecast
    /// is a forecast of the mean.
    private let smearing: Double

    /// Fits the days of `series` (`nil`: unknown; days of 0 or less are left out), day 0
    /// on `firstDay`; `nil` with fewer than ``fewestDays`` known days in the window.
    public init?(fitting series: [Double?], firstDay: CalendarDate) {
        let start = max(0, series.count - Self.window)
        var known: [Int: Double] = [:]
        for t in start..<series.count { if let v = series[t], v > 0 { known[t] = log(v) } }
        guard known.count >= Self.fewestDays else { return nil }
        let days = known.sorted { $0.key < $1.key }
        let row = { (t: Int) in Self.regressors(day: t, windowStart: start, firstDay: firstDay) }
        var phi = 0.0, beta: [Double] = []
        for _ in 0..<20 {
            guard let fit = Self.generalisedFit(days: days, known: known, phi: phi, row: row) else { return nil }
            beta = fit
            let next = Self.autocorrelation(days: days.map(\.key)) { t in known[t].map { $0 - Self.dot(fit, row(t)) } }
            let settled = abs(next - phi) < 1e-5
            phi = next
            if settled { break }
        }
        let error = { (t: Int) in known[t].map { $0 - Self.dot(beta, row(t)) } }
        let innovations = days.map { t, _ in (error(t) ?? 0) - phi * (error(t - 1) ?? 0) }
        coefficients = beta
        self.phi = phi
        sigma = (innovations.reduce(0) { $0 + $1 * $1 } / Double(max(1, innovations.count - beta.count - 1))).squareRoot()
        smearing = innovations.reduce(0) { $0 + exp($1) } / Double(innovations.count)
        lastError = days.last.map { ($0.key, error($0.key) ?? 0) }
        self.firstDay = firstDay
        (windowStart, count) = (start, series.count)
    }

    /// The forecasts of the `days` days after the series' end.
    public func forecast(days: Int) -> [Double] {
        (0..<days).map { h in
            let t = count + h
            let carried = lastError.map { pow(phi, Double(t - $0.day)) * $0.value } ?? 0
            return exp(Self.dot(coefficients, Self.regressors(day: t, windowStart: windowStart, firstDay: firstDay)) + carried)
                * smearing
        }
    }

    /// `[1, years since the window's start, Tuesday, …, Sunday]` of day `t`.
    static func regressors(day t: Int, windowStart: Int, firstDay: CalendarDate) -> [Double] {
        let weekday = firstDay.adding(days: t).weekday.rawValue
        return [1, Double(t - windowStart) / 365] + (2...7).map { weekday == $0 ? 1 : 0 }
    }

    /// Least squares of the days transformed by the AR(1) filter (Prais–Winsten: a day
    /// whose day before is unknown is scaled by √(1 − φ²)).
    private static func generalisedFit(days: [(key: Int, value: Double)], known: [Int: Double], phi: Double,
                                       row: (Int) -> [Double]) -> [Double]? {
        let scale = (1 - phi * phi).squareRoot()
        var x: [[Double]] = [], y: [Double] = []
        x.reserveCapacity(days.count)
        for (t, value) in days {
            let r = row(t)
            if let before = known[t - 1] {
                x.append(zip(r, row(t - 1)).map { $0 - phi * $1 })
                y.append(value - phi * before)
            } else {
                x.append(r.map { $0 * scale })
                y.append(value * scale)
            }
        }
        return LeastSquares.fit(x, y)?.coefficients
    }

    /// Σ e(t) e(t−1) / Σ e(t−1)² over the days with both known, within ±``largestPhi``.
    private static func autocorrelation(days: [Int], error: (Int) -> Double?) -> Double {
        var cross = 0.0, square = 0.0
        for t in days {
            guard let e = error(t), let before = error(t - 1) else { continue }
            cross += e * before
            square += before * before
        }
        return square > 0 ? min(largestPhi, max(-largestPhi, cross / square)) : 0
    }

    private static func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
}
