import Foundation
import Statistics

/// Holt-Winters exponential smoothing of a daily series with an additive trend and a
/// multiplicative weekly season, its three smoothing weights fitted by minimising the
/// squared one-step errors (GSL's Nelder–Mead). Unknown days (`nil`) take the one-step
/// forecast; days far off it (more than 4 standard deviations: storms, outages) are
/// treated as unknown, so that one day does not bend the level.
public struct HoltWinters: Sendable {
    public let alpha: Double, beta: Double, gamma: Double
    /// The state after the last day: level, trend, and the season of the next 7 days.
    let level: Double, trend: Double
    let season: [Double]
    /// One-step errors' standard deviation over the fitted days.
    public let sigma: Double

    /// Fits the model to `series` (at least two weeks with a known value).
    public init?(fitting series: [Double?]) {
        guard series.compactMap({ $0 }).count >= 14, series.count >= 21 else { return nil }
        func logistic(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
        let fit = Minimizer.nelderMead(start: [-1, -3, -2], step: 1, tolerance: 1e-4, maxIterations: 300) { p in
            Self.run(series, alpha: logistic(p[0]), beta: logistic(p[1]), gamma: logistic(p[2])).sse
        }
        (alpha, beta, gamma) = (logistic(fit.point[0]), logistic(fit.point[1]), logistic(fit.point[2]))
        let state = Self.run(series, alpha: alpha, beta: beta, gamma: gamma)
        (level, trend, season, sigma) = (state.level, state.trend, state.season, state.sigma)
    }

    /// The forecasts of the `days` days after the series.
    public func forecast(days: Int) -> [Double] {
        (0..<days).map { h in max(0, (level + Double(h + 1) * trend) * season[h % 7]) }
    }

    /// Runs the smoothing with the given weights: the squared one-step errors, the state
    /// after the last day (season rotated to start at the next day) and the errors' deviation.
    static func run(_ y: [Double?], alpha: Double, beta: Double, gamma: Double)
        -> (sse: Double, level: Double, trend: Double, season: [Double], sigma: Double) {
        let known = y.prefix(14).compactMap { $0 }
        let mean1 = Self.mean(y.prefix(7)) ?? (known.first ?? 1)
        let mean2 = Self.mean(y.dropFirst(7).prefix(7)) ?? mean1
        var level = max(mean1, 1e-6), trend = (mean2 - mean1) / 7
        var season = (0..<7).map { d -> Double in
            let values = [y[d], y[d + 7]].compactMap { $0 }
            return values.isEmpty || mean1 <= 0 ? 1 : max(0.05, values.reduce(0, +) / Double(values.count) / ((mean1 + mean2) / 2))
        }
        var sse = 0.0, count = 0, scale = Double.infinity
        for (t, value) in y.enumerated() {
            let s = season[t % 7]
            let predicted = max(0, (level + trend) * s)
            var actual = value ?? predicted
            let error = actual - predicted
            if value != nil && scale.isFinite && abs(error) > 4 * scale { actual = predicted }
            if value != nil && t >= 14 {
                sse += error * error
                count += 1
                scale = (sse / Double(count)).squareRoot()
            }
            let newLevel = alpha * actual / max(s, 1e-6) + (1 - alpha) * (level + trend)
            trend = beta * (newLevel - level) + (1 - beta) * trend
            season[t % 7] = gamma * actual / max(newLevel, 1e-6) + (1 - gamma) * s
            level = newLevel
        }
        let next = y.count % 7
        return (sse, level, trend, Array(season[next...] + season[..<next]), count > 0 ? (sse / Double(count)).squareRoot() : 0)
    }

    private static func mean<S: Sequence>(_ values: S) -> Double? where S.Element == Double? {
        let known = values.compactMap { $0 }
        return known.isEmpty ? nil : known.reduce(0, +) / Double(known.count)
    }
}
