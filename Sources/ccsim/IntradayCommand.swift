import ArgumentParser
import Forecasting
import Foundation
import Reports

/// `ccsim intraday FORECAST.csv TODAY.csv --cv 0.1`: the rest of today's forecast
/// updated from today's calls so far.
struct IntradayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intraday",
        abstract: "Update the rest of a day's forecast from its calls so far.",
        discussion: """
            FORECAST is a forecast.csv of ccsim forecast; TODAY an export of the day so far (start,call_type,offered, \
            the same interval length; its last day is the day updated). Each call type's remaining intervals are \
            scaled by (1/cv² + calls so far) / (1/cv² + the forecast's calls so far), with negative binomial bands. \
            --cv is the forecast's day-to-day error beyond Poisson: the busyness CV that ccsim forecast prints. \
            With --out writes intraday.csv (start,call_type,offered,low,high from --at to the day's end).
            """)

    @Argument(help: "The forecast: CSV with start,call_type,offered.", transform: PathArgument.checked)
    var forecast: String

    @Argument(help: "The day's export so far: CSV with start,call_type,offered.", transform: PathArgument.checked)
    var today: String

    @Option(help: "The forecast's day-to-day coefficient of variation beyond Poisson (0.01-1; ccsim forecast's busyness CV).")
    var cv: Double

    @Option(help: ArgumentHelp("The first interval not yet seen (default: after the export's last row).", valueName: "HH:MM"))
    var at: String?

    @Option(help: "The bands' coverage (0.5-0.99).")
    var level = 0.8

    @Option(help: ArgumentHelp("Absent rows before --at: auto (zero when the export leaves zero rows out), zero or unknown.",
                               valueName: "auto|zero|unknown"))
    var absent: AbsentRows = .auto

    @Option(help: "Write intraday.csv into this directory.", transform: PathArgument.checked)
    var out: String?

    @Flag(help: "Replace the --out directory if ccsim wrote it.")
    var force = false

    @Flag(help: "Print the update as JSON.")
    var json = false

    func validate() throws {
        guard (0.01...1).contains(cv) else { throw ValidationError("--cv must be from 0.01 to 1") }
        guard (0.5...0.99).contains(level) else { throw ValidationError("--level must be from 0.5 to 0.99") }
        if let at, Self.minutes(at) == nil { throw ValidationError("--at \(at): expected a time of day HH:MM") }
    }

    /// `HH:MM` as minutes after midnight.
    static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let h = Int(parts[0]), let m = Int(parts[1]),
              (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        return 60 * h + m
    }

    func run() throws {
        let output = out.map { OutputDirectory(path: $0, replaceExisting: force) }
        try output?.checkWritable()
        let update: IntradayUpdate
        do {
            let forecastFile = try History(csv: TextFile.read(forecast), file: forecast)
            let todayFile = try History(csv: TextFile.read(today), file: today)
            update = try IntradayUpdate(forecast: forecastFile, today: todayFile, cv: cv, level: level,
                                        now: try at.map { try interval($0, minutes: todayFile.intervalMinutes) }, absent: absent)
        } catch let error as HistoryError {
            throw CommandFailure(error.description, status: .input)
        } catch let error as ForecastError {
            throw CommandFailure("\(forecast) and \(today): \(error.message)", status: .input)
        }
        if json {
            printJSON(try IntradayOutputs.json(update, cv: cv, level: level))
        } else {
            print(IntradayOutputs.table(update, cv: cv, level: level), terminator: "")
        }
        guard let output else { return }
        try output.write([("intraday.csv", Data(IntradayOutputs.csv(update).utf8))])
        if !json { print("\nwrote \(output.path)/intraday.csv") }
    }

    /// The interval `at` starts, on the export's grid.
    private func interval(_ at: String, minutes: Int) throws -> Int {
        let m = Self.minutes(at) ?? 0
        guard m % minutes == 0 else {
            throw CommandFailure("--at \(at) is not on the export's \(minutes)-minute grid", status: .usage)
        }
        return m / minutes
    }
}
