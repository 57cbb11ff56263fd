import Foundation
import Statistics

/// Prediction intervals calibrated on backtest errors. Daily: the forecast times the
/// empirical quantiles of actual / forecast. Interval: the forecast ± z·c·√(m + m²σ²) + ½
/// — Poisson counts on a day whose level is off by a factor of spread σ — with c the
/// smallest factor that covers the level's share of the backtest's intervals *in their
/// cell* (hour of day × class of day, ``BandCell``), so that busy hours and quiet ones
/// are each covered at the level, not only all of them together. A cell with fewer than
/// ``leastPairs`` pairs borrows the neighbouring hours, then the hour on every class of
/// day, then all pairs.
struct Bands {
    private let lowRatio: Double, highRatio: Double
    private let z: Double, sigma: Double
    /// c per ``BandCell/index``.
    private let widen: [Double]
    /// `nil` without a backtest: the day-to-day spread is then not known.
    let busynessCV: Double?
    let dailyCoverage: Double?, intervalCoverage: Double?
    /// The fewest backtest intervals a cell's factor is taken from.
    static let leastPairs = 40

    init(dailyPairs: [(Double, Double)], intervalPairs: [IntervalPair], level: Double) {
        let ratios = dailyPairs.filter { $0.0 > 0 && $0.1 > 0 }.map { $0.0 / $0.1 }
        let logs = ratios.map { Foundation.log($0) }.sorted()
        let z = StandardNormal.quantile(1 - (1 - level) / 2)
        self.z = z
        let mean = ratios.isEmpty ? 1 : ratios.reduce(0, +) / Double(ratios.count)
        let variance = ratios.isEmpty ? 0.01 : ratios.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(1, ratios.count - 1))
        let sigma = variance.squareRoot()
        self.sigma = sigma
        let poisson = dailyPairs.filter { $0.1 > 0 }.map { 1 / $0.1 }
        busynessCV = ratios.isEmpty ? nil
            : max(0, variance - (poisson.isEmpty ? 0 : poisson.reduce(0, +) / Double(poisson.count))).squareRoot()
        if logs.count >= 10 {
            lowRatio = exp(Self.quantile(logs, (1 - level) / 2))
            highRatio = exp(Self.quantile(logs, 1 - (1 - level) / 2))
        } else {
            (lowRatio, highRatio) = (exp(-z * max(sigma, 0.05)), exp(z * max(sigma, 0.05)))
        }
        let scores = intervalPairs.map { p in
            (p.band, (abs(p.actual - p.forecast) - 0.5) / (z * (p.forecast + p.forecast * p.forecast * variance).squareRoot()))
        }
        let widen = Self.factors(scores, level: level)
        self.widen = widen
        let (lo, hi) = (lowRatio, highRatio)
        dailyCoverage = dailyPairs.isEmpty ? nil
            : Double(dailyPairs.filter { $0.0 >= $0.1 * lo && $0.0 <= $0.1 * hi }.count) / Double(dailyPairs.count)
        intervalCoverage = scores.isEmpty ? nil : Double(scores.filter { $0.1 <= widen[$0.0.index] }.count) / Double(scores.count)
    }

    /// Per cell, the `level` quantile of its standardised errors (those of the nearest
    /// pool with ``leastPairs``), within 0.25–8; 4 everywhere without a backtest (Poisson
    /// counts with an assumed 10% spread, widened).
    private static func factors(_ scores: [(BandCell, Double)], level: Double) -> [Double] {
        guard !scores.isEmpty else { return Array(repeating: 4, count: BandCell.count) }
        var byCell = Array(repeating: [Double](), count: BandCell.count)
        for (cell, e) in scores where e.isFinite { byCell[cell.index].append(e) }
        let all = byCell.joined().sorted()
        func quantile(_ values: [Double]) -> Double {
            let sorted = values.sorted()
            let rank = min(sorted.count - 1, max(0, Int((level * Double(sorted.count)).rounded(.up)) - 1))
            return min(8, max(0.25, sorted[rank]))
        }
        return (0..<BandCell.count).map { index in
            let (dayClass, hour) = (index / 24, index % 24)
            let pools = [[index], [-1, 0, 1].map { dayClass * 24 + (hour + $0 + 24) % 24 }, (0..<3).map { $0 * 24 + hour }]
            for pool in pools {
                let values = pool.flatMap { byCell[$0] }
                if values.count >= leastPairs { return quantile(values) }
            }
            return all.isEmpty ? 4 : quantile(all)
        }
    }

    func dailyLow(_ f: Double) -> Double { f * lowRatio }
    func dailyHigh(_ f: Double) -> Double { f * highRatio }
    func intervalLow(_ m: Double, _ cell: BandCell) -> Double { max(0, m - halfWidth(m, cell)) }
    func intervalHigh(_ m: Double, _ cell: BandCell) -> Double { m + halfWidth(m, cell) }
    private func halfWidth(_ m: Double, _ cell: BandCell) -> Double {
        z * widen[cell.index] * (m + m * m * sigma * sigma).squareRoot() + 0.5
    }

    /// The `p` quantile of sorted values (linear between order statistics).
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let position = p * Double(sorted.count - 1)
        let i = Int(position.rounded(.down)), j = min(i + 1, sorted.count - 1)
        return sorted[i] + (sorted[j] - sorted[i]) * (position - Double(i))
    }
}
