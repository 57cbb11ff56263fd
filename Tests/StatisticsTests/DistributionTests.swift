import Statistics
import XCTest

/// Each distribution's sample mean (and, where it is defined by the parameters, its
/// coefficient of variation) must agree with theory within a 99.9% confidence
/// interval computed from the sample itself.
final class DistributionTests: XCTestCase {
    let draws = 200_000

    func sample(_ d: Distribution, seed: UInt64 = 11) throws -> Tally {
        let stream = try RandomStream(seed: seed)
        var tally = Tally()
        for _ in 0..<draws { tally.add(d.sample(stream)) }
        return tally
    }

    func assertMean(_ d: Distribution, _ expected: Double, file: StaticString = #filePath, line: UInt = #line) throws {
        let ci = try sample(d).confidenceInterval(level: 0.999)
        XCTAssertTrue(ci.contains(expected), "\(d): mean \(expected) outside [\(ci.low), \(ci.high)]", file: file, line: line)
        XCTAssertEqual(d.mean, expected, accuracy: 1e-9 * max(1, expected), file: file, line: line)
    }

    func testMeans() throws {
        try assertMean(.exponential(mean: 180), 180)
        try assertMean(.constant(42), 42)
        try assertMean(.lognormal(mean: 300, cv: 0.9), 300)
        try assertMean(.gamma(mean: 60, cv: 0.5), 60)
        try assertMean(.gamma(shape: 2, scale: 5), 10)
        try assertMean(.erlang(k: 3, mean: 240), 240)
        try assertMean(.weibull(scale: 100, shape: 1.5), 100 * 0.9027452929509336)
        try assertMean(.uniform(low: 10, high: 30), 20)
        try assertMean(.empirical([5, 10, 45]), 20)
    }

    func testLognormalAndGammaHaveTheRequestedVariation() throws {
        for d in [Distribution.lognormal(mean: 300, cv: 0.9), .gamma(mean: 300, cv: 0.9)] {
            let t = try sample(d)
            let cv = t.standardDeviation / t.mean
            // The sample CV of 200,000 draws is within a few percent of the truth.
            XCTAssertEqual(cv, 0.9, accuracy: 0.05, "\(d)")
        }
    }

    func testEmpiricalOnlyReturnsListedValues() throws {
        let stream = try RandomStream(seed: 3)
        let d = Distribution.empirical([1, 2, 3])
        for _ in 0..<1000 { XCTAssertTrue([1, 2, 3].contains(d.sample(stream))) }
    }
}
