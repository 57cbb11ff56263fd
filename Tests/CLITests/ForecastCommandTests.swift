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
        XCTAssertEqual(forecast.first, "start,call_type,offered,low,high")
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
}
