import ContactCenter
import Scenario
import XCTest

/// Daily volumes with intraday profiles, day-of-week factors, surges and busyness.
final class ArrivalsParsingTests: XCTestCase {
    /// Two days of 6-hour intervals (4 a day), so profiles are short.
    func yaml(arrivals: String, extra: String = "") -> String {
        """
        horizon: 2d
        interval: 6h
        \(extra)
        call_types:
          - id: fault
            arrivals: \(arrivals)
            handle_time: {distribution: exponential, mean: 300}
        agent_groups:
          - id: team
            skills: [fault]
            agents: 10
        """
    }

    func rates(_ arrivals: String, extra: String = "") throws -> [Double] {
        try ScenarioLoader.parse(yaml: yaml(arrivals: arrivals, extra: extra), fileName: testFileName)
            .model.callTypes[0].arrivalRates
    }

    func testDailyVolumeIsSpreadByTheProfile() throws {
        // Line 6 of these documents holds `arrivals:` (line 3 is the `extra` line).
        // 2,400 calls a day, shares 1:2:3:2 (normalised), each interval 6 h = 21,600 s.
        let r = try rates("{daily: 2400, profile: [1, 2, 3, 2]}")
        let expected = [300.0, 600, 900, 600].map { $0 / 21_600 }
        for (a, b) in zip(r, expected + expected) { XCTAssertEqual(a, b, accuracy: 1e-12) }
        XCTAssertEqual(r.count, 8)
    }

    func testDayFactorsScaleEachDay() throws {
        let r = try rates("{daily: 2400, profile: [1, 1, 1, 1], day_factors: [1.0, 1.5]}")
        XCTAssertEqual(r[0] * 21_600, 600, accuracy: 1e-9)
        XCTAssertEqual(r[4] * 21_600, 900, accuracy: 1e-9)
    }

    func testSurgeMultipliesItsIntervals() throws {
        let r = try rates("{per_hour: 100, surges: [{from: 18h, to: 30h, factor: 2}]}")
        XCTAssertEqual(r.map { ($0 * 3600 * 1e6).rounded() / 1e6 }, [100, 100, 100, 200, 200, 100, 100, 100])
    }

    func testBusynessIsReadIntoTheModel() throws {
        let scenario = try ScenarioLoader.parse(yaml: yaml(arrivals: "{per_hour: 10}", extra: "busyness: {cv: 0.1}"),
                                                fileName: testFileName)
        XCTAssertEqual(scenario.model.busynessCV, 0.1)
    }

    func testArrivalErrors() {
        assertError(yaml(arrivals: "{per_hour: 10, daily: 240}"), at: "6:15", keyPath: "call_types[0].arrivals",
                    contains: ["either `per_hour` or `daily`"])
        assertError(yaml(arrivals: "{daily: 240}"), at: "6:15", keyPath: "call_types[0].arrivals",
                    contains: ["missing required key `profile`"])
        assertError(yaml(arrivals: "{daily: 240, profile: [1, 2, 3]}"), at: "6:37",
                    keyPath: "call_types[0].arrivals.profile", contains: ["has 3 values but a day has 4 intervals"])
        assertError(yaml(arrivals: "{per_hour: 10, surges: [{from: 1h, to: 6h, factor: 2}]}"), at: "6:46",
                    keyPath: "call_types[0].arrivals.surges[0].from", contains: ["interval boundary"])
        assertError(yaml(arrivals: "{per_hour: 10, profile: [1, 1, 1, 1]}"), at: "6:39",
                    keyPath: "call_types[0].arrivals.profile", contains: ["goes with `daily`"])
    }
}
