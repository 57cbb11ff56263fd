import ContactCenter

/// The effect of calendar events given without a factor, learnt from their past dates in
/// the history: per name, the mean over its past dates of the day's calls over the mean
/// of the same weekday one and two weeks before and after (days of no event), over the
/// known intervals. A name never seen in the history keeps a factor of 1, and is listed in
/// ``unseen`` so that the summary can say so.
public struct EventEffects: Sendable, Equatable {
    /// Per name, the factor and the past dates it was learnt from.
    public var factors: [String: Double] = [:]
    public var occurrences: [String: Int] = [:]
    /// Names without a past date in the history: factor 1 assumed.
    public var unseen: [String] = []

    /// No event to estimate.
    public init() {}

    /// The effects in `history` of `calendar`'s events without a factor, for the calls of
    /// `callTypes` together (all of them by default). With `beyondDailyEffects`, each
    /// day's calls are first divided by its day-of-month and time-of-year factors
    /// (``DailyEffects``, estimated without the event days), so that an event on a billing
    /// day is not credited with the billing peak the forecast multiplies in anyway.
    public init(history h: History, calendar: EventCalendar, callTypes: [Int]? = nil, beyondDailyEffects: Bool = false) {
        let names = calendar.namesToEstimate
        guard !names.isEmpty else { return }
        let types = callTypes ?? Array(h.callTypes.indices)
        let n = h.perDay
        // Known calls only: before the hours are learnt, an absent row may be a closed
        // interval as well as a gap; both weigh alike on the event and the days around it.
        let totals: [Double?] = (0..<h.dayCount).map { d in
            var sum = 0.0, known = false
            for k in types {
                for v in h.offered[k][(d * n)..<((d + 1) * n)] {
                    guard let v else { continue }
                    sum += v
                    known = true
                }
            }
            return known ? sum : nil
        }
        let dayFactor: (Int) -> Double
        if beyondDailyEffects {
            let withoutEvents = totals.enumerated().map { d, v in calendar.events[h.firstDay.adding(days: d)] == nil ? v : nil }
            let effects = DailyEffects(totals: withoutEvents, firstDay: h.firstDay)
            dayFactor = { effects.factor(h.firstDay.adding(days: $0)) }
        } else {
            dayFactor = { _ in 1 }
        }
        var ratios: [String: [Double]] = [:]
        for (date, event) in calendar.events where event.factor == nil {
            let d = date.daysSinceEpoch - h.firstDay.daysSinceEpoch
            guard (0..<h.dayCount).contains(d), let total = totals[d].map({ $0 / dayFactor(d) }) else { continue }
            let around = [-14, -7, 7, 14].compactMap { offset -> Double? in
                let e = d + offset
                guard (0..<h.dayCount).contains(e), calendar.events[h.firstDay.adding(days: e)] == nil else { return nil }
                return totals[e].map { $0 / dayFactor(e) }
            }
            guard !around.isEmpty else { continue }
            let baseline = around.reduce(0, +) / Double(around.count)
            if baseline > 0 { ratios[event.name, default: []].append(total / baseline) }
        }
        for name in names {
            guard let seen = ratios[name], !seen.isEmpty else {
                unseen.append(name)
                factors[name] = 1
                continue
            }
            factors[name] = min(100, seen.reduce(0, +) / Double(seen.count))
            occurrences[name] = seen.count
        }
    }
}
