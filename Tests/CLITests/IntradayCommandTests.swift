import Foundation
import XCTest

/// `ccsim intraday` as a planner runs it at noon: the morning's export against the
/// day's forecast, the rest of the day updated.
final class IntradayCommandTests: CLITestCase {
    func testTheAfternoonIsUpdatedFromTheMorning() throws {
        let path = folder.appendingPathComponent("all.csv").path
        XCTAssertEqual(try CCSimProcess.run(["history", "--days", "120", "--call-types", "2", "--start", "2026-01-05", "--interval", "15m",
                                             "--open", "07:00-22:00", "--omit-zero-rows", "--utc-offset", "+08:00", "--out", path]).status, 0)
        let past = try csvRows(of: path, into: "past.csv") { $0 < "2026-04-27" }
        let morning = try csvRows(of: path, into: "morning.csv") { $0.hasPrefix("2026-04-27") && $0.dropFirst(11) < "12:00" }
        let forecast = folder.appendingPathComponent("forecast").path
        let made = try CCSimProcess.run(["forecast", past, "--horizon", "7d", "--out", forecast])
        XCTAssertEqual(made.status, 0, made.stderr)
        let out = folder.appendingPathComponent("noon").path
        // A morning is too short to show that the export leaves zero rows out: say so.
        let outcome = try CCSimProcess.run(["intraday", forecast + "/forecast.csv", morning, "--cv", "0.1", "--at", "12:00",
                                            "--absent", "zero", "--out", out])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("intraday update of 2026-04-27 from 12:00"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("read as no calls"), outcome.stdout)
        let rows = try String(contentsOfFile: out + "/intraday.csv", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(rows.first, "start,call_type,offered,low,high")
        XCTAssertEqual(rows.count, 1 + 48 * 2, "12:00 to midnight in quarter-hours, two call types")
        XCTAssertTrue(rows[1].hasPrefix("2026-04-27T12:00,type01,"), String(rows[1]))
        let json = try CCSimProcess.run(["intraday", forecast + "/forecast.csv", morning, "--cv", "0.1", "--json"]).json()
        XCTAssertEqual(json["date"] as? String, "2026-04-27")
        let types = try XCTUnwrap(json["call_types"] as? [String: [String: Any]])
        let factor = try XCTUnwrap(types["type01"]?["factor"] as? Double)
        XCTAssertGreaterThan(factor, 0)
        XCTAssertEqual(try CCSimProcess.run(["intraday", forecast + "/forecast.csv", morning, "--cv", "0"]).status, 64)
        XCTAssertEqual(try CCSimProcess.run(["intraday", forecast + "/forecast.csv", morning, "--cv", "0.1", "--at", "12:10"]).status, 64)
        let stale = try CCSimProcess.run(["intraday", forecast + "/forecast.csv", past, "--cv", "0.1"])
        XCTAssertEqual(stale.status, 65)
        XCTAssertTrue(stale.stderr.contains("does not cover 2026-04-26"), stale.stderr)
    }
}
