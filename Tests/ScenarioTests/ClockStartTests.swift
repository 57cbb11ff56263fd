import ContactCenter
import Scenario
import XCTest

/// `clock_start`: the time of day at time 0. Reports show clock times from it, and
/// shift starts (in rosters and shift templates) are read as clock times.
final class ClockStartTests: XCTestCase {
    static let yaml = RosterParsingTests.yaml.replacingOccurrences(of: "horizon: 24h", with: "horizon: 24h\nclock_start: \"08:00\"")

    func testTimingShowsClockTimes() {
        let timing = Timing(warmup: 0, horizon: 86_400, intervalLength: 1800, clockStart: 8 * 3600)
        XCTAssertEqual(timing.label(0), "08:00")
        XCTAssertEqual(timing.label(15.5 * 3600), "23:30")
        XCTAssertEqual(timing.label(16 * 3600), "day 2 00:00")
        XCTAssertTrue(timing.dayAndTime(16 * 3600) == (2, "00:00"))
        XCTAssertTrue(timing.dayAndTime(0) == (1, "08:00"))
        XCTAssertEqual(timing.timeOfDay(17 * 3600), "01:00")
        XCTAssertEqual(timing.time(ofClock: 9 * 3600), 3600)
        XCTAssertEqual(timing.time(ofClock: 7 * 3600), 23 * 3600)
    }

    func testShiftStartsAreClockTimes() throws {
        let model = try XCTUnwrap(parse(Self.yaml)).model
        XCTAssertEqual(model.timing.clockStart, 8 * 3600)
        XCTAssertEqual(model.roster?.shifts.map(\.start), [23 * 3600, 6 * 3600], "07:00 and 14:00 after an 08:00 start")
    }

    func testClockStartMustBeATimeOfDay() {
        assertError(exampleYAML.replacingOccurrences(of: "interval: 30m", with: "interval: 30m\nclock_start: 25h"),
                    at: "7:14", keyPath: "clock_start", contains: ["time of day"])
    }
}
