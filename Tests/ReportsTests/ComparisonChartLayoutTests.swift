import ContactCenter
import Experiments
import Foundation
import Reports
import XCTest

/// The charts of `ccsim compare`: the subjects' labels, the intervals and the values
/// each have a column of their own, so no text overlaps a bar.
final class ComparisonChartLayoutTests: XCTestCase {
    /// A generous width of one character of the charts' 11 px text (the layout's own).
    let characterWidth = 7.0
    let chartWidth = 760.0
    static let longID = "billing_and_account_enquiries_of_business_customers"

    func comparison() throws -> PairedComparison {
        var a = HTMLReportTests.model
        a.seats = nil
        a.callTypes[1].id = Self.longID
        var b = a
        b.agentGroups[0].staffing = b.agentGroups[0].staffing.map { $0 - 3 }
        return PairedComparison(modelA: a, resultsA: try ReplicationRunner.run(model: a, seed: 4, replications: 5),
                                modelB: b, resultsB: try ReplicationRunner.run(model: b, seed: 4, replications: 5), seed: 4)
    }

    func testLabelsValuesAndBarsDoNotOverlap() throws {
        let charts = try SVGElements(ComparisonReport.html(try comparison(), nameA: "A", nameB: "B", runSeconds: 1))
        let ids = charts.ids.filter { $0.hasPrefix("chart-difference-") }
        XCTAssertGreaterThan(ids.count, 3)
        var shortened = 0
        for id in ids {
            let labels = charts.elements(of: id, withClass: "row-label").map { label -> ClosedRange<Double> in
                XCTAssertEqual(label.attributes["text-anchor"], "end")
                let right = label.number("x")!
                return (right - Double(label.text.count) * characterWidth)...right
            }
            let values = charts.elements(of: id, withClass: "value-label").map { value -> ClosedRange<Double> in
                XCTAssertNil(value.attributes["text-anchor"], "starts at x")
                let left = value.number("x")!
                return left...(left + Double(value.text.count) * characterWidth)
            }
            // The interval lines, with their end caps and markers (a few pixels either side).
            let bars = charts.elements(of: id, withClass: "interval").map { line -> ClosedRange<Double> in
                let (x1, x2) = (line.number("x1")!, line.number("x2")!)
                return (min(x1, x2) - 4)...(max(x1, x2) + 4)
            }
            XCTAssertFalse(bars.isEmpty)
            XCTAssertEqual(labels.count, bars.count, id)
            XCTAssertEqual(values.count, bars.count, id)
            let (labelColumn, barColumn, valueColumn) = (span(labels), span(bars), span(values))
            XCTAssertLessThan(labelColumn.upperBound, barColumn.lowerBound, "\(id): labels reach into the bars")
            XCTAssertLessThan(barColumn.upperBound, valueColumn.lowerBound, "\(id): values reach into the bars")
            XCTAssertGreaterThanOrEqual(labelColumn.lowerBound, 0, "\(id): labels cut off on the left")
            XCTAssertLessThanOrEqual(valueColumn.upperBound, chartWidth, "\(id): values cut off on the right")
            shortened += charts.elements(of: id, withClass: "row-label").filter { $0.text.contains("…") }.count
        }
        XCTAssertGreaterThan(shortened, 0, "the long call type's label is shortened")
        let titles = charts.charts.values.joined().filter { $0.name == "title" }.map(\.text)
        XCTAssertTrue(titles.contains("call_types." + Self.longID), "with the whole label as its tooltip")
    }

    private func span(_ ranges: [ClosedRange<Double>]) -> ClosedRange<Double> {
        ranges.map(\.lowerBound).min()!...ranges.map(\.upperBound).max()!
    }
}
