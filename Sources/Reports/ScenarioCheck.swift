import Foundation
import Scenario

/// What `ccsim validate` reports about a scenario that loads: its size.
public struct ScenarioCheck: Encodable, Sendable {
    public var ok = true
    public var callTypes: Int
    public var agentGroups: Int
    public var intervals: Int
    public var replications: Int
    public var variants: [String]

    public init(_ scenario: Scenario) {
        callTypes = scenario.model.callTypes.count
        agentGroups = scenario.model.agentGroups.count
        intervals = scenario.model.timing.intervalCount
        replications = scenario.replications
        variants = scenario.variants.map(\.name)
    }

    enum CodingKeys: String, CodingKey {
        case ok, replications, variants, intervals
        case callTypes = "call_types", agentGroups = "agent_groups"
    }

    /// One line for people: `FILE: ok — 3 call types, …`.
    public func line(file: String) -> String {
        "\(file): ok — \(callTypes) call types, \(agentGroups) agent groups, \(intervals) intervals, \(replications) replications"
    }

    /// The JSON document (sorted keys, one line).
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }
}
