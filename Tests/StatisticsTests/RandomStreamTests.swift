import Statistics
import XCTest

final class RandomStreamTests: XCTestCase {
    func testSameSeedSameSequence() throws {
        let a = try RandomStream(seed: 99), b = try RandomStream(seed: 99)
        for _ in 0..<100 { XCTAssertEqual(a.uniformPositive(), b.uniformPositive()) }
    }

    func testStreamSeedsDifferAcrossReplicationsAndSources() {
        let arrivals = StreamSeeds.sourceID("fault", "arrivals")
        let talk = StreamSeeds.sourceID("fault", "talk")
        XCTAssertNotEqual(arrivals, talk)
        XCTAssertNotEqual(arrivals, StreamSeeds.sourceID("inquiry", "arrivals"))
        var seeds = Set<UInt64>()
        for replication in 0..<100 {
            for source in [arrivals, talk] {
                seeds.insert(StreamSeeds.seed(scenarioSeed: 7, replication: replication, source: source))
            }
        }
        XCTAssertEqual(seeds.count, 200)
        XCTAssertEqual(StreamSeeds.seed(scenarioSeed: 7, replication: 3, source: talk),
                       StreamSeeds.seed(scenarioSeed: 7, replication: 3, source: talk))
    }

    func testUniformsAreUniform() throws {
        let stream = try RandomStream(seed: 5)
        var below = 0
        let n = 100_000
        for _ in 0..<n {
            let u = stream.uniformPositive()
            XCTAssertTrue(u > 0 && u < 1)
            if u < 0.25 { below += 1 }
        }
        // Binomial(n, 1/4): a 99.9% interval is ±3.29 standard deviations.
        let sd = (Double(n) * 0.25 * 0.75).squareRoot()
        XCTAssertEqual(Double(below), Double(n) / 4, accuracy: 3.29 * sd)
    }
}
