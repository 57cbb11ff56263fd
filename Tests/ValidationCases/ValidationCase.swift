import Foundation

/// One exact case of `cases_shared.json` (exact Erlang B, C, A and M/M/c/K values): a
/// steady-state queue with Poisson arrivals, exponential handle times, optional
/// exponential patience and optional trunk lines, with its exact per-call measures.
/// Shared by the analytics tests (formulas) and the simulation tests (simulator).
public struct ValidationCase: Decodable, Sendable {
    public let id: String
    /// `erlangB`, `erlangC`, `erlangA` or `mmck`.
    public let model: String
    public let perHour: Double
    /// Mean handle time (seconds).
    public let aht: Double
    public let agents: Int
    /// Mean patience (seconds); `nil`: callers never abandon.
    public let patienceMean: Double?
    /// Most calls in the system; `nil`: unlimited.
    public let lines: Int?
    public let slSeconds: Double
    /// Warm-up and horizon for a steady-state simulation ("2h", "12d").
    public let warmup: String
    public let horizon: String
    /// Exact measures by their JSON key (`service_level`, `min_agents_sl80_in_20s`, …).
    public let exact: [String: Double]

    enum CodingKeys: String, CodingKey {
        case id, model, perHour = "per_hour", aht, agents, patienceMean = "patience_mean", lines
        case slSeconds = "sl_seconds", warmup, horizon, exact
    }

    /// Every case of the shared fixture.
    public static func loadAll() throws -> [ValidationCase] {
        guard let url = Bundle.module.url(forResource: "cases_shared", withExtension: "json") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try JSONDecoder().decode([ValidationCase].self, from: Data(contentsOf: url))
    }

    /// A duration of the fixture ("2h", "26h", "12d") in seconds.
    public static func seconds(_ text: String) -> Double {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        return Double(text.dropLast())! * units[text.last!]!
    }
}
