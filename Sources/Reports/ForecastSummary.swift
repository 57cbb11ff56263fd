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
                         score(c, c.model)?.mase.map { String(format: "%.2f", $0) } ?? "–", c.busynessCV.map { String(format: "%.3f", $0) } ?? "–",
                         percent(c.intervalCoverage), String(format: "%.0f", c.daily.reduce(0, +))])
        }
        return out + TextTable.layout(rows) + hours(f) + learntEvents(f)
    }

    /// The events whose factor was learnt from the history, and those never seen.
    private static func learntEvents(_ f: Forecast) -> String {
        let e = f.eventEffects
        let learnt = e.factors.keys.sorted().filter { !e.unseen.contains($0) }.map { name in
            let dates = e.occurrences[name] ?? 0
            return "\(name) ×\(String(format: "%.2f", e.factors[name] ?? 1)) (\(dates) past date\(dates == 1 ? "" : "s"))"
        }
        var text = learnt.isEmpty ? "" : "\nevents learnt from the history (all call types): " + learnt.joined(separator: ", ") + "\n"
        if !e.unseen.isEmpty {
            text += "events never seen in the history, factor 1 assumed (give one in the calendar): \(e.unseen.joined(separator: ", "))\n"
        }
        return text
    }

    /// The learnt opening hours and how absent rows were read, when the export has any
    /// closed interval or absent rows were read as zero.
    private static func hours(_ f: Forecast) -> String {
        guard f.open.hasClosedIntervals || f.absent == .zero else { return "" }
        var text = "\nopen (learnt from the history): "
        text += ForecastScenario.dayTypeIds.indices.map { t in
            "\(ForecastScenario.dayTypeIds[t]) \(f.open.hours(dayType: t, intervalMinutes: f.history.intervalMinutes))"
        }.joined(separator: ", ")
        return text + "\nabsent rows in open hours read as \(f.absent == .zero ? "no calls" : "unknown")\n"
    }

    /// Per day type id, its learnt hours (`always`, `closed` or windows).
    private static func openHours(_ f: Forecast) -> [String: String] {
        Dictionary(uniqueKeysWithValues: ForecastScenario.dayTypeIds.indices.map { t in
            (ForecastScenario.dayTypeIds[t], f.open.hours(dayType: t, intervalMinutes: f.history.intervalMinutes))
        })
    }

    /// `{"first_day", "days", "level", "interval_minutes", "absent_rows" (`zero` or
    /// `unknown`), "open" ({day type: hours}), "events" ({"learnt": {name: {"factor",
    /// "past_dates"}}, "unseen": [names]}: calendar events given without a factor, all
    /// call types together), "call_types": {id: {"model",
    /// "busyness_cv", "daily_coverage", "interval_coverage", "total", "backtest": [...]}}}`.
    /// With `revision`, also "revision" (``ForecastRevisionOutputs``): the forecast
    /// against the earlier one of the same days.
    public static func json(_ f: Forecast, revision: ForecastRevision? = nil) throws -> Data {
        struct CallType: Encodable {
            let model: String, busynessCV: Double?, dailyCoverage: Double?, intervalCoverage: Double?, total: Double
            let backtest: [BacktestScore]
            enum CodingKeys: String, CodingKey {
                case model, busynessCV = "busyness_cv", dailyCoverage = "daily_coverage"
                case intervalCoverage = "interval_coverage", total, backtest
            }
            /// Every key always, `null` where a figure is unknown (no backtest).
            func encode(to encoder: Encoder) throws {
                var keys = encoder.container(keyedBy: CodingKeys.self)
                try keys.encode(model, forKey: .model)
                try keys.encode(busynessCV, forKey: .busynessCV)
                try keys.encode(dailyCoverage, forKey: .dailyCoverage)
                try keys.encode(intervalCoverage, forKey: .intervalCoverage)
                try keys.encode(total, forKey: .total)
                try keys.encode(backtest, forKey: .backtest)
            }
        }
        struct Document: Encodable {
            let firstDay: String, days: Int, level: Double, intervalMinutes: Int, absentRows: String, open: [String: String]
            let events: Events
            let callTypes: [String: CallType]
            let revision: ForecastRevisionOutputs.Summary?
            enum CodingKeys: String, CodingKey {
                case firstDay = "first_day", days, level, intervalMinutes = "interval_minutes", absentRows = "absent_rows", open
                case events, callTypes = "call_types", revision
            }
        }
        struct Learnt: Encodable {
            let factor: Double, pastDates: Int
            enum CodingKeys: String, CodingKey { case factor, pastDates = "past_dates" }
        }
        struct Events: Encodable {
            let learnt: [String: Learnt], unseen: [String]
        }
        let document = Document(
            firstDay: "\(f.firstDay)", days: f.days, level: f.level, intervalMinutes: f.history.intervalMinutes,
            absentRows: f.absent.rawValue, open: openHours(f),
            events: Events(learnt: Dictionary(uniqueKeysWithValues: f.eventEffects.occurrences.map { name, count in
                (name, Learnt(factor: f.eventEffects.factors[name] ?? 1, pastDates: count))
            }), unseen: f.eventEffects.unseen),
            callTypes: Dictionary(uniqueKeysWithValues: f.callTypes.map { c in
                (c.callType, CallType(model: c.model.rawValue, busynessCV: c.busynessCV, dailyCoverage: c.dailyCoverage,
                                      intervalCoverage: c.intervalCoverage, total: c.daily.reduce(0, +), backtest: c.backtest))
            }),
            revision: revision.map(ForecastRevisionOutputs.Summary.init))
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
