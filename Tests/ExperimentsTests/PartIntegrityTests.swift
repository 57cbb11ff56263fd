import ContactCenter
import Experiments
import Foundation
import Reports
import Scenario
import XCTest

/// The checks of a part read for `ccsim merge`: every single bit flipped in results.bin
/// is refused, naming the part and the replication; indices, counts and header fields
/// out of range are refused with a ``MergeError`` naming the part, never a crash.
final class PartIntegrityTests: XCTestCase {
    /// One hour, one call type, one group: a record of results.bin is about 800 bytes.
    static let scenario = """
        name: part check
        horizon: 1h
        interval: 1h
        call_types:
          - id: calls
            arrivals: {per_hour: 30}
            handle_time: {distribution: exponential, mean: 180}
            patience: {distribution: exponential, mean: 120}
        agent_groups:
          - id: team
            skills: [calls]
            agents: 2

        """
    private let model = try! ScenarioLoader.parse(yaml: scenario, fileName: "part.yaml").model

    /// The files of shard `k`/2 of a run of 4 replications (replications 0–1 or 2–3),
    /// its results changed by `edit` before they are written (and sealed).
    private func part(_ k: Int = 2, edit: (inout [ReplicationResult]) -> Void = { _ in }) throws -> (json: Data, results: Data) {
        var results = try ReplicationRunner.run(model: model, seed: 5, replications: 2, firstReplication: 2 * k - 2, threads: 1)
        edit(&results)
        let header = RunPartHeader(ccsimVersion: "test", scenario: Self.scenario, seed: 5, replications: 4,
                                   shard: Shard(index: k, count: 2))
        let files = try RunPart(header: header, results: results).files()
        return (files[0].contents, files[1].contents)
    }

    /// Merges part-1 (as written) and `part-2` as `ccsim merge` does; its summary.json.
    private func merge(json: Data, results: Data) throws -> Data {
        let first = try part(1)
        let files = ["part-1": first, "part-2": (json: json, results: results)]
        let named = try files.map { RunMerge.Named(name: $0.key, header: try PartCoding.decodeHeader($0.value.json)) }
        var accumulator = RunAccumulator(model: model)
        for part in try RunMerge.order(named, ccsimVersion: "test") {
            let file = files[part.name]!
            try RunMerge.add(try RunPart.read(json: file.json, results: file.results, name: part.name), name: part.name,
                             to: &accumulator)
        }
        return try SummaryJSON.encode(accumulator.finalSummary(seed: 5))
    }

    /// The merge of part-1 and `part-2` is refused with a message that names part-2 and says `what`.
    private func assertRefused(json: Data, results: Data, _ what: String, line: UInt = #line) {
        XCTAssertThrowsError(try merge(json: json, results: results), line: line) { error in
            XCTAssertTrue(error is MergeError, "\(error)", line: line)
            XCTAssertTrue("\(error)".hasPrefix("part-2: ") && "\(error)".contains(what), "\(error)", line: line)
        }
    }

    /// part.json with its header's (or, `header: false`, its own) `key` set to `value`.
    private func json(_ json: Data, _ key: String, _ value: Any, header: Bool = true) throws -> Data {
        var object = try XCTUnwrap(JSONSerialization.jsonObject(with: json) as? [String: Any])
        if header {
            var inner = try XCTUnwrap(object["header"] as? [String: Any])
            inner[key] = value
            object["header"] = inner
        } else {
            object[key] = value
        }
        return try JSONSerialization.data(withJSONObject: object)
    }

    func testAnUntouchedPartMergesIntoTheRunsSummary() throws {
        let (json, results) = try part()
        let all = try ReplicationRunner.run(model: model, seed: 5, replications: 4, threads: 1)
        XCTAssertEqual(try merge(json: json, results: results), try SummaryJSON.encode(RunSummary(model: model, seed: 5, results: all)))
    }

    /// Every one of the file's bits flipped in turn (all of them: about 13,000): each is
    /// refused by the checksum of the record it falls in, which is named.
    func testEverySingleBitFlipIsRefusedNamingTheReplication() throws {
        let (json, results) = try part()
        var bytes = [UInt8](results)
        let firstRecord = 16 + Int(bytes[0]) + Int(bytes[1]) << 8
        var refused = 0
        for bit in 0..<(bytes.count * 8) {
            bytes[bit / 8] ^= 1 << (bit % 8)
            defer { bytes[bit / 8] ^= 1 << (bit % 8) }
            let replication = bit / 8 < firstRecord ? 2 : 3
            do {
                _ = try RunPart.read(json: json, results: Data(bytes), name: "part-2")
                XCTFail("bit \(bit) flipped, and the part is read")
            } catch {
                let message = "\(error)"
                if message.hasPrefix("part-2: results.bin: the record of replication \(replication) is ") {
                    refused += 1
                } else {
                    XCTFail("bit \(bit): \(message)")
                }
            }
        }
        XCTAssertEqual(refused, bytes.count * 8)
        XCTAssertGreaterThan(bytes.count, 1000)
    }

