import ArgumentParser
import Experiments
import Foundation
import Reports
import Scenario

/// `ccsim sweep FILE --vary KEY=FROM..TO[:STEP]`: a grid of one or two keys, with
/// common random numbers across its points.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a scenario over a grid of values of one or two keys, with common random numbers.")

    @Argument(help: "The scenario file (YAML).", transform: PathArgument.checked)
    var file: String

    @Option(help: ArgumentHelp("A key and its values, KEY=FROM..TO[:STEP] (step 1 by default): seats=100..160:10; once or twice.",
                               valueName: "key=from..to[:step]"))
    var vary: [String] = []

    @OptionGroup var scenarioOptions: ScenarioOptions
    @OptionGroup var study: StudyOptions

    @Option(help: "Write the grid as CSV (one row per point) to this file (with --shard: the part's folder).", transform: PathArgument.checked)
    var out: String?

    @Option(help: ArgumentHelp("Run only the K-th of N shares of the grid's points and write it as a part into the --out folder, for `ccsim merge`.",
                               valueName: "K/N"))
    var shard: String?

    func validate() throws {
        if let shard {
            guard Shard(parsing: shard) != nil else { throw ValidationError("--shard \(shard): expected K/N with 1 ≤ K ≤ N, such as 3/8") }
            guard out != nil, study.report == nil, !study.json else {
                throw ValidationError("--shard writes a part into --out (required); --report and --json go with `ccsim merge`")
            }
        }
        guard (1...2).contains(vary.count) else { throw ValidationError("give one or two --vary KEY=FROM..TO[:STEP]") }
        for text in vary where SweepRange(parsing: text) == nil {
            throw ValidationError("--vary \(text): expected KEY=FROM..TO[:STEP], numbers with FROM ≤ TO, a positive step and at most 1000 points")
        }
    }

    func run() throws {
        if let shard = shard.flatMap(Shard.init(parsing:)) { return try runShard(shard) }
        let start = Date()
        let csvFile = out.map { OutputFile.studyCSV(path: $0, replaceExisting: study.force) }
        let reportFile = study.report.map { OutputFile.report(path: $0, replaceExisting: study.force) }
        try csvFile?.checkWritable()
        try reportFile?.checkWritable()
        let ranges = vary.compactMap(SweepRange.init(parsing:))
        let grid = SweepRange.grid(ranges)
        let progress = ProgressReporter(total: grid.count, unit: "points")
        var points: [StudyPoint] = []
        for settings in grid {
            let extra = try settings.map { try ScenarioOverride(parsing: "\($0.key)=\($0.value)") }
            points.append(StudyPoint(settings: settings, summary: try study.run(scenarioOptions.load(file, extra: extra))))
            progress.report(points.count)
        }
        progress.finish()
        try Self.present(points, file: file, vary: vary, json: study.json, csvFile: csvFile, reportFile: reportFile, since: start)
    }

    /// Prints a sweep's table (or JSON) and writes its CSV and report, as `sweep` and
    /// `merge` do.
    static func present(_ points: [StudyPoint], file: String, vary: [String], json: Bool, csvFile: OutputFile?,
                        reportFile: OutputFile?, since start: Date) throws {
        if json {
            let keys = vary.compactMap(SweepRange.init(parsing:)).map { JSONValue.text($0.key) }
            printJSON(try StudyReport.json(points, extra: ["vary": .array(keys)]))
        } else {
            print(StudyReport.table(points), terminator: "")
        }
        try csvFile?.write(Data(StudyReport.csv(points).utf8))
        if let reportFile {
            try reportFile.write(Data(StudyReport.html(
                title: "Sweep of \(file)", description: "Varied: " + vary.joined(separator: ", "),
                points: points, runSeconds: Date().timeIntervalSince(start)).utf8))
        }
    }
}
