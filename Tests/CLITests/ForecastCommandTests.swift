import Foundation
import XCTest

/// `ccsim forecast` as a planner runs it: a history in, the forecast, its backtest and a
/// scenario out that `validate` (and so `run`, `staff`, `roster`) accept.
final class ForecastCommandTests: CLITestCase {
    private func history(days: Int = 120) throws -> String {
        let path = folder.appendingPathComponent("history.csv").path
        let outcome = try CCSimProcess.run(["history", "--days", "\(days)", "--call-types", "2", "--start", "2026-01-05",
                                            "--seed", "3", "--out", path, "--force"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        return path
    }

    func testForecastWritesItsFilesAndARunnableScenario() throws {
        let out = folder.appendingPathComponent("forecast").path
        let outcome = try CCSimProcess.run(["forecast", try history(), "--horizon", "2w", "--base", "Scenarios/forecast/base.yaml",
                                            "--calendar", "Scenarios/forecast/holidays.csv", "--out", out])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("type01"), outcome.stdout)
        for name in ["forecast.csv", "backtest.csv", "daily.csv", "scenario.yaml", "report.html"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/" + name), name)
        }
        let forecast = try String(contentsOfFile: out + "/forecast.csv", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(forecast.first, "start,call_type,offered,low,high,aht,acw")
        XCTAssertEqual(forecast.count, 1 + 14 * 48 * 2)
        XCTAssertTrue(forecast[1].hasPrefix("2026-05-05T00:00,type01,"), "the day after the history ends: \(forecast[1])")
        let validate = try CCSimProcess.run(["validate", out + "/scenario.yaml"])
        XCTAssertEqual(validate.status, 0, validate.stderr)
        XCTAssertTrue(validate.stdout.contains("672 intervals"), validate.stdout)
        let json = try CCSimProcess.run(["forecast", try history(), "--horizon", "3d", "--json"]).json()
        XCTAssertEqual(json["days"] as? Int, 3)
        let types = try XCTUnwrap(json["call_types"] as? [String: Any])
        XCTAssertEqual(Set(types.keys), ["type01", "type02"])
        XCTAssertNotNil((types["type01"] as? [String: Any])?["busyness_cv"])
    }

    func testMistakesAreRefused() throws {
        let bad = folder.appendingPathComponent("bad.csv").path
        try "start,call_type,offered\n2026-01-05T08:00,sales,4\n2026-01-05T08:30,sales,-2\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let negative = try CCSimProcess.run(["forecast", bad])
        XCTAssertEqual(negative.status, 65)
        XCTAssertTrue(negative.stderr.contains("bad.csv:3: offered is negative"), negative.stderr)
        XCTAssertEqual(try CCSimProcess.run(["forecast", bad, "--horizon", "13m"]).status, 64)
        XCTAssertEqual(try CCSimProcess.run(["forecast", bad, "--level", "1.5"]).status, 64)
        let missing = try CCSimProcess.run(["forecast", folder.appendingPathComponent("absent.csv").path])
        XCTAssertEqual(missing.status, 65, missing.stderr)
    }

    /// A centre open 07:00–22:00 whose export leaves nights and zero rows out: the
    /// forecast is zero at night, the scenario opens 07:00–22:00 and validates.
    func testAClosedNightExportGivesTheOpenHours() throws {
        let path = folder.appendingPathComponent("export.csv").path
        let made = try CCSimProcess.run(["history", "--days", "120", "--call-types", "2", "--interval", "15m", "--start", "2026-01-05",
                                         "--open", "07:00-22:00", "--omit-zero-rows", "--utc-offset", "+08:00", "--out", path])
        XCTAssertEqual(made.status, 0, made.stderr)
        let out = folder.appendingPathComponent("forecast").path
        let outcome = try CCSimProcess.run(["forecast", path, "--horizon", "7d", "--out", out])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("mon 07:00-22:00"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("read as no calls"), outcome.stdout)
        for row in try String(contentsOfFile: out + "/forecast.csv", encoding: .utf8).split(separator: "\n").dropFirst() {
            let cells = row.split(separator: ",")
            let clock = cells[0].dropFirst(11)
            if clock < "07:00" || clock >= "22:00" { XCTAssertEqual(cells[2], "0.00", String(row)) }
        }
        let scenario = try String(contentsOfFile: out + "/scenario.yaml", encoding: .utf8)
        XCTAssertTrue(scenario.contains("open:\n  - \"07:00-22:00\""), String(scenario.suffix(800)))
        let validate = try CCSimProcess.run(["validate", out + "/scenario.yaml"])
        XCTAssertEqual(validate.status, 0, validate.stderr)
        let json = try CCSimProcess.run(["forecast", path, "--horizon", "3d", "--json"]).json()
        XCTAssertEqual(json["absent_rows"] as? String, "zero")
        XCTAssertEqual((json["open"] as? [String: String])?["mon"], "07:00-22:00")
        XCTAssertNotNil(json["events"] as? [String: Any])
        XCTAssertEqual(try CCSimProcess.run(["forecast", path, "--absent", "sometimes"]).status, 64)
    }

    /// The forecast scored against what came next with `ccsim accuracy`.
    func testAccuracyAgainstActuals() throws {
        let path = folder.appendingPathComponent("all.csv").path
        XCTAssertEqual(try CCSimProcess.run(["history", "--days", "134", "--call-types", "2", "--start", "2026-01-05",
                                             "--open", "07:00-22:00", "--missing", "0", "--out", path]).status, 0)
        let past = try csvRows(of: path, into: "past.csv") { $0 < "2026-05-04" }
        let forecast = folder.appendingPathComponent("forecast").path
        XCTAssertEqual(try CCSimProcess.run(["forecast", past, "--horizon", "14d", "--out", forecast]).status, 0)
        let out = folder.appendingPathComponent("accuracy").path
        let outcome = try CCSimProcess.run(["accuracy", forecast + "/forecast.csv", path, "--out", out])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("type01"), outcome.stdout)
        let csv = try String(contentsOfFile: out + "/accuracy.csv", encoding: .utf8)
        XCTAssertTrue(csv.hasPrefix("dimension,key,intervals,actual,forecast,wape,bias,mase,in_band\nall,,"), csv)
        XCTAssertTrue(csv.contains("\nlead_days,14,"), csv)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/report.html"))
        let json = try CCSimProcess.run(["accuracy", forecast + "/forecast.csv", path, "--json"]).json()
        let overall = try XCTUnwrap(json["overall"] as? [String: Any])
        XCTAssertEqual(overall["intervals"] as? Int, 14 * 30 * 2, "the open intervals of 14 days")
        XCTAssertLessThan(try XCTUnwrap(overall["wape"] as? Double), 0.5)
        let refused = try CCSimProcess.run(["accuracy", forecast + "/forecast.csv", past])
        XCTAssertEqual(refused.status, 65, "the actuals end before the forecast begins")
        XCTAssertTrue(refused.stderr.contains("no interval of the forecast has an actual"), refused.stderr)
    }

    /// The weekly re-forecast: a week later, the earlier forecast's remaining days forecast
    /// again from the longer history, compared day by day, the earlier file kept.
    func testAWeekLaterTheRemainingDaysAreForecastAgain() throws {
        let path = folder.appendingPathComponent("all.csv").path
        XCTAssertEqual(try CCSimProcess.run(["history", "--days", "126", "--call-types", "2", "--start", "2026-01-05",
                                             "--interval", "15m", "--open", "07:00-22:00", "--omit-zero-rows", "--out", path]).status, 0)
        let past = try csvRows(of: path, into: "past.csv") { $0 < "2026-05-04" }
        let first = folder.appendingPathComponent("week18").path
        XCTAssertEqual(try CCSimProcess.run(["forecast", past, "--horizon", "28d", "--out", first]).status, 0)
        let again = folder.appendingPathComponent("week19").path
        let outcome = try CCSimProcess.run(["forecast", path, "--previous", first + "/forecast.csv", "--out", again])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("21 days in common, 2026-05-11 to 2026-05-31"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("largest revision: "), outcome.stdout)
        let revision = try String(contentsOfFile: again + "/revision.csv", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(revision.first, "date,call_type,previous,forecast,change")
        XCTAssertEqual(revision.count, 1 + 21 * 2, "the 21 days left, two call types")
        XCTAssertTrue(revision[1].hasPrefix("2026-05-11,type01,"), String(revision[1]))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: again + "/previous-forecast.csv")),
                       try Data(contentsOf: URL(fileURLWithPath: first + "/forecast.csv")))
        let forecast = try String(contentsOfFile: again + "/forecast.csv", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(forecast.count, 1 + 21 * 96 * 2, "to the earlier forecast's last day")
        let json = try CCSimProcess.run(["forecast", path, "--previous", first + "/forecast.csv", "--json"]).json()
        let summary = try XCTUnwrap(json["revision"] as? [String: Any])
        XCTAssertEqual(summary["days"] as? Int, 21)
        XCTAssertEqual(summary["previous_last_day"] as? String, "2026-05-31")
        let late = try CCSimProcess.run(["forecast", path, "--previous", first + "/forecast.csv", "--horizon", "7d"])
        XCTAssertEqual(late.status, 0, "a horizon shorter than the earlier forecast compares its own days")
        let stale = try CCSimProcess.run(["forecast", path, "--previous", past])
        XCTAssertEqual(stale.status, 65)
        XCTAssertTrue(stale.stderr.contains("past.csv: the previous forecast ends on 2026-05-03, before this forecast's first day 2026-05-11"),
                      stale.stderr)
    }
}
