import ContactCenter
import Scenario
import XCTest

/// Values that parse but could not run on an ordinary machine are refused where they
/// are written, naming the limit (`ModelLimits`), before anything is sized by them.
final class LimitsTests: XCTestCase {
    func testHugeOrInfiniteDurationsAreRefused() {
        for horizon in ["1e308d", "1e15", "400d", "9999999999999999:00"] {
            assertError(example(replacing: "horizon: 24h", with: "horizon: \"\(horizon)\""), at: "5:10", keyPath: "horizon",
                        contains: ["must be at most 366 days"])
        }
        assertError(example(replacing: "mean: 180}", with: "mean: 1e300}"), at: "11:52",
                    keyPath: "call_types[0].handle_time.mean", contains: ["at most 366 days"])
    }

    func testTooManyOrTooShortIntervalsAreRefused() {
        assertError(example(replacing: "interval: 30m", with: "interval: 0.001"), at: "6:11", keyPath: "interval",
                    contains: ["must be at least 1s"])
        assertError(example(replacing: "horizon: 24h", with: "horizon: 30d").replacingOccurrences(of: "interval: 30m", with: "interval: 1s"),
                    at: "6:11", keyPath: "interval", contains: ["gives 2592000 intervals", "at most 110000"])
    }

    func testAgentsAndVolumesBeyondAMachineAreRefused() {
        assertError(example(replacing: "agents: 190", with: "agents: 1e18"), at: "18:13", keyPath: "agent_groups[0].agents",
                    contains: ["at most 1000000 agents per group"])
        assertError(example(replacing: "per_hour: 3600", with: "per_hour: 1e9"), at: "9:3", keyPath: "call_types",
                    contains: ["about 24000000000 calls would arrive in one replication", "at most 2000000000"])
    }

    func testAYearOfFiveMinuteIntervalsForOneTypeFits() throws {
        let yaml = example(replacing: "horizon: 24h", with: "horizon: 366d").replacingOccurrences(of: "interval: 30m", with: "interval: 10m")
        let model = try XCTUnwrap(parse(yaml)).model
        let estimate = WorkEstimate(model: model)
        XCTAssertEqual(model.timing.intervalCount, 52_704)
        XCTAssertLessThan(estimate.bytesPerReplication, ModelLimits.bytesPerReplication)
        XCTAssertEqual(estimate.expectedCalls, 3600 * 24 * 366, accuracy: 1)
    }
}
