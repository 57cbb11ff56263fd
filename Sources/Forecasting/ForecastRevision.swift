import ContactCenter

/// A forecast beside an earlier one of the same days: the weekly adjustment the 95598
/// standard asks for, the remaining weeks forecast again from the latest history (with
/// the calendar's events as they now stand) and every day both cover compared, per call
/// type, with what was forecast before.
public struct ForecastRevision: Sendable {
    /// One call type's day in both forecasts.
    public struct Day: Sendable, Equatable {
        public var date: CalendarDate
        public var callType: String
        /// The earlier and the new forecast's calls of the day.
        public var previous: Double, forecast: Double

        /// forecast / previous − 1 (`nil` when the earlier forecast had no call).
        public var change: Double? { previous > 0 ? forecast / previous - 1 : nil }
    }

    /// The days both forecasts cover, by date then call type.
    public let days: [Day]
    /// The earlier forecast's first and last day (any call type).
    public let previousFirstDay: CalendarDate, previousLastDay: CalendarDate
    /// Call types in only one of the two forecasts (not compared).
    public let onlyPrevious: [String], onlyForecast: [String]

    /// Compares `forecast` with `previous`, an earlier `forecast.csv` as read (any interval
    /// length: days are compared). A call type's day counts where the earlier forecast has
    /// rows on it.
    /// - Throws: ``ForecastError`` when no day of one is a day of the other.
    public init(previous: History, forecast f: Forecast) throws {
        let index = Dictionary(uniqueKeysWithValues: previous.callTypes.enumerated().map { ($1, $0) })
        let offset = previous.firstDay.daysSinceEpoch - f.firstDay.daysSinceEpoch
        var days: [Day] = []
        for d in 0..<f.days {
            let day = d - offset
            guard day >= 0, day < previous.dayCount else { continue }
            for c in f.callTypes {
                guard let k = index[c.callType], let total = Self.total(previous, callType: k, day: day) else { continue }
                days.append(Day(date: f.firstDay.adding(days: d), callType: c.callType, previous: total, forecast: c.daily[d]))
            }
        }
        previousFirstDay = previous.firstDay
        previousLastDay = previous.firstDay.adding(days: previous.dayCount - 1)
        guard !days.isEmpty else {
            throw ForecastError(message: "the previous forecast (\(previousFirstDay) to \(previousLastDay)) has no day and call type "
                + "in common with this one (\(f.firstDay) to \(f.firstDay.adding(days: f.days - 1)))")
        }
        self.days = days
        let names = Set(f.callTypes.map(\.callType))
        onlyPrevious = previous.callTypes.filter { !names.contains($0) }
        onlyForecast = f.callTypes.map(\.callType).filter { index[$0] == nil }
    }

    /// The calls of call type `k` on `day` of `h`, `nil` without a row that day.
    private static func total(_ h: History, callType k: Int, day: Int) -> Double? {
        let rows = h.offered[k][day * h.perDay..<(day + 1) * h.perDay].compactMap { $0 }
        return rows.isEmpty ? nil : rows.reduce(0, +)
    }

    /// Per call type compared (in the forecast's order), the earlier and the new calls over
    /// the days in common.
    public var byCallType: [(callType: String, previous: Double, forecast: Double)] {
        var order: [String] = [], sums: [String: (Double, Double)] = [:]
        for day in days {
            if sums[day.callType] == nil { order.append(day.callType) }
            sums[day.callType, default: (0, 0)].0 += day.previous
            sums[day.callType, default: (0, 0)].1 += day.forecast
        }
        return order.map { ($0, sums[$0, default: (0, 0)].0, sums[$0, default: (0, 0)].1) }
    }

    /// The dates in common, in order.
    public var dates: [CalendarDate] { Array(Set(days.map(\.date))).sorted { $0.daysSinceEpoch < $1.daysSinceEpoch } }

    /// The day whose calls changed the most (by the absolute difference).
    public var largest: Day? { days.max { abs($0.forecast - $0.previous) < abs($1.forecast - $1.previous) } }
}
