import ArgumentParser
import Experiments
import Foundation
import Scenario

/// `ccsim bench`: the speed benchmark. Simulates the benchmark workloads and prints
/// calls per second and events per second (best of several runs).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure simulation speed (calls/s, events/s) on benchmark scenarios.")

    @Argument(help: "Scenario files (default: Scenarios/bench/w1.yaml and w2.yaml).")
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

    func run() throws {
        if !json { print("scenario              threads  reps       calls      events   wall s      calls/s     events/s") }
        for file in files {
            let scenario = scenarioOptions.load(file)
            let count = replications ?? scenario.replications
            var best = Double.infinity
            var calls = 0
            var events = 0
            for _ in 0..<max(1, repeats) {
                let start = DispatchTime.now().uptimeNanoseconds
                let results = try ReplicationRunner.run(model: scenario.model, seed: scenario.seed,
                                                        replications: count, threads: threads)
                let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                best = min(best, wall)
                calls = results.reduce(0) { $0 + $1.generatedCalls }
                events = results.reduce(0) { $0 + $1.events }
            }
            let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            if json {
                print("{\"scenario\": \"\(name)\", \"threads\": \(threads), \"replications\": \(count), \"calls\": \(calls), "
                      + "\"events\": \(events), \"wall_seconds\": \(best), \"calls_per_second\": \(Double(calls) / best), "
                      + "\"events_per_second\": \(Double(events) / best)}")
                continue
            }
            print(String(format: "%-20@ %8d %5d %11d %11d %8.3f %12.0f %12.0f",
                         name as NSString, threads, count, calls, events, best,
                         Double(calls) / best, Double(events) / best))
        }
    }
}
