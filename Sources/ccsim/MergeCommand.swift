import ArgumentParser
import Experiments
import Foundation
import Reports
import Scenario
import Statistics

/// `ccsim merge PART... --out DIR`: put the parts of a sharded run back together.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the parts of a sharded run or sweep (--shard K/N) into its outputs.",
        discussion: """
            The parts may come in any order; they must belong to one run or sweep (same scenario \
            after --set and --variant, seed, replications, number of shards, grid and ccsim \
            version), none twice and none missing. The outputs are those of the unsharded run or \
            sweep, byte for byte.
            """)

    @Argument(help: "The parts: folders written by `ccsim run --shard` or `ccsim sweep --shard` (or their part.json files).", transform: PathArgument.checked)
    var parts: [String]

    @Option(help: "Write summary.json, intervals.csv and agent_groups.csv into this directory (for sweep parts: the sweep's CSV file).", transform: PathArgument.checked)
    var out: String?

    @Option(help: "Write a self-contained HTML report (charts and tables) to this file.", transform: PathArgument.checked)
    var report: String?

    @Flag(help: "Replace the --out directory and --report file if they exist.")
    var force = false

    @Flag(help: "Print summary.json on standard output instead of the table.")
    var json = false

    func validate() throws {
        guard !parts.isEmpty else { throw ValidationError("give the parts to merge") }
    }

    func run() throws {
        let named = try parts.map { path in
            RunMerge.Named(name: path, header: try readable(path) { try PartCoding.decodeHeader(read(path)) })
        }
        let ordered = try RunMerge.order(named, ccsimVersion: Reports.ccsimVersion)
        switch ordered[0].header.format {
        case RunPart.format: try mergeRun(ordered)
        case SweepPart.format: try mergeSweep(ordered)
        default: throw MergeError("\(ordered[0].name): not a part of a ccsim run or sweep")
        }
    }

    /// The parts of `ccsim run --shard`: the run's summary.json, CSV files and report.
    private func mergeRun(_ ordered: [RunMerge.Named]) throws {
        let start = Date()
        let output = out.map { OutputDirectory(path: $0, replaceExisting: force) }
        let reportFile = report.map { OutputFile.report(path: $0, replaceExisting: force) }
        try output?.checkWritable()
        try reportFile?.checkWritable()
        let first = ordered[0].header
        let scenario = try ScenarioLoader.parse(yaml: first.scenario, fileName: ordered[0].name)
        var accumulator = RunAccumulator(model: scenario.model)
        for part in ordered {
            let shard = try readable(part.name) {
                try RunPart.read(json: read(part.name), results: read(part.name, file: "results.bin"), name: part.name)
            }
            try RunMerge.add(shard, name: part.name, to: &accumulator)
        }
        let summary = accumulator.finalSummary(seed: first.seed)
        if json {
            printJSON(try SummaryJSON.encode(summary))
        } else {
            print(SummaryTable.render(summary), terminator: "")
        }
        if let output {
            try output.write(try RunOutputs.files(summary))
            if !json { print("\nmerged \(ordered.count) parts; wrote \(output.path)/\(RunOutputs.names)") }
        }
        if let reportFile {
            try reportFile.write(Data(HTMLReport.render(summary, runSeconds: Date().timeIntervalSince(start)).utf8))
            if !json { print("wrote \(reportFile.path)") }
        }
    }

    /// The parts of `ccsim sweep --shard`: the sweep's table (or JSON), CSV (`--out`) and report.
    private func mergeSweep(_ ordered: [RunMerge.Named]) throws {
        let start = Date()
        let csvFile = out.map { OutputFile.studyCSV(path: $0, replaceExisting: force) }
        let reportFile = report.map { OutputFile.report(path: $0, replaceExisting: force) }
        try csvFile?.checkWritable()
        try reportFile?.checkWritable()
        var points: [StudyPoint] = []
        var first: (part: SweepPart, name: String)?
        for named in ordered {
            let part = try readable(named.name) {
                try SweepPart.read(json: read(named.name), results: read(named.name, file: "results.bin"), name: named.name)
            }
            try part.check(name: named.name, against: first?.part ?? part, firstName: first?.name ?? named.name)
            if first == nil { first = (part, named.name) }
            for point in part.points {
                let model = try ScenarioLoader.parse(yaml: point.scenario, fileName: named.name).model
                for result in point.results { try RunMerge.check(result, of: model, name: named.name, point: point.index) }
                points.append(StudyPoint(settings: point.pairs, summary: RunSummary(model: model, seed: part.header.seed,
                                                                                    results: point.results)))
            }
        }
        try SweepCommand.present(points, file: first?.part.source ?? "", vary: first?.part.vary ?? [], json: json,
                                 csvFile: csvFile, reportFile: reportFile, since: start)
    }

    /// The bytes of a part's `file`: `PATH/file` for a part's folder, the file next to
    /// `PATH` for its `part.json` (at most ``largestPart`` bytes).
    private func read(_ path: String, file name: String = "part.json") throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw MergeError("\(path): no such part")
        }
        let folder = isDirectory.boolValue ? path : (path as NSString).deletingLastPathComponent
        let file = name == "part.json" && !isDirectory.boolValue ? path : (folder as NSString).appendingPathComponent(name)
        do {
            return try InputFile.read(file, maximumBytes: Self.largestPart, kind: "a part file")
        } catch {
            throw MergeError(error.description == "no such file" ? "\(path): no \(name) in it" : "\(file): \(error)"
                + (error.description.hasPrefix("is larger") ? " (use more shards)" : ""))
        }
    }

    /// `body`'s value, a part.json that does not decode reported as such.
    private func readable<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch is DecodingError {
            throw MergeError("\(path): not a part written by `ccsim run --shard` (it does not read as one)")
        }
    }

    /// The largest part file read.
    static let largestPart = 1 << 30
}
