import ContactCenter
import Foundation

/// One share of a sweep's grid points, as `ccsim sweep --shard K/N` writes it: in
/// `part.json` the header (the scenario before the varied keys, seed, replications per
/// point, shard), the varied keys and number of points, and per point its settings and
/// its scenario as simulated; in `results.bin` the points' replications' results, point
/// after point.
public struct SweepPart: Codable, Sendable {
    /// `format` of every sweep part, and the version this ccsim writes and reads (2, as
    /// ``RunPart/formatVersion``).
    public static let format = "ccsim-sweep-part"
    public static let formatVersion = 2
    /// The most points of a grid: two keys of ``SweepRange/maximumPoints`` steps each.
    public static let largestGrid = (SweepRange.maximumPoints + 1) * (SweepRange.maximumPoints + 1)

    /// One grid point: its index in the grid, its `(key, value)` settings, the scenario
    /// with them applied, and the results of its replications.
    public struct Point: Codable, Sendable {
        public var index: Int
        public var settings: [[String]]
        public var scenario: String
        public var results: [ReplicationResult]

        enum CodingKeys: String, CodingKey { case index, settings, scenario }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            index = try c.decode(Int.self, forKey: .index)
            settings = try c.decode([[String]].self, forKey: .settings)
            scenario = try c.decode(String.self, forKey: .scenario)
            results = []
        }

        public init(index: Int, settings: [(key: String, value: String)], scenario: String, results: [ReplicationResult]) {
            self.index = index
            self.settings = settings.map { [$0.key, $0.value] }
            self.scenario = scenario
            self.results = results
        }

        /// The settings as `(key, value)` pairs.
        public var pairs: [(key: String, value: String)] {
            settings.compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil }
        }
    }

    public var header: RunPartHeader
    /// The scenario file swept (for the report's title).
    public var source: String
    /// The `--vary` options, and the number of points of the whole grid.
    public var vary: [String]
    public var pointCount: Int
    public var points: [Point]
    /// What part.json says of results.bin (set when the part is written or read).
    public private(set) var resultsBin: ResultsSeal?

    enum CodingKeys: String, CodingKey {
        case header, source, vary, pointCount = "point_count", points, resultsBin = "results_bin"
    }

    public init(header: RunPartHeader, source: String, vary: [String], pointCount: Int, points: [Point]) {
        self.header = header
        self.source = source
        self.vary = vary
        self.pointCount = pointCount
        self.points = points
    }

    /// The files of the part's folder: `part.json` and `results.bin`.
    public func files() throws -> [(name: String, contents: Data)] {
        let results = ResultsFile.encode(points.flatMap(\.results))
        var sealed = self
        sealed.resultsBin = ResultsSeal(of: results)
        return [("part.json", try PartCoding.encode(sealed)), ("results.bin", results)]
    }

    /// Reads a part from its files, checking the header (``RunPartHeader/check(name:)``),
    /// that it holds its shard's points of a grid of at most ``largestGrid`` points, and
    /// that results.bin is their replications, in order, each record matching its checksum
    /// and the whole the checksum in part.json.
    /// - Parameter name: The part, as errors name it (its folder or `part.json`).
    /// - Throws: ``MergeError`` naming the part and, for a damaged record, its point and
    ///   replication; `DecodingError` if part.json is not a sweep part's.
    public static func read(json: Data, results: Data, name: String) throws -> SweepPart {
        try PartCoding.decodeHeader(json).check(name: name)
        var part = try PartCoding.decode(SweepPart.self, json)
        let (perPoint, shard) = (part.header.replications, part.header.shard)
        guard (1...largestGrid).contains(part.pointCount), shard.count <= part.pointCount else {
            throw MergeError("\(name): shard \(shard) of a grid of \(part.pointCount) points; a grid has 1 to \(largestGrid) "
                + "points, and at least as many as shards")
        }
        guard part.points.map(\.index).elementsEqual(shard.share(of: part.pointCount)) else {
            throw MergeError("\(name): does not hold the points of shard \(shard) of \(part.pointCount), in order")
        }
        guard let seal = part.resultsBin else { throw MergeError("\(name): part.json does not say what results.bin holds") }
        let indices = part.points.map(\.index)
        var all = try ResultsSeal.decode(results, sealed: seal, name: name) {
            try ResultsFile.decode($0, count: perPoint * indices.count, replication: { $0 % perPoint },
                                   name: { "replication \($0 % perPoint) of point \(indices[$0 / perPoint])" })
        }[...]
        for i in part.points.indices {
            part.points[i].results = Array(all.prefix(perPoint))
            all = all.dropFirst(perPoint)
        }
        return part
    }

    /// Checks that the part's grid is `first`'s (its points were checked when it was read).
    /// - Throws: ``MergeError`` naming the part.
    public func check(name: String, against first: SweepPart, firstName: String) throws {
        guard vary == first.vary, pointCount == first.pointCount else {
            throw MergeError("\(name): sweeps \(vary.joined(separator: " ")) (\(pointCount) points), "
                + "\(firstName) sweeps \(first.vary.joined(separator: " ")) (\(first.pointCount) points)")
        }
    }
}
