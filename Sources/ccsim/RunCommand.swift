import ArgumentParser
import Experiments
import Foundation
import Reports
import Scenario

/// `ccsim run FILE`: simulate a scenario and report its KPIs with confidence intervals.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Simulate a scenario and print its KPIs with confidence intervals.")

    @Argument(help: "The scenario file (YAML).")
    var file: String

    @Option(help: "Number of replications (default: the scenario's).")
    var replications: Int?

    @Option(help: "Seed of the random streams (default: the scenario's).")
    var seed: UInt64?

    @Option(help: "Threads to run replications on (default: one per core).")
    var threads: Int?

    @Option(help: "Write summary.json, intervals.csv and agent_groups.csv into this directory.")
    var out: String?

    @Option(help: "Write a self-contained HTML report (charts and tables) to this file.")
    var report: String?

    @Flag(help: "Replace the --out directory and --report file if they exist.")
    var force = false

    func validate() throws {
        if let replications, replications < 1 { throw ValidationError("--replications must be at least 1") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        let scenario = try loadScenario(file)
        let output = out.map { OutputDirectory(path: $0, replaceExisting: force) }
        let reportFile = report.map { OutputFile(path: $0, replaceExisting: force) }
        try output?.checkWritable()
        try reportFile?.checkWritable()
        let start = Date()
        let seed = self.seed ?? scenario.seed
        let count = replications ?? scenario.replications
        let progress = ProgressReporter(total: count)
        let results = try ReplicationRunner.run(model: scenario.model, seed: seed, replications: count,
                                                threads: threads, progress: progress.report)
        progress.finish()
        let summary = RunSummary(model: scenario.model, seed: seed, results: results)
        let runSeconds = Date().timeIntervalSince(start)
        print(SummaryTable.render(summary), terminator: "")
        if let output {
            try output.write([
                ("summary.json", try SummaryJSON.encode(summary)),
                ("intervals.csv", Data(IntervalsCSV.callTypes(summary).utf8)),
                ("agent_groups.csv", Data(IntervalsCSV.groups(summary).utf8)),
            ])
            print("\nwrote \(output.path)/summary.json, intervals.csv, agent_groups.csv")
        }
        if let reportFile {
            try reportFile.write(Data(HTMLReport.render(summary, runSeconds: runSeconds).utf8))
            print("wrote \(reportFile.path)")
        }
    }
}

/// Loads a scenario, turning its errors into a clean exit with the message.
func loadScenario(_ path: String) throws -> Scenario {
    do {
        return try ScenarioLoader.load(path: path)
    } catch let error as ScenarioError {
        fail(error.description)
    }
}

/// Prints `message` on standard error and exits with status 1.
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
    exit(1)
}

/// Replications done and time left, on standard error when it is a terminal.
final class ProgressReporter: @unchecked Sendable {
    private let total: Int
    private let start = Date()
    private let enabled = isatty(STDERR_FILENO) != 0
    private let lock = NSLock()

    init(total: Int) { self.total = total }

    func report(_ done: Int) {
        guard enabled else { return }
        lock.withLock {
            let elapsed = Date().timeIntervalSince(start)
            let left = elapsed / Double(done) * Double(total - done)
            FileHandle.standardError.write(Data(String(format: "\r%d/%d replications, about %.0f s left ",
                                                       done, total, left).utf8))
        }
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
