import ArgumentParser
import Experiments
import Scenario

/// The run options shared by `sweep` and `capacity`.
struct StudyOptions: ParsableArguments {
    @Option(help: "Replications per point (default: the scenario's).")
    var replications: Int?

    @Option(help: "Seed of the random streams, the same at every point (default: the scenario's).")
    var seed: UInt64?

    @Option(help: "Threads to run replications on (default: one per core).")
    var threads: Int?

    @Flag(help: "Print JSON instead of the table.")
    var json = false

    @Option(help: "Write a self-contained HTML report with the curves to this file.")
    var report: String?

    @Flag(help: "Replace the --out and --report files if they exist.")
    var force = false

    func validate() throws {
        if let replications, replications < 2 { throw ValidationError("--replications must be at least 2") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    /// Runs `scenario` with these options; every point uses the same seed and
    /// replications (common random numbers).
    func run(_ scenario: Scenario) throws -> RunSummary {
        let seed = self.seed ?? scenario.seed
        let results = try ReplicationRunner.run(model: scenario.model, seed: seed,
                                                replications: replications ?? scenario.replications, threads: threads)
        return RunSummary(model: scenario.model, seed: seed, results: results)
    }
}
