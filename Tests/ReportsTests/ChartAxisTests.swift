import ContactCenter
import Experiments
import Foundation
import Reports
import XCTest

/// Chart axes: nice steps (1, 2, 2.5 or 5 × 10^k), ticks at whole steps, and labels with
/// only the digits they need.
final class ChartAxisTests: XCTestCase {
    func testNiceSteps() {
        let cases: [(raw: Double, nice: Double)] = [
            (0.07, 0.1), (0.021, 0.025), (0.0199, 0.02), (0.15, 0.2), (0.3, 0.5), (1, 1), (1.0001, 2),
            (3, 5), (12, 20), (17.4, 20), (24, 25), (0.2, 0.2), (600, 1000), (2.5e-5, 2.5e-5), (0, 1), (-3, 1),
        ]
        for (raw, nice) in cases {
            XCTAssertEqual(ChartAxis.niceStep(raw), nice, accuracy: nice * 1e-12, "\(raw)")
        }
    }

    /// The reported case: a band from −0.0201119 to 0.0798881 gave the tick 0.0798881.
    func testTicksOfAnUnroundedRangeAreRound() {
        let axis = ChartAxis(covering: [0.0798881, -0.0201119, 0.05])
        XCTAssertEqual(axis.step, 0.02, accuracy: 1e-15)
        XCTAssertEqual(axis.range.lowerBound, -0.04, accuracy: 1e-15)
        XCTAssertEqual(axis.range.upperBound, 0.08, accuracy: 1e-15)
        XCTAssertEqual(axis.ticks.map(axis.label), ["-0.04", "-0.02", "0", "0.02", "0.04", "0.06", "0.08"])
    }

    func testLabelsHaveOnlyTheDigitsTheStepNeeds() {
        let quarter = ChartAxis(covering: [11])
        XCTAssertEqual(quarter.ticks.map(quarter.label), ["0", "2.5", "5", "7.5", "10", "12.5"])
        let agents = ChartAxis(covering: [87, 12])
        XCTAssertEqual(agents.ticks.map(agents.label), ["0", "20", "40", "60", "80", "100"])
        let shares = ChartAxis(fixed: 0...1)
        XCTAssertEqual(shares.ticks.map(shares.label), ["0", "0.2", "0.4", "0.6", "0.8", "1"])
        let small = ChartAxis(covering: [0.0033])
        XCTAssertEqual(small.ticks.map(small.label), ["0", "0.001", "0.002", "0.003", "0.004"])
        let nothing = ChartAxis(covering: [0, 0])
        XCTAssertEqual(nothing.range, 0...1)
        let negative = ChartAxis(covering: [-7.3, -0.4])
        XCTAssertEqual(negative.ticks.map(negative.label), ["-8", "-6", "-4", "-2", "0"])
    }

    /// For many ranges: the axis covers the values and 0, its ticks are whole multiples
    /// of a nice step at both ends, there are 3 to 8 of them, and each label reads back
    /// as its tick with no more decimals than the step has.
    func testAxesOfManyRangesAreNice() {
        var seed: UInt64 = 12345
        func next() -> Double {  // a small linear congruential generator: the same ranges every run
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Double(seed >> 11) / Double(1 << 53)
        }
        for _ in 0..<2000 {
            let scale = pow(10, (next() * 12 - 6).rounded())
            let values = (0..<3).map { _ in (next() * 2 - 0.4) * scale }
            let axis = ChartAxis(covering: values)
            XCTAssertLessThanOrEqual(axis.range.lowerBound, min(0, values.min()!))
            XCTAssertGreaterThanOrEqual(axis.range.upperBound, max(0, values.max()!))
            XCTAssertTrue((3...8).contains(axis.ticks.count), "\(values): \(axis.ticks)")
            XCTAssertEqual(axis.ticks.first, axis.range.lowerBound)
            XCTAssertEqual(axis.ticks.last!, axis.range.upperBound, accuracy: axis.step * 1e-9)
            let magnitude = pow(10, log10(axis.step).rounded(.down))
            XCTAssertTrue([1, 2, 2.5, 5].contains { abs(axis.step / magnitude - $0) < 1e-9 }, "\(axis.step)")
            let stepDecimals = axis.label(axis.step).split(separator: ".").dropFirst().first?.count ?? 0
            for tick in axis.ticks {
                let label = axis.label(tick)
                XCTAssertEqual(try XCTUnwrap(Double(label)), tick, accuracy: axis.step * 1e-6, label)
                XCTAssertLessThanOrEqual(label.split(separator: ".").dropFirst().first?.count ?? 0, stepDecimals, label)
            }
        }
    }

    /// Every value axis of a run's report is labelled with round ticks.
    func testTheReportsTicksAreRound() throws {
        let s = RunSummary(model: HTMLReportTests.model, seed: 3,
                           results: try ReplicationRunner.run(model: HTMLReportTests.model, seed: 3, replications: 3))
        let charts = try SVGElements(HTMLReport.render(s, runSeconds: 1))
        var checked = 0
        for id in charts.ids {
            let ticks = try charts.elements(of: id, withClass: "tick").map { try XCTUnwrap(Double($0.text), "\(id): \($0.text)") }
            guard ticks.count > 1 else { continue }
            let step = ticks[1] - ticks[0]
            XCTAssertEqual(ChartAxis.niceStep(step * 0.999999), step, accuracy: step * 1e-6, "\(id): \(ticks)")
            for tick in ticks { XCTAssertEqual((tick / step).rounded(), tick / step, accuracy: 1e-6, "\(id): \(ticks)") }
            checked += 1
        }
        XCTAssertGreaterThan(checked, 5)
    }
}
