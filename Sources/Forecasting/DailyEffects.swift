import ContactCenter

/// Multiplicative effects on daily totals beyond the weekly season: the day of the month
/// (billing cycles), estimated when the history has three months, and the time of year,
/// estimated when it has ``annualDays`` (on the totals over their trend). Holt-Winters runs on the totals divided by them.
struct DailyEffects {
    /// Factor per day of the month, `[1…31]` (index 0 unused).
    var monthDay = Array(repeating: 1.0, count: 32)
    /// Factor per day of the year, `[0…365]`; `nil` with less than two years.
    var annual: [Double]?

    /// The factor of `date`.
    func factor(_ date: CalendarDate) -> Double {
        let (_, _, day) = date.components
        return monthDay[day] * (annual.map { $0[Self.dayOfYear(date)] } ?? 1)
    }

    static func dayOfYear(_ date: CalendarDate) -> Int {
        let (year, _, _) = date.components
        guard let first = CalendarDate(year: year, month: 1, day: 1) else { return 0 }
        return min(365, date.daysSinceEpoch - first.daysSinceEpoch)
    }

    /// The shortest history with a time-of-year effect: a year and five weeks, so that
    /// the days of the year are all seen once and some twice.
    static let annualDays = 400

    /// The effects in `totals` (day 0 is `firstDay`).
    init(totals: [Double?], firstDay: CalendarDate) {
        if totals.count >= Self.annualDays { annual = Self.annual(Self.detrended(totals), firstDay: firstDay) }
        if totals.count >= 91 {
            let base = totals.enumerated().map { d, y in y.map { $0 / (annual?[Self.dayOfYear(firstDay.adding(days: d))] ?? 1) } }
            monthDay = Self.monthDay(base, firstDay: firstDay)
        }
    }

    /// The totals over their straight-line trend (least squares on the known days), so
    /// that a year's mean taken near either end of the history is not off by the trend.
    static func detrended(_ y: [Double?]) -> [Double?] {
        let known = y.enumerated().compactMap { t, v in v.map { (Double(t), $0) } }
        guard known.count >= 2 else { return y }
        let meanT = known.reduce(0) { $0 + $1.0 } / Double(known.count), meanY = known.reduce(0) { $0 + $1.1 } / Double(known.count)
        let sxx = known.reduce(0) { $0 + ($1.0 - meanT) * ($1.0 - meanT) }
        let slope = sxx > 0 ? known.reduce(0) { $0 + ($1.0 - meanT) * ($1.1 - meanY) } / sxx : 0
        return y.enumerated().map { t, v in
            let line = meanY + slope * (Double(t) - meanT)
            return line > 0 ? v.map { $0 / line * meanY } : v
        }
    }

    /// Ratios of the totals to their mean over `window` days (odd) centred on the day, or
    /// the first or last such window near the ends (`clamped`), `nil` where the window is
    /// not mostly known.
    private static func ratiosToMovingMean(_ y: [Double?], window: Int, clamped: Bool = false) -> [Double?] {
        if clamped && y.count >= window {
            let half = window / 2
            var ratios = ratiosToMovingMean(y, window: window)
            for (range, centre) in [(0..<half, half), ((y.count - half)..<y.count, y.count - half - 1)] {
                let span = (centre - half)...(centre + half)
                let values = span.compactMap { y[$0] }
                guard values.count * 4 >= window * 3 else { continue }
                let mean = values.reduce(0, +) / Double(values.count)
                for d in range { ratios[d] = mean > 0 ? y[d].map { $0 / mean } : nil }
            }
            return ratios
        }
        let half = window / 2
        var sum = 0.0, count = 0
        var ratios = [Double?](repeating: nil, count: y.count)
        for d in 0..<min(window, y.count) { if let v = y[d] { sum += v; count += 1 } }
        for d in half..<max(half, y.count - half) {
            if d > half {
                if let v = y[d - half - 1] { sum -= v; count -= 1 }
                if d + half < y.count, let v = y[d + half] { sum += v; count += 1 }
            }
            if let v = y[d], count * 4 >= window * 3, sum > 0 { ratios[d] = v / (sum / Double(count)) }
        }
        return ratios
    }

    /// Per day of the year: the mean ratio to the year-long moving mean over ±10 days
    /// (three whole weeks, so the weekday cancels), normalised to a mean of 1.
    private static func annual(_ y: [Double?], firstDay: CalendarDate) -> [Double] {
        let ratios = ratiosToMovingMean(y, window: 365, clamped: true)
        var sums = Array(repeating: 0.0, count: 366), counts = Array(repeating: 0, count: 366)
        for (d, r) in ratios.enumerated() {
            guard let r else { continue }
            let doy = dayOfYear(firstDay.adding(days: d))
            for shift in -10...10 {
                let j = (doy + shift + 366) % 366
                sums[j] += r
                counts[j] += 1
            }
        }
        let raw = (0..<366).map { counts[$0] > 0 ? sums[$0] / Double(counts[$0]) : 1 }
        let mean = raw.reduce(0, +) / 366
        return raw.map { $0 / mean }
    }

    /// Per day of the month: the mean ratio of the totals to their 29-day moving mean
    /// times the weekday's factor, shrunk towards 1 by the days that support it.
    private static func monthDay(_ y: [Double?], firstDay: CalendarDate) -> [Double] {
        let ratios = ratiosToMovingMean(y, window: 29)
        var weekday = Array(repeating: (0.0, 0), count: 7)
        for (d, r) in ratios.enumerated() {
            guard let r else { continue }
            let w = firstDay.adding(days: d).weekday.rawValue - 1
            weekday[w] = (weekday[w].0 + r, weekday[w].1 + 1)
        }
        let weekdayFactor = weekday.map { $0.1 > 0 ? $0.0 / Double($0.1) : 1 }
        var sums = Array(repeating: 0.0, count: 32), counts = Array(repeating: 0, count: 32)
        for (d, r) in ratios.enumerated() {
            guard let r else { continue }
            let date = firstDay.adding(days: d)
            let day = date.components.day
            sums[day] += r / weekdayFactor[date.weekday.rawValue - 1]
            counts[day] += 1
        }
        return (0..<32).map { day in
            guard day > 0, counts[day] > 0 else { return 1 }
            let n = Double(counts[day])
            return 1 + (sums[day] / n - 1) * n / (n + 2)
        }
    }
}
