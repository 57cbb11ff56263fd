import ContactCenter
import Foundation
import Statistics

extension HistoryGenerator {
    /// One call type of a synthetic history: its effects, drawn from the seed and the
    /// call type's place alone (a call type is the same whatever the number of others,
    /// but for which half has billing peaks). The truth a forecast of the history is
    /// judged against.
    public struct CallTypeProfile: Sendable {
        /// `type01`, `type02`, …
        public let id: String
        /// The calls of an ordinary Wednesday at the start, before the season (300–6000).
        public let baseDailyVolume: Double
        /// Monday … Sunday: ``HistoryGenerator/weeklyFactors``, each × U(0.95, 1.05).
        public let weeklyFactors: [Double]
        /// Whether its calls rise on the ``HistoryGenerator/billingDays``.
        public let hasBillingPeak: Bool
        /// The season's amplitude (0.10–0.15).
        public let seasonAmplitude: Double
        /// The season's peak, in days after 1 January (0–365).
        public let seasonPeakDay: Double
        /// The trend, as a share of the start's calls per year (−0.05 … 0.10).
        public let yearlyTrend: Double
        /// The group of call types a storm hits together: types 1–3 are group 0, 4–6 group 1, …
        public let stormGroup: Int
        /// The abandoned share at its usual weekday peak (0.02–0.05).
        public let abandonShare: Double
        /// The mean handle time in seconds (180–400).
        public let handleTime: Double
        /// The mean after-call work in seconds (20–60).
        public let afterCallWork: Double
        /// The share of a day's calls in each interval: weekdays, Saturdays, Sundays and
        /// holidays (``DayShape``).
        let intradayShares: [[Double]]
        /// The calls of its busiest weekday interval on an ordinary Wednesday at the start:
        /// the reference of the abandoned share.
        let usualPeakCalls: Double

        /// Call types a storm hits together.
        static let stormGroupSize = 3

        init(index: Int, seed: UInt64, hasBillingPeak: Bool, intervalMinutes: Int) {
            id = index < 9 ? "type0\(index + 1)" : "type\(index + 1)"
            let stream = HistoryGenerator.stream(seed: seed, id, .profile)
            func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * stream.uniformPositive() }
            baseDailyVolume = exp(uniform(log(300), log(6000)))
            weeklyFactors = HistoryGenerator.weeklyFactors.map {
                $0 * uniform(1 - HistoryGenerator.weeklyVariation, 1 + HistoryGenerator.weeklyVariation)
            }
            self.hasBillingPeak = hasBillingPeak
            seasonAmplitude = uniform(0.10, 0.15)
            seasonPeakDay = uniform(0, 365)
            yearlyTrend = uniform(-0.05, 0.10)
            stormGroup = index / Self.stormGroupSize
            abandonShare = uniform(0.02, 0.05)
            handleTime = uniform(180, 400)
            afterCallWork = uniform(20, 60)
            let peaks = IntradayPeaks(morning: 10.5 + uniform(-0.5, 0.5), afternoon: 15 + uniform(-0.5, 0.5),
                                      saturday: 11.5 + uniform(-0.5, 0.5))
            intradayShares = DayShape.allCases.map { peaks.shares(of: $0, intervalMinutes: intervalMinutes) }
            usualPeakCalls = baseDailyVolume * weeklyFactors[2] * (intradayShares[DayShape.weekday.rawValue].max() ?? 0)
        }

        /// The chance that a call offered in an interval of `calls` expected calls is abandoned.
        func abandonProbability(calls: Double) -> Double {
            min(0.5, abandonShare * (0.4 + 0.6 * calls / max(usualPeakCalls, 1e-9)))
        }
    }
}

/// The intraday profiles: weekdays, Saturdays, Sundays (and holidays).
enum DayShape: Int, CaseIterable {
    case weekday, saturday, sunday

    /// The shape of `date`'s calls.
    init(_ date: CalendarDate) {
        if HistoryGenerator.isHoliday(date) {
            self = .sunday
            return
        }
        switch date.weekday {
        case .saturday: self = .saturday
        case .sunday: self = .sunday
        default: self = .weekday
        }
    }
}

/// A call type's intraday peaks, in hours after midnight, and the profiles they give.
struct IntradayPeaks {
    let morning: Double
    let afternoon: Double
    let saturday: Double

    /// The share of the day's calls in each interval of `intervalMinutes` minutes (the
    /// intensity averaged over the interval's minutes, then normalised).
    func shares(of shape: DayShape, intervalMinutes: Int) -> [Double] {
        let perMinute = (0..<1440).map { intensity(of: shape, hour: (Double($0) + 0.5) / 60) }
        let total = perMinute.reduce(0, +)
        return stride(from: 0, to: 1440, by: intervalMinutes).map {
            perMinute[$0..<($0 + intervalMinutes)].reduce(0, +) / total
        }
    }

    /// The relative intensity of calls at `hour`: a floor of 0.01 at night, the shape of
    /// the day between its opening and closing hours.
    func intensity(of shape: DayShape, hour: Double) -> Double {
        switch shape {
        case .weekday:
            return 0.01 + Self.open(hour, from: 7.5, to: 20)
                * (0.25 + Self.bump(hour, at: morning, width: 1.3) + 0.8 * Self.bump(hour, at: afternoon, width: 1.6))
        case .saturday:
            return 0.01 + Self.open(hour, from: 8.5, to: 17) * (0.2 + Self.bump(hour, at: saturday, width: 1.8))
        case .sunday:
            return 0.01 + Self.open(hour, from: 9.5, to: 17.5) * (0.45 + 0.45 * Self.bump(hour, at: 13, width: 3))
        }
    }

    /// A Gaussian bump of height 1.
    static func bump(_ hour: Double, at peak: Double, width: Double) -> Double {
        let z = (hour - peak) / width
        return exp(-z * z / 2)
    }

    /// About 1 between `start` and `end`, about 0 outside (logistic edges of 20 minutes or so).
    static func open(_ hour: Double, from start: Double, to end: Double) -> Double {
        1 / (1 + exp(-(hour - start) / 0.3)) / (1 + exp(-(end - hour) / 0.3))
    }
}
