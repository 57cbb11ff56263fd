import ArgumentParser
import Experiments
import Foundation
import Planning
import Reports
import Scenario

/// `ccsim staff FILE`: the fewest agents per interval and group that meet the targets.
struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "Staffing requirements: the fewest agents on the phones per interval and group that meet the service-level targets.")

    @Argument(help: "The scenario file (YAML).")
    var file: String

    @OptionGroup var scenarioOptions: ScenarioOptions

    @Option(help: "Replications per simulation of the search (default: the scenario's).")
    var replications: Int?

    @Option(help: "Threads to run replications on (default: one per core).")
    var threads: Int?

    @Option(help: "Write requirements.csv (interval × group: agents) and intervals.csv (the verifying run's KPIs) into this directory.")
    var out: String?

    @Flag(help: "Replace the --out directory if it exists.")
    var force = false

    @Flag(help: "Print the requirements as JSON.")
    var json = false

    func run() throws {
        let scenario = scenarioOptions.load(file)
        let output = out.map { OutputDirectory(path: $0, replaceExisting: force) }
        try output?.checkWritable()
        let requirement = try RequirementPlanner.requirements(
            for: scenario.model, seed: scenario.seed, replications: replications ?? scenario.replications, threads: threads)
        let csv = RequirementsCSV.render(requirement, model: scenario.model)
        if json {
            printJSON(try RequirementsCSV.json(requirement, model: scenario.model))
        } else {
            print("\(scenario.model.name): \(requirement.method)")
            for line in requirement.log { print("  " + line) }
            print("")
            print(RequirementsCSV.table(requirement, model: scenario.model), terminator: "")
            print("\nverification (\(requirement.verification.replications) replications):")
            print(SummaryTable.render(requirement.verification), terminator: "")
        }
        if let output {
            try output.write([
                ("requirements.csv", Data(csv.utf8)),
                ("intervals.csv", Data(IntervalsCSV.callTypes(requirement.verification).utf8)),
                ("summary.json", try SummaryJSON.encode(requirement.verification)),
            ])
            if !json { print("\nwrote \(output.path)/requirements.csv, intervals.csv, summary.json") }
        }
    }
}
