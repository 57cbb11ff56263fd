import ArgumentParser
import ContactCenter
import Forecasting
import Foundation
import Reports
import Scenario

/// `ccsim forecast HISTORY.csv --horizon 28d --out DIR`: forecasts from interval history.
struct ForecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Forecast offered calls per interval from an exported interval history, with a backtest and a scenario.",
        discussion: """
            Writes forecast.csv (start,call_type,offered,low,high,aht,acw), backtest.csv, daily.csv, \
            scenario.yaml (the forecast period, ready for run, staff and roster) and report.html \
            into DIR; with --by month also forecast-monthly.csv. Offered calls are what the \
            switch counted, redials included. With --previous (the weekly re-forecast), the days \
            of an earlier forecast.csv are forecast again from this history and compared: \
            revision.csv, and the earlier file kept as previous-forecast.csv.
            """)

    @Argument(help: "The history: CSV with start,call_type,offered[,answered,abandoned,aht,acw].", transform: PathArgument.checked)
    var history: String

    @Option(help: ArgumentHelp("How far ahead: days (28d), weeks (4w) or months (12m), at most a year "
                               + "(default 28d; with --previous, to the earlier forecast's last day).", valueName: "N{d|w|m}"))
    var horizon: String?

    @Option(help: "Write the outputs into this directory.", transform: PathArgument.checked)
    var out: String?

    @Option(help: "The prediction intervals' level (0.5-0.99).")
    var level = 0.8

    @Option(help: "Holidays and known events: CSV date,name,factor (past and future dates).", transform: PathArgument.checked)
    var calendar: String?

    @Option(help: "An earlier forecast.csv: forecast its remaining days again and compare (revision.csv).",
            transform: PathArgument.checked)
    var previous: String?

    @Option(help: "Take every other section of scenario.yaml (groups, roster, IVR, seats...) from this scenario.", transform: PathArgument.checked)
    var base: String?

    @Option(help: "day (the default), or month: also monthly totals (forecast-monthly.csv).")
    var by = "day"

    @Option(help: ArgumentHelp("Absent rows in open hours: auto (zero when the export leaves zero rows out), zero or unknown.",
                               valueName: "auto|zero|unknown"))
    var absent: AbsentRows = .auto

    @Flag(help: "Replace the --out directory if it exists.")
    var force = false

    @Flag(help: "Print the forecast's summary as JSON.")
    var json = false

    func validate() throws {
        guard (0.5...0.99).contains(level) else { throw ValidationError("--level must be from 0.5 to 0.99") }
        guard ["day", "month"].contains(by) else { throw ValidationError("--by takes day or month") }
        if let horizon, Self.horizonParts(horizon) == nil {
            throw ValidationError("--horizon \(horizon): expected a number of days, weeks or months, such as 28d, 4w or 12m, up to a year")
        }
    }

    /// `28d`, `4w`, `12m`: the count and unit.
    static func horizonParts(_ text: String) -> (Int, Character)? {
        guard let unit = text.last, "dwm".contains(unit), let count = Int(text.dropLast()), count >= 1 else { return nil }
        let fits = unit == "d" ? count <= 366 : unit == "w" ? count <= 52 : count <= 12
        return fits ? (count, unit) : nil
    }

    func run() throws {
        let output = out.map { OutputDirectory(path: $0, replaceExisting: force) }
        try output?.checkWritable()
        let history = try read { try History(csv: TextFile.read(self.history), file: self.history) }
        let events = try calendar.map { path in try read { try EventCalendar(csv: TextFile.read(path), file: path) } }
            ?? EventCalendar()
        let earlier = try previous.map { path in try read { try History(csv: TextFile.read(path), file: path) } }
        let days = try horizonDays(after: history.firstDay.adding(days: history.dayCount), previous: earlier)
        let settings = ForecastSettings(days: days, level: level, absent: absent)
        let forecast: Forecast
        do {
            forecast = try Forecaster.forecast(history, events: events, settings: settings)
        } catch let error as ForecastError {
            throw CommandFailure("\(self.history): \(error.message)", status: .input)
        }
        let revision = try earlier.map { try compare(forecast, with: $0) }
        let source = URL(fileURLWithPath: self.history).lastPathComponent
        let scenario = try forecastScenario(forecast, source: source)
        if json {
            printJSON(try ForecastSummary.json(forecast, revision: revision))
        } else {
            print(ForecastSummary.table(forecast), terminator: "")
            if let revision, let previous { print(ForecastRevisionOutputs.table(revision, file: previous), terminator: "") }
        }
        guard let output else { return }
        var files: [(name: String, contents: Data)] = [
            ("forecast.csv", Data(ForecastOutputs.forecastCSV(forecast).utf8)),
            ("backtest.csv", Data(ForecastOutputs.backtestCSV(forecast).utf8)),
            ("daily.csv", Data(ForecastOutputs.dailyCSV(forecast).utf8)),
            ("scenario.yaml", Data(scenario.utf8)),
            ("report.html", Data(ForecastReport.render(forecast, source: source).utf8)),
        ]
        if by == "month" { files.append(("forecast-monthly.csv", Data(ForecastOutputs.monthlyCSV(forecast).utf8))) }
        if let revision, let previous {
            files.append(("revision.csv", Data(ForecastRevisionOutputs.csv(revision).utf8)))
            files.append(("previous-forecast.csv", Data(try TextFile.read(previous).utf8)))
        }
        try output.write(files)
        if !json { print("\nwrote \(output.path)/" + files.map(\.name).joined(separator: ", ")) }
    }

    /// The horizon in days from `first`: months are calendar months; without `--horizon`,
    /// 28 days, or to the last day of the `previous` forecast.
    private func horizonDays(after first: CalendarDate, previous: History?) throws -> Int {
        guard let horizon else {
            guard let previous, let path = self.previous else { return 28 }
            let last = previous.firstDay.adding(days: previous.dayCount - 1)
            guard last.daysSinceEpoch >= first.daysSinceEpoch else {
                throw CommandFailure("\(path): the previous forecast ends on \(last), before this forecast's first day \(first) "
                    + "(the day after the history): no day is left to forecast again", status: .input)
            }
            return min(366, last.daysSinceEpoch - first.daysSinceEpoch + 1)
        }
        guard let (count, unit) = Self.horizonParts(horizon) else { return 28 }
        switch unit {
        case "d": return count
        case "w": return 7 * count
        default:
            let (year, month, day) = first.components
            let total = month - 1 + count
            let end = CalendarDate(year: year + total / 12, month: total % 12 + 1, day: min(day, 28)) ?? first.adding(days: 30 * count)
            return min(366, end.daysSinceEpoch - first.daysSinceEpoch)
        }
    }

    /// The forecast against the `previous` one of the same days.
    private func compare(_ forecast: Forecast, with previous: History) throws -> ForecastRevision {
        do {
            return try ForecastRevision(previous: previous, forecast: forecast)
        } catch let error as ForecastError {
            throw CommandFailure("\(self.previous ?? "--previous"): \(error.message)", status: .input)
        }
    }

    /// The forecast as a scenario. Without `--base` the scenario is ccsim's own, so what
    /// keeps it from loading (volumes beyond the limits, say) comes from the history and
    /// the calendar: the error names them, and the key of the scenario it broke.
    private func forecastScenario(_ forecast: Forecast, source: String) throws -> String {
        do {
            return try ForecastScenario.text(forecast, base: base, source: source)
        } catch let error as ScenarioError where base == nil {
            let inputs = [history] + (calendar.map { [$0] } ?? [])
            throw CommandFailure("\(inputs.joined(separator: " and ")): the forecast's scenario.yaml does not load — "
                + (error.keyPath.isEmpty ? "" : "\(error.keyPath): ") + error.message
                + (calendar == nil ? "" : " (check the calendar's factors)"), status: .input)
        }
    }

    /// A file's contents read, its problems as input errors.
    private func read<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as HistoryError {
            throw CommandFailure(error.description, status: .input)
        } catch let error as ScenarioError {
            throw CommandFailure(error.description, status: .input)
        }
    }
}

extension AbsentRows: ExpressibleByArgument {}
