import ContactCenter
import Foundation
import Statistics

/// One share of a run's replications, as `ccsim run --shard K/N` writes it: a header
/// saying which run it belongs to (`part.json`), and the replications' full results
/// (`results.bin`, see ``ResultsFile``), from which ``RunMerge`` rebuilds the run's summary
/// exactly (replications added in order, as one machine would).
public struct RunPart: Sendable {
    /// `format` of every part, and the version of the format this ccsim writes and reads
    /// (2: results.bin with a checksum per record, and in part.json the file's; no other).
    public static let format = "ccsim-run-part"
    public static let formatVersion = 2

    public var header: RunPartHeader
    /// The results of the shard's replications, in replication order.
    public var results: [ReplicationResult]

    public init(header: RunPartHeader, results: [ReplicationResult]) {
        self.header = header
        self.results = results
    }

    /// `part.json`: the header, and what it says of results.bin.
    private struct File: Codable {
        var header: RunPartHeader
        var resultsBin: ResultsSeal
        enum CodingKeys: String, CodingKey { case header, resultsBin = "results_bin" }
    }

    /// The files of the part's folder: `part.json` (the header) and `results.bin`.
    public func files() throws -> [(name: String, contents: Data)] {
        let results = ResultsFile.encode(results)
        return [("part.json", try PartCoding.encode(File(header: header, resultsBin: ResultsSeal(of: results)))),
                ("results.bin", results)]
    }

    /// Reads a part from its files, checking the header (``RunPartHeader/check(name:)``)
    /// and that results.bin is the shard's replications, in order, each matching its
    /// checksum and the whole the checksum in part.json.
    /// - Parameter name: The part, as errors name it (its folder or `part.json`).
    /// - Throws: ``MergeError`` naming the part and, for a damaged record, its replication;
    ///   `DecodingError` if part.json is not a part's.
    public static func read(json: Data, results: Data, name: String) throws -> RunPart {
        try PartCoding.decodeHeader(json).check(name: name)
        let file = try PartCoding.decode(File.self, json)
        let range = file.header.shard.share(of: file.header.replications)
        let decoded = try ResultsSeal.decode(results, sealed: file.resultsBin, name: name) {
            try ResultsFile.decode($0, count: range.count, replication: { range.lowerBound + $0 },
                                   name: { "replication \(range.lowerBound + $0)" })
        }
        return RunPart(header: file.header, results: decoded)
    }
}

/// What `part.json` says of its `results.bin` (key `results_bin`): its length and its
/// CRC-32 (``CRC32``, as 8 hexadecimal digits), checked after its records' own checksums.
public struct ResultsSeal: Codable, Sendable, Equatable {
    public var bytes: Int
    public var crc32: String

    /// The seal of a results.bin.
    public init(of data: Data) {
        bytes = data.count
        let hex = String(CRC32.of(data), radix: 16)
        crc32 = String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// The records `body` reads from `data`, then `data` checked against `seal`.
    /// - Throws: ``MergeError`` naming part `name` and its results.bin.
    static func decode<T>(_ data: Data, sealed seal: ResultsSeal, name: String, _ body: (Data) throws -> T) throws -> T {
        let decoded: T
        do {
            decoded = try body(data)
        } catch let error as ByteReaderError {
            throw MergeError("\(name): results.bin: \(error)")
        }
        let actual = ResultsSeal(of: data)
        guard actual == seal else {
            throw MergeError("\(name): results.bin is damaged or not this part's: \(actual.bytes) bytes of CRC-32 \(actual.crc32), "
                + "part.json says \(seal.bytes) bytes of CRC-32 \(seal.crc32)")
        }
        return decoded
    }
}

/// How parts are written: JSON, keys sorted, doubles exactly (their shortest form that
/// reads back the same), `inf` and `nan` as strings.
public enum PartCoding {
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(value)
    }

    public static func decode<T: Decodable>(_ type: T.Type, _ data: Data) throws -> T {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try decoder.decode(type, from: data)
    }

    /// Only the header of a part (of any kind).
    public static func decodeHeader(_ data: Data) throws -> RunPartHeader {
        struct HeaderOnly: Decodable { let header: RunPartHeader }
        return try decode(HeaderOnly.self, data).header
    }
}

