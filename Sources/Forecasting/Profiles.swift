import ContactCenter

/// Intraday profiles per day type: for each weekday (0 Monday … 6 Sunday) and holidays
/// (7), the share of a day's calls in each interval, from the recent weeks of history:
/// per interval the mean of its known values (so a day with a gap still counts), zero
/// where the centre is closed.
struct Profiles {
    static let holiday = 7
    /// `[dayType][interval]`, each summing to 1 (0 everywhere on a day type closed all day).
    let shares: [[Double]]

    /// The profiles of call type `k` from the `weeks` weeks before day `end` (exclusive),
    /// or from all of them when those weeks have no known value.
    init(history h: History, callType k: Int, before end: Int, weeks: Int = 8, events: EventCalendar, open: OpenIntervals) {
        var (sums, counts) = Self.sums(h, callType: k, days: max(0, end - 7 * weeks)..<end, events: events)
        if !counts.joined().contains(where: { $0 > 0 }) { (sums, counts) = Self.sums(h, callType: k, days: 0..<end, events: events) }
        let n = h.perDay
        let anyDay = (0..<n).map { i -> Double? in
            let c = counts.reduce(0) { $0 + $1[i] }
            return c > 0 ? sums.reduce(0) { $0 + $1[i] } / Double(c) : nil
        }
        var shares: [[Double]] = []
        for t in 0...Self.holiday {
            let seen = counts[t].contains { $0 > 0 }
            let means = seen ? (0..<n).map { counts[t][$0] > 0 ? sums[t][$0] / Double(counts[t][$0]) : nil }
                : t == Self.holiday ? shares[6].map { Optional($0) } : anyDay
            shares.append(Self.normalised(means, open: open.open[t], fallback: anyDay))
        }
        self.shares = shares
    }

    /// Per day type and interval, the sum and number of known values over `days`.
    private static func sums(_ h: History, callType k: Int, days: Range<Int>, events: EventCalendar) -> ([[Double]], [[Int]]) {
        let n = h.perDay
        var sums = Array(repeating: Array(repeating: 0.0, count: n), count: 8)
        var counts = Array(repeating: Array(repeating: 0, count: n), count: 8)
        for d in days {
            let type = dayType(h.firstDay.adding(days: d), events: events)
            for i in 0..<n {
                guard let v = h.offered[k][d * n + i] else { continue }
                sums[type][i] += v
                counts[type][i] += 1
            }
        }
        return (sums, counts)
    }

    /// Shares from interval means: zero where closed; an open interval without a mean
    /// takes `fallback`'s, scaled to the day type's level; uniform over the open intervals
    /// when nothing was called.
    private static func normalised(_ means: [Double?], open: [Bool], fallback: [Double?]) -> [Double] {
        var known = 0.0, knownFallback = 0.0
        for i in means.indices where open[i] {
            if let m = means[i], let f = fallback[i] { known += m; knownFallback += f }
        }
        let scale = knownFallback > 0 ? known / knownFallback : 1
        let values = means.indices.map { i in open[i] ? means[i] ?? (fallback[i] ?? 0) * scale : 0 }
        let total = values.reduce(0, +)
        if total > 0 { return values.map { $0 / total } }
        let openCount = open.count { $0 }
        return open.map { $0 ? 1 / Double(openCount) : 0 }
    }

    /// The day type of `date`: its weekday (0 Monday … 6 Sunday), or 7 on a holiday.
    static func dayType(_ date: CalendarDate, events: EventCalendar) -> Int {
        events.isHoliday(date) ? holiday : date.weekday.rawValue - 1
    }

    /// The day's total estimated from its known intervals: their sum over their share of
    /// the day's profile (closed all day: what is known; `nil` when less than `least` the day's calls fall in known intervals).
    func total(of values: ArraySlice<Double?>, dayType: Int, knownShare least: Double = 0.5) -> Double? {
        guard shares[dayType].contains(where: { $0 > 0 }) else { return values.reduce(0) { $0 + ($1 ?? 0) } }
        var sum = 0.0, share = 0.0
        for (i, v) in values.enumerated() {
            guard let v else { continue }
            sum += v
            share += shares[dayType][i]
        }
        guard share >= least else { return nil }
        return sum / share
    }
}
