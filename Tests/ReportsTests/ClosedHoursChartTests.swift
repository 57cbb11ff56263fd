import ContactCenter
import Experiments
import Foundation
import Reports
import XCTest

/// The report of a centre open 08:00–20:00 over two days: its line charts leave the
/// closed night out, bands included, and its x labels do not crowd.
final class ClosedHoursChartTests: XCTestCase {
    func testChartsLeaveTheClosedHoursOut() throws {
        let hours = 48
        var model = CenterModel(
            name: "two days", timing: Timing(warmup: 0, horizon: Double(hours) * 3600, intervalLength: 1800,
                                             startDate: CalendarDate(iso: "2026-03-06")),
            callTypes: [CallType(id: "calls", arrivalRates: Array(repeating: 200.0 / 3600, count: 2 * hours),
                                 handleTime: .exponential(mean: 180), patience: .exponential(mean: 120),
                                 serviceLevel: ServiceLevelTarget(seconds: 20, target: 0.8))],
            agentGroups: [AgentGroup(id: "team", skills: [0], staffing: Array(repeating: 14, count: 2 * hours))])
        model.openingHours = OpeningHours(windows: [OpeningHours.Window(open: 8 * 3600, close: 20 * 3600)])
        let summary = try ReplicationRunner.summary(model: model, seed: 1, replications: 3)
        let html = HTMLReport.render(summary, runSeconds: 0.1)
        let chart = try XCTUnwrap(html.range(of: "id=\"chart-service-level-0\"").map { String(html[$0.lowerBound...]) })
        let serviceLevelChart = String(chart[..<(chart.range(of: "</svg>")?.lowerBound ?? chart.endIndex)])
        XCTAssertEqual(serviceLevelChart.components(separatedBy: "class=\"band\"").count - 1, 2, "one band per open day")
        let path = try XCTUnwrap(serviceLevelChart.range(of: " d=\"").map { serviceLevelChart[$0.upperBound...] })
        let d = path[..<(path.firstIndex(of: "\"") ?? path.endIndex)]
        XCTAssertEqual(d.filter { $0 == "M" }.count, 2, "the line starts again after the night")
        let labels = serviceLevelChart.components(separatedBy: "class=\"small\">").count - 1
        XCTAssertLessThanOrEqual(labels, 12)
        XCTAssertEqual(summary.total[.closed]?.mean ?? 0, Double(summary.total[.arrivals]?.mean ?? 0)
                       - (summary.total[.offered]?.mean ?? 0), accuracy: 1e-9)
    }
}
