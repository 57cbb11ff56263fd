import ContactCenter
import Experiments
import Foundation
import Planning
import Reports
import Scenario

/// `ccsim roster` when the shift templates file has contracts: tours over the scenario's
/// weeks for agents (named with `--agents`) on contracts, checked by simulation.
struct MonthRosterRun {
    let command: RosterCommand
    let scenario: Scenario
    let templates: [ShiftTemplate]
    let contracts: [Contract]
    let output: OutputDirectory?
    let replications: Int
    let started: Date

    func run() throws {
        let model = scenario.model
        let people: [NamedAgent]?
        do {
            people = try command.agents.map { try AgentsCSVLoader.load(path: $0, model: model, templates: templates, contracts: contracts) }
        } catch { throw CommandFailure("\(error)", status: .input) }
        guard command.timeLimit > 0, command.timeLimit <= 86_400, command.gap >= 0, command.gap < 1 else {
            throw CommandFailure("--time-limit must be from 0 to 86400 seconds and --gap from 0 to 1", status: .usage)
        }
        var planner = MonthRosterPlanner(model: model, templates: templates, contracts: contracts, agents: people)
        planner.timeLimit = command.timeLimit
        planner.gap = command.gap
        planner.solver = command.solver
        planner.decomposition = command.decompose
        let study: MonthRosterStudy
        do {
            study = try MonthRosterStudy(planner: planner, seed: command.runs.seed(for: scenario), replications: replications,
                                         maxRepairs: command.maxRepairs, rule: command.targetRule,
                                         erlangOnly: command.erlangRequirements, threads: command.runs.threads)
        } catch let error as PlanningError {
            throw CommandFailure("\(command.shifts): \(error)", status: ExitStatus(for: error))
        }
        let seconds = Date().timeIntervalSince(started)
        if command.json {
            printJSON(try MonthRosterReport.json(study, planner: planner))
        } else {
            print("requirements: \(study.requirement.method.rawValue), \(study.requirement.agents.joined().reduce(0, +)) agent-intervals")
            print(MonthRosterReport.summary(study, planner: planner, replications: replications, seconds: seconds), terminator: "")
        }
        try write(study, planner: planner, seconds: seconds)
        let files = MonthRosterFiles(result: study.result, planner: planner)
        if let reason = study.result.plan.shortfallReason {
            throw CommandFailure("\(command.shifts): \(reason); "
                + String(format: "the best roster that keeps every rule falls short by %.1f agent-hours in %d (group, interval) pairs",
                         ShortfallReport.hours(files.shortfall, timing: scenario.model.timing), files.shortfall.count)
                + (output.map { " (written to \($0.path); the shortfall per interval in coverage.csv)" } ?? ""), status: .targetNotReached)
        }
    }

    private func write(_ study: MonthRosterStudy, planner: MonthRosterPlanner, seconds: Double) throws {
        guard let output else { return }
        let result = study.result.rosterResult
        let model = planner.model
        let rosterText = try ScenarioLoader.rewrite(scenario, overrides: RosterScenario.overrides(result.plan, model: model))
        let sections = [MonthRosterReport.shortfallSection(study.result, planner: planner)].compactMap { $0 }
            + [RosterTables.section(result, model: model), MonthRosterReport.coverageSection(study.result, model: model)]
            + MonthRosterReport.weekGrids(study.result.plan, model: model)
        try output.write([
            ("roster.yaml", Data(rosterText.utf8)),
            ("staffing.csv", Data(RosterTables.staffingCSV(result, model: model).utf8)),
            ("summary.json", try SummaryJSON.encode(result.verification)),
            ("report.html", Data(HTMLReport.render(result.verification, runSeconds: seconds, staffing: RosterTables.staffingLines(result),
                                                   sections: sections).utf8)),
        ] + (try MonthRosterFiles(result: study.result, planner: planner).all()))
        if !command.json {
            print("\nwrote \(output.path)/roster.yaml (the scenario with the roster for the whole period: run it with ccsim run), "
                + "schedule.csv, coverage.csv, calendars/*.ics, staffing.csv, summary.json, report.html")
        }
    }
}
