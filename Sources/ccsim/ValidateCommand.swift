import ArgumentParser
import Scenario

/// `ccsim validate FILE`: check a scenario without running it.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a scenario file without running it.")

    @Argument(help: "The scenario file (YAML).")
    var file: String

    @OptionGroup var scenarioOptions: ScenarioOptions

    func run() throws {
        let scenario = scenarioOptions.load(file)
        let m = scenario.model
        print("\(file): ok — \(m.callTypes.count) call types, \(m.agentGroups.count) agent groups, "
              + "\(m.timing.intervalCount) intervals, \(scenario.replications) replications")
    }
}
