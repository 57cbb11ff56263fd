import ContactCenter
import Foundation
import Planning

/// Staffing requirements as a table, CSV (`interval,day,time,start,end,agent_group,agents,scheduled`:
/// on the phones, and to schedule before shrinkage) and JSON.
public enum RequirementsCSV {
    public static func render(_ r: StaffingRequirement, model: CenterModel) -> String {
        var lines = [(IntervalsCSV.intervalHeader + ["agent_group", "agents", "scheduled"]).joined(separator: ",")]
        let scheduled = r.scheduled
        let timing = model.timing
        for i in 0..<timing.intervalCount where timing.isReported(interval: i) {
            for (g, group) in model.agentGroups.enumerated() {
                lines.append((IntervalsCSV.intervalCells(i, timing: timing)
                    + [NumberFormat.csvField(group.id), String(r.agents[g][i]), String(scheduled[g][i])]).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One row per interval, one column per group (on the phones), the total, and with
    /// shrinkage the total to schedule.
    public static func table(_ r: StaffingRequirement, model: CenterModel) -> String {
        let withShrinkage = r.shrinkage > 0
        var rows = [["interval"] + model.agentGroups.map(\.id) + ["total"] + (withShrinkage ? ["scheduled"] : [])]
        let timing = model.timing
        let scheduled = r.scheduled
        for i in 0..<timing.intervalCount where timing.isReported(interval: i) {
            let counts = model.agentGroups.indices.map { r.agents[$0][i] }
            rows.append([timing.label(timing.start(ofInterval: i))] + counts.map(String.init) + [String(counts.reduce(0, +))]
                + (withShrinkage ? [String(scheduled.reduce(0) { $0 + $1[i] })] : []))
        }
        return TextTable.layout(rows)
    }

    /// `{"method", "log", "shrinkage", "agent_groups": {id: [agents on the phones per interval]},
    /// "scheduled": {id: [agents to schedule per interval]}}`.
    public static func json(_ r: StaffingRequirement, model: CenterModel) throws -> Data {
        func byGroup(_ counts: [[Int]]) -> JSONValue {
            .object(Dictionary(uniqueKeysWithValues: zip(model.agentGroups, counts).map {
                ($0.id, JSONValue.array($1.map { .number(Double($0)) }))
            }))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        var data = try encoder.encode(JSONValue.object([
            "method": .text(r.method.rawValue), "log": .array(r.log.map(JSONValue.text)), "shrinkage": .number(r.shrinkage),
            "agent_groups": byGroup(r.agents), "scheduled": byGroup(r.scheduled),
            "feasible": .flag(r.feasible), "simulations": .integer(r.simulations),
            "agent_intervals": .integer(r.agentIntervals), "lower_bound": r.lowerBound.map { .integer($0) } ?? .null,
        ]))
        data.append(0x0A)
        return data
    }
}
