import ContactCenter
import Forecasting
import Foundation

/// What `ccsim forecast` prints: per call type the model the backtest chose, its errors
/// against the seasonal naive's, the over-dispersion, the bands' backtest coverage and the
/// forecast's total; or the same as JSON (keys a public interface: add, don't rename).
public enum ForecastSummary {
    public static func table(_ f: Forecast) -> String {
        let level = Int((f.level * 100).rounded())
        let out = "forecast of \(f.callTypes.count) call types from \(f.history.dayCount) days of \(f.history.intervalMinutes)-minute "
            + "history: \(f.firstDay) to \(f.firstDay.adding(days: f.days - 1)), \(level) % bands (offered calls, redials included)\n\n"
        var rows = [["call type", "model", "WAPE %", "naive WAPE %", "MASE", "busyness CV", "in band %", "calls"]]
        for c in f.callTypes {
            rows.append([c.callType, c.model.rawValue, percent(score(c, c.model)?.wape), percent(score(c, .seasonalNaive)?.wape),
                         score(c, c.model)?.mase.map { String(format: "%.2f", $0) } ?? "–", String(format: "%.3f", c.busynessCV),
                         percent(c.intervalCoverage), String(format: "%.0f", c.daily.reduce(0, +))])
        }
        return out + TextTable.layout(rows)
    }

    /// `{"first_day", "days", "level", "interval_minutes", "call_types": {id: {"model",
    /// "busyness_cv", "daily_coverage", "interval_coverage", "total", "backtest": [...]}}}`.
    public static func json(_ f: Forecast) throws -> Data {
        struct CallType: Encodable {
            let model: String, busynessCV: Double, dailyCoverage: Double?, intervalCoverage: Double?, total: Double
            let backtest: [BacktestScore]
            enum CodingKeys: String, CodingKey {
                case model, busynessCV = "busyness_cv", dailyCoverage = "daily_coverage"
                case intervalCoverage = "interval_coverage", total, backtest
            }
        }
        struct Document: Encodable {
            let firstDay: String, days: Int, level: Double, intervalMinutes: Int, callTypes: [String: CallType]
            enum CodingKeys: String, CodingKey {
                case firstDay = "first_day", days, level, intervalMinutes = "interval_minutes", callTypes = "call_types"
            }
        }
        let document = Document(
            firstDay: "\(f.firstDay)", days: f.days, level: f.level, intervalMinutes: f.history.intervalMinutes,
            callTypes: Dictionary(uniqueKeysWithValues: f.callTypes.map { c in
                (c.callType, CallType(model: c.model.rawValue, busynessCV: c.busynessCV, dailyCoverage: c.dailyCoverage,
                                      intervalCoverage: c.intervalCoverage, total: c.daily.reduce(0, +), backtest: c.backtest))
            }))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        var data = try encoder.encode(document)
        data.append(0x0A)
        return data
    }

    private static func score(_ c: CallTypeForecast, _ model: DailyModel) -> BacktestScore? {
        c.backtest.first { $0.model == model && $0.level == .day }
    }

    private static func percent(_ x: Double?) -> String { x.map { String(format: "%.1f", $0 * 100) } ?? "–" }
}
