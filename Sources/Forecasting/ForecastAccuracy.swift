import ContactCenter

/// How a forecast did against what happened: a forecast file (`start,call_type,offered`
/// with `low,high` bands, as `ccsim forecast` writes it) matched interval by interval with
/// an export of actuals, scored overall and by call type, day, hour of day and lead time
/// (days after the forecast's first day, 1 first) — the forecast-accuracy management the
/// 95598 standard asks for.
public struct ForecastAccuracy: Sendable {
    /// Errors over a set of intervals.
    public struct Score: Sendable, Equatable {
        /// Intervals matched, and their actual and forecast calls.
        public var intervals = 0
        public var actual = 0.0, forecast = 0.0
        var absoluteError = 0.0, naiveScaled = 0.0
        var banded = 0, inBand = 0

        /// No interval yet.
        public init() {}

        /// Σ|actual − forecast| / Σ actual.
        public var wape: Double? { actual > 0 ? absoluteError / actual : nil }
        /// (Σ forecast − Σ actual) / Σ actual: above 0 the forecast was too high.
        public var bias: Double? { actual > 0 ? (forecast - actual) / actual : nil }
        /// The mean absolute error over the seasonal naive's in-sample one (a week back,
        /// over all of the actuals' intervals): below 1 the forecast beat last week's values.
        public var mase: Double? { naiveScaled > 0 && intervals > 0 ? absoluteError / naiveScaled : nil }
        /// The share of actuals inside the bands, where the forecast has them.
        public var bandCoverage: Double? { banded > 0 ? Double(inBand) / Double(banded) : nil }

        mutating func add(actual a: Double, forecast f: Double, band: (Double, Double)?, naiveError scale: Double?) {
            intervals += 1
            actual += a
            forecast += f
            absoluteError += abs(a - f)
            naiveScaled += scale ?? 0
            if let (low, high) = band {
                banded += 1
                if a >= low && a <= high { inBand += 1 }
            }
        }
    }

    public var overall = Score()
    public var byCallType: [String: Score] = [:]
    /// By date (`YYYY-MM-DD`), hour of day (0–23) and lead time in days (1 first).
    public var byDay: [String: Score] = [:]
    public var byHour: [Int: Score] = [:]
    public var byLead: [Int: Score] = [:]
    /// The forecast's first day, and its intervals without an actual (unknown).
    public var firstDay: CalendarDate
    public var unmatched = 0
    /// Intervals the forecast has closed (band 0–0) and that had no call: not scored.
    public var closed = 0
    /// How absent actual rows were read.
    public var absent: AbsentRows

    /// Scores `forecast` (read with bands) against `actuals`. An actual row absent where
    /// the forecast's band is 0–0 (closed) is no calls; elsewhere as `absent` says.
    /// - Throws: ``ForecastError`` if the interval lengths differ or a call type of the
    ///   forecast has no row in the actuals.
    public init(forecast: History, actuals: History, absent: AbsentRows = .auto) throws {
        guard forecast.intervalMinutes == actuals.intervalMinutes else {
            throw ForecastError(message: "the forecast has \(forecast.intervalMinutes)-minute intervals, the actuals "
                + "\(actuals.intervalMinutes)-minute ones: export the actuals at the forecast's interval")
        }
        firstDay = forecast.firstDay
        self.absent = absent.resolved(for: actuals)
        let n = forecast.perDay
        for (k, callType) in forecast.callTypes.enumerated() {
            guard let a = actuals.callTypes.firstIndex(of: callType) else {
                throw ForecastError(message: "call type \(callType) of the forecast has no row in the actuals")
            }
            let scale = Self.naiveScale(actuals.offered[a], lag: 7 * n)
            for slot in forecast.offered[k].indices {
                guard let f = forecast.offered[k][slot] else { continue }
                let (day, i) = (slot / n, slot % n)
                let band = Self.band(forecast, k, slot)
                let d = forecast.firstDay.daysSinceEpoch + day - actuals.firstDay.daysSinceEpoch
                let inside = (0..<actuals.dayCount).contains(d)
                let known = inside ? actuals.offered[a][d * n + i] : nil
                guard let actual = known ?? (inside && (self.absent == .zero || band?.1 == 0) ? 0 : nil) else {
                    unmatched += 1
                    continue
                }
                if band?.1 == 0 && f == 0 && actual == 0 {  // closed, and no call came
                    closed += 1
                    continue
                }
                let date = "\(forecast.firstDay.adding(days: day))", hour = i * forecast.intervalMinutes / 60
                func add(_ score: inout Score) { score.add(actual: actual, forecast: f, band: band, naiveError: scale) }
                add(&overall)
                add(&byCallType[callType, default: Score()])
                add(&byDay[date, default: Score()])
                add(&byHour[hour, default: Score()])
                add(&byLead[day + 1, default: Score()])
            }
        }
    }

    /// The forecast's band of call type `k` at `slot`, where it has one.
    private static func band(_ forecast: History, _ k: Int, _ slot: Int) -> (Double, Double)? {
        guard let low = forecast.low?[k][slot], let high = forecast.high?[k][slot] else { return nil }
        return (low, high)
    }

    /// The mean absolute change from `lag` intervals before, over the known pairs.
    private static func naiveScale(_ y: [Double?], lag: Int) -> Double? {
        var sum = 0.0, count = 0
        for t in lag..<max(lag, y.count) {
            if let a = y[t], let b = y[t - lag] { sum += abs(a - b); count += 1 }
        }
        return count > 0 ? sum / Double(count) : nil
    }
}
