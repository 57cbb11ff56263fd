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

    /// The parts in shard order, once checked: each header on its own
    /// (``RunPartHeader/check(name:)``), then against the first part's.
    /// - Throws: ``MergeError`` naming the part that does not fit, the shards given twice,
    ///   or the shards missing.
    public static func order(_ parts: [Named], ccsimVersion: String) throws -> [Named] {
        guard let first = parts.first else { throw MergeError("no parts to merge") }
        for part in parts {
            let h = part.header
            try h.check(name: part.name)
            guard h.format == first.header.format else {
                throw MergeError("\(part.name) is a \(h.format), \(first.name) a \(first.header.format): they cannot be merged together")
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

    /// Adds a part's results to `accumulator`, checking its header, that they are its
    /// shard's replications and each one the simulator could have given for the accumulator's model
    /// (``check(_:of:name:)``).
    /// - Throws: ``MergeError`` naming the part and the replication.
    public static func add(_ part: RunPart, name: String, to accumulator: inout RunAccumulator) throws {
        try part.header.check(name: name)
        let expected = part.header.shard.share(of: part.header.replications)
        guard part.results.map(\.replication).elementsEqual(expected) else {
            throw MergeError("\(name): does not hold replications \(expected.lowerBound)–\(expected.upperBound - 1), in order, "
                + "the replications of shard \(part.header.shard) of \(part.header.replications)")
        }
        for result in part.results {
            try check(result, of: accumulator.model, name: name)
            accumulator.add(result)
        }
    }

    /// Checks that `result`, read from part `name`, is one the simulator could have given
    /// for `model` (``ReplicationResult/problem(for:)``).
    /// - Parameter point: For a sweep part, the result's point.
    /// - Throws: ``MergeError`` naming the part and the replication.
    public static func check(_ result: ReplicationResult, of model: CenterModel, name: String, point: Int? = nil) throws {
        if let problem = result.problem(for: model) {
            throw MergeError("\(name): replication \(result.replication)\(point.map { " of point \($0)" } ?? "") \(problem)")
        }
    }
}

/// Parts that cannot be merged, with why.
public struct MergeError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
