import ContactCenter
import Foundation
import Scenario
import XCTest

/// Every example scenario simulated with the resources' invariants checked after every
/// event (trunk lines, IVR ports, queues, idle agents, seats, call slots, the event
/// list). The checks are compiled into debug builds only: run this with
/// `swift test --filter InvariantTests` (the README's test command does).
final class InvariantTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scenarios")

    func testEveryExampleKeepsItsInvariantsAfterEveryEvent() throws {
        try XCTSkipUnless(CenterSimulation<SkillBasedRouting>.checksInvariants,
                          "invariant checks are compiled into debug builds only")
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 7)
        for name in names {
            let scenario = try ScenarioLoader.load(path: Self.folder.appendingPathComponent(name).path)
            let result = try simulateReplication(of: scenario.model, seed: scenario.seed, replication: 0)
            XCTAssertGreaterThan(result.events, 0, name)
        }
    }
}
