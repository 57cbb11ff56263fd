import ContactCenter
import Experiments
import Foundation
import Reports
import Scenario
import XCTest

/// The example scenarios of `Scenarios/`, with every part of the call path: they load,
/// give the same bytes whatever the number of threads, and keep common random numbers
/// when only the licensed seats change.
final class ExampleScenarioTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scenarios")

    static func load(_ name: String) throws -> Scenario {
        try ScenarioLoader.load(path: folder.appendingPathComponent(name).path)
    }

    func testEveryExampleIsReproducibleWhateverTheThreads() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        XCTAssertTrue(names.contains("seat-expansion.yaml") && names.contains("utility-hotline-storm.yaml")
                      && names.contains("mobile-multiskill.yaml"))
        for name in names {
            let scenario = try Self.load(name)
            func summary(threads: Int) throws -> Data {
                let results = try ReplicationRunner.run(model: scenario.model, seed: scenario.seed, replications: 2,
                                                        threads: threads)
                return try SummaryJSON.encode(RunSummary(model: scenario.model, seed: scenario.seed, results: results))
            }
            XCTAssertEqual(try summary(threads: 1), try summary(threads: 2), name)
        }
    }

    /// With fewer seats, more callers are lost and call again, but the first attempts
    /// are the same calls.
    func testSeatVariantsSeeTheSameFirstAttempts() throws {
        let scenario = try Self.load("seat-expansion.yaml")
        var today = scenario.model
        today.seats = 71
        let a = try ReplicationRunner.run(model: scenario.model, seed: 1, replications: 2)
        let b = try ReplicationRunner.run(model: today, seed: 1, replications: 2)
        for (ra, rb) in zip(a, b) {
            XCTAssertEqual(ra.calls.map { $0.arrivals - $0.retrials }, rb.calls.map { $0.arrivals - $0.retrials })
            XCTAssertLessThan(ra.calls.reduce(0) { $0 + $1.retrials }, rb.calls.reduce(0) { $0 + $1.retrials })
            XCTAssertEqual(ra.seatLostTime.reduce(0, +), 0)
            XCTAssertGreaterThan(rb.seatLostTime.reduce(0, +), 0)
        }
    }
}
