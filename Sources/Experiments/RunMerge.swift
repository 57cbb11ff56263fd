import ContactCenter
import Foundation

/// Puts the parts of a sharded run back together: checks that they belong to one run
/// (same scenario, seed, replications, shards and versions), that none is there twice and
/// none is missing, then adds their replications in order — the summary is the one the
/// unsharded run gives, bit for bit.
public enum RunMerge {
    /// A part as read: its name (the path given) and header.
    public struct Named: Sendable {
        public var name: String
        public var header: RunPartHeader

        public init(name: String, header: RunPartHeader) {
            self.name = name
            self.header = header
        }
    }

    /// The parts in shard order, once checked.
    /// - Throws: ``MergeError`` naming the part that does not fit, the shards given twice,
    ///   or the shards missing.
    public static func order(_ parts: [Named], ccsimVersion: String) throws -> [Named] {
        guard let first = parts.first else { throw MergeError("no parts to merge") }
        for part in parts {
            let h = part.header
            guard h.format == first.header.format else {
                throw MergeError("\(part.name) is a \(h.format), \(first.name) a \(first.header.format): they cannot be merged together")
            }
            guard h.formatVersion == RunPart.formatVersion else {
                throw MergeError("\(part.name): part format \(h.formatVersion); this ccsim reads format \(RunPart.formatVersion)")
            }
            guard h.ccsimVersion == ccsimVersion else {
                throw MergeError("\(part.name): written by ccsim \(h.ccsimVersion); this is ccsim \(ccsimVersion): "
                    + "run every shard and the merge with one version")
            }
            try check(part, against: first)
        }
        var byShard: [Int: Named] = [:]
        for part in parts {
            if let other = byShard[part.header.shard.index] {
                throw MergeError("\(other.name) and \(part.name) are both shard \(part.header.shard)")
            }
            byShard[part.header.shard.index] = part
        }
        let missing = (1...first.header.shard.count).filter { byShard[$0] == nil }
        guard missing.isEmpty else {
            let list = missing.prefix(10).map { "\($0)/\(first.header.shard.count)" }.joined(separator: ", ")
            throw MergeError("shard\(missing.count == 1 ? "" : "s") \(list)\(missing.count > 10 ? ", …" : "") missing "
                + "(\(missing.count) of \(first.header.shard.count))")
        }
        return (1...first.header.shard.count).compactMap { byShard[$0] }
    }

    /// The part belongs to the same run as `first`.
    private static func check(_ part: Named, against first: Named) throws {
        let (h, f) = (part.header, first.header)
        func differs(_ what: String, _ mine: String, _ theirs: String) -> MergeError {
            MergeError("\(part.name): \(what) \(mine) differs from \(first.name)'s \(theirs)")
        }
        if h.scenarioHash != f.scenarioHash || h.scenario != f.scenario {
            throw MergeError("\(part.name): scenario \(h.scenarioHash) differs from \(first.name)'s \(f.scenarioHash) "
                + "(another scenario, or other --set or --variant)")
        }
        if h.seed != f.seed { throw differs("seed", "\(h.seed)", "\(f.seed)") }
        if h.replications != f.replications { throw differs("replications", "\(h.replications)", "\(f.replications)") }
        if h.shard.count != f.shard.count { throw differs("number of shards", "\(h.shard.count)", "\(f.shard.count)") }
    }

    /// Adds a part's results to `accumulator`, checking they are its shard's replications.
    public static func add(_ part: RunPart, name: String, to accumulator: inout RunAccumulator) throws {
        let expected = Array(part.header.shard.share(of: part.header.replications))
        let held = part.results.map(\.replication)
        guard held == expected else {
            throw MergeError("\(name): holds replications \(Self.describe(held)) but shard \(part.header.shard) of "
                + "\(part.header.replications) is \(Self.describe(expected))")
        }
        for result in part.results {
            guard result.fits(accumulator.model) else {
                throw MergeError("\(name): replication \(result.replication) does not fit the part's scenario")
            }
            accumulator.add(result)
        }
    }

    private static func describe(_ replications: [Int]) -> String {
        guard let first = replications.first, let last = replications.last else { return "none" }
        return replications == Array(first...last) ? "\(first)–\(last)" : "\(replications.count) out of order"
    }
}

/// Parts that cannot be merged, with why.
public struct MergeError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
