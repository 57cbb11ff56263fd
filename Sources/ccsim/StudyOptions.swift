import ArgumentParser
import Experiments
import Scenario

/// The run options shared by `sweep` and `capacity`.
struct StudyOptions: ParsableArguments {
    /// `--replications` per point, `--seed` (the same at every point), `--threads`.
    @OptionGroup var runs: ReplicationOptions

    @Flag(help: "Print JSON instead of the table.")
    var json = false

    @Option(help: "Write a self-contained HTML report with the curves to this file.", transform: PathArgument.checked)
    var report: String?

    @Flag(help: "Replace the --out and --report files if they exist.")
    var force = false

    func validate() throws {
        try runs.require(atLeast: 2, "per point")
    }

    /// Runs `scenario` with these options; every point uses the same seed and
    /// replications (common random numbers).
    func run(_ scenario: Scenario) throws -> RunSummary {
        let seed = runs.seed(for: scenario)
        return try ReplicationRunner.summary(model: scenario.model, seed: seed,
                                             replications: runs.replications(for: scenario), threads: runs.threads)
    }
}
