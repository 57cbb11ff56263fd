import ArgumentParser
import Experiments
import Foundation
import Reports
import Scenario

/// `ccsim compare`: two scenarios, or variants of one, with common random numbers.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two scenarios (or variants of one) with common random numbers: paired differences B − A.",
        discussion: """
            ccsim compare A.yaml B.yaml           two files
            ccsim compare FILE --variants base,busier   two variants of FILE (base: the file as written)
            ccsim compare FILE                    the file as written against each of its variants
            Both sides run with the same seed and replications, so replication k sees the same calls.
            """)

    @Argument(help: "The scenario file (A), and optionally a second one (B).", transform: PathArgument.checked)
    var files: [String]

    @Option(help: "Two variants of the one file to compare, A,B (`base` is the file as written).")
    var variants: String?

    /// `--set`: applied to both scenarios.
    @OptionGroup var overrideOptions: OverrideOptions

    /// `--replications`, `--seed` (default: A's), `--threads`.
    @OptionGroup var runs: ReplicationOptions

    @Flag(help: "Print the comparison as JSON (every KPI) instead of the table.")
    var json = false

    @Option(help: "Write a self-contained HTML report of the comparison to this file.", transform: PathArgument.checked)
    var report: String?

    @Flag(help: "Replace the --report file if it exists.")
    var force = false

    func validate() throws {
        guard (1...2).contains(files.count) else { throw ValidationError("give one scenario file, or two to compare") }
        if files.count == 2, variants != nil { throw ValidationError("--variants compares variants of one file") }
        try runs.require(atLeast: 2, "to compare")
    }

    func run() throws {
        let pairs = try self.pairs()
        if pairs.count != 1 && (json || report != nil) {
            throw CommandFailure("\(files[0]) has \(pairs.count) variants: choose two with --variants A,B for --json or --report", status: .usage)
        }
        let reportFile = report.map { OutputFile.report(path: $0, replaceExisting: force) }
        try reportFile?.checkWritable()
        for (index, (a, b)) in pairs.enumerated() {
            let start = Date()
            let seed = runs.seed(for: a.scenario)
            let count = runs.replications(for: a.scenario)
            let progress = ProgressReporter(total: 2 * count)
            let resultsA = try ReplicationRunner.run(model: a.scenario.model, seed: seed, replications: count,
                                                     threads: runs.threads, progress: progress.report)
            let resultsB = try ReplicationRunner.run(model: b.scenario.model, seed: seed, replications: count,
                                                     threads: runs.threads, progress: { progress.report(count + $0) })
            progress.finish()
            let comparison = PairedComparison(modelA: a.scenario.model, resultsA: resultsA,
                                              modelB: b.scenario.model, resultsB: resultsB, seed: seed)
            if json {
                printJSON(try ComparisonReport.json(comparison, nameA: a.name, nameB: b.name))
            } else {
                print((index > 0 ? "\n" : "") + ComparisonReport.table(comparison, nameA: a.name, nameB: b.name), terminator: "")
            }
            if let reportFile {
                let html = ComparisonReport.html(comparison, nameA: a.name, nameB: b.name,
                                                 runSeconds: Date().timeIntervalSince(start))
                try reportFile.write(Data(html.utf8))
                if !json { print("wrote \(reportFile.path)") }
            }
        }
    }

    /// A scenario with the name the outputs give it.
    struct Side {
        let scenario: Scenario
        let name: String
    }

    /// The pairs (A, B) to compare.
    private func pairs() throws -> [(Side, Side)] {
        let overrides = try overrideOptions.overrides()
        func side(_ path: String, variant: String?) throws -> Side {
            let name = variant.map { "\(path) (variant \($0))" } ?? path
            return Side(scenario: try loadScenario(path, variant: variant, overrides: overrides), name: name)
        }
        if files.count == 2 { return [(try side(files[0], variant: nil), try side(files[1], variant: nil))] }
        if let variants {
            let names = variants.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard names.count == 2 else { throw ValidationError("--variants takes two names, A,B") }
            return [(try side(files[0], variant: names[0] == "base" ? nil : names[0]),
                     try side(files[0], variant: names[1] == "base" ? nil : names[1]))]
        }
        let base = try side(files[0], variant: nil)
        guard !base.scenario.variants.isEmpty else {
            throw CommandFailure("\(files[0]) lists no variants: give a second file, or add a `variants` section", status: .usage)
        }
        return try base.scenario.variants.map { (base, try side(files[0], variant: $0.name)) }
    }
}
