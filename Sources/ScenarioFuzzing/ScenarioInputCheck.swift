import ContactCenter
import Forecasting
import Foundation
import Scenario

/// What the fuzzer feeds ccsim: arbitrary bytes read as an input a user could give — a
/// scenario file, optionally after a first line `--set KEY=VALUE`; or, when it starts
/// like one, an interval history (`start,…`: read, and forecast if small) or an event
/// calendar (`date,…`); or a shift-template file with contracts (`templates:`) or a
/// named agents' CSV (`id,…`), read against ``rosterScenario``. Every input must end
/// in a scenario or a clean error, never a crash, a hang or unbounded memory; a small
/// scenario that loads is also simulated (one replication), so the simulator is
/// exercised by whatever the loader accepts.
public enum ScenarioInputCheck {
    /// The largest scenario simulated: expected calls, intervals and agents.
    static let simulatedCalls = 2_000.0
    static let simulatedIntervals = 200
    static let simulatedAgents = 500

    /// Loads (and, if small, simulates) the input in `data`; returns what became of it.
    @discardableResult
    public static func check(_ data: Data) -> String {
        var yaml = String(decoding: data, as: UTF8.self)
        if yaml.hasPrefix("start,") { return checkHistory(yaml) }
        if yaml.hasPrefix("templates:") || yaml.hasPrefix("id,") { return checkRosterInput(yaml) }
        if yaml.hasPrefix("date,") { return (try? EventCalendar(csv: yaml, file: "fuzz.csv")).map { "\($0.events.count) events" } ?? "refused" }
        var overrides: [ScenarioOverride] = []
        if yaml.hasPrefix("--set ") {
            let firstLine = yaml.prefix { $0 != "\n" }
            yaml = String(yaml.dropFirst(firstLine.count))
            guard let override = try? ScenarioOverride(parsing: String(firstLine.dropFirst(6))) else { return "--set refused" }
            overrides.append(override)
        }
        let scenario: Scenario
        do {
            scenario = try ScenarioLoader.parse(yaml: yaml, fileName: "fuzz.yaml", overrides: overrides)
        } catch {
            return "refused: \(error)"
        }
        let model = scenario.model
        let estimate = WorkEstimate(model: model)
        let agents = model.agentGroups.reduce(0) { $0 + max($1.staffing.max() ?? 0, $1.shifts.reduce(0, +)) }
        guard estimate.expectedCalls <= simulatedCalls, model.timing.intervalCount <= simulatedIntervals,
              agents <= simulatedAgents else { return "loaded" }
        do {
            let result = try simulateReplication(of: model, seed: scenario.seed, replication: 0)
            return "simulated \(result.generatedCalls) calls"
        } catch {
            return "loaded, not simulated: \(error)"
        }
    }

    /// The largest history forecast: days × intervals × call types.
    static let forecastValues = 20_000

    /// Reads a history and, if it is small, forecasts a week of it.
    private static func checkHistory(_ text: String) -> String {
        let history: History
        do {
            history = try History(csv: text, file: "fuzz.csv")
        } catch {
            return "refused: \(error)"
        }
        guard history.dayCount * history.perDay * history.callTypes.count <= forecastValues else { return "read" }
        let forecast = Forecaster.forecast(history, settings: ForecastSettings(days: 7))
        return "forecast \(forecast.callTypes.count) call types"
    }

    /// The week the roster inputs are read against: two groups, a template and two contracts.
    static let rosterScenario = """
        start_date: 2027-03-01
        horizon: 7d
        interval: 1h
        call_types:
          - {id: sales, arrivals: {per_hour: 10}, handle_time: {distribution: exponential, mean: 60}}
        agent_groups:
          - {id: agents, skills: [sales], agents: 3}
          - {id: backup, skills: [sales], agents: 1}
        """
    static let rosterShifts = """
        templates:
          - {id: early, starts: ["08:00"], length: 8h, cost: 8, groups: [agents, backup]}
        contracts:
          - {id: full, templates: [early], days_per_week: 5, days_off_together: 2, min_rest: 11h}
          - {id: part, templates: [early], groups: [agents], days_per_week: [2, 3], max: 4}
        """

    /// Reads a shift-template file, or an agents' CSV against ``rosterShifts`` (each
    /// through a temporary file, as the loaders read paths).
    private static func checkRosterInput(_ text: String) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ccsim-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func file(_ name: String, _ contents: String) -> String {
            let url = folder.appendingPathComponent(name)
            try? Data(contents.utf8).write(to: url)
            return url.path
        }
        do {
            let model = try ScenarioLoader.parse(yaml: rosterScenario, fileName: "week.yaml").model
            let isShifts = text.hasPrefix("templates:")
            let plan = try ShiftTemplatesLoader.loadPlan(path: file("shifts.yaml", isShifts ? text : rosterShifts), model: model)
            guard !isShifts else { return "\(plan.templates.count) templates, \(plan.contracts.count) contracts" }
            let agents = try AgentsCSVLoader.load(path: file("agents.csv", text), model: model, templates: plan.templates,
                                                  contracts: plan.contracts)
            return "\(agents.count) agents"
        } catch {
            return "refused: \(error)"
        }
    }
}
