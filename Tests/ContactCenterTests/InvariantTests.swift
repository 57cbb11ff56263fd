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

    /// Many callbacks (taken after a wait and on arrival, dialled in and out of opening
    /// hours) and chat agents taking three chats on limited seats.
    func testCallbacksAndChatsKeepTheInvariants() throws {
        try XCTSkipUnless(CenterSimulation<SkillBasedRouting>.checksInvariants,
                          "invariant checks are compiled into debug builds only")
        let offer = Callback(offerAfter: 30, offerAbovePredictedWait: 60, acceptance: 0.6, deadline: 1800, reach: 0.8)
        let open = OpeningHours(windows: [OpeningHours.Window(open: 3600, close: 7 * 3600)])
        let callbacks = try simulateReplication(of: CallbackTests.centre(callback: offer, opening: open), seed: 2, replication: 0)
        XCTAssertGreaterThan(callbacks.calls.reduce(0) { $0 + $1.callbacksTaken }, 100)
        let chats = try simulateReplication(of: ChatConcurrencyTests.chatCentre(perHour: 300, agents: 12, concurrency: 3,
                                                                                 slowdown: 0.25, seats: 10), seed: 2, replication: 0)
        XCTAssertGreaterThan(chats.events, 0)
    }
}
