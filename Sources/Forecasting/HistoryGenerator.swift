import ContactCenter
import Foundation
import Statistics

/// A synthetic interval history of inbound contacts, for tests and examples of the
/// forecasts (the repository holds no real history): per interval and call type, the
/// calls offered, answered and abandoned, with the average handle time and after-call
/// work, written as the CSV a forecast reads (``csv()``).
///
/// Every effect a forecast must find is there, its size fixed below or drawn per call
/// type from the seed (so call types differ); the same settings give the same history,
/// byte for byte. A call type's expected calls on a day (``expected(callType:day:)``) is
///
///     base × weekly × season × trend × billing × holiday
///
/// - **base**: the calls of an ordinary Wednesday at the start, 300–6000 per type
///   (log-uniform).
/// - **weekly**: ``weeklyFactors`` (Monday 1.15, Tuesday 1.05, Wednesday 1, Thursday
///   0.98, Friday 0.90, Saturday 0.45, Sunday 0.30), each × U(0.95, 1.05) per type.
/// - **season**: 1 + A·cos(2π(date − peak)/365.2425 days), A 0.10–0.15 and the peak
///   any day of the year, per type; the same every year.
/// - **trend**: 1 + g·(days since the start)/365.2425, g from −5% to +10% a year per type.
/// - **billing**: × ``billingFactor`` (1.25) on days ``billingDays`` (1–3) of every
///   month, for half the call types (chosen by the seed).
/// - **holidays**: × ``holidayFactor`` (0.3) on ``holidays`` (1 January, 1 May, 25 and
///   26 December), every year; a holiday's calls follow Sunday's intraday profile.
///
/// Then, per day and interval:
///
/// - **intraday profile** by day type, per type: weekdays two peaks (about 10:30 and
///   15:00, each moved up to ±30 minutes per type) between 07:30 and 20:00; Saturdays
///   one late-morning peak (about 11:30) between 08:30 and 17:00; Sundays and holidays
///   a flat day between 09:30 and 17:30; at night about 1% of the weekday peak's level.
/// - **over-dispersion**: the day's calls × a gamma factor of mean 1 and CV
///   ``dayFactorCV`` (0.08) shared by every call type; each interval's calls are then
///   Poisson.
/// - **storms** (``storms``): on about one day in 60 (``Settings/stormProbability``),
///   unannounced, one group of call types (``CallTypeProfile/stormGroup``: types 1–3,
///   4–6, …) gets × 1.5–3 of its calls for four hours starting between 12:00 and 15:00.
/// - **abandoned**: binomial among the calls offered, with a probability of 2–5% per
///   type at its usual weekday peak, rising with the interval's expected calls:
///   share × (0.4 + 0.6 × calls / usual peak calls), at most 50%; the others are answered.
/// - **aht** and **acw**: per type 180–400 s and 20–60 s; an interval's figure is a mean
///   over its answered calls (gamma, CV 0.9/√answered and 0.6/√answered); empty when
///   nothing was answered.
/// - **missing rows**: per call type, runs of 1–6 intervals absent (uniform), a share
///   ``Settings/missingShare`` of the rows. The counts are drawn whether or not the row
///   is written, so the missing share changes nothing else.
///
/// Shaped like a real export on request (``Settings/open``, ``Settings/omitsZeroRows``,
/// ``Settings/utcOffset``): no rows outside the opening hours (the centre takes no calls
/// then), no rows of intervals without a call, and starts with a zone offset. The counts
/// are the same whatever is left out.
public struct HistoryGenerator: Sendable {
    /// What history to generate.
    public struct Settings: Sendable {
        /// The first day.
        public var start: CalendarDate
        /// The number of days (``dayRange``).
        public var days: Int
        /// The interval length in minutes; it divides a day (1440).
        public var intervalMinutes: Int
        /// The number of call types (``callTypeRange``).
        public var callTypes: Int
        /// The seed of every random draw.
        public var seed: UInt64
        /// The share of rows missing (``missingShareRange``).
        public var missingShare: Double
        /// The chance that a day has a storm (0…1).
        public var stormProbability: Double
        /// The opening hours, minutes after midnight (every day): no row outside them.
        /// `nil`: open round the clock.
        public var open: Range<Int>?
        /// Whether rows without a call offered are left out, as many switches export.
        public var omitsZeroRows = false
        /// A zone offset written after every start (`+08:00`), or `nil`.
        public var utcOffset: String?

