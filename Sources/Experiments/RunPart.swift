import ContactCenter
import Foundation

/// One share of a run's replications, as `ccsim run --shard K/N` writes it: a header
/// saying which run it belongs to (`part.json`), and the replications' full results
/// (`results.bin`, see ``ResultsFile``), from which ``RunMerge`` rebuilds the run's summary
/// exactly (replications added in order, as one machine would).
public struct RunPart: Sendable {
    /// `format` of every part, and the version of the format this ccsim writes and reads.
    public static let format = "ccsim-run-part"
    public static let formatVersion = 1

    public var header: RunPartHeader
    /// The results of the shard's replications, in replication order.
    public var results: [ReplicationResult]

    public init(header: RunPartHeader, results: [ReplicationResult]) {
        self.header = header
        self.results = results
    }

    /// The files of the part's folder: `part.json` (the header) and `results.bin`.
    public func files() throws -> [(name: String, contents: Data)] {
        [("part.json", try PartCoding.encode(["header": header])), ("results.bin", ResultsFile.encode(results))]
    }

    /// Reads a part from its files.
    public static func read(json: Data, results: Data) throws -> RunPart {
        let header = try PartCoding.decodeHeader(json)
        let count = header.shard.share(of: header.replications).count
        return RunPart(header: header, results: try ResultsFile.decode(results, count: count))
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
    /// The replications of the whole run.
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
        formatVersion = RunPart.formatVersion
        self.ccsimVersion = ccsimVersion
        scenarioHash = ScenarioHash.of(scenario)
        self.scenario = scenario
        self.seed = seed
        self.replications = replications
        self.shard = shard
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
