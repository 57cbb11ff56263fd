import ContactCenter
import Foundation
import Statistics

/// One exact case of `Fixtures/cases_shared.json` (a copy of `shared/validation`):
/// a steady-state queue with Poisson arrivals, exponential handle times, optional
/// exponential patience and optional trunk lines, with its exact KPIs.
struct ValidationCase: Decodable {
    let id: String
    let model: String
    let perHour: Double
    let aht: Double
    let agents: Int
    let patienceMean: Double?
    let lines: Int?
    let slSeconds: Double
    let warmup: String
    let horizon: String
    let exact: [String: Double]

    enum CodingKeys: String, CodingKey {
        case id, model, agents, lines, warmup, horizon, exact, aht
        case perHour = "per_hour", patienceMean = "patience_mean", slSeconds = "sl_seconds"
    }

    static func all() throws -> [ValidationCase] {
        let url = Bundle.module.url(forResource: "cases_shared", withExtension: "json", subdirectory: "Fixtures")!
        return try JSONDecoder().decode([ValidationCase].self, from: Data(contentsOf: url))
    }

    /// The centre that reduces to this case: one call type, one group, one interval.
    var centerModel: CenterModel {
        let horizon = Self.seconds(self.horizon)
        return CenterModel(
            name: id,
            timing: Timing(warmup: Self.seconds(warmup), horizon: horizon, intervalLength: horizon),
            trunks: lines,
            callTypes: [CallType(id: "calls", arrivalRates: [perHour / 3600],
                                 handleTime: .exponential(mean: aht),
                                 patience: patienceMean.map { .exponential(mean: $0) },
                                 serviceLevel: ServiceLevelTarget(seconds: slSeconds))],
            agentGroups: [AgentGroup(id: "agents", skills: [0], staffing: [agents])])
    }

    /// "2h", "26h", "12d" in seconds.
    static func seconds(_ text: String) -> Double {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        return Double(text.dropLast())! * units[text.last!]!
    }
}
