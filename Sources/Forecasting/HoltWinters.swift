import Foundation
import Statistics

/// Holt-Winters exponential smoothing of a daily series with an additive trend, damped
/// or not, and a multiplicative weekly season: ETS(A,A,M) or ETS(A,Ad,M). The smoothing
/// weights (and the damping φ, 0.8–0.98) are fitted by minimising the squared one-step
/// errors (GSL's Nelder–Mead); of the two forms, the one with the lower AICc is kept
/// (the undamped on a tie). Unknown days (`nil`) take the one-step forecast; days far off
/// it (more than 4 standard deviations: storms, outages) are treated as unknown, so that
/// one day does not bend the level.
public struct HoltWinters: Sendable {
    public let alpha: Double, beta: Double, gamma: Double
    /// The trend's damping: 1 undamped; below 1 the trend fades (φ^h at h days ahead).
    public let phi: Double
    /// The state after the last day: level, trend, and the season of the next 7 days.
    let level: Double, trend: Double
    let season: [Double]
    /// One-step errors' standard deviation over the fitted days.
    public let sigma: Double
    /// The fit's corrected Akaike information criterion.
    public let aicc: Double

    /// Fits both forms to `series` (at least two weeks with a known value) and keeps the
    /// one with the lower AICc.
    public init?(fitting series: [Double?]) {
        guard series.compactMap({ $0 }).count >= 14, series.count >= 21 else { return nil }
        let plain = Self(series, start: [-1, -3, -2])
        // The damped fit starts from the undamped one's weights, so it finds at least as good a fit.
        let damped = Self(series, start: plain.point + [0])
        self = damped.aicc < plain.aicc ? damped : plain
    }

    /// The fitted weights on the scale the minimiser works on (logits).
    private var point: [Double] {
        func logit(_ p: Double) -> Double { log(p / (1 - p)) }
        return [logit(alpha), logit(beta), logit(gamma)]
    }

    /// Fits from `start` (three logits; a fourth fits the damping too).
    private init(_ series: [Double?], start: [Double]) {
        let damped = start.count == 4
        func logistic(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
        func weights(_ p: [Double]) -> (Double, Double, Double, Double) {
            (logistic(p[0]), logistic(p[1]), logistic(p[2]), damped ? 0.8 + 0.18 * logistic(p[3]) : 1)
        }
        let fit = Minimizer.nelderMead(start: start, step: 1, tolerance: 1e-4, maxIterations: damped ? 400 : 300) { p in
            let (a, b, g, f) = weights(p)
            return Self.run(series, alpha: a, beta: b, gamma: g, phi: f).sse
        }
        (alpha, beta, gamma, phi) = weights(fit.point)
        let state = Self.run(series, alpha: alpha, beta: beta, gamma: gamma, phi: phi)
        (level, trend, season, sigma) = (state.level, state.trend, state.season, state.sigma)
        let n = Double(state.count), k = Double(start.count)
        aicc = n > k + 1 ? n * log(max(state.sse, 1e-12) / n) + 2 * k + 2 * k * (k + 1) / (n - k - 1) : .infinity
    }

    /// The forecasts of the `days` days after the series.
    public func forecast(days: Int) -> [Double] {
        var damping = 0.0, power = 1.0
        return (0..<days).map { h in
            power *= phi
            damping += power
            return max(0, (level + damping * trend) * season[h % 7])
        }
    }

    /// Runs the smoothing with the given weights: the squared one-step errors, the state
    /// after the last day (season rotated to start at the next day) and the errors' deviation.
    static func run(_ y: [Double?], alpha: Double, beta: Double, gamma: Double, phi: Double = 1)
        -> (sse: Double, level: Double, trend: Double, season: [Double], sigma: Double, count: Int) {
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
            let predicted = max(0, (level + phi * trend) * s)
            var actual = value ?? predicted
            let error = actual - predicted
            if value != nil && scale.isFinite && abs(error) > 4 * scale { actual = predicted }
            if value != nil && t >= 14 {
                sse += error * error
                count += 1
                scale = (sse / Double(count)).squareRoot()
            }
            let newLevel = alpha * actual / max(s, 1e-6) + (1 - alpha) * (level + phi * trend)
            trend = beta * (newLevel - level) + (1 - beta) * phi * trend
            season[t % 7] = gamma * actual / max(newLevel, 1e-6) + (1 - gamma) * s
            level = newLevel
        }
        let next = y.count % 7
        return (sse, level, trend, Array(season[next...] + season[..<next]), count > 0 ? (sse / Double(count)).squareRoot() : 0, count)
    }

    private static func mean<S: Sequence>(_ values: S) -> Double? where S.Element == Double? {
        let known = values.compactMap { $0 }
        return known.isEmpty ? nil : known.reduce(0, +) / Double(known.count)
    }
}
