import ContactCenter
import Forecasting
import Foundation

/// What `ccsim accuracy` prints and writes: the scores of a forecast against actuals by
/// call type (a table), every dimension in `accuracy.csv`, the same as JSON (keys a
/// public interface: add, don't rename), and `report.html` with charts by hour of day,
/// lead time and day.
public enum AccuracyOutputs {
    /// The table: overall, then per call type.
    public static func table(_ a: ForecastAccuracy) -> String {
        var rows = [["call type", "intervals", "actual", "forecast", "WAPE %", "bias %", "MASE", "in band %"]]
        let keys = a.byCallType.keys.sorted()
        for (name, score) in [("all", a.overall)] + keys.map({ ($0, a.byCallType[$0] ?? .init()) }) {
            rows.append([name, "\(score.intervals)", String(format: "%.0f", score.actual), String(format: "%.0f", score.forecast),
                         percent(score.wape), percent(score.bias), score.mase.map { String(format: "%.2f", $0) } ?? "–",
                         percent(score.bandCoverage)])
        }
        let header = "forecast from \(a.firstDay) against actuals: \(a.overall.intervals) intervals matched"
            + (a.unmatched > 0 ? ", \(a.unmatched) without an actual" : "")
            + (a.closed > 0 ? ", \(a.closed) closed and without calls not scored" : "")
            + " (absent actual rows read as \(a.absent == .zero ? "no calls" : "unknown"))\n\n"
        return header + TextTable.layout(rows)
    }

    /// `dimension,key,intervals,actual,forecast,wape,bias,mase,in_band`: `all`, then
    /// `call_type`, `date`, `hour` and `lead_days` rows.
    public static func csv(_ a: ForecastAccuracy) -> String {
        var lines = ["dimension,key,intervals,actual,forecast,wape,bias,mase,in_band"]
        func line(_ dimension: String, _ key: String, _ s: ForecastAccuracy.Score) {
            lines.append("\(dimension),\(NumberFormat.csvField(key)),\(s.intervals),\(fixed(s.actual)),\(fixed(s.forecast)),"
                + "\(cell(s.wape)),\(cell(s.bias)),\(cell(s.mase)),\(cell(s.bandCoverage))")
        }
        line("all", "", a.overall)
        for key in a.byCallType.keys.sorted() { line("call_type", key, a.byCallType[key] ?? .init()) }
        for key in a.byDay.keys.sorted() { line("date", key, a.byDay[key] ?? .init()) }
        for key in a.byHour.keys.sorted() { line("hour", "\(key)", a.byHour[key] ?? .init()) }
        for key in a.byLead.keys.sorted() { line("lead_days", "\(key)", a.byLead[key] ?? .init()) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"first_day", "absent_rows", "unmatched", "closed", "overall": score, "call_types", "dates",
    /// "hours", "lead_days": {key: score}}`, a score being `{"intervals", "actual",
    /// "forecast", "wape", "bias", "mase", "in_band"}` (`null` where undefined).
    public static func json(_ a: ForecastAccuracy) throws -> Data {
        func score(_ s: ForecastAccuracy.Score) -> JSONValue {
            .object(["intervals": .integer(s.intervals), "actual": .number(s.actual), "forecast": .number(s.forecast),
                     "wape": optional(s.wape), "bias": optional(s.bias), "mase": optional(s.mase), "in_band": optional(s.bandCoverage)])
        }
        func group<K: Hashable>(_ scores: [K: ForecastAccuracy.Score]) -> JSONValue {
            .object(Dictionary(uniqueKeysWithValues: scores.map { ("\($0.key)", score($0.value)) }))
        }
        let document = JSONValue.object([
            "first_day": .text("\(a.firstDay)"), "absent_rows": .text(a.absent.rawValue), "unmatched": .integer(a.unmatched), "closed": .integer(a.closed),
            "overall": score(a.overall), "call_types": group(a.byCallType), "dates": group(a.byDay), "hours": group(a.byHour),
            "lead_days": group(a.byLead),
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        var data = try encoder.encode(document)
        data.append(0x0A)
        return data
    }

    /// The HTML report: the table, then WAPE and band coverage by hour of day, WAPE and
    /// bias by lead time, and actual against forecast calls by day.
    public static func report(_ a: ForecastAccuracy, forecast: String, actuals: String) -> String {
        let hours = a.byHour.keys.sorted(), leads = a.byLead.keys.sorted(), days = a.byDay.keys.sorted()
        func values(_ keys: [Int], _ scores: [Int: ForecastAccuracy.Score], _ f: (ForecastAccuracy.Score) -> Double?) -> [Double?] {
            keys.map { scores[$0].flatMap(f) }
        }
        var body = "<h1>Forecast accuracy</h1>\n<dl class=\"meta\"><dt>Forecast</dt><dd>\(HTMLPage.escape(forecast))</dd>"
            + "<dt>Actuals</dt><dd>\(HTMLPage.escape(actuals))</dd></dl>\n<pre>\(HTMLPage.escape(table(a)))</pre>\n"
        body += SVGChart.render(SVGChart.LineChart(
            id: "by-hour", title: "Error and band coverage by hour of day", xLabels: hours.map { String(format: "%02d:00", $0) },
            yLabel: "share", series: [SVGChart.Series(name: "WAPE", values: values(hours, a.byHour) { $0.wape }),
                                      SVGChart.Series(name: "in band", values: values(hours, a.byHour) { $0.bandCoverage })]))
        body += SVGChart.render(SVGChart.LineChart(
            id: "by-lead", title: "Error and bias by days ahead", xLabels: leads.map(String.init), yLabel: "share",
            series: [SVGChart.Series(name: "WAPE", values: values(leads, a.byLead) { $0.wape }),
                     SVGChart.Series(name: "bias", values: values(leads, a.byLead) { $0.bias })]))
        body += SVGChart.render(SVGChart.LineChart(
            id: "by-day", title: "Calls per day, actual and forecast", xLabels: days, yLabel: "offered calls",
            series: [SVGChart.Series(name: "actual", values: days.map { a.byDay[$0]?.actual }),
                     SVGChart.Series(name: "forecast", values: days.map { a.byDay[$0]?.forecast })]))
        return HTMLPage.wrap(title: "Forecast accuracy", body: body)
    }

    private static func optional(_ x: Double?) -> JSONValue { x.map(JSONValue.number) ?? .null }
    private static func percent(_ x: Double?) -> String { x.map { String(format: "%.1f", $0 * 100) } ?? "–" }
    private static func cell(_ x: Double?) -> String { x.map { String(format: "%.5f", $0) } ?? "" }
    private static func fixed(_ x: Double) -> String { String(format: "%.2f", x) }
}
