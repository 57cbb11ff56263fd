import ArgumentParser
import Scenario

/// `ccsim validate FILE`: check a scenario without running it.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a scenario file without running it.")

    @Argument(help: "The scenario file (YAML).")
    var file: String

    func run() throws {
        let scenario = try loadScenario(file)
        let m = scenario.model
        print("\(file): ok — \(m.callTypes.count) call types, \(m.agentGroups.count) agent groups, "
              + "\(m.timing.intervalCount) intervals, \(scenario.replications) replications")
    }
}
