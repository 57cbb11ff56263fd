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

    @Argument(help: "The scenario file (YAML).", transform: PathArgument.checked)
    var file: String

    @Option(help: "The shift templates (YAML): starts, length, briefings, break windows, cost, limits, groups; with `contracts`, a roster over the scenario's weeks with days off and working-time rules.", transform: PathArgument.checked)
    var shifts: String

    @Option(help: "Named agents to roster (CSV: id,groups,contract[,unavailable,preferred_shift]); needs contracts in --shifts.", transform: PathArgument.checked)
    var agents: String?

    @Flag(help: "With contracts: size on exact Erlang per call type and interval, without the simulation search.")
    var erlangRequirements = false

    @Option(help: "With contracts: the solver's time limit per integer program, in seconds.")
    var timeLimit = 120.0

    @Option(help: "With contracts: the relative gap to the LP bound at which the solver stops.")
    var gap = 0.01

    @Option(help: "With contracts: the integer-programming solver, cbc (COIN-OR, the default: the faster on a month) or glpk.")
    var solver: MIPSolver = .cbc

    @Option(help: "With contracts: solve the tours program whole (never), by parts — days off, then shifts (always) — or whole up to 6000 columns (auto).")
    var decompose: MonthRosterPlanner.Decomposition = .auto

    @OptionGroup var scenarioOptions: ScenarioOptions

    /// `--replications` per simulation, `--seed`, `--threads`.
    @OptionGroup var runs: ReplicationOptions

    @Option(help: "Most rounds of repair after the first roster.")
    var maxRepairs = 10

    @Option(help: "Most simulations spent trimming shifts where there is slack (0: no trimming).")
    var maxTrims = 100

    @Option(help: "When an interval's target holds: not-missed (its 95% interval reaches the target), mean, or confident (the whole 95% interval meets it).")
    var targetRule: TargetRule = .notMissed

    @Option(help: "Write roster.yaml (the scenario staffed by the roster), staffing.csv, summary.json and report.html into this directory.", transform: PathArgument.checked)
    var out: String?

    @Flag(help: "Replace the --out directory if it exists.")
    var force = false

    @Flag(help: "Print the roster, its costs, the log and the verifying run's summary as JSON.")
    var json = false

    func run() throws {
        let start = Date()
        let scenario = try scenarioOptions.load(file)
        let model = scenario.model
        let output = out.map { OutputDirectory(path: $0, replaceExisting: force) }
        try output?.checkWritable()
        let templates: [ShiftTemplate], contracts: [Contract]
        do { (templates, contracts) = try ShiftTemplatesLoader.loadPlan(path: shifts, model: model) } catch {
            throw CommandFailure("\(error)", status: .input)
        }
        let count = runs.replications(for: scenario)
        guard contracts.isEmpty else {
            return try MonthRosterRun(command: self, scenario: scenario, templates: templates, contracts: contracts, output: output,
                                      replications: count, started: start).run()
        }
        if let agents { throw CommandFailure("--agents \(agents): named agents need `contracts` in \(shifts)", status: .input) }
        let study: RosterStudy
        do {
            study = try RosterStudy(model: model, templates: templates, seed: runs.seed(for: scenario), replications: count,
                                    maxRepairs: maxRepairs, maxTrims: maxTrims, rule: targetRule, threads: runs.threads)
        } catch let error as PlanningError {
            throw CommandFailure("\(shifts): \(error)", status: ExitStatus(for: error))
        }
        let result = study.result
        if json {
            printJSON(try RosterTables.json(result, model: model, comparison: study.comparison))
        } else {
            print("requirements: \(study.requirement.method.rawValue), \(study.requirement.agents.joined().reduce(0, +)) agent-intervals")
            print(RosterTables.summary(study, model: model, replications: count, seconds: Date().timeIntervalSince(start)), terminator: "")
        }
        try write(study, scenario: scenario, output: output, start: start)
        let short = RosterTables.shortfall(result, model: model)
        if let reason = result.plan.shortfallReason {
            throw CommandFailure("\(shifts): \(reason); "
                + String(format: "the best roster within the templates' limits falls short by %.1f agent-hours in %d (group, interval) pairs",
                         ShortfallReport.hours(short, timing: model.timing), short.count)
                + (output.map { " (written to \($0.path); the shortfall per interval in staffing.csv)" } ?? ""), status: .targetNotReached)
        }
    }

    /// The roster's files, when `--out` is given.
    private func write(_ study: RosterStudy, scenario: Scenario, output: OutputDirectory?, start: Date) throws {
        guard let output else { return }
        let result = study.result, model = scenario.model
        let rosterText = try ScenarioLoader.rewrite(scenario, overrides: RosterScenario.overrides(result.plan, model: model))
        try output.write([
            ("roster.yaml", Data(rosterText.utf8)),
            ("staffing.csv", Data(RosterTables.staffingCSV(result, model: model).utf8)),
            ("summary.json", try SummaryJSON.encode(result.verification)),
            ("report.html", Data(HTMLReport.render(result.verification, runSeconds: Date().timeIntervalSince(start),
                                                   staffing: RosterTables.staffingLines(result),
                                                   sections: [ShortfallReport.section(RosterTables.shortfall(result, model: model),
                                                                                      reason: result.plan.shortfallReason, model: model),
                                                              RosterTables.section(result, model: model)].compactMap { $0 }).utf8)),
        ])
        if !json { print("\nwrote \(output.path)/roster.yaml (the scenario with the roster: run it with ccsim run), staffing.csv, summary.json, report.html") }
    }
}

extension TargetRule: ExpressibleByArgument {}
extension MIPSolver: ExpressibleByArgument {}
extension MonthRosterPlanner.Decomposition: ExpressibleByArgument {}
