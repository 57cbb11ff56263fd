import ContactCenter
import Experiments
import Reports
import TestSupport
import XCTest

final class ReproducibilityTests: XCTestCase {
    /// Same scenario, same seed: byte-identical summary.json whatever the threads.
    func testSummaryIsIdenticalForAnyNumberOfThreads() throws {
        let model = Centres.multiSkill(hours: 2)
        func summary(threads: Int) throws -> Data {
            let results = try ReplicationRunner.run(model: model, seed: 77, replications: 6, threads: threads)
            return try SummaryJSON.encode(RunSummary(model: model, seed: 77, results: results))
        }
        let one = try summary(threads: 1)
        XCTAssertEqual(one, try summary(threads: 2))
        XCTAssertEqual(one, try summary(threads: 3))
        XCTAssertNotEqual(one, try SummaryJSON.encode(RunSummary(
            model: model, seed: 78, results: ReplicationRunner.run(model: model, seed: 78, replications: 6))))
    }

    /// Common random numbers: two centres that differ only in staffing see the same
    /// calls (the same arrivals in every replication and interval).
    func testStaffingChangesDoNotChangeTheCalls() throws {
        var fewer = Centres.multiSkill(hours: 2, trunks: nil)
        fewer.agentGroups[2].staffing = [70, 70]
        let a = try ReplicationRunner.run(model: Centres.multiSkill(hours: 2, trunks: nil), seed: 5, replications: 3)
        let b = try ReplicationRunner.run(model: fewer, seed: 5, replications: 3)
        for (ra, rb) in zip(a, b) {
            XCTAssertEqual(ra.calls.map(\.arrivals), rb.calls.map(\.arrivals))
            XCTAssertNotEqual(ra.calls.map(\.answered), rb.calls.map(\.answered))
        }
    }
}
