import Statistics
import XCTest

/// Poisson and binomial counts: the sample mean within a 99.9% confidence interval of
/// the law's mean, the variance within a few percent of the law's.
final class CountTests: XCTestCase {
    let draws = 200_000

    func tally(_ draw: (RandomGenerator) -> Int) throws -> Tally {
        let stream = try RandomStream(seed: 5)
        var tally = Tally()
        for _ in 0..<draws { tally.add(Double(draw(stream.generator))) }
        return tally
    }

    func testPoissonCounts() throws {
        for mean in [0.3, 4.0, 250.0] {
            let t = try tally { $0.poisson(mean: mean) }
            let ci = t.confidenceInterval(level: 0.999)
            XCTAssertTrue(ci.contains(mean), "mean \(mean) outside [\(ci.low), \(ci.high)]")
            XCTAssertEqual(t.variance / mean, 1, accuracy: 0.03, "a Poisson variance equals its mean")
        }
        XCTAssertEqual(try tally { $0.poisson(mean: 0) }.mean, 0)
    }

    func testBinomialCounts() throws {
        let t = try tally { $0.binomial(trials: 40, probability: 0.05) }
        let ci = t.confidenceInterval(level: 0.999)
        XCTAssertTrue(ci.contains(2), "mean 2 outside [\(ci.low), \(ci.high)]")
        XCTAssertEqual(t.variance / (40 * 0.05 * 0.95), 1, accuracy: 0.03)
        XCTAssertEqual(try tally { $0.binomial(trials: 0, probability: 0.5) }.mean, 0)
        XCTAssertEqual(try tally { $0.binomial(trials: 7, probability: 1.5) }.mean, 7)
    }
}
