import ContactCenter
import Foundation
import Planning

/// The outputs of `ccsim roster`: the shifts chosen, staffed against required per
/// interval, and the roster as scenario YAML.
public enum RosterTables {
    /// Shifts by start: pattern (start and breaks) and agents per group.
    public static func shifts(_ r: RosterOptimizer.Result, model: CenterModel) -> String {
        var rows = [["shift (start/breaks)"] + model.agentGroups.map(\.id)]
        for (s, shift) in r.plan.roster.shifts.enumerated() {
            rows.append([shift.id] + model.agentGroups.indices.map { String(r.plan.groupShifts[$0][s]) })
        }
        return TextTable.layout(rows)
    }

    /// `interval,start,end,agent_group,required,planned,simulated`: the requirement on the
    /// phones, the roster's agents on the phones before shrinkage, and the simulated mean
    /// of agents logged in (after absence and off-phone work).
    public static func staffingCSV(_ r: RosterOptimizer.Result, model: CenterModel) -> String {
        var lines = ["interval,start,end,agent_group,required,planned,simulated"]
        for interval in r.verification.intervals {
            for (g, group) in model.agentGroups.enumerated() {
                let simulated = interval.groups[g][.agents].map { NumberFormat.decimal($0.mean) } ?? ""
                lines.append([String(interval.index), NumberFormat.clock(interval.start), NumberFormat.clock(interval.end),
                              NumberFormat.csvField(group.id), String(r.required[g][interval.index]),
                              NumberFormat.decimal(r.plan.planned[g][interval.index]), simulated].joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The roster as the YAML of a scenario's `roster` section (flow style).
    public static func yaml(_ roster: Roster) -> String {
        let shifts = roster.shifts.map { shift in
            let breaks = shift.breaks.map { "{length: \(number($0.length)), at: \(number($0.earliestStart))}" }.joined(separator: ", ")
            return "{id: \"\(shift.id)\", start: \"\(NumberFormat.clock(shift.start))\", length: \(number(shift.length)), "
                + "briefing: {before: \(number(shift.briefingBefore)), after: \(number(shift.briefingAfter))}, breaks: [\(breaks)]}"
        }
        return "{absence: \(number(roster.absence)), other_off_phone: \(number(roster.otherOffPhone)), shifts: [\(shifts.joined(separator: ", "))]}"
    }

    private static func number(_ x: Double) -> String { NumberFormat.decimal(x) }
}
