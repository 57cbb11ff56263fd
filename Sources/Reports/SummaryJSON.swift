import ContactCenter
import Experiments
import Foundation
import Statistics

/// `summary.json`: the run's KPIs with confidence intervals, per call type (key
/// `call_types`, by id), for the whole centre (`total`) and per agent group
/// (`agent_groups`), each KPI an object `{"mean", "ci_low", "ci_high"}`.
/// Key names are a public interface: add, don't rename.
public enum SummaryJSON {
    /// The JSON text (keys sorted, so the same run always gives the same bytes).
    public static func encode(_ summary: RunSummary) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        var data = try encoder.encode(Document(summary))
        data.append(0x0A)
        return data
    }

    struct Estimate: Encodable {
        let mean: Double
        let ciLow: Double
        let ciHigh: Double

        enum CodingKeys: String, CodingKey {
            case mean, ciLow = "ci_low", ciHigh = "ci_high"
        }

        init(_ ci: ConfidenceInterval) {
            mean = ci.mean
            ciLow = ci.low
            ciHigh = ci.high
        }
    }

    struct ServiceLevelDefinition: Encodable {
        let seconds: Double
        let target: Double?
    }

    struct Document: Encodable {
        let ccsimVersion = Reports.ccsimVersion
        let scenario: String
        let seed: UInt64
        let replications: Int
        let confidenceLevel: Double
        let warmup: Double
        let horizon: Double
        let interval: Double
        let trunks: Int?
        let callTypes: [String: [String: Estimate]]
        let total: [String: Estimate]
        let agentGroups: [String: [String: Estimate]]
        let serviceLevels: [String: ServiceLevelDefinition]
        let events: Int
        let generatedCalls: Int

        enum CodingKeys: String, CodingKey {
            case ccsimVersion = "ccsim_version", scenario, seed, replications
            case confidenceLevel = "confidence_level", warmup, horizon, interval, trunks
            case callTypes = "call_types", total, agentGroups = "agent_groups"
            case serviceLevels = "service_levels", events, generatedCalls = "generated_calls"
        }

        init(_ s: RunSummary) {
            scenario = s.model.name
            seed = s.seed
            replications = s.replications
            confidenceLevel = s.confidenceLevel
            warmup = s.model.timing.warmup
            horizon = s.model.timing.horizon
            interval = s.model.timing.intervalLength
            trunks = s.model.trunks
            callTypes = Dictionary(uniqueKeysWithValues: zip(s.model.callTypes.map(\.id), s.callTypes.map(kpis)))
            total = kpis(s.total)
            agentGroups = Dictionary(uniqueKeysWithValues: zip(s.model.agentGroups.map(\.id), s.groups.map(kpis)))
            serviceLevels = Dictionary(uniqueKeysWithValues: s.model.callTypes.map {
                ($0.id, ServiceLevelDefinition(seconds: $0.serviceLevel.seconds, target: $0.serviceLevel.target))
            })
            events = s.events
            generatedCalls = s.generatedCalls
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(ccsimVersion, forKey: .ccsimVersion)
            try c.encode(scenario, forKey: .scenario)
            try c.encode(seed, forKey: .seed)
            try c.encode(replications, forKey: .replications)
            try c.encode(confidenceLevel, forKey: .confidenceLevel)
            try c.encode(warmup, forKey: .warmup)
            try c.encode(horizon, forKey: .horizon)
            try c.encode(interval, forKey: .interval)
            try c.encode(trunks, forKey: .trunks)
            try c.encode(callTypes, forKey: .callTypes)
            try c.encode(total, forKey: .total)
            try c.encode(agentGroups, forKey: .agentGroups)
            try c.encode(serviceLevels, forKey: .serviceLevels)
            try c.encode(events, forKey: .events)
            try c.encode(generatedCalls, forKey: .generatedCalls)
        }
    }

    static func kpis(_ summary: KPISummary) -> [String: Estimate] {
        Dictionary(uniqueKeysWithValues: summary.estimates.map { ($0.key.rawValue, Estimate($0.value)) })
    }
}
