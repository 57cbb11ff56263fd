import Foundation
import XCTest

/// `ccsim history`: the CSV on standard output or into a file, the same for the same
/// options, `--force` only over a history ccsim wrote, options out of range refused.
final class HistoryCommandTests: CLITestCase {
    func testStandardOutputAndAFileHoldTheSameHistory() throws {
        let options = ["history", "--days", "3", "--call-types", "2", "--interval", "1h", "--start", "2026-03-02", "--seed", "4"]
        let printed = try CCSimProcess.run(options)
        XCTAssertEqual(printed.status, 0, printed.stderr)
        let lines = printed.stdout.split(separator: "\n")
        XCTAssertEqual(lines.first, "start,call_type,offered,answered,abandoned,aht,acw")
        XCTAssertTrue(lines.dropFirst().first?.hasPrefix("2026-03-02T00:00,type01,") ?? false, printed.stdout.prefix(200).description)
        XCTAssertLessThanOrEqual(lines.count, 1 + 3 * 24 * 2)
        XCTAssertEqual(try CCSimProcess.run(options + ["--out", "-"]).stdout, printed.stdout)
        let file = folder.appendingPathComponent("history.csv").path
        XCTAssertEqual(try CCSimProcess.run(options + ["--out", file]).status, 0)
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), printed.stdout)
    }

    func testForceReplacesOnlyAHistoryCcsimWrote() throws {
        let file = folder.appendingPathComponent("history.csv").path
        let options = ["history", "--days", "2", "--out", file]
        XCTAssertEqual(try CCSimProcess.run(options).status, 0)
        XCTAssertEqual(try CCSimProcess.run(options).status, 73, "exists, no --force")
        XCTAssertEqual(try CCSimProcess.run(options + ["--force", "--seed", "2"]).status, 0)
        let real = "start,call_type,offered,answered,abandoned,aht,acw\n2026-01-05T08:00,billing,12,11,1,240.0,30.0\n"
        try real.write(toFile: file, atomically: true, encoding: .utf8)
        let refused = try CCSimProcess.run(options + ["--force"])
        XCTAssertEqual(refused.status, 73)
        XCTAssertTrue(refused.stderr.contains("is not a file ccsim wrote"), refused.stderr)
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), real)
    }

    func testOptionsOutOfRangeAreUsageErrors() throws {
        for (option, value, message) in [("--days", "0", "--days must be from 1 to 3660"),
                                         ("--days", "3661", "--days must be from 1 to 3660"),
                                         ("--call-types", "51", "--call-types must be from 1 to 50"),
                                         ("--interval", "7m", "--interval 7m: expected a length that divides a day"),
                                         ("--interval", "30", "--interval 30: expected"),
                                         ("--start", "2026-02-30", "--start 2026-02-30: expected a date"),
                                         ("--missing", "0.9", "--missing must be a share from 0 to 0.5")] {
            let outcome = try CCSimProcess.run(["history", option, value])
            XCTAssertEqual(outcome.status, 64, "\(option) \(value)")
            XCTAssertTrue(outcome.stderr.contains(message), outcome.stderr)
        }
        let huge = try CCSimProcess.run(["history", "--days", "3660", "--call-types", "50", "--interval", "15m"])
        XCTAssertEqual(huge.status, 64)
        XCTAssertTrue(huge.stderr.contains("17568000 rows; at most 10000000"), huge.stderr)
        for interval in ["15m", "1h", "1h30m", "2h", "24h"] {
            XCTAssertEqual(try CCSimProcess.run(["history", "--days", "1", "--interval", interval]).status, 0, interval)
        }
    }

    /// Shaped like a real export: no rows outside the hours, none without a call, starts
    /// with a zone offset; the counts are the ones of the full history.
    func testAHistoryShapedLikeARealExport() throws {
        let options = ["history", "--days", "7", "--call-types", "2", "--interval", "15m", "--start", "2026-03-02", "--missing", "0"]
        let full = try CCSimProcess.run(options)
        let export = try CCSimProcess.run(options + ["--open", "07:00-22:00", "--omit-zero-rows", "--utc-offset", "+08:00"])
        XCTAssertEqual(export.status, 0, export.stderr)
        let rows = export.stdout.split(separator: "\n").dropFirst()
        XCTAssertFalse(rows.isEmpty)
        for row in rows {
            let cells = row.split(separator: ",", omittingEmptySubsequences: false)
            let clock = cells[0].dropFirst(11).prefix(5)
            XCTAssertTrue(clock >= "07:00" && clock < "22:00" && cells[0].hasSuffix("+08:00"), String(row))
            XCTAssertNotEqual(cells[2], "0", String(row))
            let same = cells[0].replacingOccurrences(of: "+08:00", with: "") + "," + cells.dropFirst().joined(separator: ",")
            XCTAssertTrue(full.stdout.contains(same + "\n"), "the full history has \(same)")
        }
        for (option, value, message) in [("--open", "22:00-07:00", "must end after it starts"),
                                         ("--open", "07:10-22:00", "whole intervals"),
                                         ("--open", "7-22", "expected HH:MM-HH:MM"),
                                         ("--utc-offset", "8", "like +08:00")] {
            let outcome = try CCSimProcess.run(options + [option, value])
            XCTAssertEqual(outcome.status, 64, "\(option) \(value)")
            XCTAssertTrue(outcome.stderr.contains(message), outcome.stderr)
        }
    }
}