        /// The days a history may span (ten years).
        public static let dayRange = 1...3660
        /// The number of call types a history may have.
        public static let callTypeRange = 1...50
        /// The shares of missing rows a history may have.
        public static let missingShareRange = 0.0...0.5

        /// Settings; by default two years from 2025-01-01 (day 20,089 of the epoch) in
        /// half-hours for 10 call types, seed 1, 1% of the rows missing, a storm every 60 days.
        public init(start: CalendarDate = CalendarDate(daysSinceEpoch: 20_089), days: Int = 730, intervalMinutes: Int = 30,
                    callTypes: Int = 10, seed: UInt64 = 1, missingShare: Double = 0.01, stormProbability: Double = 1.0 / 60) {
            self.start = start
            self.days = days
            self.intervalMinutes = intervalMinutes
            self.callTypes = callTypes
            self.seed = seed
            self.missingShare = missingShare
            self.stormProbability = stormProbability
        }

        /// Intervals in a day.
        public var intervalsPerDay: Int { 1440 / intervalMinutes }

        /// Rows of the history before any is missing: days × intervals × call types.
        public var fullRowCount: Int { days * intervalsPerDay * callTypes }

        /// What is wrong with these settings, or `nil` if they can be generated.
        public var problem: String? {
            if !Self.dayRange.contains(days) { return "days must be from 1 to \(Self.dayRange.upperBound)" }
            if intervalMinutes < 1 || 1440 % intervalMinutes != 0 { return "the interval must divide a day (1440 minutes)" }
            if !Self.callTypeRange.contains(callTypes) { return "call types must be from 1 to \(Self.callTypeRange.upperBound)" }
            if start.adding(days: days - 1).components.year > 9999 { return "the history must end by 9999-12-31" }
            if !Self.missingShareRange.contains(missingShare) { return "the missing share must be from 0 to 0.5" }
            if !(0...1).contains(stormProbability) { return "the storm probability must be from 0 to 1" }
            if let open, open.isEmpty || open.lowerBound < 0 || open.upperBound > 1440
                || open.lowerBound % intervalMinutes != 0 || open.upperBound % intervalMinutes != 0 {
                return "the opening hours must be a non-empty window of whole intervals within the day"
            }
            if let utcOffset, LocalDateTime(iso: "2025-01-01T00:00" + utcOffset) == nil || !"+-".contains(utcOffset.first ?? "x") {
                return "the UTC offset must be like +08:00 or -05:00"
            }
            return nil
        }
    }

    /// An unannounced day of many more calls for one group of call types.
    public struct Storm: Sendable, Equatable {
        /// The day, counted from the start (0 is the first).
        public let day: Int
        /// The group of call types it hits (``CallTypeProfile/stormGroup``).
        public let stormGroup: Int
        /// What the group's calls are multiplied by while it lasts (1.5–3).
        public let factor: Double
        /// Minutes after midnight when it starts (12:00–14:59); it lasts ``duration`` minutes.
        public let startMinute: Int
        /// How long a storm lasts, in minutes (four hours).
        public static let duration = 240
    }

    /// The first line of the CSV.
    public static let csvHeader = "start,call_type,offered,answered,abandoned,aht,acw"
    /// Monday … Sunday, before each call type's own variation (× U(0.95, 1.05)).
    public static let weeklyFactors = [1.15, 1.05, 1.0, 0.98, 0.90, 0.45, 0.30]
    /// How much each call type's weekly factor may differ from ``weeklyFactors`` (±5%).
    public static let weeklyVariation = 0.05
    /// Days of the month with billing peaks.
    public static let billingDays = 1...3
    /// Calls on a billing day, for the call types with billing peaks.
    public static let billingFactor = 1.25
    /// Holidays, the same every year.
    public static let holidays: [(month: Int, day: Int)] = [(1, 1), (5, 1), (12, 25), (12, 26)]
    /// Calls on a holiday.
    public static let holidayFactor = 0.3
    /// The coefficient of variation of the day factor all call types share.
    public static let dayFactorCV = 0.08
    /// The mean length of a run of missing rows, in intervals (uniform 1–6).
    static let meanMissingRun = 3.5
    /// Days in a year, on average (Gregorian).
    static let daysPerYear = 365.2425

    /// The settings it generates.
    public let settings: Settings
    /// The call types, in order.
    public let profiles: [CallTypeProfile]
    /// The storm days, in order.
    public let storms: [Storm]
    /// Each day's factor shared by every call type (mean 1).
    let dayFactors: [Double]

