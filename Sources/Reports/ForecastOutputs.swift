import ContactCenter
import Forecasting
import Foundation

/// The files of `ccsim forecast --out DIR`: `forecast.csv` (one row per future interval
/// and call type: `start,call_type,offered,low,high,aht,acw`), `backtest.csv`, `daily.csv` (the
/// history's and the forecast's daily totals), and the monthly totals of a long-range
/// forecast (`forecast-monthly.csv`).
public enum ForecastOutputs {
    /// `start,call_type,offered,low,high,aht,acw`, by start then call type: the expected
    /// calls and their band (2 decimals), the mean talk time and after-call work in
    /// seconds (1 decimal; empty where the history gives none, and in closed intervals).
    public static func forecastCSV(_ f: Forecast) -> String {
        var lines = ["start,call_type,offered,low,high,aht,acw"]
        let n = f.history.perDay
        lines.reserveCapacity(f.days * n * f.callTypes.count + 1)
        for d in 0..<f.days {
            let type = f.dayType(ofDay: d)
            for i in 0..<n {
                let start = f.start(day: d, interval: i).description
                let isOpen = f.open.isOpen(dayType: type, interval: i)
                for c in f.callTypes {
                    let j = d * n + i
                    let talk = isOpen ? c.handleTimes.talk.map { tenths($0[type][i]) } ?? "" : ""
                    let work = isOpen ? c.handleTimes.afterCallWork.map { tenths($0[type][i]) } ?? "" : ""
                    lines.append("\(start),\(NumberFormat.csvField(c.callType)),\(fixed(c.intervals[j])),"
                        + "\(fixed(c.intervalLow[j])),\(fixed(c.intervalHigh[j])),\(talk),\(work)")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `call_type,model,level,days_ahead,wape,mape,mase,chosen`: each model's scores over
    /// all days ahead (`days_ahead` empty), then its daily WAPE by days ahead.
    public static func backtestCSV(_ f: Forecast) -> String {
        var lines = ["call_type,model,level,days_ahead,wape,mape,mase,chosen"]
        func cell(_ x: Double?) -> String { x.map { String(format: "%.5f", $0) } ?? "" }
        for c in f.callTypes {
            let id = NumberFormat.csvField(c.callType)
            for s in c.backtest {
                lines.append("\(id),\(s.model.rawValue),\(s.level.rawValue),,\(cell(s.wape)),\(cell(s.mape)),\(cell(s.mase)),"
                    + "\(s.model == c.model ? "yes" : "no")")
            }
            for model in DailyModel.allCases {
                for (h, wape) in (c.wapeByHorizon[model] ?? []).enumerated() {
                    lines.append("\(id),\(model.rawValue),day,\(h + 1),\(cell(wape)),,,\(model == c.model ? "yes" : "no")")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `date,call_type,kind,offered,low,high`: the history's daily totals (`history`,
    /// estimated where intervals are missing) and the forecast's (`forecast`).
    public static func dailyCSV(_ f: Forecast) -> String {
        var lines = ["date,call_type,kind,offered,low,high"]
        for c in f.callTypes {
            let id = NumberFormat.csvField(c.callType)
            for (d, total) in c.historyDaily.enumerated() {
                lines.append("\(f.history.firstDay.adding(days: d)),\(id),history,\(total.map(fixed) ?? ""),,")
            }
            for d in 0..<f.days {
                lines.append("\(f.firstDay.adding(days: d)),\(id),forecast,\(fixed(c.daily[d])),\(fixed(c.dailyLow[d])),"
                    + "\(fixed(c.dailyHigh[d]))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `month,call_type,offered,low,high,days`: the daily forecasts and bands summed by
    /// calendar month (`days`: the month's days in the horizon). Summing the bands assumes
    /// the days' errors move together: conservative (wider than if they cancelled).
    public static func monthlyCSV(_ f: Forecast) -> String {
        var lines = ["month,call_type,offered,low,high,days"]
        for c in f.callTypes {
            var months: [(key: String, sum: Double, low: Double, high: Double, days: Int)] = []
            for d in 0..<f.days {
                let (year, month, _) = f.firstDay.adding(days: d).components
                let key = String(format: "%04d-%02d", year, month)
                if months.last?.key != key { months.append((key, 0, 0, 0, 0)) }
                months[months.count - 1].sum += c.daily[d]
                months[months.count - 1].low += c.dailyLow[d]
                months[months.count - 1].high += c.dailyHigh[d]
                months[months.count - 1].days += 1
            }
            for m in months {
                lines.append("\(m.key),\(NumberFormat.csvField(c.callType)),\(fixed(m.sum)),\(fixed(m.low)),\(fixed(m.high)),\(m.days)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func fixed(_ x: Double) -> String { String(format: "%.2f", x) }
    private static func tenths(_ x: Double) -> String { String(format: "%.1f", x) }
}