/// What run a part belongs to: the scenario (its text after `--set` and `--variant`,
/// and that text's hash), the seed, the run's replications, the shard and the versions.
public struct RunPartHeader: Codable, Sendable, Equatable {
    public var format: String
    public var formatVersion: Int
    public var ccsimVersion: String
    public var scenarioHash: String
    /// The scenario as simulated, as YAML: the merge reads the model from it.
    public var scenario: String
    public var seed: UInt64
    /// The replications of the whole run (for a sweep: of each point).
    public var replications: Int
    public var shard: Shard

    enum CodingKeys: String, CodingKey {
        case format, formatVersion = "format_version", ccsimVersion = "ccsim_version", scenarioHash = "scenario_hash"
        case scenario, seed, replications, shard
    }

    /// The header of a part of format `format` (``RunPart/format`` or ``SweepPart/format``).
    public init(format: String = RunPart.format, ccsimVersion: String, scenario: String, seed: UInt64, replications: Int,
                shard: Shard) {
        self.format = format
        formatVersion = Self.version(of: format) ?? RunPart.formatVersion
        self.ccsimVersion = ccsimVersion
        scenarioHash = ScenarioHash.of(scenario)
        self.scenario = scenario
        self.seed = seed
        self.replications = replications
        self.shard = shard
    }

    /// The version this ccsim writes and reads of parts of `format`; `nil` for another format.
    static func version(of format: String) -> Int? {
        switch format {
        case RunPart.format: RunPart.formatVersion
        case SweepPart.format: SweepPart.formatVersion
        default: nil
        }
    }

    /// Checks what the header says on its own, before anything is read on its word: a
    /// format this ccsim reads, in this version; the scenario its hash; 1 ≤ replications
    /// ≤ ``ModelLimits/replications``; 1 ≤ K ≤ N ≤ ``ModelLimits/replications`` (for a run,
    /// N ≤ replications too).
    /// - Throws: ``MergeError`` naming part `name`.
    public func check(name: String) throws {
        guard let version = Self.version(of: format) else {
            throw MergeError("\(name): not a part of a ccsim run or sweep (format \(format))")
        }
        guard formatVersion == version else {
            throw MergeError("\(name): part format version \(formatVersion); this ccsim reads version \(version) only "
                + "(parts do not outlive a ccsim version: run the shard again with this one)")
        }
        guard scenarioHash == ScenarioHash.of(scenario) else {
            throw MergeError("\(name): part.json is damaged: its scenario does not have its scenario_hash \(scenarioHash)")
        }
        let limit = ModelLimits.replications
        guard (1...limit).contains(replications) else {
            throw MergeError("\(name): replications \(replications) in part.json; a run has 1 to \(limit)")
        }
        guard (1...limit).contains(shard.count), (1...shard.count).contains(shard.index) else {
            throw MergeError("\(name): shard \(shard) in part.json; a shard is K/N with 1 ≤ K ≤ N ≤ \(limit)")
        }
        guard format != RunPart.format || shard.count <= replications else {
            throw MergeError("\(name): shard \(shard) of \(replications) replications; a run has at most as many shards as replications")
        }
    }
}

/// The K-th of N shares of a run's replications or a sweep's points (K from 1): items
/// `(K − 1)·R/N ..< K·R/N` of R, so that the shares are contiguous, disjoint and
/// complete, in order.
public struct Shard: Codable, Sendable, Equatable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// `K/N` with 1 ≤ K ≤ N ≤ ``ModelLimits/replications``; `nil` otherwise.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]),
              (1...ModelLimits.replications).contains(n), (1...n).contains(k) else { return nil }
        self.init(index: k, count: n)
    }

    /// This shard's share of `total` items (replications, or a sweep's points).
    public func share(of total: Int) -> Range<Int> {
        ((index - 1) * total / count)..<(index * total / count)
    }

    /// `K/N`.
    public var description: String { "\(index)/\(count)" }
}

/// A 64-bit FNV-1a hash of a scenario's text, in hexadecimal: parts of one run carry the
/// same (a check that they belong together, not a security measure).
public enum ScenarioHash {
    public static func of(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
