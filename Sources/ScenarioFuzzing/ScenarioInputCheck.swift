import ContactCenter
import Forecasting
import Foundation
import Scenario

/// What the fuzzer feeds ccsim: arbitrary bytes read as an input a user could give — a
/// scenario file, optionally after a first line `--set KEY=VALUE`; or, when it starts
/// like one, an interval history (`start,…`: read, and forecast if small) or an event
/// calendar (`date,…`); or a shift-template file with contracts (`templates:`) or a
/// named agents' CSV (`id,…`), read against ``rosterScenario``; or, after a first line
/// `part`, the results of a replication as a shard's part holds them (``checkPart(_:)``).
/// Every input must end
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
        if yaml.hasPrefix("part\n") { return checkPart(data.dropFirst(5)) }
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
        do {
            let forecast = try Forecaster.forecast(history, settings: ForecastSettings(days: 7))
            return "forecast \(forecast.callTypes.count) call types"
        } catch {
            return "not forecast: \(error)"
        }
    }
}
