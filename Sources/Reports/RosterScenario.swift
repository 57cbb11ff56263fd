import ContactCenter
import Planning
import Scenario

/// A roster written back into its scenario file, so that `ccsim run` simulates it.
public enum RosterScenario {
    /// The scenario changes that put the roster of `plan` in: the `roster` section and
    /// each group's `shifts` (agents per shift) instead of `agents`.
    public static func overrides(_ plan: RosterOptimizer.Plan, model: CenterModel) -> [ScenarioOverride] {
        var overrides = [ScenarioOverride(keyPath: ["roster"], value: RosterTables.yaml(plan.roster, timing: model.timing))]
        for (g, group) in model.agentGroups.enumerated() {
            let counts = zip(plan.roster.shifts, plan.groupShifts[g]).filter { $1 > 0 }
                .map { "\"\($0.id)\": \($1)" }.joined(separator: ", ")
            overrides.append(ScenarioOverride(keyPath: ["agent_groups", group.id, "agents"], value: "~"))
            overrides.append(ScenarioOverride(keyPath: ["agent_groups", group.id, "shifts"], value: "{\(counts)}"))
        }
        return overrides
    }
}
