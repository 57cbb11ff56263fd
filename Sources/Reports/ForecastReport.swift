import ContactCenter
import Forecasting
import Foundation

/// The forecast's HTML report: what a planner looks at first — per call type, the recent
/// daily history with the forecast and its band, and the backtest's error by days ahead
/// against the seasonal naive — then the backtest table.
public enum ForecastReport {
    /// Weeks of daily history shown before the forecast.
    static let weeksShown = 8

    public static func render(_ f: Forecast, source: String) -> String {
        var body = "<h1>Forecast of \(HTMLPage.escape(source))</h1>\n" + meta(f) + "<h2>Backtest</h2>\n" + table(f)
        for c in f.callTypes {
            body += "<h2>\(HTMLPage.escape(c.callType))</h2>\n" + dailyChart(f, c) + horizonChart(c)
        }
        return HTMLPage.wrap(title: "Forecast of \(source)", body: body)
    }

    private static func meta(_ f: Forecast) -> String {
        let rows = [("History", "\(f.history.firstDay) to \(f.history.firstDay.adding(days: f.history.dayCount - 1)) "
                        + "(\(f.history.dayCount) days, \(f.history.intervalMinutes)-minute intervals)"),
                    ("Forecast", "\(f.firstDay) to \(f.firstDay.adding(days: f.days - 1)) (\(f.days) days)"),
                    ("Bands", "\(Int((f.level * 100).rounded())) % prediction intervals, calibrated on the backtest"),
                    ("Offered calls", "as the switch counted them, redials included")]
        return "<dl class=\"meta\">" + rows.map { "<dt>\($0.0)</dt><dd>\(HTMLPage.escape($0.1))</dd>" }.joined() + "</dl>\n"
    }

    private static func table(_ f: Forecast) -> String {
        func cell(_ x: Double?, _ scale: Double = 100, _ digits: Int = 1) -> String {
            x.map { String(format: "%.\(digits)f", $0 * scale) } ?? "–"
        }
        var rows = "<table><tr><th class=\"name\">call type</th><th class=\"name\">model</th><th>daily WAPE %</th>"
            + "<th>naive daily WAPE %</th><th>interval WAPE %</th><th>daily MASE</th><th>busyness CV</th>"
            + "<th>days in band %</th><th>intervals in band %</th></tr>"
        for c in f.callTypes {
            func score(_ m: DailyModel, _ level: BacktestLevel) -> BacktestScore? { c.backtest.first { $0.model == m && $0.level == level } }
            rows += "<tr><td class=\"name\">\(HTMLPage.escape(c.callType))</td><td class=\"name\">\(c.model.rawValue)</td>"
                + "<td>\(cell(score(c.model, .day)?.wape))</td><td>\(cell(score(.seasonalNaive, .day)?.wape))</td>"
                + "<td>\(cell(score(c.model, .interval)?.wape))</td><td>\(cell(score(c.model, .day)?.mase, 1, 2))</td>"
                + "<td>\(cell(c.busynessCV, 1, 3))</td><td>\(cell(c.dailyCoverage))</td><td>\(cell(c.intervalCoverage))</td></tr>"
        }
        return rows + "</table>\n"
    }

    /// The last weeks of daily history, then the forecast with its band.
    private static func dailyChart(_ f: Forecast, _ c: CallTypeForecast) -> String {
        let shown = min(c.historyDaily.count, 7 * weeksShown)
        let past = Array(c.historyDaily.suffix(shown))
        let first = f.history.firstDay.adding(days: c.historyDaily.count - shown)
        let labels = (0..<(shown + f.days)).map { "\(first.adding(days: $0))" }
        let history = past + Array(repeating: nil, count: f.days)
        let forecast: [Double?] = Array(repeating: nil, count: shown) + c.daily.map { $0 }
        let band: [(low: Double, high: Double)?] = Array(repeating: nil, count: shown)
            + zip(c.dailyLow, c.dailyHigh).map { (low: $0, high: $1) }
        return SVGChart.render(SVGChart.LineChart(
            id: "forecast-\(c.callType)", title: "\(c.callType): calls per day, history and forecast (\(c.model.rawValue))",
            xLabels: labels, yLabel: "offered calls per day",
            series: [SVGChart.Series(name: "history", values: history),
                     SVGChart.Series(name: "forecast (\(Int((f.level * 100).rounded())) % band)", values: forecast, band: band)]))
    }

    /// The backtest's daily WAPE by days ahead, the chosen model against the naive.
    private static func horizonChart(_ c: CallTypeForecast) -> String {
        let days = (c.wapeByHorizon[.seasonalNaive] ?? []).count
        guard days > 0 else { return "" }
        return SVGChart.render(SVGChart.LineChart(
            id: "backtest-\(c.callType)", title: "\(c.callType): backtest error of daily totals by days ahead",
            xLabels: (1...days).map(String.init), yLabel: "WAPE",
            series: DailyModel.allCases.map { m in SVGChart.Series(name: m.rawValue, values: c.wapeByHorizon[m] ?? []) }))
    }
}
