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

    /// With targets in every interval, a targeted KPI's curve is the worst interval's
    /// value (in the window, if one is given), the figure the targets are judged on.
    func testIntervalTargetsAreChartedOnTheWorstInterval() throws {
        let target = KPITarget(kpi: .serviceLevel, relation: .atLeast, value: 0.8)
        let points = try self.points()
        func curve(_ html: String, _ id: String = "chart-service_level") throws -> [Double] {
            let lines = try SVGElements(html).elements(of: id, withClass: "series")
            XCTAssertEqual(lines.count, 1)
            let values = try XCTUnwrap(lines.first?.attributes["data-values"]).split(separator: " ")
            return try values.map { try XCTUnwrap(Double($0)) }
        }
        let html = StudyReport.html(title: "Capacity", description: "agents", points: points, targets: [target],
                                    scope: .interval, chosen: 1, runSeconds: 1)
        XCTAssertTrue(html.contains("service_level in the worst interval against agent_groups.front.agents"))
        XCTAssertTrue(html.contains("abandon_fraction over the whole period against"))
        let worst = try curve(html)
        XCTAssertEqual(worst.count, points.count)
        for (point, value) in zip(points, worst) {
            let estimates = point.summary.intervals.compactMap { $0.total[.serviceLevel] }
            let judged = try XCTUnwrap(estimates.min { $0.low < $1.low })
            XCTAssertEqual(value, judged.mean)
            XCTAssertEqual(judged.low >= target.value, point.summary.failures(of: [target], over: .interval).isEmpty,
                           "the curve's interval is above the target exactly when every interval meets it")
        }
        XCTAssertTrue(zip(points, worst).contains { ($0.summary.total[.serviceLevel]?.mean ?? 0) - $1 > 0.05 },
                      "the busiest interval is well below the whole period")
        XCTAssertEqual(try curve(html, "chart-abandon_fraction"), points.map { $0.summary.total[.abandonFraction]!.mean })

        let firstOnly = StudyReport.html(title: "Capacity", description: "agents", points: points, targets: [target],
                                         scope: .interval, window: 0..<1800, runSeconds: 1)
        XCTAssertEqual(try curve(firstOnly), points.map { $0.summary.intervals[0].total[.serviceLevel]!.mean })
        XCTAssertTrue(firstOnly.contains("worst interval starting 00:00–00:30"))
        let overTheDay = StudyReport.html(title: "Capacity", description: "agents", points: points, targets: [target],
                                          scope: .day, runSeconds: 1)
        XCTAssertEqual(try curve(overTheDay), points.map { $0.summary.total[.serviceLevel]!.mean })
    }

    /// A target on a KPI outside the table gets a curve too.
    func testEveryTargetedKPIHasACurve() throws {
        let target = KPITarget(kpi: .answerRate, relation: .atLeast, value: 0.9)
        let html = StudyReport.html(title: "Capacity", description: "agents", points: try points(), targets: [target],
                                    scope: .interval, runSeconds: 1)
        XCTAssertTrue(try SVGElements(html).ids.contains("chart-answer_rate"))
        XCTAssertTrue(html.contains("target answer_rate&gt;=0.9"))
    }
}
