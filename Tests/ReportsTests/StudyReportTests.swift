import ContactCenter
import Experiments
import Foundation
import Reports
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The outputs of `sweep` and `capacity`: CSV rows, JSON points and the HTML curves.
final class StudyReportTests: XCTestCase {
    func points() throws -> [StudyPoint] {
        try [20, 24, 28].map { agents in
            var model = HTMLReportTests.model
            model.seats = nil
            model.agentGroups[0].staffing = [agents, agents, agents]
            let summary = RunSummary(model: model, seed: 5, results: try ReplicationRunner.run(model: model, seed: 5, replications: 4))
            return StudyPoint(settings: [("agent_groups.front.agents", String(agents))], summary: summary,
                              failures: summary.failures(of: [KPITarget(kpi: .serviceLevel, relation: .atLeast, value: 0.8)],
                                                         over: .day))
        }
    }

    func testCSVJSONAndReportDescribeTheSamePoints() throws {
        let points = try self.points()
        let csv = StudyReport.csv(points).split(separator: "\n")
        XCTAssertEqual(csv.count, 4)
        XCTAssertTrue(csv[0].hasPrefix("agent_groups.front.agents,arrivals,arrivals_ci_low,"))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: StudyReport.json(points, extra: ["smallest": .number(24)]))
                                 as? [String: Any])
        XCTAssertEqual(json["smallest"] as? Double, 24)
        let rows = try XCTUnwrap(json["points"] as? [[String: Any]])
        XCTAssertEqual(rows.count, 3)
        let sl = try XCTUnwrap(((rows[1]["total"] as? [String: Any])?["service_level"] as? [String: Any])?["mean"] as? Double)
        XCTAssertEqual(sl, points[1].summary.total[.serviceLevel]?.mean ?? .nan, accuracy: 1e-12)
        XCTAssertEqual(rows[0]["meets"] as? Bool, points[0].failures?.isEmpty)
        let html = StudyReport.html(title: "Capacity", description: "agents", points: points,
                                    targets: [KPITarget(kpi: .serviceLevel, relation: .atLeast, value: 0.8)],
                                    chosen: 1, runSeconds: 1)
        let document = try ParsedReport(html)
        XCTAssertTrue(document.svgIDs.contains("chart-service_level"))
        XCTAssertTrue(document.text.contains("smallest: 24"))
    }
}
