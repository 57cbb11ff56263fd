import ContactCenter
import Foundation
import Planning

/// Staffing requirements as a table, CSV (`interval,start,end,agent_group,agents`) and JSON.
public enum RequirementsCSV {
    public static func render(_ r: StaffingRequirement, model: CenterModel) -> String {
        var lines = ["interval,start,end,agent_group,agents"]
        let timing = model.timing
        for i in 0..<timing.intervalCount where timing.isReported(interval: i) {
            for (g, group) in model.agentGroups.enumerated() {
                lines.append([String(i), NumberFormat.clock(timing.start(ofInterval: i)), NumberFormat.clock(timing.end(ofInterval: i)),
                              NumberFormat.csvField(group.id), String(r.agents[g][i])].joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One row per interval, one column per group.
    public static func table(_ r: StaffingRequirement, model: CenterModel) -> String {
        var rows = [["interval"] + model.agentGroups.map(\.id) + ["total"]]
        let timing = model.timing
        for i in 0..<timing.intervalCount where timing.isReported(interval: i) {
            let counts = model.agentGroups.indices.map { r.agents[$0][i] }
            rows.append([NumberFormat.clock(timing.start(ofInterval: i))] + counts.map(String.init) + [String(counts.reduce(0, +))])
        }
        return TextTable.layout(rows)
    }

    /// `{"method", "log", "agent_groups": {id: [agents per interval]}}`.
    public static func json(_ r: StaffingRequirement, model: CenterModel) throws -> Data {
        let groups = Dictionary(uniqueKeysWithValues: zip(model.agentGroups, r.agents).map {
            ($0.id, JSONValue.array($1.map { .number(Double($0)) }))
        })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        var data = try encoder.encode(JSONValue.object([
            "method": .text(r.method), "log": .array(r.log.map(JSONValue.text)), "agent_groups": .object(groups),
        ]))
        data.append(0x0A)
        return data
    }
}