    func testACountOfMinusOneIsRefused() throws {
        let (json, results) = try part()
        var edited = results
        // The first record's length, then 7 numbers and the number of counters: its first arrivals.
        edited.replaceSubrange(72..<80, with: withUnsafeBytes(of: Int64(-1).littleEndian) { Data($0) })
        assertRefused(json: json, results: edited, "results.bin: the record of replication 2 is damaged: it does not match its checksum")
        edited.replaceSubrange(64..<72, with: withUnsafeBytes(of: Int64(-1).littleEndian) { Data($0) })
        assertRefused(json: json, results: edited, "the record of replication 2 is damaged") // and its number of counters
        let sealed = try part { $0[1].calls[0].arrivals = -1 }
        assertRefused(json: sealed.json, results: sealed.results, "replication 3 holds a negative count")
        let events = try part { $0[0].events = -1 }
        assertRefused(json: events.json, results: events.results, "replication 2 holds a negative count")
        let huge = try part { $0[0].calls[0].answered = ReplicationResult.largestCount }
        assertRefused(json: huge.json, results: huge.results, "counts that add up to more than")
        let nan = try part { $0[0].groupBusyTime[0] = .nan }
        assertRefused(json: nan.json, results: nan.results, "replication 2 holds a time that is not finite")
        let durations = try part { $0[1].reportedDuration[0] = 1e-300 }
        assertRefused(json: durations.json, results: durations.results, "interval lengths that are not its scenario's")
        let fewer = try part { $0[0].calls = [] }
        assertRefused(json: fewer.json, results: fewer.results, "does not fit the part's scenario")
    }

    /// A replication index of 2^62, Int.max, Int.min or another shard's: refused, whether
    /// the record was edited (its checksum) or written so (the index checked).
    func testReplicationIndicesOutOfTheShardAreRefused() throws {
        for index in [1 << 62, Int.max, Int.min, -1, 0, 3] {
            let sealed = try part { $0[0].replication = index }
            assertRefused(json: sealed.json, results: sealed.results, "the record of replication 2 holds replication \(index) ")
            let (json, results) = try part()
            var edited = results
            edited.replaceSubrange(8..<16, with: withUnsafeBytes(of: Int64(index).littleEndian) { Data($0) })
            assertRefused(json: json, results: edited, "the record of replication 2 is damaged")
        }
        let swapped = try part { $0.swapAt(0, 1) }
        assertRefused(json: swapped.json, results: swapped.results, "the record of replication 2 holds replication 3 ")
        let missing = try part { $0.removeLast() }
        assertRefused(json: missing.json, results: missing.results, "the record of replication 3 is missing")
    }

    /// Huge, negative or inconsistent numbers in part.json's header, another format
    /// version, a scenario edited, results.bin not the one part.json describes.
    func testHeadersOutOfRangeAreRefused() throws {
        let (json, results) = try part()
        for value in [1 << 62, Int.max, Int.min, 0, -1] {
            assertRefused(json: try self.json(json, "replications", value), results: results, "replications \(value) in part.json")
            assertRefused(json: try self.json(json, "shard", ["index": value, "count": 2]), results: results, "shard \(value)/2 in part.json")
            assertRefused(json: try self.json(json, "shard", ["index": 2, "count": value]), results: results, "shard 2/\(value) in part.json")
        }
        assertRefused(json: try self.json(json, "shard", ["index": 2, "count": 5]), results: results,
                      "shard 2/5 of 4 replications")
        for version in [1, 3] {
            assertRefused(json: try self.json(json, "format_version", version), results: results,
                          "part format version \(version); this ccsim reads version 2 only")
        }
        assertRefused(json: try self.json(json, "scenario", Self.scenario + "# edited\n"), results: results,
                      "its scenario does not have its scenario_hash")
        assertRefused(json: try self.json(json, "format", "ccsim-other-part"), results: results, "not a part of a ccsim run or sweep")
        assertRefused(json: try self.json(json, "results_bin", ["bytes": results.count, "crc32": "00000000"], header: false),
                      results: results, "results.bin is damaged or not this part's")
        assertRefused(json: json, results: results + Data(count: 16), "results.bin: holds more than 2 replications' results")
        assertRefused(json: json, results: try part(1).results, "the record of replication 2 holds replication 0 ")
    }

    /// A sweep part: a bit flip names the point; a point index of 2^62 or a grid of 2^62
    /// points is refused.
    func testSweepPartsAreChecked() throws {
        let results = try ReplicationRunner.run(model: model, seed: 5, replications: 2, threads: 1)
        let header = RunPartHeader(format: SweepPart.format, ccsimVersion: "test", scenario: Self.scenario, seed: 5,
                                   replications: 2, shard: Shard(index: 2, count: 2))
        let points = (2..<4).map { SweepPart.Point(index: $0, settings: [("seats", "\($0)")], scenario: Self.scenario, results: results) }
        let files = try SweepPart(header: header, source: "part.yaml", vary: ["seats=1..4"], pointCount: 4, points: points).files()
        let (json, bin) = (files[0].contents, files[1].contents)
        XCTAssertEqual(try SweepPart.read(json: json, results: bin, name: "sweep-2").points.map(\.results.count), [2, 2])
        func refusal(_ json: Data, _ bin: Data) -> String {
            do {
                _ = try SweepPart.read(json: json, results: bin, name: "sweep-2")
                return "read"
            } catch {
                return "\(error)"
            }
        }
        var flipped = bin
        flipped[flipped.count - 20] ^= 0x10
        XCTAssertEqual(refusal(json, flipped),
                       "sweep-2: results.bin: the record of replication 1 of point 3 is damaged: it does not match its checksum")
        for value in [1 << 62, Int.max, -1] {
            XCTAssertTrue(refusal(try self.json(json, "point_count", value, header: false), bin)
                .hasPrefix("sweep-2: shard 2/2 of a grid of \(value) points"))
            var object = try XCTUnwrap(JSONSerialization.jsonObject(with: json) as? [String: Any])
            var list = try XCTUnwrap(object["points"] as? [[String: Any]])
            list[1]["index"] = value
            object["points"] = list
            XCTAssertEqual(refusal(try JSONSerialization.data(withJSONObject: object), bin),
                           "sweep-2: does not hold the points of shard 2/2 of 4, in order")
        }
    }
}
