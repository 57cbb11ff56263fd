import ArgumentParser
import ContactCenter
import Forecasting
import Foundation
import Reports

/// `ccsim history`: a synthetic interval history of inbound contacts, as the CSV the
/// forecasts read.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Write a synthetic interval history of inbound contacts (CSV), for forecasting.",
        discussion: """
            One row per interval and call type: start,call_type,offered,answered,abandoned,aht,acw. \
            The calls have a weekly pattern, intraday peaks, billing peaks on days 1–3 of the month, \
            a season, a trend, holidays (1 Jan, 1 May, 25–26 Dec), rare storm days and day-to-day \
            noise; some rows are missing. The same options give the same file.
            """)

    /// The most rows a history may have (about 450 MB of text).
    static let maximumRows = 10_000_000

    @Option(help: "Days of history (1–3660).")
    var days = 730

    @Option(name: .customLong("call-types"), help: "Number of call types (1–50).")
    var callTypes = 10

    @Option(help: "Interval length, such as 15m, 30m or 1h; it must divide a day.")
    var interval = "30m"

    @Option(help: "The first day (YYYY-MM-DD).")
    var start = "2025-01-01"

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    @Option(help: "Share of rows missing, in runs of a few intervals (0–0.5).")
    var missing = 0.01

    @Option(help: ArgumentHelp("Opening hours, every day (07:00-22:00): no row outside them, as exports of a centre closed at night.",
                               valueName: "HH:MM-HH:MM"))
    var open: String?

    @Flag(name: .customLong("omit-zero-rows"), help: "Leave out the rows of intervals without a call, as many switches export.")
    var omitZeroRows = false

    @Option(name: .customLong("utc-offset"), help: ArgumentHelp("Write every start with this zone offset (+08:00).", valueName: "±HH:MM"))
    var utcOffset: String?

    @Option(help: "Output CSV file; - or none: standard output.", transform: PathArgument.checked)
    var out: String?

    @Flag(help: "Replace --out if it is a history ccsim wrote.")
    var force = false

    func validate() throws {
        _ = try settings()
    }

    func run() throws {
        let settings = try settings()
        let file = out.flatMap { $0 == "-" ? nil : OutputFile.historyCSV(path: $0, replaceExisting: force) }
        try file?.checkWritable()
        let text = Data(HistoryGenerator(settings: settings).csv().utf8)
        if let file {
            try file.write(text)
        } else {
            FileHandle.standardOutput.write(text)
        }
    }

    /// The generator's settings, or the first option out of range.
    func settings() throws -> HistoryGenerator.Settings {
        guard HistoryGenerator.Settings.dayRange.contains(days) else { throw ValidationError("--days must be from 1 to 3660") }
        guard HistoryGenerator.Settings.callTypeRange.contains(callTypes) else {
            throw ValidationError("--call-types must be from 1 to 50")
        }
        guard let minutes = Self.minutes(interval), minutes > 0, 1440 % minutes == 0 else {
            throw ValidationError("--interval \(interval): expected a length that divides a day, such as 15m, 30m or 1h")
        }
        guard let startDate = CalendarDate(iso: start) else { throw ValidationError("--start \(start): expected a date YYYY-MM-DD") }
        guard HistoryGenerator.Settings.missingShareRange.contains(missing) else {
            throw ValidationError("--missing must be a share from 0 to 0.5")
        }
        var settings = HistoryGenerator.Settings(start: startDate, days: days, intervalMinutes: minutes, callTypes: callTypes,
                                                 seed: seed, missingShare: missing)
        settings.open = try open.map(Self.window)
        settings.omitsZeroRows = omitZeroRows
        settings.utcOffset = utcOffset
        if let open, let problem = settings.problem, problem.contains("opening") {
            throw ValidationError("--open \(open): \(problem) (\(minutes)-minute intervals)")
        }
        if let utcOffset, let problem = settings.problem, problem.contains("offset") {
            throw ValidationError("--utc-offset \(utcOffset): \(problem)")
        }
        if let problem = settings.problem { throw ValidationError("--start \(start) --days \(days): \(problem)") }
        guard settings.fullRowCount <= Self.maximumRows else {
            throw ValidationError("\(days) days of \(settings.intervalsPerDay) intervals for \(callTypes) call types are "
                + "\(settings.fullRowCount) rows; at most \(Self.maximumRows): fewer days or call types, or a longer interval")
        }
        return settings
    }

    /// `07:00-22:00` as minutes after midnight (the end may be `24:00`).
    static func window(_ text: String) throws -> Range<Int> {
        let ends = text.split(separator: "-").map { $0.split(separator: ":").compactMap { Int($0) } }
        guard ends.count == 2, ends.allSatisfy({ $0.count == 2 && (0...24).contains($0[0]) && (0..<60).contains($0[1]) }) else {
            throw ValidationError("--open \(text): expected HH:MM-HH:MM, such as 07:00-22:00")
        }
        let (from, to) = (ends[0][0] * 60 + ends[0][1], ends[1][0] * 60 + ends[1][1])
        guard from < to, to <= 1440 else { throw ValidationError("--open \(text): the window must end after it starts, by 24:00") }
        return from..<to
    }

    /// The minutes of `30m`, `1h`, `1h30m` or `90m`; `nil` if it is not such a length.
    static func minutes(_ text: String) -> Int? {
        var total = 0, number = "", units: [Character] = []
        for character in text {
            if character.isASCII && character.isNumber {
                number.append(character)
            } else {
                guard let value = Int(number), value <= 1440, let perUnit = ["h": 60, "m": 1][character],
                      units.last.map({ $0 == "h" && character == "m" }) ?? true else { return nil }
                total += value * perUnit
                units.append(character)
                number = ""
            }
        }
        return number.isEmpty && !units.isEmpty ? total : nil
    }
}
