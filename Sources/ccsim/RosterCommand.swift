import ArgumentParser
import ContactCenter
import Experiments
import Foundation
import Planning
import Reports
import Scenario

/// `ccsim roster FILE --shifts SHIFTS.yaml`: a least-cost roster checked by simulation.
struct RosterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "Build a least-cost roster from shift templates (GLPK) that meets the targets, checked and repaired by simulation.")

    @Argument(help: "The scenario file (YAML).")
    var file: String

    @Option(help: "The shift templates (YAML): starts, length, briefings, break windows, cost, limits, groups.")
    var shifts: String

    @OptionGroup var scenarioOptions: ScenarioOptions

    @Option(help: "Replications per simulation (default: the scenario's).")
    var replications: Int?

    @Option(help: "Most rounds of repair after the first roster.")
    var maxRepairs = 10

    @Option(help: "Most simulations spent trimming shifts where there is slack (0: no trimming).")
    var maxTrims = 100

    @Option(help: "When an interval's target holds: not-missed (its 95% interval reaches the target), mean, or confident (the whole 95% interval meets it).")
    var targetRule: TargetRule = .notMissed

    @Option(help: "Threads to run replications on (default: one per core).")
    var threads: Int?

    @Option(help: "Write roster.yaml (the scenario staffed by the roster), staffing.csv, summary.json and report.html into this directory.")
    var out: String?

    @Flag(help: "Replace the --out directory if it exists.")
    var force = false

    @Flag(help: "Print the roster, its costs, the log and the verifying run's summary as JSON.")
    var json = false

    func run() throws {
        let start = Date()
        let scenario = scenarioOptions.load(file)
        let model = scenario.model
        let output = out.map { OutputDirectory(path: $0, replaceExisting: force) }
        try output?.checkWritable()
        let templates: [ShiftTemplate]
        do { templates = try ShiftTemplatesLoader.load(path: shifts, model: model) } catch { fail("\(error)") }
        let count = replications ?? scenario.replications
        let requirement = try RequirementPlanner.requirements(for: model, seed: scenario.seed, replications: count, threads: threads)
        if !json { print("requirements: \(requirement.method), \(requirement.agents.joined().reduce(0, +)) agent-intervals") }
        let optimizer = RosterOptimizer(model: model, templates: templates)
        let result: RosterOptimizer.Result
        do {
            result = try optimizer.optimise(requirement: requirement.agents, seed: scenario.seed, replications: count,
                                            maxRepairs: maxRepairs, maxTrims: maxTrims, rule: targetRule, threads: threads)
        } catch let error as PlanningError {
            fail("\(shifts): \(error)")
        }
        let erlang = try RequirementPlanner.erlangByCallType(model)
        var erlangGroups = Array(repeating: Array(repeating: 0, count: model.timing.intervalCount), count: model.agentGroups.count)
        for (k, agents) in erlang.enumerated() {
            if let g = RequirementPlanner.specialistGroup(of: k, in: model) {
                for i in agents.indices { erlangGroups[g][i] += agents[i] }
            }
        }
        let comparison = [
            "erlang_lp_bound": try optimizer.plan(required: erlangGroups).lowerBound,
            "rounding_erlang": optimizer.roundingCost(required: erlangGroups),
            "rounding_final": optimizer.roundingCost(required: result.required),
        ]
        if json {
            printJSON(try RosterTables.json(result, model: model, comparison: comparison))
        } else {
            printSummary(result, comparison: comparison, count: count, seconds: Date().timeIntervalSince(start), model: model)
        }
        guard let output else { return }
        let rosterText = try ScenarioLoader.rewrite(path: file, overrides: try rosterOverrides(result, model: model))
        try output.write([
            ("roster.yaml", Data(rosterText.utf8)),
            ("staffing.csv", Data(RosterTables.staffingCSV(result, model: model).utf8)),
            ("summary.json", try SummaryJSON.encode(result.verification)),
            ("report.html", Data(HTMLReport.render(result.verification, runSeconds: Date().timeIntervalSince(start),
                                                   staffing: RosterTables.staffingLines(result),
                                                   sections: [RosterTables.section(result, model: model)]).utf8)),
        ])
        if !json { print("\nwrote \(output.path)/roster.yaml (the scenario with the roster: run it with ccsim run), staffing.csv, summary.json, report.html") }
    }

    private func printSummary(_ result: RosterOptimizer.Result, comparison: [String: Double], count: Int, seconds: Double,
                              model: CenterModel) {
        for line in result.log { print("  " + line) }
        print(String(format: "\ncost %.2f, %d shifts (the last integer program: cost %.2f, LP lower bound %.2f, gap %.2f %%; "
                     + "trimming took %d shifts off)", result.plan.cost, result.plan.groupShifts.joined().reduce(0, +),
                     result.programCost, result.plan.lowerBound, result.plan.gap * 100, result.trimmedShifts))
        print(String(format: "for comparison: LP lower bound from the Erlang requirements alone %.2f; "
                     + "rounding the requirements into shifts by hand %.2f (Erlang) and %.2f (final requirements); %.1f s",
                     comparison["erlang_lp_bound"]!, comparison["rounding_erlang"]!, comparison["rounding_final"]!, seconds))
        print(RosterTables.shifts(result, model: model), terminator: "")
        print("\nverification (\(count) replications, with absence and off-phone work):")
        print(SummaryTable.render(result.verification), terminator: "")
    }

    /// The scenario changes that put the roster in: the `roster` section and each
    /// group's `shifts` instead of `agents`.
    private func rosterOverrides(_ result: RosterOptimizer.Result, model: CenterModel) throws -> [ScenarioOverride] {
        var overrides = scenarioOptions.overrides()
        overrides.append(ScenarioOverride(keyPath: ["roster"], value: RosterTables.yaml(result.plan.roster, timing: model.timing)))
        for (g, group) in model.agentGroups.enumerated() {
            let counts = zip(result.plan.roster.shifts, result.plan.groupShifts[g]).filter { $1 > 0 }
                .map { "\"\($0.id)\": \($1)" }.joined(separator: ", ")
            overrides.append(ScenarioOverride(keyPath: ["agent_groups", group.id, "agents"], value: "~"))
            overrides.append(ScenarioOverride(keyPath: ["agent_groups", group.id, "shifts"], value: "{\(counts)}"))
        }
        return overrides
    }
}

extension TargetRule: ExpressibleByArgument {}
