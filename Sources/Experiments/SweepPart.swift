import ContactCenter
import Foundation

/// One share of a sweep's grid points, as `ccsim sweep --shard K/N` writes it: in
/// `part.json` the header (the scenario before the varied keys, seed, replications per
/// point, shard), the varied keys and number of points, and per point its settings and
/// its scenario as simulated; in `results.bin` the points' replications' results, point
/// after point.
public struct SweepPart: Codable, Sendable {
    public static let format = "ccsim-sweep-part"

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

    enum CodingKeys: String, CodingKey { case header, source, vary, pointCount = "point_count", points }

    public init(header: RunPartHeader, source: String, vary: [String], pointCount: Int, points: [Point]) {
        self.header = header
        self.source = source
        self.vary = vary
        self.pointCount = pointCount
        self.points = points
    }

    /// The files of the part's folder: `part.json` and `results.bin`.
    public func files() throws -> [(name: String, contents: Data)] {
        [("part.json", try PartCoding.encode(self)), ("results.bin", ResultsFile.encode(points.flatMap(\.results)))]
    }

    /// Reads a part from its files.
    public static func read(json: Data, results: Data) throws -> SweepPart {
        var part = try PartCoding.decode(SweepPart.self, json)
        let perPoint = part.header.replications
        guard (0...ModelLimits.replications).contains(perPoint), part.points.count <= ModelLimits.replications else {
            throw MergeError("more replications or points than a sweep has")
        }
        var all = try ResultsFile.decode(results, count: perPoint * part.points.count)[...]
        for i in part.points.indices {
            part.points[i].results = Array(all.prefix(perPoint))
            all = all.dropFirst(perPoint)
        }
        return part
    }

    /// Checks that the part holds its shard's points of a grid like `first`'s.
    /// - Throws: ``MergeError`` naming the part.
    public func check(name: String, against first: SweepPart, firstName: String) throws {
        guard vary == first.vary, pointCount == first.pointCount else {
            throw MergeError("\(name): sweeps \(vary.joined(separator: " ")) (\(pointCount) points), "
                + "\(firstName) sweeps \(first.vary.joined(separator: " ")) (\(first.pointCount) points)")
        }
        let expected = Array(header.shard.share(of: pointCount))
        guard points.map(\.index) == expected else {
            throw MergeError("\(name): does not hold the points of shard \(header.shard) of \(pointCount)")
        }
        for point in points where point.results.map(\.replication) != Array(0..<header.replications) {
            throw MergeError("\(name): point \(point.index) does not hold replications 0–\(header.replications - 1)")
        }
    }
}
