/// A kind of day with its own volume, intraday profile, laws and opening hours: working
/// days, Saturdays, Sundays, holidays. Each simulated day (from midnight to midnight on
/// the clock) has one day type, found by ``CenterModel/dayType(ofDay:)``.
public struct DayType: Sendable, Equatable {
    /// Identifier used in scenarios and reports (`weekday`, `saturday`, `holiday`).
    public var id: String
    /// The weekdays of this type (needs a start date).
    public var weekdays: [Weekday]
    /// Special dates of this type (holidays, campaign days): they take precedence over
    /// the weekdays of every type (needs a start date).
    public var dates: [CalendarDate]
    /// Simulated days of this type by number (1 for the day of time 0), for scenarios
    /// without a start date; they take precedence over weekdays, like dates.
    public var days: [Int]
    /// When the centre is open on days of this type; `nil`: the centre's own hours.
    public var openingHours: OpeningHours?

    public init(id: String, weekdays: [Weekday] = [], dates: [CalendarDate] = [], days: [Int] = [],
                openingHours: OpeningHours? = nil) {
        self.id = id
        self.weekdays = weekdays
        self.dates = dates
        self.days = days
        self.openingHours = openingHours
    }

    /// Whether the type names no weekday, date or day: it is the default, the type of
    /// days no other type claims.
    public var isDefault: Bool { weekdays.isEmpty && dates.isEmpty && days.isEmpty }

    /// The index in `types` of the type of simulated day `day` (0 for the day of time 0):
    /// the type listing its date, else its day number, else its weekday, else the
    /// default type; `nil` if none claims it.
    public static func index(among types: [DayType], ofDay day: Int, timing: Timing) -> Int? {
        guard !types.isEmpty else { return nil }
        let date = timing.date(ofDay: day)
        if let date, let j = types.firstIndex(where: { $0.dates.contains(date) }) { return j }
        if let j = types.firstIndex(where: { $0.days.contains(day + 1) }) { return j }
        if let weekday = date?.weekday, let j = types.firstIndex(where: { $0.weekdays.contains(weekday) }) { return j }
        return types.firstIndex(where: \.isDefault)
    }
}

/// The times of a day when a centre (or a call type) is open: windows from an opening
/// to a closing time, in seconds after midnight on the clock, in order, not
/// overlapping, within `0...24h`.
public struct OpeningHours: Sendable, Equatable, CustomStringConvertible {
    public struct Window: Sendable, Equatable {
        public var open: Double
        public var close: Double

        public init(open: Double, close: Double) {
            self.open = open
            self.close = close
        }
    }

    public var windows: [Window]

    public init(windows: [Window]) { self.windows = windows }

    /// Closed all day.
    public static let closed = OpeningHours(windows: [])
    /// Open all day.
    public static let allDay = OpeningHours(windows: [Window(open: 0, close: Timing.secondsPerDay)])

    /// `08:00-20:00`, `08:00-12:00, 13:00-18:00`, `closed`.
    public var description: String {
        windows.isEmpty ? "closed" : windows.map {
            Timing.hoursAndMinutes(minutes: Int(($0.open / 60).rounded())) + "-"
                + ($0.close >= Timing.secondsPerDay ? "24:00" : Timing.hoursAndMinutes($0.close))
        }.joined(separator: ", ")
    }

    /// Checks the windows: each opens before it closes, within the day, in order.
    /// - Throws: ``ModelError`` naming the window.
    public func validate() throws {
        var previous = 0.0
        for window in windows {
            guard window.open >= previous, window.open < window.close, window.close <= Timing.secondsPerDay,
                  window.open.isFinite else {
                throw ModelError("opening hours must be windows within the day (00:00-24:00), each opening "
                    + "before it closes, in order and not overlapping: \(self)")
            }
            previous = window.close
        }
    }
}

extension CenterModel {
    /// The index of the day type of simulated day `day` (0 for the day of time 0; days
    /// change at midnight on the clock): the type listing its date, else its day number,
    /// else its weekday, else the default type; `nil` without day types.
    public func dayType(ofDay day: Int) -> Int? {
        DayType.index(among: dayTypes, ofDay: day, timing: timing)
    }

    /// The opening hours of call type `k` on simulated day `day`: the call type's own for
    /// the day's type, else its own for every day, else the day type's, else the centre's;
    /// `nil`: open all day.
    public func openingHours(ofCallType k: Int, day: Int) -> OpeningHours? {
        let type = callTypes[k]
        if let j = dayType(ofDay: day) {
            return type.openingHoursByDayType[j] ?? type.openingHours ?? dayTypes[j].openingHours ?? openingHours
        }
        return type.openingHours ?? openingHours
    }

    /// Whether any opening hours are set (for the centre, a day type or a call type).
    public var hasOpeningHours: Bool {
        openingHours != nil || dayTypes.contains { $0.openingHours != nil }
            || callTypes.contains { $0.openingHours != nil || !$0.openingHoursByDayType.isEmpty }
    }

    /// When call type `k` is open within `[0, horizon)`, in model time: `[open, close)`
    /// windows in order, adjacent ones joined; `nil` when it is open all the time.
    public func openPeriods(ofCallType k: Int) -> [OpeningHours.Window]? {
        guard hasOpeningHours else { return nil }
        var periods: [OpeningHours.Window] = []
        for day in 0..<timing.clockDayCount {
            let midnight = Double(day) * Timing.secondsPerDay - timing.clockStart
            for window in (openingHours(ofCallType: k, day: day) ?? .allDay).windows {
                let open = max(0, midnight + window.open), close = min(timing.horizon, midnight + window.close)
                guard open < close else { continue }
                if let last = periods.last, last.close >= open {
                    periods[periods.count - 1].close = close
                } else {
                    periods.append(OpeningHours.Window(open: open, close: close))
                }
            }
        }
        if periods.count == 1 && periods[0].open <= 0 && periods[0].close >= timing.horizon { return nil }
        return periods
    }

    /// Per planning interval, whether some call type is open during part of it (every
    /// interval without opening hours).
    public var openIntervals: [Bool] {
        var open = Array(repeating: !hasOpeningHours, count: timing.intervalCount)
        guard hasOpeningHours else { return open }
        for k in callTypes.indices {
            guard let periods = openPeriods(ofCallType: k) else { return Array(repeating: true, count: open.count) }
            for period in periods {
                let first = timing.interval(at: period.open)
                let last = timing.interval(at: max(period.open, period.close.nextDown))
                for i in first...last { open[i] = true }
            }
        }
        return open
    }

    /// ``openIntervals`` when the model has opening hours, else `nil` (all open).
    public var openIntervalMask: [Bool]? { hasOpeningHours ? openIntervals : nil }

    /// Per planning interval, the share of it during which call type `k` is open (1
    /// throughout without opening hours): what of its arrivals reach the centre.
    public func openShare(ofCallType k: Int) -> [Double] {
        var share = Array(repeating: 1.0, count: timing.intervalCount)
        guard let periods = openPeriods(ofCallType: k) else { return share }
        share = share.map { _ in 0 }
        for period in periods {
            var t = period.open
            while t < period.close {
                let i = timing.interval(at: t)
                let end = min(period.close, timing.end(ofInterval: i))
                let length = timing.end(ofInterval: i) - timing.start(ofInterval: i)
                if length > 0 { share[i] += (end - t) / length }
                t = end
                if i == timing.intervalCount - 1 { break }
            }
        }
        return share
    }
}
