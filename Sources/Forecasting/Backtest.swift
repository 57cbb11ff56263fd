import Foundation
import Statistics

/// What a backtest's errors are measured on: daily totals or interval volumes (in JSON
/// and CSV: `day`, `interval`).
public enum BacktestLevel: String, Sendable, Codable, CaseIterable {
    case day, interval
}

/// How a model forecast the recent past: errors at one level (days or intervals).
public struct BacktestScore: Sendable, Codable, Equatable {
    public var model: DailyModel
    public var level: BacktestLevel
    /// Σ|actual − forecast| / Σ actual.
    public var wape: Double?
    /// The mean of |actual − forecast| / actual over the actuals above 0.
    public var mape: Double?
    /// The mean absolute error over the in-sample one-week seasonal naive's.
    public var mase: Double?
}

/// Where a backtest interval lies for the bands: its hour of day and its class of day
/// (Monday–Friday, Saturday, Sunday or holiday), a cell of ``count``.
struct BandCell: Hashable {
    let hour: Int, dayClass: Int
    static let count = 72

    init(dayType: Int, interval i: Int, intervalMinutes: Int) {
        hour = i * intervalMinutes / 60
        dayClass = dayType < 5 ? 0 : dayType == 5 ? 1 : 2
    }

    var index: Int { dayClass * 24 + hour }
}

/// An open interval of the backtest: what happened, what was forecast, and its cell.
struct IntervalPair {
    let actual: Double, forecast: Double
    let band: BandCell
}

/// A rolling-origin backtest: from each of a few recent origins (a week apart), each model
/// forecasts the next days from the history before the origin only, and is compared with
/// what happened.
struct Backtest {
    var scores: [BacktestScore] = []
    /// Per model, the WAPE of daily totals by days ahead (1 first).
    var wapeByHorizon: [DailyModel: [Double?]] = [:]
    /// Per model, daily (actual, forecast) pairs and the open intervals' pairs.
    var dailyPairs: [DailyModel: [(Double, Double)]] = [:]
    var intervalPairs: [DailyModel: [IntervalPair]] = [:]
    /// The days judged, each counted once however many origins reach it.
    var distinctDays = 0

    /// Origins: the last `count` days a week apart that leave `horizon` days of history
    /// after them and 8 weeks before them.
    static func origins(dayCount: Int, horizon: Int, count: Int) -> [Int] {
        (0..<count).map { dayCount - horizon - 7 * $0 }.filter { $0 >= 56 }
    }

    init(_ forecaster: DailyForecaster, origins: [Int], horizon: Int) {
        let h = forecaster.history, k = forecaster.callType, n = h.perDay
        let profiles = Profiles(history: h, callType: k, before: h.dayCount, events: forecaster.events, open: forecaster.open)
        let actualDaily = forecaster.actualTotals(profiles: profiles, days: 0..<h.dayCount)
        let scaleDaily = Self.naiveScale(actualDaily)
        let scaleInterval = Self.naiveScale(h.offered[k], lag: 7 * n)
        distinctDays = Set(origins.flatMap { o in (o..<o + horizon).filter { actualDaily.indices.contains($0) && actualDaily[$0] != nil } }).count
        for model in DailyModel.allCases {
            var byHorizon = Array(repeating: (err: 0.0, sum: 0.0), count: horizon)
            var days: [(Double, Double)] = [], intervals: [IntervalPair] = []
            for origin in origins {
                let (daily, perInterval) = forecaster.forecast(from: origin, days: horizon, model: model)
                for d in 0..<horizon {
                    if let actual = actualDaily[origin + d] {
                        days.append((actual, daily[d]))
                        byHorizon[d] = (byHorizon[d].err + abs(actual - daily[d]), byHorizon[d].sum + actual)
                    }
                    let type = Profiles.dayType(forecaster.date(origin + d), events: forecaster.events)
                    for i in 0..<n where forecaster.open.isOpen(dayType: type, interval: i) {
                        guard let actual = h.offered[k][(origin + d) * n + i] else { continue }
                        intervals.append(IntervalPair(actual: actual, forecast: perInterval[d * n + i],
                                                      band: BandCell(dayType: type, interval: i, intervalMinutes: h.intervalMinutes)))
                    }
                }
            }
            wapeByHorizon[model] = byHorizon.map { $0.sum > 0 ? $0.err / $0.sum : nil }
            dailyPairs[model] = days
            intervalPairs[model] = intervals
            scores.append(Self.score(model, .day, days, scale: scaleDaily))
            scores.append(Self.score(model, .interval, intervals.map { ($0.actual, $0.forecast) }, scale: scaleInterval))
        }
    }

