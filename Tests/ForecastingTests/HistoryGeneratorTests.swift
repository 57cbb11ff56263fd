import ContactCenter
import Forecasting
import Foundation
import XCTest

/// The synthetic history: its CSV, and each effect visible in the daily totals at the
/// size the generator documents. Every tolerance is four standard errors of the
/// statistic, from the day factor's CV and Poisson counts, plus, where a ratio is set
/// against a documented size, the largest move the other effects can make.
final class HistoryGeneratorTests: XCTestCase {
    /// Two years of half-hours for 10 call types, without and with missing rows.
    static let settings = HistoryGenerator.Settings(days: 730, intervalMinutes: 30, callTypes: 10, seed: 7, missingShare: 0)
    static let full = ParsedHistory(HistoryGenerator(settings: settings))
    static let gappy: ParsedHistory = {
        var gappy = settings
        gappy.missingShare = 0.01
        return ParsedHistory(HistoryGenerator(settings: gappy))
    }()

    var generator: HistoryGenerator { Self.full.generator }
    var days: Int { Self.settings.days }
    var cv: Double { HistoryGenerator.dayFactorCV }

    func testTheSameSeedGivesTheSameHistory() {
        let settings = HistoryGenerator.Settings(days: 40, intervalMinutes: 60, callTypes: 3, seed: 11)
        let once = HistoryGenerator(settings: settings).csv()
        XCTAssertEqual(once, HistoryGenerator(settings: settings).csv())
        var other = settings
        other.seed = 12
        XCTAssertNotEqual(once, HistoryGenerator(settings: other).csv())
    }

    func testEveryIntervalAndCallTypeHasOneWellFormedRow() throws {
        let history = Self.full
        XCTAssertEqual(history.header, "start,call_type,offered,answered,abandoned,aht,acw")
        XCTAssertEqual(generator.callTypeIds, (1...10).map { $0 < 10 ? "type0\($0)" : "type\($0)" })
        XCTAssertEqual(history.rows.count, Self.settings.fullRowCount)
        XCTAssertEqual(history.rows.count, 730 * 48 * 10)
        XCTAssertEqual(history.rows.first?.start.description, "2025-01-01T00:00")
        XCTAssertEqual(history.rows.last?.start.description, "2026-12-31T23:30")
        for (previous, row) in zip(history.rows, history.rows.dropFirst()) {
            XCTAssertTrue((previous.start, previous.callType) < (row.start, row.callType), "sorted by start, then call type")
            if row.start != previous.start {
                XCTAssertEqual(row.start.minutes - previous.start.minutes, 30)
                XCTAssertEqual(row.callType, 0)
            } else {
                XCTAssertEqual(row.callType, previous.callType + 1)
            }
        }
    }

    func testCountsAndHandleTimesAreConsistent() {
        for row in Self.full.rows {
            XCTAssertLessThanOrEqual(row.answered + row.abandoned, row.offered)
            XCTAssertGreaterThanOrEqual(row.abandoned, 0)
            XCTAssertEqual(row.aht == nil, row.answered == 0, "aht is empty exactly when nothing was answered")
            XCTAssertEqual(row.acw == nil, row.answered == 0)
        }
        let busy = Self.full.rows.filter { $0.answered >= 100 }
        XCTAssertFalse(busy.isEmpty)
        for row in busy {
            // 180–400 s per call type, the mean of ≥ 100 calls of CV 0.9: within 4 × 9%.
            XCTAssertTrue((180 * 0.64...400 * 1.36).contains(row.aht ?? 0), "aht \(row.aht ?? 0)")
            XCTAssertTrue((20 * 0.76...60 * 1.24).contains(row.acw ?? 0), "acw \(row.acw ?? 0)")
        }
        let lines = Self.full.text.utf8.split(separator: UInt8(ascii: "\n")).dropFirst().prefix(5000).map { Substring($0) }
        for line in lines {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            XCTAssertEqual(fields.count, 7, String(line))
            for field in fields[5...] where !field.isEmpty {
                XCTAssertEqual(field.split(separator: ".").last?.count, 1, "one decimal: \(line)")
            }
        }
    }

