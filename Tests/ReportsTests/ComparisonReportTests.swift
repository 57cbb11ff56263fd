import ContactCenter
import Experiments
import Foundation
import Reports
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The outputs of `ccsim compare`: the report parses, has a chart per main KPI, and its
/// differences are those of the JSON.
final class ComparisonReportTests: XCTestCase {
    func comparison() throws -> PairedComparison {
        var a = HTMLReportTests.model
        a.seats = nil
        var b = a
        b.agentGroups[0].staffing = b.agentGroups[0].staffing.map { $0 + 2 }
        return PairedComparison(modelA: a, resultsA: try ReplicationRunner.run(model: a, seed: 9, replications: 6),
                                modelB: b, resultsB: try ReplicationRunner.run(model: b, seed: 9, replications: 6), seed: 9)
    }

    func testReportAndJSONAgree() throws {
        let c = try comparison()
        let document = try ParsedReport(ComparisonReport.html(c, nameA: "A & co", nameB: "B", runSeconds: 1))
        XCTAssertTrue(document.svgIDs.contains("chart-difference-service_level"))
        XCTAssertTrue(document.svgIDs.contains("chart-difference-seats_in_use"))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: ComparisonReport.json(c, nameA: "A & co", nameB: "B"))
                                 as? [String: Any])
        let rows = try XCTUnwrap(json["differences"] as? [[String: Any]])
        XCTAssertEqual(rows.count, c.differences.count)
        XCTAssertGreaterThan(document.cells.count, 10)
        for cell in document.cells {
            let row = try XCTUnwrap(rows.first { $0["subject"] as? String == cell.subject && $0["kpi"] as? String == cell.kpi })
            let difference = try XCTUnwrap(row["difference"] as? [String: Any])
            let mean = try XCTUnwrap((difference["mean"] as? NSNumber)?.doubleValue)
            XCTAssertEqual(cell.mean, mean, accuracy: 1e-14 * max(1, abs(mean)))
        }
        let seats = try XCTUnwrap(c.difference(.seatsInUse, of: "resources"))
        XCTAssertTrue(seats.isSignificant && seats.difference.mean > 0, "two more agents scheduled use more seats")
    }
}