    /// The model with the lowest daily WAPE, or interval WAPE where no day could be
    /// judged; the seasonal naive when neither could (no backtest). Ties go to the model
    /// listed first in ``DailyModel``. The regression and the combination replace the
    /// better of Holt-Winters and the naive only where they beat it beyond chance
    /// (``beatsBeyondChance(_:_:)``): with a few weeks of backtest, a model that is no
    /// better often wins by luck.
    var best: DailyModel {
        for level in BacktestLevel.allCases {
            func wape(_ m: DailyModel) -> Double? { scores.first { $0.model == m && $0.level == level }?.wape }
            let judged = DailyModel.allCases.compactMap { m in wape(m).map { (m, $0) } }
            let established = judged.filter { Self.established.contains($0.0) }
            guard let incumbent = (established.isEmpty ? judged : established).min(by: { $0.1 < $1.1 }) else { continue }
            guard level == .day else { return judged.min { $0.1 < $1.1 }?.0 ?? incumbent.0 }
            let challengers = judged.filter { !Self.established.contains($0.0) && $0.1 < incumbent.1 }
                .filter { beatsBeyondChance($0.0, incumbent.0) }
            return challengers.min { $0.1 < $1.1 }?.0 ?? incumbent.0
        }
        return .seasonalNaive
    }

    /// The models chosen on their backtest WAPE alone.
    static let established: Set<DailyModel> = [.holtWinters, .seasonalNaive]

    /// Whether `challenger`'s daily forecasts beat `incumbent`'s beyond chance
    /// (``ModelChoice/beatsBeyondChance(challenger:incumbent:distinctDays:)``).
    func beatsBeyondChance(_ challenger: DailyModel, _ incumbent: DailyModel) -> Bool {
        guard let a = dailyPairs[incumbent], let b = dailyPairs[challenger] else { return false }
        return ModelChoice.beatsBeyondChance(challenger: b, incumbent: a, distinctDays: distinctDays)
    }

    private static func score(_ model: DailyModel, _ level: BacktestLevel, _ pairs: [(Double, Double)], scale: Double?) -> BacktestScore {
        let actual = pairs.reduce(0) { $0 + $1.0 }
        let error = pairs.reduce(0) { $0 + abs($1.0 - $1.1) }
        let positive = pairs.filter { $0.0 > 0 }
        return BacktestScore(
            model: model, level: level, wape: actual > 0 ? error / actual : nil,
            mape: positive.isEmpty ? nil : positive.reduce(0) { $0 + abs($1.0 - $1.1) / $1.0 } / Double(positive.count),
            mase: scale.flatMap { $0 > 0 && !pairs.isEmpty ? error / Double(pairs.count) / $0 : nil })
    }

    /// The mean absolute change from `lag` steps before (the in-sample seasonal naive's error).
    private static func naiveScale(_ y: [Double?], lag: Int = 7) -> Double? {
        var sum = 0.0, count = 0
        for t in lag..<max(lag, y.count) {
            if let a = y[t], let b = y[t - lag] { sum += abs(a - b); count += 1 }
        }
        return count > 0 ? sum / Double(count) : nil
    }
}

/// How the backtest tells a better model from a lucky one.
public enum ModelChoice {
    /// Whether the `challenger`'s absolute errors are below the `incumbent`'s by more than
    /// chance, on the same (actual, forecast) days in the same order: the mean paired
    /// difference over its standard error above the normal distribution's 95% quantile
    /// (one-sided, a Diebold–Mariano test on absolute errors). The days of overlapping
    /// backtest origins are not independent, so the standard error counts the
    /// `distinctDays` judged when they are fewer than the pairs.
    public static func beatsBeyondChance(challenger: [(Double, Double)], incumbent: [(Double, Double)], distinctDays: Int) -> Bool {
        guard incumbent.count == challenger.count, incumbent.count > 1, distinctDays > 1 else { return false }
        let differences = zip(incumbent, challenger).map { abs($0.0 - $0.1) - abs($1.0 - $1.1) }
        let mean = differences.reduce(0, +) / Double(differences.count)
        let variance = differences.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(differences.count - 1)
        let days = Double(min(differences.count, distinctDays))
        return variance > 0 && mean / (variance / days).squareRoot() > StandardNormal.quantile(0.95)
    }
}
