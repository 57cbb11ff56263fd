import ContactCenter
import Forecasting
import XCTest

/// Forecasts of histories shaped like real ACD exports: nights left out, zero rows left
/// out, 15- and 60-minute intervals, starts with a zone offset, ids that are not ours.
final class RealExportTests: XCTestCase {
    /// 20 weeks of half-hours for 3 call types from a centre open 07:00–22:00.
    static func settings(days: Int = 140, interval: Int = 30, open: Range<Int>? = 420..<1320) -> HistoryGenerator.Settings {
        var settings = HistoryGenerator.Settings(start: CalendarDate(iso: "2026-01-05")!, days: days, intervalMinutes: interval,
                                                 callTypes: 3, seed: 21)
        settings.open = open
        return settings
    }

    static func history(_ settings: HistoryGenerator.Settings) throws -> History {
        try History(csv: HistoryGenerator(settings: settings).csv(), file: "export.csv")
    }

    func testClosedNightsAreLearntAndNothingIsForecastInThem() throws {
        let history = try Self.history(Self.settings())
        let forecast = try Forecaster.forecast(history, settings: ForecastSettings(days: 14))
        let n = history.perDay
        for t in 0..<8 {
            XCTAssertEqual(forecast.open.windows(dayType: t, intervalMinutes: 30), "[\"07:00-22:00\"]", "day type \(t)")
        }
        for c in forecast.callTypes {
            for d in 0..<14 {
                let day = (0..<n).map { c.intervals[d * n + $0] }
                for i in 0..<n where !(14..<44).contains(i) {
                    XCTAssertEqual(day[i], 0, "\(c.callType) day \(d) interval \(i): the centre is closed")
                    XCTAssertEqual(c.intervalHigh[d * n + i], 0)
                }
                XCTAssertEqual(day.reduce(0, +), c.daily[d], accuracy: 1e-6 * c.daily[d], "the day's total is its open intervals'")
                XCTAssertGreaterThan(day[20], 0)
            }
            let shares = c.profiles[2]
            XCTAssertEqual(shares[0..<14].reduce(0, +) + shares[44...].reduce(0, +), 0, "no share at night")
            XCTAssertEqual(shares.reduce(0, +), 1, accuracy: 1e-9)
        }
    }

    /// The history's daily totals are the sums over the open intervals, and the forecast
    /// of a closed-night export matches the open hours of the same centre's 24-hour export.
    func testTotalsAreOverOpenIntervalsAndMatchTheFullExport() throws {
        let closed = try Self.history(Self.settings())
        let full = try Self.history(Self.settings(open: nil))
        let f = try Forecaster.forecast(closed, settings: ForecastSettings(days: 14))
        let g = try Forecaster.forecast(full, settings: ForecastSettings(days: 14))
        let n = closed.perDay
        for (k, c) in f.callTypes.enumerated() {
            for d in 0..<closed.dayCount {
                let values = (0..<n).map { f.history.offered[k][d * n + $0] }
                guard values.allSatisfy({ $0 != nil }) else { continue }
                XCTAssertEqual(c.historyDaily[d] ?? -1, values.reduce(0) { $0 + ($1 ?? 0) }, accuracy: 1e-6)
            }
            let openHours = (0..<14).reduce(0.0) { sum, d in sum + (14..<44).reduce(0.0) { $0 + g.callTypes[k].intervals[d * n + $1] } }
            let total = c.daily.reduce(0, +)
            // Both forecast the same calls; they differ by the models' noise, within the
            // backtest's daily WAPE over 14 days (WAPE / √14, four times over).
            let wape = c.backtest.first { $0.model == c.model && $0.level == .day }?.wape ?? 1
            XCTAssertEqual(total, openHours, accuracy: 4 * wape / 14.0.squareRoot() * openHours, c.callType)
        }
    }

    func testTheBacktestRunsAtBothLevelsAndChoosesOnDays() throws {
        let f = try Forecaster.forecast(try Self.history(Self.settings()), settings: ForecastSettings(days: 14))
        for c in f.callTypes {
            for model in DailyModel.allCases {
                for level in BacktestLevel.allCases {
                    XCTAssertNotNil(c.backtest.first { $0.model == model && $0.level == level }?.wape, "\(c.callType) \(model) \(level)")
                }
            }
            let day = { (m: DailyModel) in c.backtest.first { $0.model == m && $0.level == .day }?.wape ?? .infinity }
            // The better of Holt-Winters and the naive on days, unless a challenger beat
            // it (beyond chance, which ModelChoiceTests check).
            let established = [DailyModel.holtWinters, .seasonalNaive]
            let incumbent = established.map(day).min() ?? .infinity
            if established.contains(c.model) { XCTAssertEqual(day(c.model), incumbent) } else { XCTAssertLessThan(day(c.model), incumbent) }
            XCTAssertNotNil(c.busynessCV)
            XCTAssertNotNil(c.intervalCoverage)
        }
    }

