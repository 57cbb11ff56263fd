import ContactCenter
import Forecasting
import XCTest

/// Reading exported histories: unsorted rows, unknown intervals, the interval inferred,
/// and every kind of mistake with its line.
final class HistoryTests: XCTestCase {
    static let sample = """
        start,call_type,offered,answered,abandoned,aht,acw,site
        2026-03-02T08:30,sales,12,11,1,200,30,north
        2026-03-02T08:00,sales,10,10,0,180,30,north
        2026-03-02T08:00,billing,4,4,0,300,,north
        2026-03-03T09:00,sales,7,7,0,190,20,north
        """

    func testRowsInAnyOrderAndUnknownIntervals() throws {
        let h = try History(csv: Self.sample, file: "h.csv")
        XCTAssertEqual(h.intervalMinutes, 30)
        XCTAssertEqual(h.callTypes, ["billing", "sales"])
        XCTAssertEqual(h.firstDay, CalendarDate(iso: "2026-03-02"))
        XCTAssertEqual(h.dayCount, 2)
        XCTAssertEqual(h.offered[1][16], 10)
        XCTAssertEqual(h.offered[1][17], 12)
        XCTAssertNil(h.offered[1][18], "an interval without a row is unknown, not zero")
        XCTAssertEqual(h.offered[1][48 + 18], 7)
        let weighted: Double = 180.0 * 10 + 200.0 * 11 + 190.0 * 7
        XCTAssertEqual(try XCTUnwrap(h.meanTalk[1]), weighted / 28, accuracy: 1e-9)
        XCTAssertNil(h.meanAfterCallWork[0])
    }

    func testMistakesNameTheirLine() {
        let cases: [(String, String)] = [
            (Self.sample + "\n2026-03-02T08:00,sales,3,3,0,180,30,north", "h.csv:6: a second row for sales at 2026-03-02T08:00 (the first is on line 3)"),
            (Self.sample.replacingOccurrences(of: "sales,12", with: "sales,-12"), "h.csv:2: offered is negative"),
            (Self.sample.replacingOccurrences(of: "sales,12", with: "sales,twelve"), "h.csv:2: offered is not a number: \"twelve\""),
            (Self.sample.replacingOccurrences(of: "08:30,sales", with: "08:10,sales")
                + "\n2026-03-02T09:00,sales,1\n2026-03-02T09:30,sales,1\n2026-03-02T10:00,sales,1",
             "h.csv:2: starts at 2026-03-02T08:10, off the 30-minute grid"),
            (Self.sample.replacingOccurrences(of: "2026-03-03T09:00", with: "2026-02-30T09:00"), "h.csv:5: start \"2026-02-30T09:00\" is not a date-time"),
            ("start,call_type\n2026-03-02T08:00,sales", "h.csv:1: the header has no `offered` column"),
            ("", "h.csv:1: no header"),
            (Self.sample.replacingOccurrences(of: "sales,12", with: "sales,1e308"), "h.csv:2: offered 1e308 is beyond 10000000 (calls in one interval)"),
            (Self.sample.replacingOccurrences(of: ",200,30,", with: ",1e300,30,"), "h.csv:2: aht 1e300 is beyond 31622400 (seconds)"),
            ("start,call_type,offered\n0001-01-01T00:00,a,1\n0001-01-01T00:01,a,1\n9999-12-31T23:59,a,1",
             "h.csv: spans 3652059 days of 1-minute intervals"),
            ("start,call_type,offered\n", "h.csv:1: no rows after the header"),
        ]
        for (text, message) in cases {
            XCTAssertThrowsError(try History(csv: text, file: "h.csv")) { error in
                XCTAssertTrue("\(error)".hasPrefix(message), "\(error)\nis not\n\(message)")
            }
        }
    }

    func testEventCalendar() throws {
        let calendar = try EventCalendar(csv: "date,name,factor\n2026-12-25,Christmas,0.3\n2026-03-01,campaign,1.4\n", file: "c.csv")
        XCTAssertEqual(calendar.factor(try XCTUnwrap(CalendarDate(iso: "2026-12-25"))), 0.3)
        XCTAssertTrue(calendar.isHoliday(try XCTUnwrap(CalendarDate(iso: "2026-12-25"))))
        XCTAssertFalse(calendar.isHoliday(try XCTUnwrap(CalendarDate(iso: "2026-03-01"))))
        XCTAssertThrowsError(try EventCalendar(csv: "date,name,factor\n2026-12-25,x,-1\n", file: "c.csv")) {
            XCTAssertTrue("\($0)".hasPrefix("c.csv:2:"), "\($0)")
        }
    }
}