    func testTheWeeklyPatternShowsInDailyTotals() {
        let history = Self.full
        var observed = [Double](repeating: 0, count: 7), expected = observed, count = observed
        for day in 0..<days where isOrdinary(day) {
            let weekday = date(day).weekday.rawValue - 1
            observed[weekday] += history.total(day: day)
            expected[weekday] += expectedTotal(day: day)
            count[weekday] += 1
        }
        let means = zip(observed, count).map { $0 / $1 }
        XCTAssertEqual(means.firstIndex(of: means.max()!), 0, "Monday is the busiest day: \(means)")
        // A day's total is the day factor (CV 0.08) times Poisson counts around its expectation.
        func relativeVariance(_ w: Int) -> Double { (cv * cv + count[w] / expected[w]) / count[w] }
        let wednesday = 2, v = HistoryGenerator.weeklyVariation
        for w in 0..<7 where w != wednesday {
            let ratio = means[w] / means[wednesday]
            let expectedRatio = expected[w] / count[w] / (expected[wednesday] / count[wednesday])
            let sigma = expectedRatio * (relativeVariance(w) + relativeVariance(wednesday)).squareRoot()
            XCTAssertEqual(ratio, expectedRatio, accuracy: 4 * sigma, "weekday \(w + 1) against Wednesday")
            // Each call type's factors move by ±5%: the ratio of two by (1 ± v)/(1 ∓ v).
            let documented = HistoryGenerator.weeklyFactors[w] / HistoryGenerator.weeklyFactors[wednesday]
            XCTAssertTrue((documented * (1 - v) / (1 + v) - 4 * sigma...documented * (1 + v) / (1 - v) + 4 * sigma).contains(ratio),
                          "weekday \(w + 1): \(ratio) against \(documented)")
        }
    }

    func testBillingDaysPeakForTheBillingCallTypes() {
        let history = Self.full
        let billing = generator.profiles.indices.filter { generator.profiles[$0].hasBillingPeak }
        let others = generator.profiles.indices.filter { !generator.profiles[$0].hasBillingPeak }
        XCTAssertEqual(billing.count, 5)
        // Days 1–3 against the same weekdays a week later, billing types against the
        // others on the same day (the shared day factor cancels).
        var sums = BillingSums(), expectedSums = BillingSums()
        for day in 0..<(days - 7) where HistoryGenerator.billingDays.contains(date(day).components.day)
            && isPlain(day) && isPlain(day + 7) {
            sums.add(day: day, billing: billing, others: others, history.total(callType:day:))
            expectedSums.add(day: day, billing: billing, others: others, generator.expected(callType:day:))
        }
        let ratio = sums.ratio, expectedRatio = expectedSums.ratio
        let sigma = expectedRatio * (sums.poissonVariance + expectedSums.dayFactorVariance(cv: cv)).squareRoot()
        XCTAssertEqual(ratio, expectedRatio, accuracy: 4 * sigma)
        // A week later the season (amplitude ≤ 0.15, so a call type's level moves by at
        // most 2π·0.15/0.85·7/365.24) and the trends (≤ 15% a year apart) have moved.
        let drift = 7 / 365.2425 * (2 * 2 * Double.pi * 0.15 / 0.85 + 0.15)
        XCTAssertEqual(ratio, HistoryGenerator.billingFactor, accuracy: HistoryGenerator.billingFactor * drift + 4 * sigma)
    }

    func testHolidaysAreLow() {
        let history = Self.full
        let holidays = (0..<days).filter { HistoryGenerator.isHoliday(date($0)) }
        XCTAssertEqual(holidays.count, 8)
        var observed = 0.0, expected = 0.0, withoutHoliday = 0.0
        for day in holidays {
            observed += history.total(day: day)
            expected += expectedTotal(day: day)
            withoutHoliday += expectedTotal(day: day) / HistoryGenerator.holidayFactor
            // Lower than the ordinary days of the same weekday a week before and after: at
            // most 0.3 × 1.25 (a holiday on a billing day) × 1.05 (the season's move in a
            // week), against a noise of 0.08·√2 on the ratio.
            for neighbour in [day - 7, day + 7] where (0..<days).contains(neighbour) && isOrdinary(neighbour) {
                XCTAssertLessThan(history.total(day: day), 0.6 * history.total(day: neighbour), "\(date(day))")
            }
        }
        // The day factor weights each holiday by its share of the calls; Poisson counts the whole.
        let squares = holidays.reduce(0) { $0 + pow(expectedTotal(day: $1) / expected, 2) }
        let sigma = (cv * cv * squares + 1 / expected).squareRoot()
        XCTAssertEqual(observed / expected, 1, accuracy: 4 * sigma)
        XCTAssertEqual(observed / withoutHoliday, HistoryGenerator.holidayFactor, accuracy: HistoryGenerator.holidayFactor * 4 * sigma)
    }

