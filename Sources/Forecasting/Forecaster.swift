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
    /// How absent rows in open hours are read.
    public var absent: AbsentRows

    public init(days: Int, level: Double = 0.8, backtestOrigins: Int = 4, backtestDays: Int? = nil, absent: AbsentRows = .auto) {
        self.days = days
        self.absent = absent
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
    /// coefficient of variation of the simulator's `busyness` factor (`nil` without a
    /// backtest of daily totals).
    public var busynessCV: Double?
    /// The backtest's share of days and intervals inside the bands.
    public var dailyCoverage: Double?, intervalCoverage: Double?
    /// The history's daily totals (estimated where intervals are missing).
    public var historyDaily: [Double?]
    /// Intraday shares per day type (0 Monday … 6 Sunday, 7 holidays) from recent weeks.
    public var profiles: [[Double]]
    /// The mean talk and after-call work of the whole history.
    public var meanTalk: Double?, meanAfterCallWork: Double?
    /// The handle times per day type and interval of the history's last 13 weeks.
    public var handleTimes: HandleTimes
}

/// A forecast of every call type of a history, from the day after it ends.
public struct Forecast: Sendable {
    /// The history as read: absent rows in closed hours as no calls, in open hours as
    /// ``absent`` says.
    public var history: History
    /// The centre's hours learnt from the history; nothing is forecast when closed.
    public var open: OpenIntervals
    /// How absent rows in open hours were read (``AbsentRows/zero`` or ``AbsentRows/unknown``).
    public var absent: AbsentRows
    /// The calendar, the factors it left out estimated for all call types together
    /// (each call type's forecast uses its own estimates).
    public var events: EventCalendar
    /// What was learnt of the events given without a factor, all call types together.
    public var eventEffects: EventEffects
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

/// A history that cannot be forecast: which call type, and why.
public struct ForecastError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}

/// Forecasts a history: the centre's hours are learnt and the absent rows read; then per
/// call type a backtest chooses the daily model, the chosen model forecasts from the
/// whole history, and the backtest's errors set the bands.
public enum Forecaster {
    /// - Throws: ``ForecastError`` when a call type has no usable day (none with half
    ///   its calls in known intervals): a forecast is never made up.
    public static func forecast(_ raw: History, events: EventCalendar = EventCalendar(),
                                settings: ForecastSettings) throws -> Forecast {
        let effects = EventEffects(history: raw, calendar: events)
        let centre = events.giving(effects.factors)
        let open = OpenIntervals(history: raw, events: centre)
        let absent = settings.absent.resolved(for: raw)
        let history = open.reading(raw, events: centre, absent: absent)
        let callTypes = try history.callTypes.indices.map { k in
            let own = events.giving(EventEffects(history: history, calendar: events, callTypes: [k], beyondDailyEffects: true).factors, dayTypesOf: centre)
            return try forecast(callType: k, history: history, events: own, open: open, settings: settings)
        }
        return Forecast(history: history, open: open, absent: absent, events: centre, eventEffects: effects,
                        firstDay: history.firstDay.adding(days: history.dayCount), days: settings.days,
                        level: settings.level, callTypes: callTypes)
    }

    private static func forecast(callType k: Int, history h: History, events: EventCalendar, open: OpenIntervals,
                                 settings: ForecastSettings) throws -> CallTypeForecast {
        let forecaster = DailyForecaster(history: h, callType: k, events: events, open: open)
        let profiles = Profiles(history: h, callType: k, before: h.dayCount, events: events, open: open)
        let historyDaily = forecaster.estimatedTotals(profiles: profiles)
        guard historyDaily.contains(where: { $0 != nil }) else {
            throw ForecastError(message: "call type \(h.callTypes[k]) has no usable day: none has half its calls in known intervals"
                + (settings.absent == .unknown ? "" : " (if the export leaves rows without calls out, give --absent zero)"))
        }
        let origins = Backtest.origins(dayCount: h.dayCount, horizon: settings.backtestDays, count: settings.backtestOrigins)
        let backtest = Backtest(forecaster, origins: origins, horizon: settings.backtestDays)
        let model = origins.isEmpty ? .seasonalNaive : backtest.best
        let (daily, intervals) = forecaster.forecast(from: h.dayCount, days: settings.days, model: model)
        let bands = Bands(dailyPairs: backtest.dailyPairs[model] ?? [], intervalPairs: backtest.intervalPairs[model] ?? [],
                          level: settings.level)
        var low = intervals, high = intervals
        let n = h.perDay, firstDay = h.firstDay.adding(days: h.dayCount)
        for d in 0..<settings.days {
            let type = Profiles.dayType(firstDay.adding(days: d), events: events)
            for i in 0..<n {
                let cell = BandCell(dayType: type, interval: i, intervalMinutes: h.intervalMinutes), j = d * n + i
                let isOpen = open.isOpen(dayType: type, interval: i)
                (low[j], high[j]) = isOpen ? (bands.intervalLow(intervals[j], cell), bands.intervalHigh(intervals[j], cell)) : (0, 0)
            }
        }
        return CallTypeForecast(
            callType: h.callTypes[k], model: model, daily: daily, dailyLow: daily.map(bands.dailyLow),
            dailyHigh: daily.map(bands.dailyHigh), intervals: intervals, intervalLow: low,
            intervalHigh: high, backtest: backtest.scores, wapeByHorizon: backtest.wapeByHorizon,
            busynessCV: bands.busynessCV, dailyCoverage: bands.dailyCoverage, intervalCoverage: bands.intervalCoverage,
            historyDaily: historyDaily, profiles: profiles.shares,
            meanTalk: h.meanTalk[k], meanAfterCallWork: h.meanAfterCallWork[k],
            handleTimes: HandleTimes(history: h, callType: k, events: events))
    }
}
