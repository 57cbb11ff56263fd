import ContactCenter
import Forecasting
import Foundation

/// The rest of a day's forecast updated from its calls so far (`ccsim intraday`):
/// `intraday.csv`, the printed table and the JSON summary.
public enum IntradayOutputs {
    /// `start,call_type,offered,low,high` from the first interval not yet seen to the
    /// day's end, by start then call type, as `forecast.csv` has them (2 decimals).
    public static func csv(_ u: IntradayUpdate) -> String {
        var lines = ["start,call_type,offered,low,high"]
        let rest = u.callTypes.first?.rest.count ?? 0
        for i in 0..<rest {
            let start = u.start(interval: u.now + i).description
            for c in u.callTypes {
                lines.append("\(start),\(NumberFormat.csvField(c.callType)),\(ForecastOutputs.fixed(c.rest[i])),"
                    + "\(ForecastOutputs.fixed(c.low[i])),\(ForecastOutputs.fixed(c.high[i]))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Per call type the calls so far against the forecast's, the factor, and the rest of
    /// the day before and after the update.
    public static func table(_ u: IntradayUpdate, cv: Double, level: Double) -> String {
        var text = "intraday update of \(u.date) from \(u.start(interval: u.now).description.suffix(5)): "
            + "the calls before then against the forecast's, prior CV \(String(format: "%.3g", cv)), "
            + "\(Int((level * 100).rounded())) % bands (absent rows before then read as \(u.absent == .zero ? "no calls" : "unknown"))\n\n"
        let width = max(9, u.callTypes.map(\.callType.count).max() ?? 0)
        text += "call type".padding(toLength: width, withPad: " ", startingAt: 0)
            + "    so far  forecast so far  factor  rest: forecast  updated\n"
        for c in u.callTypes {
            text += c.callType.padding(toLength: width, withPad: " ", startingAt: 0)
                + String(format: " %9.0f %16.0f %7.3f %15.0f %8.0f\n", c.observed, c.expected, c.factor, c.restBefore,
                         c.rest.reduce(0, +))
        }
        return text
    }

    /// `{"date", "from", "cv", "level", "absent_rows", "call_types": {id: {"observed",
    /// "expected", "factor", "rest_before", "rest_after"}}}`.
    public static func json(_ u: IntradayUpdate, cv: Double, level: Double) throws -> Data {
        struct CallType: Encodable {
            let observed: Double, expected: Double, factor: Double, restBefore: Double, restAfter: Double
            enum CodingKeys: String, CodingKey {
                case observed, expected, factor, restBefore = "rest_before", restAfter = "rest_after"
            }
        }
        struct Document: Encodable {
            let date: String, from: String, cv: Double, level: Double, absentRows: String
            let callTypes: [String: CallType]
            enum CodingKeys: String, CodingKey { case date, from, cv, level, absentRows = "absent_rows", callTypes = "call_types" }
        }
        let document = Document(
            date: "\(u.date)", from: String(u.start(interval: u.now).description.suffix(5)), cv: cv, level: level,
            absentRows: u.absent.rawValue,
            callTypes: Dictionary(uniqueKeysWithValues: u.callTypes.map { c in
                (c.callType, CallType(observed: c.observed, expected: c.expected, factor: c.factor, restBefore: c.restBefore,
                                      restAfter: c.rest.reduce(0, +)))
            }))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        var data = try encoder.encode(document)
        data.append(0x0A)
        return data
    }
}