    func testStormsAreRareAndRaiseTheirGroup() {
        let storms = generator.storms
        let p = Self.settings.stormProbability, n = Double(days)
        XCTAssertEqual(Double(storms.count), n * p, accuracy: 4 * (n * p * (1 - p)).squareRoot())
        var group = (observed: 0.0, expected: 0.0), others = group
        for storm in storms {
            XCTAssertTrue((1.5...3).contains(storm.factor))
            XCTAssertTrue((720..<900).contains(storm.startMinute))
            XCTAssertEqual(generator.storm(onDay: storm.day), storm)
            for k in generator.profiles.indices {
                let figures = (Self.full.total(callType: k, day: storm.day), generator.expected(callType: k, day: storm.day))
                if generator.profiles[k].stormGroup == storm.stormGroup {
                    group = (group.observed + figures.0, group.expected + figures.1)
                } else {
                    others = (others.observed + figures.0, others.expected + figures.1)
                }
            }
        }
        // × 1.5–3 (2.25 on average) for four afternoon hours, which hold a quarter to two
        // fifths of a weekday's calls (a tenth of a Saturday's, half a Sunday's): over a
        // dozen storms the group's day rises by about +40%, against Poisson noise of a few %.
        XCTAssertGreaterThan(group.observed / group.expected, 1.1 * others.observed / others.expected)
    }

    func testAboutTheMissingShareOfRowsIsMissingAndNothingElseChanges() throws {
        let full = Self.full, gappy = Self.gappy
        let missing = full.rows.count - gappy.rows.count
        let s = 0.01, total = Double(full.rows.count)
        // Cycles of a run (uniform 1–6: mean 3.5, variance 35/12) and a stretch present
        // (exponential, mean μ): the share's variance is Var(M − sC) / (cycles · E[C]²).
        let mu = 3.5 * (1 - s) / s, cycle = 3.5 + mu, cycles = total / cycle
        let sigma = (((1 - s) * (1 - s) * 35 / 12 + s * s * mu * mu) / (cycles * cycle * cycle)).squareRoot()
        XCTAssertEqual(Double(missing) / total, s, accuracy: 4 * sigma)
        // The rows left are the full history's, unchanged.
        let fullLines = Set(full.text.utf8.split(separator: UInt8(ascii: "\n")).map { Substring($0) })
        let gappyLines = gappy.text.utf8.split(separator: UInt8(ascii: "\n")).map { Substring($0) }
        XCTAssertEqual(gappyLines.count, gappy.rows.count + 1)
        XCTAssertTrue(gappyLines.allSatisfy { fullLines.contains($0) })
        // In runs: most missing rows have a missing neighbour in their call type.
        let present = Set(gappy.rows.map { RowKey(start: $0.start.minutes, callType: $0.callType) })
        let absent = full.rows.map { RowKey(start: $0.start.minutes, callType: $0.callType) }.filter { !present.contains($0) }
        let absentSet = Set(absent)
        let inRuns = absent.filter {
            absentSet.contains(RowKey(start: $0.start - 30, callType: $0.callType))
                || absentSet.contains(RowKey(start: $0.start + 30, callType: $0.callType))
        }
        // A run of 1 has no missing neighbour: a sixth of the runs, a 21st of the rows.
        XCTAssertGreaterThan(Double(inRuns.count), 0.85 * Double(absent.count))
    }

    // MARK: - Helpers

    func date(_ day: Int) -> CalendarDate { Self.settings.start.adding(days: day) }

    func expectedTotal(day: Int) -> Double {
        generator.profiles.indices.reduce(0) { $0 + generator.expected(callType: $1, day: day) }
    }

