import ContactCenter
import Foundation
import Statistics

/// What to forecast: how far ahead, the prediction intervals' level, the backtest.
public struct ForecastSettings: Sendable {
    public var days: Int
    /// The prediction intervals' coverage (0.8: the band holds 80% of outcomes).
    public var level: Double
    /// Backtest origins (a week apart) and days ahead (default: the horizon, at most 28).
    public var backtestOrigins: Int
    public var backtestDays: Int

    public init(days: Int, level: Double = 0.8, backtestOrigins: Int = 4, backtestDays: Int? = nil) {
        self.days = days
        self.level = level
        self.backtestOrigins = backtestOrigins
        self.backtestDays = backtestDays ?? min(days, 28)
    }
}

/// One call type's forecast: the chosen model, daily totals and interval calls with
/// their prediction intervals, the backtest and the over-dispersion found.
public struct CallTypeForecast: Sendable {
    public var callType: String
    public var model: DailyModel
    public var daily: [Double], dailyLow: [Double], dailyHigh: [Double]
    /// `[day * perDay + interval]`.
    public var intervals: [Double], intervalLow: [Double], intervalHigh: [Double]
    public var backtest: [BacktestScore]
    /// Per model, the WAPE of daily totals by days ahead.
    public var wapeByHorizon: [DailyModel: [Double?]]
    /// The day-to-day over-dispersion of the chosen model's errors beyond Poisson: the
    /// coefficient of variation of the simulator's `busyness` factor.
    public var busynessCV: Double
    /// The backtest's share of days and intervals inside the bands.
    public var dailyCoverage: Double?, intervalCoverage: Double?
    /// The history's daily totals (estimated where intervals are missing).
    public var historyDaily: [Double?]
    /// Intraday shares per day type (0 Monday … 6 Sunday, 7 holidays) from recent weeks.
    public var profiles: [[Double]]
    public var meanTalk: Double?, meanAfterCallWork: Double?
}

/// A forecast of every call type of a history, from the day after it ends.
public struct Forecast: Sendable {
    public var history: History
    public var events: EventCalendar
    public var firstDay: CalendarDate
    public var days: Int
    public var level: Double
    public var callTypes: [CallTypeForecast]

    /// The day type of forecast day `day`: 0 Monday … 6 Sunday, 7 a holiday of the calendar.
    public func dayType(ofDay day: Int) -> Int { Profiles.dayType(firstDay.adding(days: day), events: events) }

    /// The start of interval `i` of forecast day `day`.
    public func start(day: Int, interval i: Int) -> LocalDateTime {
        LocalDateTime(date: firstDay.adding(days: day), minuteOfDay: i * history.intervalMinutes)
    }
}

/// Forecasts a history: per call type, a backtest chooses the daily model, the chosen
/// model forecasts from the whole history, and the backtest's errors set the bands.
public enum Forecaster {
    public static func forecast(_ history: History, events: EventCalendar = EventCalendar(),
                                settings: ForecastSettings) -> Forecast {
        let callTypes = history.callTypes.indices.map { k in
            forecast(callType: k, history: history, events: events, settings: settings)
        }
        return Forecast(history: history, events: events, firstDay: history.firstDay.adding(days: history.dayCount), days: settings.days,
                        level: settings.level, callTypes: callTypes)
    }

    private static func forecast(callType k: Int, history h: History, events: EventCalendar,
                                 settings: ForecastSettings) -> CallTypeForecast {
        let forecaster = DailyForecaster(history: h, callType: k, events: events)
        let origins = Backtest.origins(dayCount: h.dayCount, horizon: settings.backtestDays, count: settings.backtestOrigins)
        let backtest = Backtest(forecaster, origins: origins, horizon: settings.backtestDays)
        let model = origins.isEmpty ? .seasonalNaive : backtest.best
        let (daily, intervals) = forecaster.forecast(from: h.dayCount, days: settings.days, model: model)
        let bands = Bands(dailyPairs: backtest.dailyPairs[model] ?? [], intervalPairs: backtest.intervalPairs[model] ?? [],
                          level: settings.level)
        let profiles = Profiles(history: h, callType: k, before: h.dayCount, events: events)
        return CallTypeForecast(
            callType: h.callTypes[k], model: model, daily: daily, dailyLow: daily.map(bands.dailyLow),
            dailyHigh: daily.map(bands.dailyHigh), intervals: intervals, intervalLow: intervals.map(bands.intervalLow),
            intervalHigh: intervals.map(bands.intervalHigh), backtest: backtest.scores, wapeByHorizon: backtest.wapeByHorizon,
            busynessCV: bands.busynessCV, dailyCoverage: bands.dailyCoverage, intervalCoverage: bands.intervalCoverage,
            historyDaily: forecaster.estimatedTotals(profiles: profiles), profiles: profiles.shares,
            meanTalk: h.meanTalk[k], meanAfterCallWork: h.meanAfterCallWork[k])
    }
}

