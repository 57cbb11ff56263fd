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

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() throws {
        let scenario = scenarioOptions.load(file)
        let m = scenario.model
        if json {
            let variants = scenario.variants.map { "\"\($0.name)\"" }.joined(separator: ", ")
            print("{\"ok\": true, \"call_types\": \(m.callTypes.count), \"agent_groups\": \(m.agentGroups.count), "
                  + "\"intervals\": \(m.timing.intervalCount), \"replications\": \(scenario.replications), \"variants\": [\(variants)]}")
            return
        }
        print("\(file): ok — \(m.callTypes.count) call types, \(m.agentGroups.count) agent groups, "
              + "\(m.timing.intervalCount) intervals, \(scenario.replications) replications")
    }
}