    /// Not a holiday and no storm.
    func isPlain(_ day: Int) -> Bool { !HistoryGenerator.isHoliday(date(day)) && generator.storm(onDay: day) == nil }

    /// Not a holiday, not a billing day, no storm.
    func isOrdinary(_ day: Int) -> Bool { isPlain(day) && !HistoryGenerator.billingDays.contains(date(day).components.day) }
}

struct RowKey: Hashable {
    let start: Int
    let callType: Int
}

/// Sums of daily calls for the billing test: billing and other call types, on billing
/// days and a week later.
struct BillingSums {
    var peakBilling = 0.0, peakOthers = 0.0, laterBilling = 0.0, laterOthers = 0.0
    /// Per day, the others' calls and the billing types' ratio to them, on billing days and a week later.
    var peakDays: [(others: Double, ratio: Double)] = [], laterDays: [(others: Double, ratio: Double)] = []

    /// The calls (`figure` of a call type and a day) of billing day `day` and of the
    /// same weekday a week later, for the billing types and the others.
    mutating func add(day: Int, billing: [Int], others: [Int], _ figure: (Int, Int) -> Double) {
        func sum(_ types: [Int], _ day: Int) -> Double { types.reduce(0) { $0 + figure($1, day) } }
        let (b, o, lb, lo) = (sum(billing, day), sum(others, day), sum(billing, day + 7), sum(others, day + 7))
        peakBilling += b
        peakOthers += o
        laterBilling += lb
        laterOthers += lo
        peakDays.append((o, b / o))
        laterDays.append((lo, lb / lo))
    }

    /// Billing types against the others on billing days, over the same a week later.
    var ratio: Double { (peakBilling / peakOthers) / (laterBilling / laterOthers) }

    /// The ratio's relative variance from Poisson counts.
    var poissonVariance: Double { 1 / peakBilling + 1 / peakOthers + 1 / laterBilling + 1 / laterOthers }

    /// The ratio's relative variance from the day factor, which weights the days' ratios
    /// (it cancels within a day).
    func dayFactorVariance(cv: Double) -> Double {
        func spread(_ days: [(others: Double, ratio: Double)]) -> Double {
            let total = days.reduce(0) { $0 + $1.others }
            let mean = days.reduce(0) { $0 + $1.others * $1.ratio } / total
            return days.reduce(0) { $0 + pow($1.others / total * ($1.ratio - mean) / mean, 2) }
        }
        return cv * cv * (spread(peakDays) + spread(laterDays))
    }
}

/// A history's CSV read back: the header and the rows, and daily totals of calls offered.
struct ParsedHistory: Sendable {
    struct Row: Sendable {
        let start: LocalDateTime
        let callType: Int
        let offered: Int
        let answered: Int
        let abandoned: Int
        let aht: Double?
        let acw: Double?
    }

    let generator: HistoryGenerator
    let text: String
    let header: String
    let rows: [Row]
    /// Calls offered per call type and day.
    let totals: [[Double]]

    init(_ generator: HistoryGenerator) {
        self.generator = generator
        text = generator.csv()
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"))
        header = String(Substring(lines[0]))
        let ids = Dictionary(uniqueKeysWithValues: generator.callTypeIds.enumerated().map { ($1, $0) })
        var start = (text: Substring(), time: LocalDateTime(minutes: 0))
        rows = lines.dropFirst().map { line in
            // Byte by byte: 350,000 rows read in a fraction of a second.
            let f = line.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map { Substring($0) }
            if f[0] != start.text { start = (f[0], LocalDateTime(iso: String(f[0]))!) }
            return Row(start: start.time, callType: ids[String(f[1])]!, offered: Int(f[2])!,
                       answered: Int(f[3])!, abandoned: Int(f[4])!, aht: Double(f[5]), acw: Double(f[6]))
        }
        var totals = [[Double]](repeating: [Double](repeating: 0, count: generator.settings.days), count: ids.count)
        let first = generator.settings.start.daysSinceEpoch
        for row in rows { totals[row.callType][row.start.date.daysSinceEpoch - first] += Double(row.offered) }
        self.totals = totals
    }

    func total(callType: Int, day: Int) -> Double { totals[callType][day] }

    func total(day: Int) -> Double { totals.reduce(0) { $0 + $1[day] } }
}
