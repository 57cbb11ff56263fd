import ContactCenter
import Statistics

/// The mean talk time and after-call work per day type (0 Monday … 6 Sunday, 7 holidays)
/// and interval, learnt from the history's last ``History/handlingDays`` days.
///
/// An interval's mean handle time in an export is the mean of few calls, so each
/// (day type, interval) cell is an empirical-Bayes blend of its own mean and the call
/// type's: with σ² the variance of one call's time about its cell's mean (estimated from
/// the rows within cells) and τ² the variance of the cells' true means (the method of
/// moments of a one-way analysis of variance), a cell of W answered calls keeps
/// τ² / (τ² + σ²/W) of its departure from the call type's mean. When the cells' means
/// differ no more than chance allows (the homogeneity statistic below its 99% chi-square
/// quantile), every cell takes the call type's mean. A day type without rows takes the
/// mean of its cells' fellows on other days (a holiday: Sunday's).
public struct HandleTimes: Sendable {
    /// `[dayType][interval]` mean talk time in seconds; `nil` when the history gives none.
    public let talk: [[Double]]?
    /// `[dayType][interval]` mean after-call work in seconds; `nil` when the history gives none.
    public let afterCallWork: [[Double]]?
    /// Whether the talk times (or after-call work) vary by interval beyond chance.
    public let talkVaries: Bool, afterCallWorkVaries: Bool

    /// The handle times of call type `k` of `history`, day types from `events`.
    init(history h: History, callType k: Int, events: EventCalendar) {
        let types = h.handling[k].map { Profiles.dayType(h.firstDay.adding(days: $0.slot / h.perDay), events: events) }
        let talk = Self.estimate(h.handling[k].indices.compactMap { r in
            h.handling[k][r].talk.map { Sample(cell: types[r] * h.perDay + h.handling[k][r].slot % h.perDay, calls: h.handling[k][r].answered, value: $0) }
        }, perDay: h.perDay)
        let work = Self.estimate(h.handling[k].indices.compactMap { r in
            h.handling[k][r].afterCallWork.map { Sample(cell: types[r] * h.perDay + h.handling[k][r].slot % h.perDay, calls: h.handling[k][r].answered, value: $0) }
        }, perDay: h.perDay)
        (self.talk, talkVaries) = (talk?.means, talk?.varies ?? false)
        (afterCallWork, afterCallWorkVaries) = (work?.means, work?.varies ?? false)
    }

    /// One row's mean over `calls` calls in cell `dayType * perDay + interval`.
    struct Sample {
        var cell: Int
        var calls: Double
        var value: Double
    }

    /// The blended means per day type and interval, and whether they vary; `nil` without samples.
    static func estimate(_ samples: [Sample], perDay: Int) -> (means: [[Double]], varies: Bool)? {
        let cellCount = 8 * perDay
        var calls = [Double](repeating: 0, count: cellCount), sums = calls, rows = [Int](repeating: 0, count: cellCount)
        for s in samples {
            calls[s.cell] += s.calls
            sums[s.cell] += s.calls * s.value
            rows[s.cell] += 1
        }
        let total = calls.reduce(0, +)
        guard total > 0 else { return nil }
        let mean = sums.reduce(0, +) / total
        let cellMean = (0..<cellCount).map { calls[$0] > 0 ? sums[$0] / calls[$0] : mean }
        let used = (0..<cellCount).filter { calls[$0] > 0 }
        let within = samples.reduce(0) { $0 + $1.calls * ($1.value - cellMean[$1.cell]) * ($1.value - cellMean[$1.cell]) }
        let withinFreedom = samples.count - used.count
        let between = used.reduce(0) { $0 + calls[$1] * (cellMean[$1] - mean) * (cellMean[$1] - mean) }
        guard used.count >= 2, withinFreedom >= 1, within > 0 else { return (flat(mean, perDay), false) }
        let sigma2 = within / Double(withinFreedom)
        guard between / sigma2 > ConfidenceInterval.chiSquareQuantile(0.99, degreesOfFreedom: used.count - 1) else {
            return (flat(mean, perDay), false)
        }
        let spread = total - used.reduce(0) { $0 + calls[$1] * calls[$1] } / total
        let tau2 = max(0, (between - Double(used.count - 1) * sigma2) / spread)
        var blended = (0..<cellCount).map { c in
            calls[c] > 0 ? mean + (cellMean[c] - mean) * tau2 / (tau2 + sigma2 / calls[c]) : Double.nan
        }
        fillEmptyDayTypes(&blended, mean: mean, perDay: perDay)
        return (stride(from: 0, to: cellCount, by: perDay).map { Array(blended[$0..<$0 + perDay]) }, true)
    }

    private static func flat(_ mean: Double, _ perDay: Int) -> [[Double]] {
        Array(repeating: Array(repeating: mean, count: perDay), count: 8)
    }

    /// A cell without calls takes the mean of the same interval's cells on other day
    /// types with calls (a holiday's: Sunday's, where Sunday has it), else the call type's mean.
    private static func fillEmptyDayTypes(_ cells: inout [Double], mean: Double, perDay: Int) {
        let known = cells
        for t in 0..<8 {
            for i in 0..<perDay where known[t * perDay + i].isNaN {
                if t == Profiles.holiday, !known[6 * perDay + i].isNaN { cells[t * perDay + i] = known[6 * perDay + i]; continue }
                let others = (0..<7).map { known[$0 * perDay + i] }.filter { !$0.isNaN }
                cells[t * perDay + i] = others.isEmpty ? mean : others.reduce(0, +) / Double(others.count)
            }
        }
    }
}
