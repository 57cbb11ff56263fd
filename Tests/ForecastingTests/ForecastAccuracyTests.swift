import ContactCenter
import Forecasting
import XCTest

/// Forecasts of generated histories against what happened next: they beat the seasonal
/// naive, and their 80% bands hold about 80% of the outcomes (70–90%).
final class ForecastAccuracyTests: XCTestCase {
    /// Two years of 30-minute history of 10 call types, then 28 days held out.
    static let generator = HistoryGenerator(settings: HistoryGenerator.Settings(
        start: CalendarDate(iso: "2025-01-01")!, days: 730 + 28, intervalMinutes: 30, callTypes: 10, seed: 11))

    /// The generator's holidays, as a planner's calendar lists them.
    static var calendar: EventCalendar {
        var text = "date,name,factor\n"
        for year in 2025...2027 {
            for day in ["01-01", "05-01", "12-25", "12-26"] { text += "\(year)-\(day),holiday,0.3\n" }
        }
        return try! EventCalendar(csv: text, file: "calendar.csv")
    }

    func testForecastsBeatTheNaiveAndTheirBandsAreCalibrated() throws {
        let text = Self.generator.csv()
        let cutoff = "2027-01-01"
        let lines = text.split(separator: "\n")
        let past = ([lines[0]] + lines.dropFirst().filter { $0 < cutoff }).joined(separator: "\n")
        let all = try History(csv: text, file: "all.csv")
        let history = try History(csv: past, file: "past.csv")
        XCTAssertEqual(history.dayCount, 730)
        let forecast = try Forecaster.forecast(history, events: Self.calendar, settings: ForecastSettings(days: 28, level: 0.8))
        XCTAssertEqual(forecast.firstDay, CalendarDate(iso: cutoff))
        let n = all.perDay
        var covered = 0, counted = 0, errorModel = 0.0, errorNaive = 0.0, actualTotal = 0.0
        var daysCovered = 0, days = 0
        var bandCovered = Array(repeating: 0, count: 8), bandCounted = Array(repeating: 0, count: 8)
        for (k, c) in forecast.callTypes.enumerated() {
            XCTAssertEqual(all.callTypes[k], c.callType)
            for d in 0..<28 {
                let day = 730 + d
                var actualDay = 0.0, complete = true
                for i in 0..<n {
                    guard let actual = all.offered[k][day * n + i] else { complete = false; continue }
                    let j = d * n + i
                    counted += 1
                    let inBand = actual >= c.intervalLow[j] && actual <= c.intervalHigh[j]
                    if inBand { covered += 1 }
                    bandCounted[i / 6] += 1
                    if inBand { bandCovered[i / 6] += 1 }
                    actualDay += actual
                }
                guard complete else { continue }
                let naive = (0..<n).reduce(0.0) { $0 + (all.offered[k][(730 - 7 + d % 7) * n + $1] ?? 0) }
                errorModel += abs(actualDay - c.daily[d])
                errorNaive += abs(actualDay - naive)
                actualTotal += actualDay
                days += 1
                if actualDay >= c.dailyLow[d] && actualDay <= c.dailyHigh[d] { daysCovered += 1 }
            }
        }
        let intervalCoverage = Double(covered) / Double(counted)
        print("held-out 28 days: interval coverage \(intervalCoverage), daily coverage \(Double(daysCovered) / Double(days)), "
            + "WAPE \(errorModel / actualTotal) against the naive's \(errorNaive / actualTotal)")
        XCTAssertGreaterThan(counted, 28 * 48 * 10 * 9 / 10, "most intervals of the 28 days known")
        XCTAssertTrue((0.70...0.90).contains(intervalCoverage), "interval coverage \(intervalCoverage)")
        let dayCoverage = Double(daysCovered) / Double(days)
        // Every three-hour band of the day at the level too. The day factor is shared by
        // every call type, so a band's outcomes are not independent: its coverage is taken
        // as a share of the 28 days × 10 call types, within four binomial standard errors.
        let tolerance = 4 * (0.8 * 0.2 / Double(28 * 10)).squareRoot()
        for band in 0..<8 {
            let share = Double(bandCovered[band]) / Double(bandCounted[band])
            print("hours \(3 * band)-\(3 * band + 3): \(share) in band")
            XCTAssertEqual(share, 0.8, accuracy: tolerance, "hours \(3 * band)-\(3 * band + 3)")
        }
        XCTAssertTrue((0.70...0.90).contains(dayCoverage), "daily coverage \(dayCoverage) over \(days) days")
        XCTAssertLessThan(errorModel / actualTotal, errorNaive / actualTotal,
                          "WAPE \(errorModel / actualTotal) against the seasonal naive's \(errorNaive / actualTotal)")
    }
}
