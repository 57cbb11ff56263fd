import ContactCenter

/// Parses a call type's `arrivals` into its arrival rate per planning interval (calls
/// per second), from one of two forms:
///
/// - `per_hour`: calls per hour, one value or one per interval;
/// - `daily` with `profile`: a daily volume spread over the intervals of a day by the
///   profile's shares (normalised to sum to 1), optionally scaled by `day_factors`
///   (one per simulated day, cycled: a week of day-of-week factors). With day types,
///   `daily` and `profile` may each be given per day type (`daily: {weekday: 4000,
///   saturday: 1500}`); the profile's first share is the interval starting at
///   `clock_start`, as without day types.
///
/// Either form may carry `surges`: from `from` to `to` (on interval boundaries) the
/// volume is multiplied by `factor` — a storm or an outage, a price change — and a
/// `factor` of its own that scales the whole volume (what if volume is 20% higher:
/// `--set call_types.fault.arrivals.factor=1.2`).
struct ArrivalsParser {
    static let keys = ["per_hour", "daily", "profile", "day_factors", "surges", "factor"]
    private static let surgeKeys = ["from", "to", "factor"]

    let timing: Timing
    let calendar: CalendarParser

    init(calendar: CalendarParser) {
        self.calendar = calendar
        timing = calendar.timing
    }

    /// Arrival rates (calls per second), one per interval.
    func rates(_ reader: NodeReader) throws -> [Double] {
        let arrivals = try reader.mapping(keys: Self.keys)
        var rates: [Double]
        switch (arrivals.optional("per_hour"), arrivals.optional("daily")) {
        case (let perHour?, nil):
            if let extra = arrivals.optional("profile") ?? arrivals.optional("day_factors") {
                throw extra.error("goes with `daily`, not with `per_hour`")
            }
            rates = try ScenarioParser.perInterval(perHour, timing: timing) { try $0.number(.nonNegative) }
                .map { $0 / Timing.secondsPerHour }
        case (nil, let daily?):
            rates = try dailyRates(daily: daily, arrivals: arrivals)
        case (_?, _?):
            throw arrivals.error("give either `per_hour` or `daily` (with `profile`), not both")
        case (nil, nil):
            throw arrivals.error("missing `per_hour` (calls per hour) or `daily` (calls per day, with `profile`)")
        }
        for surge in try arrivals.optional("surges")?.sequence() ?? [] {
            try apply(surge, to: &rates)
        }
        let factor = try arrivals.optional("factor")?.number(.nonNegative) ?? 1
        return rates.map { $0 * factor }
    }

    /// `daily` × day factor × the interval's share of the profile, per second; the volume
    /// and the profile of the interval's day type when they are given per day type.
    private func dailyRates(daily: NodeReader, arrivals: MappingReader) throws -> [Double] {
        let profileReader = try arrivals.required("profile")
        let perDay = Timing.secondsPerDay / timing.intervalLength
        guard perDay == perDay.rounded(), perDay >= 1 else {
            throw profileReader.error("needs intervals that divide a day evenly, but the interval is "
                + Timing.format(timing.intervalLength))
        }
        let volumes = try perDayType(daily) { try $0.number(.nonNegative) }
        let profiles = try perDayType(profileReader) { try shares($0, perDay: Int(perDay)) }
        let factors = try arrivals.optional("day_factors").map { reader -> [Double] in
            let values = try reader.sequence().map { try $0.number(.nonNegative) }
            guard !values.isEmpty else { throw reader.error("must list at least one factor") }
            return values
        } ?? [1]
        return (0..<timing.intervalCount).map { i in
            let dayIndex = timing.clockDay(at: timing.start(ofInterval: i))
            let type = calendar.dayType(ofInterval: i) ?? 0
            guard let volume = volumes[min(type, volumes.count - 1)],
                  let shares = profiles[min(type, profiles.count - 1)] else { return 0 }
            return volume * factors[dayIndex % factors.count] * shares[i % shares.count] / timing.intervalLength
        }
    }

    /// One value for every day, or one per day type (`[dayType]`, `nil` for types no
    /// simulated day has).
    private func perDayType<Value>(_ reader: NodeReader, value: (NodeReader) throws -> Value) throws -> [Value?] {
        calendar.isByDayType(reader) ? try calendar.byDayType(reader, value: value) : [try value(reader)]
    }

    /// A day's profile: one share per interval of the day, normalised to sum to 1.
    private func shares(_ reader: NodeReader, perDay: Int) throws -> [Double] {
        let shares = try reader.sequence().map { try $0.number(.nonNegative) }
        guard shares.count == perDay else {
            throw reader.error("has \(shares.count) values but a day has \(perDay) intervals "
                + "of \(Timing.format(timing.intervalLength))")
        }
        let total = shares.reduce(0, +)
        guard total > 0 else { throw reader.error("must have at least one positive share") }
        return shares.map { $0 / total }
    }

    /// Multiplies the rates of the intervals from `from` to `to` by `factor`.
    private func apply(_ reader: NodeReader, to rates: inout [Double]) throws {
        let surge = try reader.mapping(keys: Self.surgeKeys)
        let fromReader = try surge.required("from"), toReader = try surge.required("to")
        let from = try fromReader.duration(.nonNegative), to = try toReader.duration(.positive)
        let factor = try surge.required("factor").number(.nonNegative)
        for (value, node) in [(from, fromReader), (to, toReader)] {
            let boundary = value / timing.intervalLength
            guard boundary == boundary.rounded() else {
                throw node.error("must fall on an interval boundary (a multiple of "
                    + "\(Timing.format(timing.intervalLength))), got \(node.shown)")
            }
        }
        guard from < to, to <= timing.horizon else {
            throw reader.error("needs from < to ≤ horizon (\(Timing.format(timing.horizon)))")
        }
        for i in Int(from / timing.intervalLength)..<Int(to / timing.intervalLength) { rates[i] *= factor }
    }
}
