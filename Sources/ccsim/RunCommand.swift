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

    @Argument(help: "The scenario file (YAML).", transform: PathArgument.checked)
    var file: String

    @OptionGroup var scenarioOptions: ScenarioOptions

    @OptionGroup var runs: ReplicationOptions

    @Option(help: "Write summary.json, intervals.csv and agent_groups.csv into this directory.", transform: PathArgument.checked)
    var out: String?

    @Option(help: "Write a self-contained HTML report (charts and tables) to this file.", transform: PathArgument.checked)
    var report: String?

    @Flag(help: "Replace the --out directory and --report file if they exist.")
    var force = false

    @Option(help: ArgumentHelp(
        "Add replications (in batches) until this KPI's 95% half-width is at most this, over the centre, every call type and resource: service_level=0.01; repeatable.",
        valueName: "kpi=half-width"))
    var precision: [String] = []

    @Option(help: "With --precision: the most replications to run.")
    var maxReplications = 1000

    @Option(help: "With --precision: replications added per batch.")
    var batch = 10

    @Flag(help: "Print summary.json on standard output instead of the table.")
    var json = false

    @Option(help: ArgumentHelp(
        "Run only the K-th of N shares of the replications and write it as a part (part.json) into the --out folder, for `ccsim merge`.",
        valueName: "K/N"))
    var shard: String?

    func validate() throws {
        if let shard {
            guard Shard(parsing: shard) != nil else {
                throw ValidationError("--shard \(shard): expected K/N with 1 ≤ K ≤ N, such as 3/8")
            }
            guard out != nil, report == nil, precision.isEmpty, !json else {
                throw ValidationError("--shard writes a part into --out (required); --report, --precision and --json go with `ccsim merge` or an unsharded run")
            }
        }
        let most = ReplicationRunner.maximumReplications
        guard (1...most).contains(batch), (2...most).contains(maxReplications) else {
            throw ValidationError("--batch must be from 1 to \(most) and --max-replications from 2 to \(most)")
        }
        _ = try precisionGoals()
    }

    /// The `--precision` goals.
    func precisionGoals() throws -> [PrecisionGoal] {
        try precision.map { text in
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let kpi = KPI(rawValue: parts[0]) else {
                throw ValidationError("--precision \(text): expected KPI=HALFWIDTH with a KPI of summary.json, such as service_level=0.01")
            }
            guard let width = Double(parts[1]), width > 0 else {
                throw ValidationError("--precision \(text): the half-width must be a positive number")
            }
            return PrecisionGoal(kpi: kpi, halfWidth: width)
        }
    }

    func run() throws {
        if let shard = shard.flatMap(Shard.init(parsing:)) { return try runShard(shard) }
        let scenario = try scenarioOptions.load(file)
        let output = out.map { OutputDirectory(path: $0, replaceExisting: force) }
        let reportFile = report.map { OutputFile.report(path: $0, replaceExisting: force) }
        try output?.checkWritable()
        try reportFile?.checkWritable()
        let start = Date()
        let seed = runs.seed(for: scenario)
        let count = runs.replications(for: scenario)
        let goals = try precisionGoals()
        let progress = ProgressReporter(total: goals.isEmpty ? count : maxReplications)
        let outcome = try PrecisionRun.run(model: scenario.model, seed: seed, initial: count, batch: batch,
                                           maximum: goals.isEmpty ? count : max(count, maxReplications),
                                           goals: goals, threads: runs.threads, progress: progress.report)
        progress.finish()
        let summary = outcome.summary
        let runSeconds = Date().timeIntervalSince(start)
        if json {
            printJSON(try SummaryJSON.encode(summary))
        } else {
            print(SummaryTable.render(summary), terminator: "")
            if !goals.isEmpty { print(precisionReport(outcome, summary: summary)) }
        }
        if let output {
            try output.write(try RunOutputs.files(summary))
            if !json { print("\nwrote \(output.path)/\(RunOutputs.names)") }
        }
        if let reportFile {
            try reportFile.write(Data(HTMLReport.render(summary, runSeconds: runSeconds).utf8))
            if !json { print("wrote \(reportFile.path)") }
        }
    }

    /// Which precision goals were met, after how many replications.
    private func precisionReport(_ outcome: PrecisionRun.Outcome, summary: RunSummary) -> String {
        let lines = (outcome.met + outcome.unmet).map { goal in
            let widest = goal.widestHalfWidth(in: summary).map { String(format: "%.4g", $0) } ?? "–"
            return "  \(goal.kpi.rawValue): widest half-width \(widest), goal \(goal.halfWidth): "
                + (outcome.met.contains(goal) ? "met" : "not met")
        }
        let verdict = outcome.unmet.isEmpty ? "every precision goal met" : "stopped at --max-replications \(maxReplications)"
        return "\nprecision: \(outcome.summary.replications) replications, \(verdict)\n" + lines.joined(separator: "\n")
    }
}

