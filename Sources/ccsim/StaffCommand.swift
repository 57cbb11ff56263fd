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
        abstract: "Staffing requirements: the fewest agents on the phones per interval and group that meet the call types' targets.")

    @Argument(help: "The scenario file (YAML).", transform: PathArgument.checked)
    var file: String

    @OptionGroup var scenarioOptions: ScenarioOptions

    /// `--replications` per simulation of the search, `--seed`, `--threads`.
    @OptionGroup var runs: ReplicationOptions

    @Option(help: "Share (0-1) of scheduled agents off the phones, for the agents to schedule (default: the roster's absence and other off-phone work).")
    var shrinkage: Double?

    @Option(help: "Write requirements.csv (interval × group: agents) and intervals.csv (the verifying run's KPIs) into this directory.", transform: PathArgument.checked)
    var out: String?

    @Flag(help: "Replace the --out directory if it exists.")
    var force = false

    @Flag(help: "Print the requirements as JSON.")
    var json = false

    func validate() throws {
        if let shrinkage, !(0..<1).contains(shrinkage) {
            throw ValidationError("--shrinkage must be at least 0 and below 1, not \(shrinkage)")
        }
    }

    func run() throws {
        let scenario = try scenarioOptions.load(file)
        let output = out.map { OutputDirectory(path: $0, replaceExisting: force) }
        try output?.checkWritable()
        var requirement = try RequirementPlanner.requirements(
            for: scenario.model, seed: runs.seed(for: scenario), replications: runs.replications(for: scenario),
            threads: runs.threads)
        if let shrinkage { requirement.shrinkage = shrinkage }
        let csv = RequirementsCSV.render(requirement, model: scenario.model)
        if json {
            printJSON(try RequirementsCSV.json(requirement, model: scenario.model))
        } else {
            print("\(scenario.model.name): \(requirement.method.rawValue)")
            for line in requirement.log { print("  " + line) }
            print(String(format: "\nagents on the phones per group%@", requirement.shrinkage > 0
                ? String(format: "; scheduled: the total grossed up for %.1f %% shrinkage", requirement.shrinkage * 100) : ""))
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
        guard requirement.feasible else {
            throw CommandFailure("no plan the search tried meets every target in every interval; the last one (above) misses "
                + "some after \(requirement.simulations) simulations: raise --replications or check the targets",
                                 status: .targetNotReached)
        }
    }
}
