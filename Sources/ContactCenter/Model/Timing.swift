/// The simulated period and its division into planning intervals.
public struct Timing: Sendable, Equatable {
    /// Statistics of calls arriving before this time are discarded (seconds).
    public var warmup: Double
    /// Arrivals stop at the horizon; calls still in the centre are finished (seconds).
    public var horizon: Double
    /// Length of a planning interval (seconds); the last interval may be shorter.
    public var intervalLength: Double
    /// The time of day at time 0, in seconds after midnight (08:00 for a centre whose
    /// day starts at eight): reports show clock times, and shift starts are clock times.
    public var clockStart: Double
    /// The date of the first simulated day (the day of time 0), if the scenario gives
    /// one: every day then has a date and a weekday.
    public var startDate: CalendarDate?

    public init(warmup: Double, horizon: Double, intervalLength: Double, clockStart: Double = 0,
                startDate: CalendarDate? = nil) {
        self.warmup = warmup
        self.horizon = horizon
        self.intervalLength = intervalLength
        self.clockStart = clockStart
        self.startDate = startDate
    }

    /// Time `t` by its day and clock time, to the minute: day 1 is the day of time 0, and
    /// days change at midnight on the clock.
    public func dayAndTime(_ t: Double) -> (day: Int, time: String) {
        let minutes = Int(((clockStart + t) / Self.secondsPerMinute).rounded())
        return (minutes / 1440 + 1, Self.hoursAndMinutes(minutes: minutes))
    }

    /// How reports, CSV files and messages name a moment: `10:30` on the first day,
    /// `day 2 10:30` after it.
    public func label(_ t: Double) -> String {
        let (day, time) = dayAndTime(t)
        return day > 1 ? "day \(day) \(time)" : time
    }

    /// The time of day of time `t`, `HH:MM`.
    public func timeOfDay(_ t: Double) -> String {
        Self.hoursAndMinutes(clockStart + t)
    }

    /// The time from time 0 within the first day (0 ≤ time < 24 h when `clock` is a time
    /// of day) at which the clock shows `clock` seconds after midnight.
    public func time(ofClock clock: Double) -> Double {
        let t = clock - clockStart
        return t < 0 ? t + Self.secondsPerDay : t
    }

    /// A time within a day (or an offset shorter than a day), `HH:MM`, to the minute.
    public static func hoursAndMinutes(_ seconds: Double) -> String {
        hoursAndMinutes(minutes: Int((seconds / secondsPerMinute).rounded()))
    }

    static func hoursAndMinutes(minutes: Int) -> String {
        let m = ((minutes % 1440) + 1440) % 1440
        return (m / 60 < 10 ? "0" : "") + "\(m / 60):" + (m % 60 < 10 ? "0" : "") + "\(m % 60)"
    }

    /// Number of planning intervals covering `[0, horizon)`.
    public var intervalCount: Int {
        max(1, Int((horizon / intervalLength).rounded(.up)))
    }

    /// Start of interval `i`.
    public func start(ofInterval i: Int) -> Double { Double(i) * intervalLength }

    /// End of interval `i` (the horizon for the last one).
    public func end(ofInterval i: Int) -> Double { min(horizon, Double(i + 1) * intervalLength) }

    /// The interval containing time `t` (clamped to the last interval).
    @inlinable
    public func interval(at t: Double) -> Int {
        min(Int(t / intervalLength), intervalCount - 1)
    }

    /// Whether interval `i` has any time after the warm-up (is reported).
    public func isReported(interval i: Int) -> Bool { end(ofInterval: i) > warmup }

    /// The length of interval `i` after the warm-up (seconds; 0 inside the warm-up).
    public func reportedDuration(ofInterval i: Int) -> Double {
        max(0, end(ofInterval: i) - max(start(ofInterval: i), warmup))
    }

    /// The number of days, whole or begun, in `[0, horizon)` (at least 1).
    public var dayCount: Int { max(1, Int((horizon / Self.secondsPerDay).rounded(.up))) }

    /// Checks that a per-interval list has one value per planning interval.
    /// - Throws: ``ModelError`` saying how many values and intervals there are.
    public func checkIntervalCount(_ count: Int) throws {
        func counted(_ count: Int, _ noun: String) -> String { count == 1 ? "1 \(noun)" : "\(count) \(noun)s" }
        guard count == intervalCount else {
            throw ModelError("has \(counted(count, "value")) but the scenario has \(counted(intervalCount, "interval")) "
                + "(horizon \(Self.format(horizon)) / interval \(Self.format(intervalLength)))")
        }
    }

    /// The days whose shifts reach into the simulated period: the day before time 0
    /// (a night shift running past midnight) to the day after the last.
    public var rosterDays: ClosedRange<Int> { -1...dayCount }

    /// The simulated day of time `t`: 0 for the day of time 0, days changing at midnight
    /// on the clock (the days of the calendar, of day types and of busyness factors).
    public func clockDay(at t: Double) -> Int { Int(((clockStart + t) / Self.secondsPerDay).rounded(.down)) }

    /// The number of simulated days, whole or begun, from time 0 to the horizon, days
    /// changing at midnight on the clock.
    public var clockDayCount: Int { max(1, clockDay(at: horizon.nextDown) + 1) }

    /// The date of simulated day `day` (0 for the day of time 0), if there is a start date.
    public func date(ofDay day: Int) -> CalendarDate? { startDate?.adding(days: day) }
}

extension Timing {
    /// Seconds in a minute, an hour and a day: inside the model every time is in
    /// seconds and every rate per second; files and reports convert at the edges.
    public static let secondsPerMinute = 60.0
    public static let secondsPerHour = 3600.0
    public static let secondsPerDay = 86_400.0

    /// A duration as scenario files write it, in the largest unit that divides it (hours
    /// at most): `24h`, `30m`, `90s`, `2.5s`.
    public static func format(_ seconds: Double) -> String {
        func number(_ value: Double) -> String {
            if let whole = Int(exactly: value) { return String(whole) }
            return String(value)
        }
        for (suffix, unit) in [("h", secondsPerHour), ("m", secondsPerMinute)]
        where seconds >= unit && seconds.truncatingRemainder(dividingBy: unit) == 0 {
            return number(seconds / unit) + suffix
        }
        return number(seconds) + "s"
    }
}