    /// A generator for `settings`, which must have no ``Settings/problem``.
    public init(settings: Settings) {
        precondition(settings.problem == nil, settings.problem ?? "")
        self.settings = settings
        let billing = Self.billingTypes(count: settings.callTypes, seed: settings.seed)
        profiles = (0..<settings.callTypes).map {
            CallTypeProfile(index: $0, seed: settings.seed, hasBillingPeak: billing.contains($0),
                            intervalMinutes: settings.intervalMinutes)
        }
        dayFactors = Self.drawDayFactors(settings)
        storms = Self.drawStorms(settings, groups: profiles.map(\.stormGroup).max().map { $0 + 1 } ?? 1)
    }

    /// The call types' ids: `type01`, `type02`, …
    public var callTypeIds: [String] { profiles.map(\.id) }

    /// The expected calls of call type `callType` (0 is the first) on day `day` (0 is
    /// the start): base, weekly, season, trend, billing and holiday effects; before the
    /// day factor, the storms and the Poisson counts.
    public func expected(callType: Int, day: Int) -> Double {
        let profile = profiles[callType]
        let date = settings.start.adding(days: day)
        var volume = profile.baseDailyVolume * profile.weeklyFactors[date.weekday.rawValue - 1]
        volume *= 1 + profile.seasonAmplitude
            * cos(2 * Double.pi * (Double(date.daysSinceEpoch) - profile.seasonPeakDay) / Self.daysPerYear)
        volume *= 1 + profile.yearlyTrend * Double(day) / Self.daysPerYear
        if profile.hasBillingPeak && Self.billingDays.contains(date.components.day) { volume *= Self.billingFactor }
        if Self.isHoliday(date) { volume *= Self.holidayFactor }
        return volume
    }

    /// Whether `date` is one of the ``holidays``.
    public static func isHoliday(_ date: CalendarDate) -> Bool {
        let (_, month, day) = date.components
        return holidays.contains { $0.month == month && $0.day == day }
    }

    /// The storm of day `day`, if any.
    public func storm(onDay day: Int) -> Storm? {
        var low = 0, high = storms.count
        while low < high {
            let middle = (low + high) / 2
            if storms[middle].day < day { low = middle + 1 } else { high = middle }
        }
        return low < storms.count && storms[low].day == day ? storms[low] : nil
    }

    /// The call types with billing peaks: half of them (rounded up), chosen by the seed.
    static func billingTypes(count: Int, seed: UInt64) -> Set<Int> {
        let stream = stream(seed: seed, "history", .billing)
        let keys = (0..<count).map { ($0, stream.uniformPositive()) }
        return Set(keys.sorted { $0.1 < $1.1 }.prefix((count + 1) / 2).map(\.0))
    }

    /// One gamma factor of mean 1 and CV ``dayFactorCV`` per day.
    static func drawDayFactors(_ settings: Settings) -> [Double] {
        let stream = stream(seed: settings.seed, "history", .dayFactors)
        let law = Distribution.gamma(mean: 1, cv: dayFactorCV)
        return (0..<settings.days).map { _ in law.sample(stream) }
    }

    /// The storms: each day one with probability ``Settings/stormProbability``.
    static func drawStorms(_ settings: Settings, groups: Int) -> [Storm] {
        let stream = stream(seed: settings.seed, "history", .storms)
        return (0..<settings.days).compactMap { day in
            // Four draws every day, storm or not: a day's draws do not depend on the storm probability.
            let (chance, group, size, start) = (stream.uniformPositive(), stream.uniformPositive(),
                                                stream.uniformPositive(), stream.uniformPositive())
            guard chance < settings.stormProbability else { return nil }
            return Storm(day: day, stormGroup: min(Int(group * Double(groups)), groups - 1),
                         factor: 1.5 + 1.5 * size, startMinute: 720 + min(Int(start * 180), 179))
        }
    }

    /// The stream of one source of randomness of a history seeded `seed`. Draw through the
    /// stream, or keep it alive while drawing through its generator: the generator's
    /// state is freed with the stream.
    static func stream(seed: UInt64, _ entity: String, _ source: StreamSource) -> RandomStream {
        let streamSeed = StreamSeeds.seed(scenarioSeed: seed, replication: 0, source: StreamSeeds.sourceID(entity, source))
        do {
            return try RandomStream(seed: streamSeed)
        } catch {
            fatalError("cannot allocate a random stream: \(error)")
        }
    }
}
