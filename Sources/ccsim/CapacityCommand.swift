import ArgumentParser
import ContactCenter
import Experiments
import Foundation
import Reports

/// `ccsim capacity FILE --resource R --target KPI>=X`: the smallest amount of a resource
/// that meets every target with confidence.
struct CapacityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capacity",
        abstract: "Find the smallest number of seats, IVR ports, trunk lines or agents that meets the targets with 95% confidence.")

    @Argument(help: "The scenario file (YAML).", transform: PathArgument.checked)
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
        if let between, ClockWindow(parsing: between) == nil {
            throw ValidationError("--between takes HH:MM-HH:MM, the first before the second")
        }
        guard CapacityStudy.Resource(parsing: resource) != nil else {
            throw ValidationError("--resource takes seats, ivr_ports, trunks or agents:GROUP")
        }
    }

    func run() throws {
        let start = Date()
        let reportFile = study.report.map { OutputFile.report(path: $0, replaceExisting: study.force) }
        try reportFile?.checkWritable()
        let scenario = try scenarioOptions.load(file)
        let base = scenario.model
        let capacity = try capacityStudy(for: base)
        let progress = ProgressReporter(total: 0, unit: "amounts evaluated")
        let search: CapacitySearch
        do {
            search = try capacity.run(model: base, seed: study.runs.seed(for: scenario),
                                      replications: study.runs.replications(for: scenario),
                                      threads: study.runs.threads, progress: progress.report)
        } catch let error as ModelError {
            throw CommandFailure("\(file): --resource \(resource): \(error)", status: .usage)
        }
        progress.finish()
        let current = capacity.current(in: base)
        let points = search.curve.map { StudyPoint(settings: [(resource, String($0.amount))], summary: $0.summary, failures: $0.failures) }
        let chosen = search.smallest.flatMap { n in search.curve.firstIndex { $0.amount == n } }
        let description = capacity.description(between: between)
        if study.json {
            printJSON(try StudyReport.json(points, pointsKey: "curve", extra: [
                "resource": .text(resource), "smallest": search.smallest.map { .number(Double($0)) } ?? .null,
                "targets": .array(capacity.targets.map { .text($0.description) }), "over": .text(capacity.scope.rawValue),
                "current": current.map { .number(Double($0)) } ?? .null,
            ]))
        } else {
            print(description + ":")
            print(StudyReport.table(points, chosen: chosen), terminator: "")
            print(StudyReport.capacityVerdict(search, resource: resource, current: current, maximum: maximum))
        }
        if let reportFile {
            try reportFile.write(Data(StudyReport.html(
                title: "Capacity: \(resource) for \(file)", description: description, points: points,
                targets: capacity.targets, scope: capacity.scope, window: capacity.window, chosen: chosen,
                runSeconds: Date().timeIntervalSince(start)).utf8))
        }
        if search.smallest == nil { throw ExitCode(ExitStatus.targetNotReached.rawValue) }
    }

    /// The capacity study the options describe, for a scenario with `model`.
    private func capacityStudy(for model: CenterModel) throws -> CapacityStudy {
        let window: Range<Double>?
        do {
            window = try between.flatMap(ClockWindow.init(parsing:))?.range(in: model.timing)
        } catch {
            throw CommandFailure("--between \(between ?? ""): \(error)", status: .usage)
        }
        return CapacityStudy(resource: CapacityStudy.Resource(parsing: resource) ?? .seats,
                             targets: target.compactMap(KPITarget.init(parsing:)),
                             scope: TargetScope(rawValue: over) ?? .interval, window: window, maximum: maximum)
    }
}
