import ArgumentParser
import Scenario

/// `--set KEY=VALUE`: changes to the values of a scenario.
struct OverrideOptions: ParsableArguments {
    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Change a value of the scenario, KEY=VALUE (seats=140, ivr.ports=20, call_types.fault.arrivals.factor=1.2, agent_groups.team.agents=150); repeatable.",
        valueName: "key=value"))
    var settings: [String] = []

    /// The `--set` overrides, parsed.
    func overrides() throws -> [ScenarioOverride] {
        try settings.map { text in
            do { return try ScenarioOverride(parsing: text) } catch { throw CommandFailure("\(error)", status: .input) }
        }
    }
}

/// The options of every command that reads one scenario: overrides and a variant.
struct ScenarioOptions: ParsableArguments {
    @OptionGroup var overrideOptions: OverrideOptions

    @Option(help: "Use this variant of the scenario's `variants` section.")
    var variant: String?

    /// The `--set` overrides, parsed.
    func overrides() throws -> [ScenarioOverride] { try overrideOptions.overrides() }

    /// The scenario at `path` with the variant, the overrides and then `extra` applied.
    func load(_ path: String, extra: [ScenarioOverride] = []) throws -> Scenario {
        try loadScenario(path, variant: variant, overrides: overrides() + extra)
    }
}

/// Loads a scenario; its errors become a ``CommandFailure`` with the message (file,
/// line, column, key and what is wrong).
func loadScenario(_ path: String, variant: String? = nil, overrides: [ScenarioOverride] = []) throws -> Scenario {
    do {
        return try ScenarioLoader.load(path: path, variant: variant, overrides: overrides)
    } catch let error as ScenarioError {
        throw CommandFailure(error.description, status: .input)
    } catch {
        throw CommandFailure("\(path): \(error)", status: .input)
    }
}
