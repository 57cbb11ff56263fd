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
        let totals = try quantiles()
        guard totals.count == 1 else { throw ByteReaderError("not one total of wait quantiles") }
        totalWaitQuantiles = totals[0]
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
    /// The numbers a counter holds (``counts`` then ``sums``, in the binary form's order).
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

/// The `results.bin` file of a part: one record per replication, in order, each its
/// length in bytes, its ``ReplicationResult/binary()`` and its checksum (the CRC-32 of the
/// length and the results, as a 64-bit number), so that a damaged record is found and
/// named before a byte of it is believed.
public enum ResultsFile {
    public static func encode(_ results: [ReplicationResult]) -> Data {
        var w = ByteWriter()
        for result in results {
            let bytes = result.binary()
            w.write(bytes.count)
            w.append(bytes)
            w.write(checksum(of: bytes))
        }
        return w.data
    }

    /// The checksum of a record: the CRC-32 of its length (8 bytes) and its results.
    private static func checksum(of bytes: Data) -> UInt64 {
        var length = ByteWriter()
        length.write(bytes.count)
        var crc = CRC32()
        crc.update(length.data)
        crc.update(bytes)
        return UInt64(crc.value)
    }

    /// Exactly `count` records, the `i`-th of which must hold replication `replication(i)`.
    /// - Parameter name: How an error names the `i`-th record ("replication 5").
    /// - Throws: ``ByteReaderError`` naming the record if the bytes hold anything else: a
    ///   record cut short or that does not match its checksum, of another replication,
    ///   fewer or more records.
    public static func decode(_ data: Data, count: Int, replication: (Int) -> Int,
                              name: (Int) -> String) throws -> [ReplicationResult] {
        // Every record takes at least its length and its checksum.
        guard count >= 0, count <= data.count / 16 else {
            throw ByteReaderError("\(data.count) bytes cannot hold \(count) replications' results")
        }
        var r = ByteReader(data)
        var results: [ReplicationResult] = []
        for i in 0..<count {
            func error(_ what: String) -> ByteReaderError { ByteReaderError("the record of \(name(i)) \(what)") }
            guard !r.isAtEnd else { throw error("is missing (the file ends before it)") }
            guard let length = try? r.readCount(elementSize: 1), let bytes = try? r.readBytes(length),
                  let stored = try? r.readUInt64() else { throw error("is cut short (or its length is damaged)") }
            guard stored == checksum(of: bytes) else { throw error("is damaged: it does not match its checksum") }
            let result: ReplicationResult
            do {
                result = try ReplicationResult(binary: bytes)
            } catch {
                throw ByteReaderError("the record of \(name(i)) matches its checksum but does not read as results: \(error)")
            }
            guard result.replication == replication(i) else {
                throw error("holds replication \(result.replication) (the records must be the shard's replications, in order)")
            }
            results.append(result)
        }
        guard r.isAtEnd else { throw ByteReaderError("holds more than \(count) replications' results") }
        return results
    }
}

extension ReplicationResult {
    /// The most that the counts of one replication (calls, follow-ups, events, waits
    /// recorded) may add up to: about 4.4·10¹², 2,000 times the calls a replication may
    /// expect (``ModelLimits/callsPerReplication``), so that sums over a million
    /// replications (``ModelLimits/replications``) cannot overflow.
    public static let largestCount = 1 << 42
    /// The largest time, or sum of times, a result may hold (seconds; agent-, call- and
    /// line-seconds).
    public static let largestTime = 1e18

    /// Why a result read from a file cannot be one the simulator gave for `model`, or
    /// `nil`: every array the size the model gives it (``fits(_:)``), the counts
    /// non-negative and together at most ``largestCount``, every time finite,
    /// and at most ``largestTime`` in size, the reported durations of the model's
    /// intervals, and the wait histograms of the default resolution.
    public func problem(for model: CenterModel) -> String? {
        guard fits(model) else {
            return "does not fit the part's scenario (not its intervals, call types, groups and follow-ups)"
        }
        var total = 0
        func counted(_ n: Int) -> Bool {
            guard n >= 0, n <= Self.largestCount - total else { return false }
            total += n
            return true
        }
        // Not their sign: integrals of differences come out at −10⁻¹² agent-seconds at times.
        func timed(_ t: Double?) -> Bool { t.map { abs($0) <= Self.largestTime } ?? true }
        var countsFit = counted(events) && counted(generatedCalls)
            && callTypeWaits.allSatisfy { counted(Int(clamping: $0.count)) }
        var timesFit = true
        for c in calls {
            countsFit = countsFit && CallCounters.counts.allSatisfy { counted(c[keyPath: $0]) }
            timesFit = timesFit && CallCounters.sums.allSatisfy { timed(c[keyPath: $0]) }
        }
        for f in followUps {
            countsFit = countsFit && [f.created, f.doneInTime, f.doneLate, f.undone].allSatisfy(counted)
            timesFit = timesFit && timed(f.completionTime)
        }
        guard countsFit else { return "holds a negative count, or counts that add up to more than \(Self.largestCount)" }
        let quantiles = intervalWaitQuantiles + callTypeWaitQuantiles + [totalWaitQuantiles]
        timesFit = timesFit && quantiles.allSatisfy { timed($0.p90) && timed($0.p95) }
            && [groupBusyTime, groupLoggedInTime, callTypeBusyTime, callTypeQueueTime, busyLineTime, busyPortTime,
                seatLostTime, groupWrapUpBusyTime, groupWrapUpLoggedInTime].allSatisfy { $0.allSatisfy(timed) }
        guard timesFit else { return "holds a time that is not finite or larger than \(Self.largestTime) seconds" }
        guard reportedDuration.indices.allSatisfy({ reportedDuration[$0] == model.timing.reportedDuration(ofInterval: $0) }) else {
            return "holds interval lengths that are not its scenario's"
        }
        let resolution = QuantileHistogram().resolution
        guard callTypeWaits.allSatisfy({ $0.resolution == resolution }) else {
            return "holds a wait histogram of another resolution than \(resolution) s"
        }
        return nil
    }
}
