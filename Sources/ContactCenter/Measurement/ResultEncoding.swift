import Foundation
import Statistics

// A replication's results in the compact binary form of part files (`results.bin`): every
// number exactly, read back with every count checked, so a damaged or foreign file is
// refused rather than trusted.

extension ReplicationResult {
    /// The results as bytes (see ``init(binary:)``).
    public func binary() -> Data {
        var w = ByteWriter()
        for value in [replication, intervalCount, callTypeCount, groupCount, followUpKinds, events, generatedCalls] { w.write(value) }
        w.write(calls.count)
        for c in calls { c.write(to: &w) }
        for list in [intervalWaitQuantiles, callTypeWaitQuantiles, [totalWaitQuantiles]] {
            w.write(list.count)
            for q in list {
                w.write(q.p90)
                w.write(q.p95)
            }
        }
        w.write(callTypeWaits.count)
        for h in callTypeWaits { h.write(to: &w) }
        for list in [groupBusyTime, groupLoggedInTime, callTypeBusyTime, callTypeQueueTime, busyLineTime, busyPortTime,
                     seatLostTime, reportedDuration, groupWrapUpBusyTime, groupWrapUpLoggedInTime] { w.write(list) }
        w.write(followUps.count)
        for f in followUps {
            for value in [f.created, f.doneInTime, f.doneLate, f.undone] { w.write(value) }
            w.write(f.completionTime)
        }
        return w.data
    }

    /// Reads results written by ``binary()``, and nothing else.
    /// - Throws: ``ByteReaderError`` if the bytes are not such results.
    public init(binary data: Data) throws {
        var r = ByteReader(data)
        try self.init(reading: &r)
        guard r.isAtEnd else { throw ByteReaderError("holds more bytes than a replication's results") }
    }

    /// Reads results written by ``binary()`` where `r` stands, leaving it after them.
    init(reading r: inout ByteReader) throws {
        replication = try r.readInt()
        intervalCount = try r.readInt()
        callTypeCount = try r.readInt()
        groupCount = try r.readInt()
        followUpKinds = try r.readInt()
        events = try r.readInt()
        generatedCalls = try r.readInt()
        calls = try (0..<r.readCount(elementSize: 8 * CallCounters.fieldCount)).map { _ in try CallCounters(reading: &r) }
        func quantiles() throws -> [WaitQuantiles] {
            try (0..<r.readCount(elementSize: 32)).map { _ in
                WaitQuantiles(p90: try r.readOptionalDouble(), p95: try r.readOptionalDouble())
            }
        }
        intervalWaitQuantiles = try quantiles()
        callTypeWaitQuantiles = try quantiles()
        guard let total = try quantiles().first else { throw ByteReaderError("no total wait quantiles") }
        totalWaitQuantiles = total
        callTypeWaits = try (0..<r.readCount(elementSize: 24)).map { _ in try QuantileHistogram(reading: &r) }
        groupBusyTime = try r.readDoubles()
        groupLoggedInTime = try r.readDoubles()
        callTypeBusyTime = try r.readDoubles()
        callTypeQueueTime = try r.readDoubles()
        busyLineTime = try r.readDoubles()
        busyPortTime = try r.readDoubles()
        seatLostTime = try r.readDoubles()
        reportedDuration = try r.readDoubles()
        groupWrapUpBusyTime = try r.readDoubles()
        groupWrapUpLoggedInTime = try r.readDoubles()
        followUps = try (0..<r.readCount(elementSize: 40)).map { _ in
            var f = FollowUpCounters()
            (f.created, f.doneInTime, f.doneLate, f.undone) = (try r.readInt(), try r.readInt(), try r.readInt(), try r.readInt())
            f.completionTime = try r.readDouble()
            return f
        }
    }
}

extension CallCounters {
    /// The counts and the sums, in the order the binary form lists them.
    nonisolated(unsafe) private static let counts: [WritableKeyPath<CallCounters, Int>] = [
        \.arrivals, \.retrials, \.callersServed, \.callersLost, \.blocked, \.closed, \.transferred, \.transfersIn,
        \.transfersAnswered, \.transfersAbandoned, \.transfersUnserved, \.ivrBlocked, \.ivrEntered, \.selfServed,
        \.answered, \.abandoned, \.callbacksOffered, \.callbacksTaken, \.callbacksReached, \.callbacksOnTime,
        \.callbacksUndone, \.unserved, \.answeredWithinThreshold, \.abandonedWithinThreshold, \.waited,
    ]
    nonisolated(unsafe) private static let sums: [WritableKeyPath<CallCounters, Double>] = [
        \.waitOfTransfers, \.callbackWait, \.waitOfAnswered, \.waitOfAbandoned, \.handleTime, \.ivrPortWait, \.responseTime,
    ]

    /// The numbers a counter holds.
    static var fieldCount: Int { counts.count + sums.count }

    func write(to w: inout ByteWriter) {
        for count in Self.counts { w.write(self[keyPath: count]) }
        for sum in Self.sums { w.write(self[keyPath: sum]) }
    }

    init(reading r: inout ByteReader) throws {
        self.init()
        for count in Self.counts { self[keyPath: count] = try r.readInt() }
        for sum in Self.sums { self[keyPath: sum] = try r.readDouble() }
    }
}

/// The `results.bin` file of a part: each replication's ``ReplicationResult/binary()``,
/// preceded by its length in bytes.
public enum ResultsFile {
    public static func encode(_ results: [ReplicationResult]) -> Data {
        var w = ByteWriter()
        for result in results {
            let bytes = result.binary()
            w.write(bytes.count)
            w.append(bytes)
        }
        return w.data
    }

    /// Exactly `count` results.
    /// - Throws: ``ByteReaderError`` if the bytes hold anything else.
    public static func decode(_ data: Data, count: Int) throws -> [ReplicationResult] {
        var r = ByteReader(data)
        let results = try (0..<count).map { _ -> ReplicationResult in
            let length = try r.readCount(elementSize: 1)
            let end = r.offset + length
            let result = try ReplicationResult(reading: &r)
            guard r.offset == end else { throw ByteReaderError("a replication's results are not as long as their record says") }
            return result
        }
        guard r.isAtEnd else { throw ByteReaderError("holds more than \(count) replications' results") }
        return results
    }
}
