import Statistics
import XCTest

final class CollectorTests: XCTestCase {
    func testTallyMeanAndVariance() {
        let tally = Tally([2, 4, 4, 4, 5, 5, 7, 9])
        XCTAssertEqual(tally.count, 8)
        XCTAssertEqual(tally.mean, 5, accuracy: 1e-12)
        XCTAssertEqual(tally.variance, 32.0 / 7.0, accuracy: 1e-12)
    }

    func testConfidenceIntervalUsesStudentT() {
        // t(0.975, 9) = 2.262157…; ten observations 1…10: mean 5.5, sd 3.02765.
        let ci = Tally((1...10).map(Double.init)).confidenceInterval(level: 0.95)
        let half = 2.2621571627982 * 3.0276503540975 / 10.0.squareRoot()
        XCTAssertEqual(ci.mean, 5.5, accuracy: 1e-12)
        XCTAssertEqual(ci.halfWidth, half, accuracy: 1e-9)
        XCTAssertEqual(ConfidenceInterval.studentQuantile(level: 0.99, degreesOfFreedom: 4), 4.604094871, accuracy: 1e-8)
    }

    func testOneObservationGivesAPointInterval() {
        let ci = Tally([3]).confidenceInterval()
        XCTAssertEqual(ci.low, 3)
        XCTAssertEqual(ci.high, 3)
    }

    func testTimeWeightedAverage() {
        var busy = TimeWeighted(value: 2, at: 0)
        busy.update(4, at: 10)   // 2 for 10 s
        busy.update(0, at: 15)   // 4 for 5 s
        busy.advance(to: 20)     // 0 for 5 s
        XCTAssertEqual(busy.area, 40, accuracy: 1e-12)
        XCTAssertEqual(busy.average, 2, accuracy: 1e-12)
        busy.reset(at: 20)
        busy.update(1, at: 30)
        XCTAssertEqual(busy.average, 0, accuracy: 1e-12)
    }

    func testQuantileHistogramOnKnownValues() {
        var h = QuantileHistogram()
        for i in 0..<10_000 { h.record(Double(i) / 100) }   // 0.00 … 99.99 s, uniform
        XCTAssertEqual(h.count, 10_000)
        XCTAssertEqual(h.quantile(0.90)!, 90, accuracy: 90 * 0.01)
        XCTAssertEqual(h.quantile(0.50)!, 50, accuracy: 50 * 0.01)
        XCTAssertNil(QuantileHistogram().quantile(0.9))
    }

    func testQuantileHistogramKeepsAnAtomAtZero() {
        var h = QuantileHistogram()
        for _ in 0..<95 { h.record(0) }
        for _ in 0..<5 { h.record(30) }
        XCTAssertEqual(h.quantile(0.90), 0)
        XCTAssertEqual(h.quantile(0.99)!, 30, accuracy: 0.3)
    }

    func testMergedHistogramsEqualOneHistogram() {
        var a = QuantileHistogram(), b = QuantileHistogram(), both = QuantileHistogram()
        for i in 0..<1000 {
            let x = Double(i % 97) * 1.3
            if i % 2 == 0 { a.record(x) } else { b.record(x) }
            both.record(x)
        }
        a.merge(b)
        XCTAssertEqual(a.quantile(0.9), both.quantile(0.9))
        XCTAssertEqual(a.count, both.count)
    }
}
