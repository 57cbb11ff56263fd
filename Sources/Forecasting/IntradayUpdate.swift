import ContactCenter
import Statistics

/// The rest of a day's forecast updated from its calls so far: for short lead times, the
/// day's level is better judged from the morning than from the history. Per call type,
/// the day's calls are Poisson given the forecast times a factor r, r gamma of mean 1 and
/// coefficient of variation `cv` (the forecast's day-to-day error beyond Poisson, its
/// busyness CV) a priori; having seen A calls where the forecast expected F, r is gamma
/// of shape 1/cv² + A and rate 1/cv² + F, so every later interval's forecast is scaled by
/// (1/cv² + A) / (1/cv² + F) — the forecast where little is seen, the calls' own level
/// where much is — and its band is the negative binomial's quantiles.
public struct IntradayUpdate: Sendable {
    /// One call type's day.
    public struct CallTypeDay: Sendable {
        public var callType: String
        /// Calls so far, and what the forecast expected in the same intervals.
        public var observed: Double, expected: Double
        /// The factor on the rest of the day: (1/cv² + observed) / (1/cv² + expected).
        public var factor: Double
        /// `[interval]` from ``IntradayUpdate/now`` to the day's end: the updated
        /// forecast and its band (0 where the forecast is 0).
        public var rest: [Double], low: [Double], high: [Double]
        /// The forecast's calls from ``IntradayUpdate/now`` before the update.
        public var restBefore: Double
    }

    /// The day updated and the first interval not yet seen.
    public let date: CalendarDate, now: Int
    public let intervalMinutes: Int
    public let callTypes: [CallTypeDay]
    /// How absent rows before `now` were read (``AbsentRows/zero`` or ``AbsentRows/unknown``).
    public let absent: AbsentRows

    /// Updates `forecast` (a forecast file as read) on the last day of `today` (the day's
    /// export so far), from interval `now` (default: after the last interval with a row
    /// in `today`); the bands hold `level` of the outcomes.
    /// - Throws: ``ForecastError`` when the interval lengths differ, the forecast does not
    ///   cover the day, or `now` is outside it.
    public init(forecast: History, today: History, cv: Double, level: Double, now: Int? = nil, absent: AbsentRows = .auto) throws {
        guard forecast.intervalMinutes == today.intervalMinutes else {
            throw ForecastError(message: "the forecast has \(forecast.intervalMinutes)-minute intervals, the day's export \(today.intervalMinutes)-minute ones")
        }
        let date = today.firstDay.adding(days: today.dayCount - 1), n = today.perDay
        let day = date.daysSinceEpoch - forecast.firstDay.daysSinceEpoch, todayDay = today.dayCount - 1
        guard day >= 0, day < forecast.dayCount else {
            throw ForecastError(message: "the forecast (\(forecast.firstDay) to \(forecast.firstDay.adding(days: forecast.dayCount - 1))) does not cover \(date), the day's export's last day")
        }
        let seen = now ?? Self.firstUnseen(today, day: todayDay)
        guard (1..<n).contains(seen) else {
            throw ForecastError(message: "the update starts at interval \(seen) of \(n): the day's export must cover its start and leave some of it")
        }
        (self.date, self.now, intervalMinutes) = (date, seen, today.intervalMinutes)
        self.absent = absent.resolved(for: today)
        let index = Dictionary(uniqueKeysWithValues: today.callTypes.enumerated().map { ($1, $0) })
        let prior = 1 / (cv * cv), zero = self.absent == .zero
        callTypes = forecast.callTypes.indices.map { k in
            let expected = (0..<n).map { forecast.offered[k][day * n + $0] ?? 0 }
            var observed = 0.0, expectedSeen = 0.0
            if let j = index[forecast.callTypes[k]] {
                for i in 0..<seen {
                    guard let actual = today.offered[j][todayDay * n + i] ?? (zero ? 0 : nil) else { continue }
                    observed += actual
                    expectedSeen += expected[i]
                }
            }
            let (shape, rate) = (prior + observed, prior + expectedSeen)
            let laws = expected[seen...].map { PoissonGamma(shape: shape, rate: rate, mean: max(0, $0)) }
            return CallTypeDay(callType: forecast.callTypes[k], observed: observed, expected: expectedSeen, factor: shape / rate,
                               rest: laws.map(\.expected), low: laws.map { $0.quantile((1 - level) / 2) },
                               high: laws.map { $0.quantile((1 + level) / 2) }, restBefore: expected[seen...].reduce(0, +))
        }
    }

    /// The interval after the last one of `day` with a row of any call type (0: none).
    private static func firstUnseen(_ h: History, day: Int) -> Int {
        let n = h.perDay
        let last = h.offered.compactMap { row in (0..<n).last { row[day * n + $0] != nil } }.max()
        return last.map { $0 + 1 } ?? 0
    }

    /// The start of interval `i` of the day.
    public func start(interval i: Int) -> LocalDateTime { LocalDateTime(date: date, minuteOfDay: i * intervalMinutes) }
}
