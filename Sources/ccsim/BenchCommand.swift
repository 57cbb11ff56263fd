import ArgumentParser
import Experiments
import Foundation

/// `ccsim bench`: the speed benchmark. Simulates the benchmark workloads and prints
/// calls per second and events per second (best of several runs).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure simulation speed (calls/s, events/s) on benchmark scenarios.")

    @Argument(help: "Scenario files (default: Scenarios/bench/w1.yaml and w2.yaml).", transform: PathArgument.checked)
    var files: [String] = ["Scenarios/bench/w1.yaml", "Scenarios/bench/w2.yaml"]

    @Option(help: "Replications per run (default: the scenario's).")
    var replications: Int?

    @Option(help: "Threads (default: 1, the figure to compare with a single-threaded program).")
    var threads = 1

    @Option(help: "Runs per scenario; the fastest is reported.")
    var repeats = 3

    @Flag(help: "Print the figures as JSON lines, one object per scenario.")
    var json = false

    @OptionGroup var scenarioOptions: ScenarioOptions

    func validate() throws {
        let most = ReplicationRunner.maximumReplications
        if let replications, !(1...most).contains(replications) {
            throw ValidationError("--replications must be from 1 to \(most)")
        }
        guard (1...ReplicationRunner.maximumThreads).contains(threads) else {
            throw ValidationError("--threads must be from 1 to \(ReplicationRunner.maximumThreads)")
        }
        guard (1...100).contains(repeats) else { throw ValidationError("--repeats must be from 1 to 100") }
    }

    func run() throws {
        if !json { print("scenario              threads  reps       calls      events   wall s      calls/s     events/s") }
        for file in files {
            let scenario = try scenarioOptions.load(file)
            let figures = try BenchmarkFigures(
                scenario: URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent, model: scenario.model,
                seed: scenario.seed, replications: replications ?? scenario.replications, threads: threads, repeats: repeats)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                printJSON(try encoder.encode(figures) + Data([0x0A]))
            } else {
                print(figures.scenario.padding(toLength: 20, withPad: " ", startingAt: 0)
                      + String(format: " %8d %5d %11d %11d %8.3f %12.0f %12.0f", figures.threads, figures.replications,
                               figures.calls, figures.events, figures.wallSeconds, figures.callsPerSecond,
                               figures.eventsPerSecond))
            }
        }
    }
}
