import ContactCenter

/// Intraday profiles per day type: for each weekday (0 Monday … 6 Sunday) and holidays
/// (7), the share of a day's calls in each interval, from the recent weeks of history.
struct Profiles {
    static let holiday = 7
    /// `[dayType][interval]`, each summing to 1.
    let shares: [[Double]]

    /// The profiles of call type `k` from the `weeks` weeks before day `end` (exclusive).
    init(history h: History, callType k: Int, before end: Int, weeks: Int = 8, events: EventCalendar) {
        let n = h.perDay
        var sums = Array(repeating: Array(repeating: 0.0, count: n), count: 8)
        var days = Array(repeating: 0, count: 8)
        for d in stride(from: end - 1, through: max(0, end - 7 * weeks), by: -1) {
            let values = h.offered[k][(d * n)..<((d + 1) * n)]
            guard values.allSatisfy({ $0 != nil }) else { continue }
            let type = Self.dayType(h.firstDay.adding(days: d), events: events)
            for (i, v) in values.enumerated() { sums[type][i] += v ?? 0 }
            days[type] += 1
        }
        let flat = Array(repeating: 1.0 / Double(n), count: n)
        func normalised(_ row: [Double]) -> [Double]? {
            let total = row.reduce(0, +)
            return total > 0 ? row.map { $0 / total } : nil
        }
        let weekdays = (0..<7).map { normalised(sums[$0]) }
        let anyDay = normalised((0..<n).map { i in sums.reduce(0) { $0 + $1[i] } }) ?? flat
        var shares = weekdays.map { $0 ?? anyDay }
        shares.append(normalised(sums[Self.holiday]) ?? shares[6])
        self.shares = shares
    }

    /// The day type of `date`: its weekday (0 Monday … 6 Sunday), or 7 on a holiday.
    static func dayType(_ date: CalendarDate, events: EventCalendar) -> Int {
        events.isHoliday(date) ? holiday : date.weekday.rawValue - 1
    }

    /// The day's total estimated from its known intervals: their sum over their share of
    /// the day's profile (`nil` when less than half the day's calls fall in known intervals).
    func total(of values: ArraySlice<Double?>, dayType: Int) -> Double? {
        var sum = 0.0, share = 0.0
        for (i, v) in values.enumerated() {
            guard let v else { continue }
            sum += v
            share += shares[dayType][i]
        }
        guard share >= 0.5 else { return nil }
        return sum / share
    }
}
