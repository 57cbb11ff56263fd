import ArgumentParser
import Reports

/// `ccsim validate FILE`: check a scenario without running it.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a scenario file without running it.")

    @Argument(help: "The scenario file (YAML).", transform: PathArgument.checked)
    var file: String

    @OptionGroup var scenarioOptions: ScenarioOptions

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() throws {
        let check = ScenarioCheck(try scenarioOptions.load(file))
        if json {
            printJSON(try check.json())
        } else {
            print(check.line(file: file))
        }
    }
}
