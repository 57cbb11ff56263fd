import ArgumentParser
import Experiments
import Scenario

/// `--replications`, `--seed`, `--threads`: how many replications run, with which random
/// streams, on how many threads (results are the same for any number of threads).
struct ReplicationOptions: ParsableArguments {
    @Option(help: "Number of replications (default: the scenario's).")
    var replications: Int?

    @Option(help: "Seed of the random streams (default: the scenario's); every run of a study uses the same.")
    var seed: UInt64?

    @Option(help: "Threads to run replications on (default: one per core).")
    var threads: Int?

    func validate() throws {
        let (most, threadsMost) = (ReplicationRunner.maximumReplications, ReplicationRunner.maximumThreads)
        if let replications, !(1...most).contains(replications) {
            throw ValidationError("--replications must be from 1 to \(most)")
        }
        if let threads, !(1...threadsMost).contains(threads) { throw ValidationError("--threads must be from 1 to \(threadsMost)") }
    }

    /// Fails unless the replications, if given, are at least `minimum` (`why` says for what).
    func require(atLeast minimum: Int, _ why: String) throws {
        if let replications, replications < minimum {
            throw ValidationError("--replications must be at least \(minimum) \(why)")
        }
    }

    /// The seed and replications for `scenario`: the options', else the scenario's.
    func seed(for scenario: Scenario) -> UInt64 { seed ?? scenario.seed }
    func replications(for scenario: Scenario) -> Int { replications ?? scenario.replications }
}
