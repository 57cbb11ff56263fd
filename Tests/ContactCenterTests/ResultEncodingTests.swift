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
        XCTAssertEqual(try decode(file, count: 2, first: 2).map { $0.binary() }, [bytes, bytes])
        XCTAssertThrowsError(try decode(file, count: 1, first: 2), "one result more than the part says")
        XCTAssertThrowsError(try decode(file, count: 3, first: 2), "one result fewer than the part says")
        XCTAssertThrowsError(try decode(file, count: 2, first: 0), "replications 2 and 2, not 0 and 1") { error in
            XCTAssertEqual("\(error)", "the record of replication 0 holds replication 2 (the records must be the shard's "
                + "replications, in order)")
        }
    }

    /// `count` records, each of which must be replication `first` (the test's files hold
    /// replication 2, once or twice).
    private func decode(_ file: Data, count: Int, first: Int) throws -> [ReplicationResult] {
        try ResultsFile.decode(file, count: count, replication: { _ in first }, name: { _ in "replication \(first)" })
    }

    /// The checksums are zlib's CRC-32: "123456789" gives 0xCBF43926.
    func testTheChecksumIsTheCRC32OfZlib() {
        XCTAssertEqual(CRC32.of(Data("123456789".utf8)), 0xCBF4_3926)
        XCTAssertEqual(CRC32.of(Data()), 0)
        var parts = CRC32()
        parts.update(Data("1234".utf8))
        parts.update(Data("56789".utf8))
        XCTAssertEqual(parts.value, 0xCBF4_3926, "the same in pieces")
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

extension ResultEncodingTests {
    /// Random damage (fixed seed): every changed file is refused, never a crash.
    func testRandomDamageNeverCrashes() throws {
        let bytes = [UInt8](ResultsFile.encode([try result()]))
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }
        var (changed, refused) = (0, 0)
        for _ in 0..<300 {
            var damaged = bytes
            for _ in 0..<(1 + Int(next() % 4)) {
                damaged[Int(next() % UInt64(damaged.count))] = UInt8(truncatingIfNeeded: next())
            }
            if damaged != bytes { changed += 1 }
            if (try? decode(Data(damaged), count: 1, first: 2)) == nil { refused += 1 }
        }
        XCTAssertEqual(refused, changed, "every change noticed (by the record's checksum)")
    }

    /// The one list of counters reaches every stored property of ``CallCounters``: with
    /// every listed counter set, no property is left at zero, and adding doubles each.
    func testTheCounterListHoldsEveryCounter() {
        var counters = CallCounters()
        for (n, count) in CallCounters.counts.enumerated() { counters[keyPath: count] = n + 1 }
        for (n, sum) in CallCounters.sums.enumerated() { counters[keyPath: sum] = Double(n) + 0.5 }
        let properties = Mirror(reflecting: counters).children
        XCTAssertEqual(properties.count, CallCounters.counts.count + CallCounters.sums.count)
        for property in properties {
            let isZero = (property.value as? Int) == 0 || (property.value as? Double) == 0
            XCTAssertFalse(isZero, "\(property.label ?? "?") is in neither CallCounters.counts nor CallCounters.sums")
        }
        var doubled = counters
        doubled.add(counters)
        for count in CallCounters.counts { XCTAssertEqual(doubled[keyPath: count], 2 * counters[keyPath: count]) }
        for sum in CallCounters.sums { XCTAssertEqual(doubled[keyPath: sum], 2 * counters[keyPath: sum]) }
    }
}