    func testWithoutABacktestTheNaiveIsUsedAndNothingIsMadeUp() throws {
        let f = try Forecaster.forecast(try Self.history(Self.settings(days: 40)), settings: ForecastSettings(days: 7))
        for c in f.callTypes {
            XCTAssertEqual(c.model, .seasonalNaive)
            XCTAssertNil(c.busynessCV)
            XCTAssertNil(c.intervalCoverage)
            XCTAssertNil(c.dailyCoverage)
        }
    }

    func testZeroRowsLeftOutAreReadAsNoCalls() throws {
        var settings = Self.settings(interval: 15)
        settings.omitsZeroRows = true
        settings.missingShare = 0
        let text = HistoryGenerator(settings: settings).csv()
        XCTAssertFalse(text.contains(",0,0,0,"), "no zero row")
        let history = try History(csv: text, file: "export.csv")
        XCTAssertEqual(history.zeroRows, 0)
        XCTAssertGreaterThanOrEqual(history.lowRows, AbsentRows.detectionRows)
        XCTAssertEqual(AbsentRows.auto.resolved(for: history), .zero)
        let f = try Forecaster.forecast(history, settings: ForecastSettings(days: 7))
        XCTAssertEqual(f.absent, .zero)
        XCTAssertFalse(f.history.offered.joined().contains(nil), "every absent row read")
        let unknown = try Forecaster.forecast(history, settings: ForecastSettings(days: 7, absent: .unknown))
        XCTAssertTrue(unknown.history.offered.joined().contains(nil), "an absent row in open hours stays unknown")
        // The same centre's export with zero rows: the zeros say absent rows are gaps.
        settings.omitsZeroRows = false
        settings.missingShare = 0.01
        let gappy = try History(csv: HistoryGenerator(settings: settings).csv(), file: "gappy.csv")
        XCTAssertGreaterThan(gappy.zeroRows, 0)
        XCTAssertEqual(AbsentRows.auto.resolved(for: gappy), .unknown)
    }

    func testOffsetsHourlyIntervalsAndOddIds() throws {
        var settings = Self.settings(interval: 60)
        settings.utcOffset = "+08:00"
        let text = HistoryGenerator(settings: settings).csv()
        XCTAssertTrue(text.contains("T07:00+08:00,"), String(text.prefix(200)))
        let history = try History(csv: text, file: "export.csv")
        XCTAssertEqual(history.intervalMinutes, 60)
        XCTAssertEqual(history.start(day: 0, interval: 7).description, "2026-01-05T07:00", "the local clock is kept")
        let renamed = text.replacingOccurrences(of: "type01", with: "故障报修").replacingOccurrences(of: "type02", with: "Billing-Enquiry_2")
        let odd = try History(csv: renamed, file: "export.csv")
        XCTAssertEqual(odd.callTypes, ["Billing-Enquiry_2", "type03", "故障报修"])
        let f = try Forecaster.forecast(odd, settings: ForecastSettings(days: 7))
        XCTAssertEqual(f.open.windows(dayType: 0, intervalMinutes: 60), "[\"07:00-22:00\"]")
        for bad in ["2026-01-05T07:00+15:00", "2026-01-05T07:00+08:7", "2026-01-05T07:00+08:00:00", "2026-01-05T07:00++08"] {
            XCTAssertNil(LocalDateTime(iso: bad), bad)
        }
        for good in ["2026-01-05T07:00Z", "2026-01-05T07:00:00-05:00", "2026-01-05 07:00+0530"] {
            XCTAssertEqual(LocalDateTime(iso: good)?.description, "2026-01-05T07:00", good)
        }
    }

    /// A 24-hour centre whose quiet night intervals often have no call stays open all
    /// night; a lunch closure of two hours is a closure.
    func testShortQuietSpellsAreNotClosures() {
        let quiet = [true, false, true, true, false, false, true, true]
        XCTAssertEqual(OpenIntervals.bridgingShortClosures(quiet, shortest: 3), Array(repeating: true, count: 8))
        let lunch = [false, true, true, false, false, false, true, false]
        XCTAssertEqual(OpenIntervals.bridgingShortClosures(lunch, shortest: 2), lunch, "three closed, and two round the clock")
        XCTAssertEqual(OpenIntervals.bridgingShortClosures(lunch, shortest: 3), [true, true, true, false, false, false, true, true])
        XCTAssertEqual(OpenIntervals.bridgingShortClosures(lunch, shortest: 4), Array(repeating: true, count: 8))
        XCTAssertEqual(OpenIntervals.droppingBriefOpenings(lunch, briefest: 2), [false, true, true, false, false, false, false, false],
                       "a stray interval with calls after a quiet evening is no opening")
        XCTAssertEqual(OpenIntervals.droppingBriefOpenings(quiet, briefest: 2), [true, false, true, true, false, false, true, true])
    }
}
