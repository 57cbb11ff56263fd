import ContactCenter
import Experiments
import Statistics
import TestSupport
import XCTest

/// Common random numbers: a paired comparison of two staffing levels, both run with
/// the same seed, against the same comparison run with independent seeds.
final class CommonRandomNumbersTests: XCTestCase {
    static func centre(agents: Int) -> CenterModel {
        Centres.single(perHour: Array(repeating: 3600, count: 8), agents: Array(repeating: agents, count: 8),
                       patience: .exponential(mean: 120))
    }

    /// The variance of the service-level difference between 190 and 192 agents, paired
    /// (same streams) and independent (different seeds), over 30 replications.
    static func variances() throws -> (paired: Double, independent: Double, difference: PairedComparison.Difference) {
        let a = centre(agents: 190), b = centre(agents: 192)
        let resultsA = try ReplicationRunner.run(model: a, seed: 11, replications: 30)
        let pairedB = try ReplicationRunner.run(model: b, seed: 11, replications: 30)
        let independentB = try ReplicationRunner.run(model: b, seed: 12, replications: 30)
        let paired = PairedComparison(modelA: a, resultsA: resultsA, modelB: b, resultsB: pairedB, seed: 11)
        let independent = PairedComparison(modelA: a, resultsA: resultsA, modelB: b, resultsB: independentB, seed: 11)
        let d = try XCTUnwrap(paired.difference(.serviceLevel))
        let e = try XCTUnwrap(independent.difference(.serviceLevel))
        return (pow(d.difference.halfWidth, 2), pow(e.difference.halfWidth, 2), d)
    }

    func testPairingNarrowsTheIntervalOfTheDifference() throws {
        let (paired, independent, difference) = try Self.variances()
        let reduction = independent / paired
        print("CRN variance-reduction factor for the service level, 190 vs 192 agents: \(reduction)")
        XCTAssertGreaterThan(reduction, 10, "pairing must remove most of the shared variation")
        XCTAssertTrue(difference.isSignificant, "two more agents raise the service level, and the paired test sees it")
        XCTAssertGreaterThan(difference.difference.mean, 0)
    }
}