/// Prediction intervals calibrated on backtest errors. Daily: the forecast times the
/// empirical quantiles of actual / forecast. Interval: the forecast ± z·c·√(m + m²σ²) —
/// Poisson counts on a day whose level is off by a factor of spread σ — with c the
/// smallest factor that covers the level's share of the backtest's intervals.
struct Bands {
    private let lowRatio: Double, highRatio: Double
    private let z: Double, sigma: Double, widen: Double
    let busynessCV: Double
    let dailyCoverage: Double?, intervalCoverage: Double?

    init(dailyPairs: [(Double, Double)], intervalPairs: [(Double, Double)], level: Double) {
        let ratios = dailyPairs.filter { $0.0 > 0 && $0.1 > 0 }.map { $0.0 / $0.1 }
        let logs = ratios.map { Foundation.log($0) }.sorted()
        let z = StandardNormal.quantile(1 - (1 - level) / 2)
        self.z = z
        let mean = ratios.isEmpty ? 1 : ratios.reduce(0, +) / Double(ratios.count)
        let variance = ratios.isEmpty ? 0.01 : ratios.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(1, ratios.count - 1))
        let sigma = variance.squareRoot()
        self.sigma = sigma
        let poisson = dailyPairs.filter { $0.1 > 0 }.map { 1 / $0.1 }
        // Unknown without a backtest (0 then); the bands then assume a 10% spread.
        busynessCV = ratios.isEmpty ? 0
            : max(0, variance - (poisson.isEmpty ? 0 : poisson.reduce(0, +) / Double(poisson.count))).squareRoot()
        if logs.count >= 10 {
            lowRatio = exp(Self.quantile(logs, (1 - level) / 2))
            highRatio = exp(Self.quantile(logs, 1 - (1 - level) / 2))
        } else {
            (lowRatio, highRatio) = (exp(-z * max(sigma, 0.05)), exp(z * max(sigma, 0.05)))
        }
        var factor = intervalPairs.isEmpty ? 1 : 4.0  // no backtest: Poisson counts with the assumed spread
        for c in stride(from: 0.5, through: 4, by: 0.05) where !intervalPairs.isEmpty {
            let covered = intervalPairs.filter { a, f in abs(a - f) <= z * c * (f + f * f * variance).squareRoot() + 0.5 }.count
            if Double(covered) >= level * Double(intervalPairs.count) { factor = c; break }
        }
        widen = factor
        let (lo, hi) = (lowRatio, highRatio)
        dailyCoverage = dailyPairs.isEmpty ? nil
            : Double(dailyPairs.filter { $0.0 >= $0.1 * lo && $0.0 <= $0.1 * hi }.count) / Double(dailyPairs.count)
        intervalCoverage = intervalPairs.isEmpty ? nil : Double(intervalPairs.filter { a, f in
            abs(a - f) <= z * factor * (f + f * f * variance).squareRoot() + 0.5
        }.count) / Double(intervalPairs.count)
    }

    func dailyLow(_ f: Double) -> Double { f * lowRatio }
    func dailyHigh(_ f: Double) -> Double { f * highRatio }
    func intervalLow(_ m: Double) -> Double { max(0, m - halfWidth(m)) }
    func intervalHigh(_ m: Double) -> Double { m + halfWidth(m) }
    private func halfWidth(_ m: Double) -> Double { z * widen * (m + m * m * sigma * sigma).squareRoot() + 0.5 }

    /// The `p` quantile of sorted values (linear between order statistics).
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let position = p * Double(sorted.count - 1)
        let i = Int(position.rounded(.down)), j = min(i + 1, sorted.count - 1)
        return sorted[i] + (sorted[j] - sorted[i]) * (position - Double(i))
    }
}
