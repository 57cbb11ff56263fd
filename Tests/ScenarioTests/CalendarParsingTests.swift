import ContactCenter
import Scenario
import XCTest

/// Start dates, day types with their own volumes and profiles, opening hours and laws
/// by time of day, as scenario files write them.
final class CalendarParsingTests: XCTestCase {
    /// Friday 6 to Sunday 8 March 2026, hourly intervals, weekdays open 08–20, Saturday 09–17,
    /// Sunday closed; a weekday volume of 2,400 and a Saturday one of 1,200 (Sunday 0).
    static let weekendYAML = """
    start_date: 2026-03-06
    horizon: 3d
    interval: 1h
    open: "08:00-20:00"
    day_types:
      - {id: weekday, weekdays: [mon, tue, wed, thu, fri]}
      - {id: saturday, weekdays: [sat], open: "09:00-17:00"}
      - {id: sunday, weekdays: [sun], open: closed}
    call_types:
      - id: sales
        arrivals:
          daily: {weekday: 2400, saturday: 1200, sunday: 0}
          profile: [0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0]
        handle_time:
          by_time:
            - {from: "00:00", law: {distribution: exponential, mean: 3m}}
            - {from: "12:00", law: {distribution: exponential, mean: 4m}}
    agent_groups:
      - id: team
        skills: [sales]
        agents: 10
    """

    func testDatesAndWeekdays() throws {
        XCTAssertEqual(CalendarDate(iso: "2026-03-06")?.weekday, .friday)
        XCTAssertEqual(CalendarDate(iso: "1970-01-01")?.daysSinceEpoch, 0)
        XCTAssertEqual(CalendarDate(iso: "2000-02-29")?.description, "2000-02-29")
        XCTAssertNil(CalendarDate(iso: "2026-02-29"))
        XCTAssertNil(CalendarDate(iso: "2026-3-6"))
        XCTAssertEqual(CalendarDate(iso: "2026-12-31")?.adding(days: 1).description, "2027-01-01")
        for days in stride(from: -719_000, through: 2_900_000, by: 997) {
            let date = CalendarDate(daysSinceEpoch: days)
            XCTAssertEqual(CalendarDate(iso: date.description), date, "\(date)")
        }
    }

    func testDayTypesGiveEachDayItsVolumeHoursAndLaws() throws {
        let model = try XCTUnwrap(parse(Self.weekendYAML)).model
        XCTAssertEqual((0..<3).map { model.dayType(ofDay: $0).map { model.dayTypes[$0].id } }, ["weekday", "saturday", "sunday"])
        let rates = model.callTypes[0].arrivalRates
        let perDay = (0..<3).map { d in rates[(d * 24)..<((d + 1) * 24)].reduce(0) { $0 + $1 * 3600 } }
        XCTAssertEqual(perDay[0], 2400, accuracy: 1e-6)
        XCTAssertEqual(perDay[1], 1200, accuracy: 1e-6)
        XCTAssertEqual(perDay[2], 0)
        let periods = try XCTUnwrap(model.openPeriods(ofCallType: 0))
        XCTAssertEqual(periods.map { [$0.open / 3600, $0.close / 3600] }, [[8, 20], [33, 41]])
        XCTAssertEqual(model.callTypes[0].talkTime(inInterval: 11).mean, 180)
        XCTAssertEqual(model.callTypes[0].talkTime(inInterval: 12).mean, 240)
        XCTAssertEqual(model.callTypes[0].talkTime(inInterval: 24 + 1).mean, 180, "01:00 of the next day")
        XCTAssertEqual(model.openShare(ofCallType: 0)[8], 1)
        XCTAssertEqual(model.openShare(ofCallType: 0)[7], 0)
    }

    func testCallTypeHoursReplaceTheCentres() throws {
        let yaml = Self.weekendYAML.replacingOccurrences(
            of: "agent_groups:", with: "    open: {weekday: \"10:00-12:00\", saturday: closed, sunday: closed}\nagent_groups:")
        let model = try XCTUnwrap(parse(yaml)).model
        let periods = try XCTUnwrap(model.openPeriods(ofCallType: 0))
        XCTAssertEqual(periods.map { [$0.open / 3600, $0.close / 3600] }, [[10, 12]])
    }

    func testCalendarErrorsSayWhereAndWhat() {
        assertError(Self.weekendYAML.replacingOccurrences(of: "start_date: 2026-03-06\n", with: ""),
                    at: "5:29", keyPath: "day_types[0].weekdays", contains: ["weekdays need a `start_date`"])
        assertError(Self.weekendYAML.replacingOccurrences(of: "2026-03-06", with: "2026-02-30"),
                    at: "1:13", keyPath: "start_date", contains: ["expected a date YYYY-MM-DD"])
        assertError(Self.weekendYAML.replacingOccurrences(of: "\"08:00-20:00\"", with: "\"20:00-08:00\""),
                    at: "4:7", keyPath: "open", contains: ["closing after opening"])
        assertError(Self.weekendYAML.replacingOccurrences(of: "open: \"08:00-20:00\"", with: "open: ''"),
                    at: "4:7", keyPath: "open", contains: ["expected opening hours", "got nothing"])
        assertError(Self.weekendYAML.replacingOccurrences(of: "agents: 10", with: "agents: 400000\n    chat_concurrency: 3")
                        .replacingOccurrences(of: "  - id: sales\n", with: "  - id: sales\n    channel: chat\n"),
                    at: "23:23", keyPath: "agent_groups[0].chat_concurrency", contains: ["1200000 chat slots; at most 1000000"])
        assertError(Self.weekendYAML.replacingOccurrences(of: ", sunday: 0}", with: "}"),
                    at: "12:14", keyPath: "call_types[0].arrivals.daily", contains: ["no value for day type `sunday`", "2026-03-08 (sun)"])
        assertError(Self.weekendYAML.replacingOccurrences(of: "weekdays: [sun]", with: "weekdays: [sunday, funday]"),
                    at: "8:37", keyPath: "day_types[2].weekdays[1]", contains: ["expected a weekday"])
        assertError(Self.weekendYAML.replacingOccurrences(of: "{id: sunday, weekdays: [sun], open: closed}", with: "{id: holiday, dates: [2026-12-25]}")
                        .replacingOccurrences(of: ", sunday: 0}", with: "}"),
                    at: "6:3", keyPath: "day_types", contains: ["2026-03-08 (sun) has no day type"])
    }
}
