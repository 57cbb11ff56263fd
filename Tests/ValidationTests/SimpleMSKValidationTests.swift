import ContactCenter
import Experiments
import Foundation
import Scenario
import Statistics
import XCTest

/// ContactCenters' SimpleMSK example (Buist & L'Ecuyer), run natively from
/// `Scenarios/simplemsk.yaml` (three call types whose laws change with the period of
/// arrival, one busyness factor per day), against the published results of 1000 days.
final class SimpleMSKValidationTests: XCTestCase {
    /// Published 95% intervals: served and abandoned per day, and the service level
    /// (in target / (served + abandoned after the AWT)).
    static let served = 4270.150...4324.460
    static let abandoned = 876.133...944.537
    static let serviceLevel = 0.494...0.509
    /// Occupancy of group 0, up to the last call out.
    static let occupancy = 0.877...0.884

    func testReproducesThePublishedResults() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Scenarios/simplemsk.yaml").standardizedFileURL.path
        let scenario = try ScenarioLoader.load(path: path)
        XCTAssertEqual(scenario.replications, 1000)
        let summary = try ReplicationRunner.summary(model: scenario.model, seed: scenario.seed,
                                                    replications: scenario.replications)
        let served = try XCTUnwrap(summary.total[.answered]), abandoned = try XCTUnwrap(summary.total[.abandoned])
        XCTAssertTrue(served.low <= Self.served.upperBound && Self.served.lowerBound <= served.high,
                      "served per day \(served.mean) [\(served.low), \(served.high)] does not meet the published \(Self.served)")
        XCTAssertTrue(abandoned.low <= Self.abandoned.upperBound && Self.abandoned.lowerBound <= abandoned.high,
                      "abandoned per day \(abandoned.mean) [\(abandoned.low), \(abandoned.high)] does not meet the published \(Self.abandoned)")
        let level = try XCTUnwrap(summary.ratiosOfTotals.total[.serviceLevelWithoutShortAbandons])
        XCTAssertTrue(Self.serviceLevel.contains(level), "service level (ratio of totals) \(level) outside \(Self.serviceLevel)")
        let occupancy = try XCTUnwrap(summary.groups[0][.occupancyToLastCall])
        XCTAssertTrue(occupancy.low <= Self.occupancy.upperBound && Self.occupancy.lowerBound <= occupancy.high,
                      "occupancy of group 0 \(occupancy.mean) [\(occupancy.low), \(occupancy.high)] does not meet the published \(Self.occupancy)")
    }
}
