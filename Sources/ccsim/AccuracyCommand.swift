import ArgumentParser
import Forecasting
import Foundation
import Reports

/// `ccsim accuracy FORECAST.csv ACTUALS.csv`: how a forecast did against what happened.
struct AccuracyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accuracy",
        abstract: "Score a forecast against actuals: WAPE, bias, MASE and band coverage by call type, day, hour and lead time.",
        discussion: """
            FORECAST is a forecast.csv of ccsim forecast (start,call_type,offered[,low,high]); ACTUALS an \
            export of the same interval length (start,call_type,offered, as for forecast). Prints the scores \
            per call type; with --out writes accuracy.csv (every dimension) and report.html (charts).
            """)

    @Argument(help: "The forecast: CSV with start,call_type,offered[,low,high].", transform: PathArgument.checked)
    var forecast: String

    @Argument(help: "The actuals: CSV with start,call_type,offered.", transform: PathArgument.checked)
    var actuals: String

    @Option(help: ArgumentHelp("Absent actual rows: auto (zero when the export leaves zero rows out), zero or unknown.",
                               valueName: "auto|zero|unknown"))
    var absent: AbsentRows = .auto

    @Option(help: "Write accuracy.csv and report.html into this directory.", transform: PathArgument.checked)
    var out: String?

    @Flag(help: "Replace the --out directory if ccsim wrote it.")
    var force = false

    @Flag(help: "Print the scores as JSON.")
    var json = false

    func run() throws {
        let output = out.map { OutputDirectory(path: $0, replaceExisting: force) }
        try output?.checkWritable()
        let accuracy: ForecastAccuracy
        do {
            let forecastFile = try History(csv: TextFile.read(forecast), file: forecast, bands: true)
            let actualFile = try History(csv: TextFile.read(actuals), file: actuals)
            accuracy = try ForecastAccuracy(forecast: forecastFile, actuals: actualFile, absent: absent)
        } catch let error as HistoryError {
            throw CommandFailure(error.description, status: .input)
        } catch let error as ForecastError {
            throw CommandFailure("\(forecast) against \(actuals): \(error.message)", status: .input)
        }
        guard accuracy.overall.intervals > 0 else {
            throw CommandFailure("\(forecast) against \(actuals): no interval of the forecast has an actual "
                + "(the actuals cover other dates or call types)", status: .input)
        }
        if json { printJSON(try AccuracyOutputs.json(accuracy)) } else { print(AccuracyOutputs.table(accuracy), terminator: "") }
        guard let output else { return }
        let names = (URL(fileURLWithPath: forecast).lastPathComponent, URL(fileURLWithPath: actuals).lastPathComponent)
        let files: [(name: String, contents: Data)] = [
            ("accuracy.csv", Data(AccuracyOutputs.csv(accuracy).utf8)),
            ("report.html", Data(AccuracyOutputs.report(accuracy, forecast: names.0, actuals: names.1).utf8)),
        ]
        try output.write(files)
        if !json { print("\nwrote \(output.path)/" + files.map(\.name).joined(separator: ", ")) }
    }
}
