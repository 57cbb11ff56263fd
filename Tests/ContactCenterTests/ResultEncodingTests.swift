import ContactCenter
import Foundation
import Statistics
import TestSupport
import XCTest

/// A replication's results in the binary form of part files: read back exactly; damaged
/// bytes refused, never trusted.
final class ResultEncodingTests: XCTestCase {
    private func result() throws -> ReplicationResult {
        let model = CallbackTests.centre(callback: Callback(offerAfter: 30, acceptance: 0.5),
                                         opening: OpeningHours(windows: [OpeningHours.Window(open: 0, close: 10 * 3600)]))
        return try simulateReplication(of: model, seed: 4, replication: 2)
    }

    func testResultsReadBackExactly() throws {
        let original = try result()
        let bytes = original.binary()
        let read = try ReplicationResult(binary: bytes)
        XCTAssertEqual(read.binary(), bytes)
        XCTAssertEqual(read.calls, original.calls)
        XCTAssertEqual(read.callTypeWaits, original.callTypeWaits)
        XCTAssertEqual(read.groupBusyTime, original.groupBusyTime)
        XCTAssertEqual(read.intervalWaitQuantiles, original.intervalWaitQuantiles)
        XCTAssertEqual(read.replication, 2)
        let file = ResultsFile.encode([original, read])
        XCTAssertEqual(try ResultsFile.decode(file, count: 2).map { $0.binary() }, [bytes, bytes])
        XCTAssertThrowsError(try ResultsFile.decode(file, count: 1), "one result more than the part says")
        XCTAssertThrowsError(try ResultsFile.decode(file, count: 3), "one result fewer than the part says")
    }

    func testDamagedBytesAreRefused() throws {
        let bytes = try result().binary()
        for cut in [0, 7, 8, bytes.count / 2, bytes.count - 1] {
            XCTAssertThrowsError(try ReplicationResult(binary: bytes.prefix(cut)), "cut at \(cut)")
        }
        XCTAssertThrowsError(try ReplicationResult(binary: bytes + Data([0])), "a byte too many")
        var huge = bytes
        huge.replaceSubrange(56..<64, with: withUnsafeBytes(of: Int64(1 << 60).littleEndian) { Data($0) })
        XCTAssertThrowsError(try ReplicationResult(binary: huge), "a count of 2^60 calls")
    }
}
