import ContactCenter
import Foundation
import Statistics

/// Reads a `{distribution: kind, parameters…}` mapping into a ``Distribution``.
///
/// Parameters that are times (`mean`, `value`, `low`, `high`, `scale`, the `values` of an
/// empirical distribution) are durations; `cv`, `shape` and `k` are plain numbers.
enum DistributionParser {
    /// The distribution kinds, named as scenarios write them, and the parameters each takes.
    private enum Kind: String, CaseIterable {
        case exponential, constant, lognormal, gamma, erlang, weibull, uniform, empirical

        var parameters: [String] {
            switch self {
            case .exponential: return ["mean"]
            case .constant: return ["value"]
            case .lognormal: return ["mean", "cv"]
            case .gamma: return ["mean", "cv", "shape", "scale"]
            case .erlang: return ["k", "mean"]
            case .weibull: return ["scale", "shape"]
            case .uniform: return ["low", "high"]
            case .empirical: return ["values"]
            }
        }
    }

    /// The distribution described by the mapping at `reader`.
    static func distribution(from reader: NodeReader) throws -> Distribution {
        guard case .mapping = reader.node else { throw notADistribution(reader) }
        let entry = try reader.mapping()
        let kind = try self.kind(entry.required("distribution"))
        try entry.checkKeys(["distribution"] + kind.parameters)
        return try build(kind, parameters: entry)
    }

    /// An error for a bare value where a distribution mapping belongs, showing how to write one.
    private static func notADistribution(_ reader: NodeReader) -> ScenarioError {
        let written = reader.node.scalar?.string ?? ""
        let isDuration = (DurationParser.seconds(from: written) ?? 0) > 0
        let mean = isDuration ? written.trimmingCharacters(in: .whitespaces) : "180"
        return reader.error("expected a distribution, got \(reader.shown); write for instance "
            + "`{distribution: exponential, mean: \(mean)}`")
    }

    private static func kind(_ reader: NodeReader) throws -> Kind {
        let name = try reader.text()
        guard let kind = Kind(rawValue: name) else {
            let hint = Suggestion.hint(for: name, among: Kind.allCases.map(\.rawValue))
            throw reader.error("unknown distribution `\(name)` (\(hint))")
        }
        return kind
    }

    private static func build(_ kind: Kind, parameters p: MappingReader) throws -> Distribution {
        switch kind {
        case .exponential:
            return .exponential(mean: try p.required("mean").duration(.positive))
        case .constant:
            return .constant(try p.required("value").duration(.nonNegative))
        case .lognormal:
            return .lognormal(mean: try p.required("mean").duration(.positive),
                              cv: try p.required("cv").number(.positive))
        case .gamma:
            return try gamma(p)
        case .erlang:
            return .erlang(k: try p.required("k").integer(.positive),
                           mean: try p.required("mean").duration(.positive))
        case .weibull:
            return .weibull(scale: try p.required("scale").duration(.positive),
                            shape: try p.required("shape").number(.positive))
        case .uniform:
            return try uniform(p)
        case .empirical:
            let values = try p.required("values").nonEmptySequence(of: "value")
            return .empirical(try values.map { try $0.duration(.nonNegative) })
        }
    }

    /// A gamma given either by `mean` and `cv` or by `shape` and `scale`.
    private static func gamma(_ p: MappingReader) throws -> Distribution {
        let byMoments = p.contains("mean") || p.contains("cv")
        let byShape = p.contains("shape") || p.contains("scale")
        guard byMoments != byShape else {
            throw p.error("a gamma takes either `mean` and `cv` or `shape` and `scale`, "
                + (byMoments ? "not both" : "but has neither"))
        }
        if byShape {
            return .gamma(shape: try p.required("shape").number(.positive),
                          scale: try p.required("scale").duration(.positive))
        }
        return .gamma(mean: try p.required("mean").duration(.positive),
                      cv: try p.required("cv").number(.positive))
    }

    /// A uniform on `[low, high]` with `0 ≤ low ≤ high`.
    private static func uniform(_ p: MappingReader) throws -> Distribution {
        let low = try p.required("low").duration(.nonNegative)
        let highReader = try p.required("high")
        let high = try highReader.duration(.nonNegative)
        guard high >= low else {
            throw highReader.error("must not be less than `low` (\(Timing.format(low))), "
                + "got \(highReader.shown)")
        }
        return .uniform(low: low, high: high)
    }
}
