import ContactCenter
import Forecasting
import Foundation

/// A forecast against the earlier one of the same days (`ccsim forecast --previous`):
/// `revision.csv`, the printed table and the summary's `revision` key.
public enum ForecastRevisionOutputs {
    /// `date,call_type,previous,forecast,change`: per day and call type both forecasts
    /// cover, the earlier and the new calls (2 decimals) and forecast / previous − 1
    /// (5 decimals; empty when the earlier forecast had no call).
    public static func csv(_ r: ForecastRevision) -> String {
        var lines = ["date,call_type,previous,forecast,change"]
        for day in r.days {
            lines.append("\(day.date),\(NumberFormat.csvField(day.callType)),\(ForecastOutputs.fixed(day.previous)),"
                + "\(ForecastOutputs.fixed(day.forecast)),\(day.change.map { String(format: "%.5f", $0) } ?? "")")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Per call type the calls of the days in common before and now, the change, and the
    /// day revised the most; `file` names the earlier forecast.
    public static func table(_ r: ForecastRevision, file: String) -> String {
        let dates = r.dates
        var text = "\nagainst the previous forecast (\(file), \(r.previousFirstDay) to \(r.previousLastDay)): "
            + "\(dates.count) days in common, \(dates.first.map { "\($0)" } ?? "") to \(dates.last.map { "\($0)" } ?? "")\n\n"
        let rows = r.byCallType
        let width = max(9, rows.map(\.callType.count).max() ?? 0)
        text += "call type".padding(toLength: width, withPad: " ", startingAt: 0) + "   previous   forecast  change %\n"
        for row in rows + [("all", rows.reduce(0) { $0 + $1.previous }, rows.reduce(0) { $0 + $1.forecast })] {
            let percent = change(row.previous, row.forecast)
            text += row.callType.padding(toLength: width, withPad: " ", startingAt: 0)
                + String(format: " %10.0f %10.0f ", row.previous, row.forecast)
                + String(repeating: " ", count: max(0, 9 - percent.count)) + percent + "\n"
        }
        if let day = r.largest {
            text += "largest revision: \(day.callType) on \(day.date), \(String(format: "%.0f", day.previous)) → "
                + "\(String(format: "%.0f", day.forecast)) calls (\(change(day.previous, day.forecast)) %)\n"
        }
        if !r.onlyPrevious.isEmpty { text += "only in the previous forecast: \(r.onlyPrevious.joined(separator: ", "))\n" }
        if !r.onlyForecast.isEmpty { text += "not in the previous forecast: \(r.onlyForecast.joined(separator: ", "))\n" }
        return text
    }

    /// The summary's `revision`: `{"previous_first_day", "previous_last_day", "days",
    /// "call_types": {id: {"previous", "forecast", "change"}}, "only_previous", "only_forecast"}`.
    struct Summary: Encodable {
        struct CallType: Encodable {
            let previous: Double, forecast: Double, change: Double?
            func encode(to encoder: Encoder) throws {
                var keys = encoder.container(keyedBy: CodingKeys.self)
                try keys.encode(previous, forKey: .previous)
                try keys.encode(forecast, forKey: .forecast)
                try keys.encode(change, forKey: .change)
            }
            enum CodingKeys: String, CodingKey { case previous, forecast, change }
        }
        let previousFirstDay: String, previousLastDay: String, days: Int
        let callTypes: [String: CallType]
        let onlyPrevious: [String], onlyForecast: [String]
        enum CodingKeys: String, CodingKey {
            case previousFirstDay = "previous_first_day", previousLastDay = "previous_last_day", days
            case callTypes = "call_types", onlyPrevious = "only_previous", onlyForecast = "only_forecast"
        }

        init(_ r: ForecastRevision) {
            previousFirstDay = "\(r.previousFirstDay)"
            previousLastDay = "\(r.previousLastDay)"
            days = r.dates.count
            callTypes = Dictionary(uniqueKeysWithValues: r.byCallType.map { row in
                (row.callType, CallType(previous: row.previous, forecast: row.forecast,
                                        change: row.previous > 0 ? row.forecast / row.previous - 1 : nil))
            })
            (onlyPrevious, onlyForecast) = (r.onlyPrevious, r.onlyForecast)
        }
    }

    /// `+3.2`, `-0.4`, or `–` without earlier calls.
    private static func change(_ previous: Double, _ forecast: Double) -> String {
        previous > 0 ? String(format: "%+.1f", (forecast / previous - 1) * 100) : "–"
    }
}
