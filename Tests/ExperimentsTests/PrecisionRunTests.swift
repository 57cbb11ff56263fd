import ContactCenter
import Experiments
import Reports
import TestSupport
import XCTest

/// Replications added in batches until the intervals are narrow enough.
final class PrecisionRunTests: XCTestCase {
    static let model = Centres.single(perHour: Array(repeating: 3600, count: 2), agents: [190, 190],
                                      patience: .exponential(mean: 120))

    func testStopsOnceTheGoalIsMetWhateverTheThreads() throws {
        let goal = PrecisionGoal(kpi: .abandonFraction, halfWidth: 0.002)
        let one = try PrecisionRun.run(model: Self.model, seed: 4, initial: 5, batch: 5, maximum: 500, goals: [goal], threads: 1)
        let two = try PrecisionRun.run(model: Self.model, seed: 4, initial: 5, batch: 5, maximum: 500, goals: [goal], threads: 2)
        XCTAssertEqual(one.met, [goal])
        let count = one.summary.replications
        XCTAssertEqual(count, two.summary.replications)
        XCTAssertEqual(try SummaryJSON.encode(one.summary), try SummaryJSON.encode(two.summary))
        XCTAssertEqual((count - 5) % 5, 0)
        XCTAssertLessThanOrEqual(try XCTUnwrap(goal.widestHalfWidth(in: one.summary)), 0.002)
        let fewer = RunSummary(model: Self.model, seed: 4,
                               results: try ReplicationRunner.run(model: Self.model, seed: 4, replications: count - 5))
        XCTAssertGreaterThan(try XCTUnwrap(goal.widestHalfWidth(in: fewer)), 0.002, "one batch fewer was not enough")
    }

    func testSaysWhenTheMaximumIsReached() throws {
        let goal = PrecisionGoal(kpi: .serviceLevel, halfWidth: 1e-6)
        let outcome = try PrecisionRun.run(model: Self.model, seed: 4, initial: 3, batch: 4, maximum: 9, goals: [goal])
        XCTAssertEqual(outcome.summary.replications, 9)
        XCTAssertEqual(outcome.unmet, [goal])
    }
}
