import ArgumentParser
import ContactCenter
import Experiments
import Foundation
import Reports
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

    /// Runs `file` with the scenario options' overrides and then `extra`; every point
    /// uses the same seed and replications (common random numbers).
    func run(_ file: String, _ scenarioOptions: ScenarioOptions, extra: [ScenarioOverride]) throws -> RunSummary {
        let scenario = loadScenario(file, variant: scenarioOptions.variant, overrides: scenarioOptions.overrides() + extra)
        let seed = self.seed ?? scenario.seed
        let results = try ReplicationRunner.run(model: scenario.model, seed: seed,
                                                replications: replications ?? scenario.replications, threads: threads)
        return RunSummary(model: scenario.model, seed: seed, results: results)
    }
}

/// `ccsim sweep FILE --vary KEY=FROM..TO[:STEP]`: a grid of one or two keys, with
/// common random numbers across its points.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a scenario over a grid of values of one or two keys, with common random numbers.")

    @Argument(help: "The scenario file (YAML).")
    var file: String

    @Option(help: ArgumentHelp("A key and its values, KEY=FROM..TO[:STEP] (step 1 by default): seats=100..160:10; once or twice.",
                               valueName: "key=from..to[:step]"))
    var vary: [String] = []

    @OptionGroup var scenarioOptions: ScenarioOptions
    @OptionGroup var study: StudyOptions

    @Option(help: "Write the grid as CSV (one row per point) to this file.")
    var out: String?

    func validate() throws {
        guard (1...2).contains(vary.count) else { throw ValidationError("give one or two --vary KEY=FROM..TO[:STEP]") }
        for text in vary { _ = try Self.range(text) }
    }

    /// The key and its values of `KEY=FROM..TO[:STEP]`, as override texts.
    static func range(_ text: String) throws -> (key: String, values: [String]) {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        let bounds = parts.count == 2 ? parts[1].components(separatedBy: "..") : []
        guard bounds.count == 2 else { throw ValidationError("--vary \(text): expected KEY=FROM..TO[:STEP]") }
        let upper = bounds[1].split(separator: ":", maxSplits: 1).map(String.init)
        guard let from = Double(bounds[0]), let to = Double(upper[0]), let step = upper.count == 2 ? Double(upper[1]) : 1,
              step > 0, to >= from, (to - from) / step <= 1000 else {
            throw ValidationError("--vary \(text): FROM..TO:STEP needs numbers with FROM ≤ TO, a positive step and at most 1000 points")
        }
        let whole = [from, to, step].allSatisfy { $0 == $0.rounded() }
        let values = stride(from: from, through: to + step * 1e-9, by: step).map { v in
            whole ? String(Int(v.rounded())) : String(v)
        }
        return (parts[0], values)
    }

    func run() throws {
        let start = Date()
        let csvFile = out.map { OutputFile(path: $0, replaceExisting: study.force) }
        let reportFile = study.report.map { OutputFile(path: $0, replaceExisting: study.force) }
        try csvFile?.checkWritable()
        try reportFile?.checkWritable()
        let ranges = try vary.map(Self.range)
        var grid: [[(key: String, value: String)]] = ranges[0].values.map { [(ranges[0].key, $0)] }
        if ranges.count == 2 {
            grid = grid.flatMap { point in ranges[1].values.map { point + [(ranges[1].key, $0)] } }
        }
        let progress = ProgressReporter(total: grid.count, unit: "points")
        var points: [StudyPoint] = []
        for settings in grid {
            let extra = try settings.map { try ScenarioOverride(parsing: "\($0.key)=\($0.value)") }
            points.append(StudyPoint(settings: settings, summary: try study.run(file, scenarioOptions, extra: extra)))
            progress.report(points.count)
        }
        progress.finish()
        if study.json {
            printJSON(try StudyReport.json(points, extra: ["vary": .array(ranges.map { .text($0.key) })]))
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

/// `ccsim capacity FILE --resource R --target KPI>=X`: the smallest amount of a resource
/// that meets every target with confidence.
struct CapacityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capacity",
        abstract: "Find the smallest number of seats, IVR ports, trunk lines or agents that meets the targets with 95% confidence.")

    @Argument(help: "The scenario file (YAML).")
    var file: String

    @Option(help: "seats, ivr_ports, trunks or agents:GROUP (agents of a group staffed per interval, the same in every interval).")
    var resource: String

    @Option(help: ArgumentHelp("A target on a centre-wide KPI, KPI>=X or KPI<=X: service_level>=0.8, abandon_fraction<=0.05, seat_lost_agent_minutes<=0; repeatable.",
                               valueName: "kpi>=x"))
    var target: [String] = []

    @Option(help: "Where the targets must hold: in every interval, or over the day (the whole reported period).")
    var over: String = "interval"

    @Option(help: "With --over interval: only the intervals starting in this window of the day, HH:MM-HH:MM.")
    var between: String?

    @Option(help: "The largest amount to try.")
    var maximum = 2000

    @OptionGroup var scenarioOptions: ScenarioOptions
    @OptionGroup var study: StudyOptions

    func validate() throws {
        guard !target.isEmpty else { throw ValidationError("give at least one --target, such as service_level>=0.8") }
        for text in target where KPITarget(parsing: text) == nil {
            throw ValidationError("--target \(text): expected KPI>=X or KPI<=X with a KPI of summary.json")
        }
        guard TargetScope(rawValue: over) != nil else { throw ValidationError("--over takes interval or day") }
        _ = try window(Timing(warmup: 0, horizon: 1, intervalLength: 1))
        _ = try overrideKey()
    }

    /// The scenario key the resource sets.
    func overrideKey() throws -> String {
        switch resource {
        case "seats": return "seats"
        case "ivr_ports": return "ivr.ports"
        case "trunks": return "trunks"
        case let r where r.hasPrefix("agents:") && r.count > 7: return "agent_groups.\(r.dropFirst(7)).agents"
        default: throw ValidationError("--resource takes seats, ivr_ports, trunks or agents:GROUP")
        }
    }

    /// The `--between` window of clock times, in seconds of each day from time 0.
    func window(_ timing: Timing) throws -> Range<Double>? {
        guard let between else { return nil }
        let ends = between.split(separator: "-").map { $0.split(separator: ":").compactMap { Double($0) } }
        guard ends.count == 2, ends.allSatisfy({ $0.count == 2 }), ends[0][0] * 60 + ends[0][1] < ends[1][0] * 60 + ends[1][1] else {
            throw ValidationError("--between takes HH:MM-HH:MM, the first before the second")
        }
        let (from, to) = (timing.time(ofClock: ends[0][0] * 3600 + ends[0][1] * 60),
                          timing.time(ofClock: ends[1][0] * 3600 + ends[1][1] * 60))
        guard from < to else {
            throw ValidationError("--between \(between) spans the scenario's clock_start (\(timing.timeOfDay(0))): split it in two runs")
        }
        return from..<to
    }

    func run() throws {
        let start = Date()
        let reportFile = study.report.map { OutputFile(path: $0, replaceExisting: study.force) }
        try reportFile?.checkWritable()
        let key = try overrideKey()
        let targets = target.compactMap(KPITarget.init(parsing:))
        let scope = TargetScope(rawValue: over) ?? .interval
        let base = scenarioOptions.load(file).model
        let window = try self.window(base.timing)
        let minimum = resource == "seats" ? (base.ivr.map { $0.countsAgainstSeats ? $0.ports + 1 : 1 } ?? 1)
            : resource.hasPrefix("agents:") ? 0 : 1
        let current: Int? = switch resource {
        case "seats": base.seats
        case "ivr_ports": base.ivr?.ports
        case "trunks": base.trunks
        default: base.agentGroups.first { "agents:\($0.id)" == resource }?.staffing.max()
        }
        let progress = ProgressReporter(total: 0, unit: "amounts evaluated")
        var evaluated = 0
        let search = try CapacitySearch(
            minimum: minimum, maximum: maximum, start: current ?? minimum,
            evaluate: { n in
                defer { evaluated += 1; progress.report(evaluated) }
                return try study.run(file, scenarioOptions, extra: [ScenarioOverride(keyPath: key.split(separator: ".").map(String.init), value: String(n))])
            },
            failures: { $0.failures(of: targets, over: scope, window: window) })
        progress.finish()
        let points = search.curve.map { StudyPoint(settings: [(resource, String($0.amount))], summary: $0.summary, failures: $0.failures) }
        let chosen = search.smallest.flatMap { n in search.curve.firstIndex { $0.amount == n } }
        let description = "Smallest \(resource) with " + targets.map(\.description).joined(separator: " and ")
            + " (95% confidence) " + (scope == .day ? "over the day" : "in every interval" + (between.map { " between \($0)" } ?? ""))
        if study.json {
            printJSON(try StudyReport.json(points, pointsKey: "curve", extra: [
                "resource": .text(resource), "smallest": search.smallest.map { .number(Double($0)) } ?? .null,
                "targets": .array(targets.map { .text($0.description) }), "over": .text(scope.rawValue),
                "current": current.map { .number(Double($0)) } ?? .null,
            ]))
        } else {
            print(description + ":")
            print(StudyReport.table(points, chosen: chosen), terminator: "")
            if let smallest = search.smallest {
                print("smallest \(resource): \(smallest)" + (current.map { " (the scenario has \($0))" } ?? ""))
            } else {
                let missed = search.curve.last?.failures.prefix(6).joined(separator: ", ") ?? ""
                print("no amount up to \(maximum) meets the targets; at \(search.curve.last?.amount ?? maximum) still missed: \(missed)"
                      + ((search.curve.last?.failures.count ?? 0) > 6 ? ", …" : ""))
            }
        }
        if let reportFile {
            try reportFile.write(Data(StudyReport.html(
                title: "Capacity: \(resource) for \(file)", description: description, points: points,
                targets: targets, chosen: chosen, runSeconds: Date().timeIntervalSince(start)).utf8))
        }
    }
}
