import ContactCenter

/// The models a call type's daily totals may be forecast by; the backtest chooses.
public enum DailyModel: String, Sendable, CaseIterable, Codable {
    /// Holt-Winters (additive trend, weekly season) on the totals divided by the known
    /// events, the day-of-month and the time-of-year effects, which multiply it back.
    case holtWinters = "holt_winters"
    /// The same interval last week: the baseline every forecast is measured against.
    case seasonalNaive = "seasonal_naive"
    /// A regression of the log totals on a trend and the day of the week with AR(1)
    /// errors (``CalendarRegression``), on the same totals as Holt-Winters.
    case calendarRegression = "regression"
    /// The mean of the Holt-Winters and the regression forecasts: their errors are partly
    /// independent, so the mean's is mostly smaller than either's.
    case combined
}

/// Forecasts of one call type made from the history before a given day: daily totals and
/// each interval's calls.
struct DailyForecaster {
    let history: History
    let callType: Int
    let events: EventCalendar
    /// The centre's hours: nothing is forecast in closed intervals.
    let open: OpenIntervals

    /// Forecasts the `days` days from day `origin` (the history before it only).
    func forecast(from origin: Int, days: Int, model: DailyModel) -> (daily: [Double], intervals: [Double]) {
        let n = history.perDay
        let profiles = Profiles(history: history, callType: callType, before: origin, events: events, open: open)
        let totals = eventFreeTotals(before: origin, profiles: profiles)
        var daily = model == .seasonalNaive ? naiveDaily(totals, from: origin, days: days)
            : effectsModel(totals, from: origin, days: days, model: model) ?? naiveDaily(totals, from: origin, days: days)
        daily = daily.enumerated().map { h, f in f * events.factor(date(origin + h)) }
        var intervals = [Double](repeating: 0, count: days * n)
        for h in 0..<days {
            let shares = model == .seasonalNaive ? naiveShares(from: origin, day: h, profiles: profiles)
                : profiles.shares[Profiles.dayType(date(origin + h), events: events)]
            if !shares.contains(where: { $0 > 0 }) { daily[h] = 0 }  // closed all day
            for i in 0..<n { intervals[h * n + i] = daily[h] * shares[i] }
        }
        return (daily, intervals)
    }

    /// Holt-Winters, the regression or their mean on the totals divided by the day-of-month and
    /// time-of-year effects, which multiply the forecast back; `nil` when it cannot fit.
    private func effectsModel(_ totals: [Double?], from origin: Int, days: Int, model: DailyModel) -> [Double]? {
        let effects = DailyEffects(totals: totals, firstDay: history.firstDay)
        let base = totals.enumerated().map { d, y in y.map { $0 / effects.factor(date(d)) } }
        let forecast: [Double]?
        let holtWinters = { HoltWinters(fitting: base)?.forecast(days: days) }
        let regression = { CalendarRegression(fitting: base, firstDay: history.firstDay)?.forecast(days: days) }
        switch model {
        case .holtWinters: forecast = holtWinters()
        case .calendarRegression: forecast = regression()
        case .combined:
            let (a, b) = (holtWinters(), regression())
            forecast = a.flatMap { a in b.map { zip(a, $0).map { ($0 + $1) / 2 } } } ?? a ?? b
        case .seasonalNaive: forecast = nil
        }
        return forecast.map { zip($0, 0..<days).map { f, h in f * effects.factor(date(origin + h)) } }
    }

    /// The daily totals before `origin`, from known intervals, divided by the events'
    /// factors (`nil`: not enough known, or a day with a factor of 0).
    func eventFreeTotals(before origin: Int, profiles: Profiles) -> [Double?] {
        (0..<origin).map { d in
            let day = date(d), factor = events.factor(day)
            guard factor > 0 else { return nil }
            let values = history.offered[callType][(d * history.perDay)..<((d + 1) * history.perDay)]
            return profiles.total(of: values, dayType: Profiles.dayType(day, events: events)).map { $0 / factor }
        }
    }

    /// The daily totals as the history has them, events included, estimated from the
    /// known intervals where some are missing (`nil`: less than half the day known).
    func estimatedTotals(profiles: Profiles) -> [Double?] {
        (0..<history.dayCount).map { d in
            let values = history.offered[callType][(d * history.perDay)..<((d + 1) * history.perDay)]
            return profiles.total(of: values, dayType: Profiles.dayType(date(d), events: events))
        }
    }

    /// The daily totals as the history has them (events included), for the backtest:
    /// days with at least ``backtestKnownShare`` of their calls in known intervals, the
    /// rest estimated from the profile.
    func actualTotals(profiles: Profiles, days: Range<Int>) -> [Double?] {
        days.map { d in
            let values = history.offered[callType][(d * history.perDay)..<((d + 1) * history.perDay)]
            return profiles.total(of: values, dayType: Profiles.dayType(date(d), events: events), knownShare: Self.backtestKnownShare)
        }
    }

    /// The share of a day's calls that must fall in known intervals for its total to be
    /// judged in the backtest.
    static let backtestKnownShare = 0.9

    /// The same weekday's total in the last week before `origin` with one known.
    private func naiveDaily(_ totals: [Double?], from origin: Int, days: Int) -> [Double] {
        (0..<days).map { h in
            for back in stride(from: origin - 7 + h % 7, through: 0, by: -7) {
                if let value = totals[back] { return value }
            }
            return 0
        }
    }

    /// The intraday shares of the same weekday last week (its profile where unknown).
    private func naiveShares(from origin: Int, day h: Int, profiles: Profiles) -> [Double] {
        let n = history.perDay, source = origin - 7 + h % 7
        guard source >= 0 else { return profiles.shares[Profiles.dayType(date(origin + h), events: events)] }
        let type = Profiles.dayType(date(origin + h), events: events)
        let values = history.offered[callType][(source * n)..<((source + 1) * n)]
        let total = values.indices.reduce(0) { $0 + (open.isOpen(dayType: type, interval: $1 - source * n) ? values[$1] ?? 0 : 0) }
        guard total > 0, values.allSatisfy({ $0 != nil }) else { return profiles.shares[type] }
        return values.indices.map { open.isOpen(dayType: type, interval: $0 - source * n) ? (values[$0] ?? 0) / total : 0 }
    }

    /// The date of day `d` (0: the history's first).
    func date(_ d: Int) -> CalendarDate { history.firstDay.adding(days: d) }
}
