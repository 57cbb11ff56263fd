import Analytics
import Foundation
import ValidationCases
import XCTest

extension ValidationCase {
    /// The case's queue as a staffing model.
    var staffingModel: StaffingModel {
        get throws {
            switch model {
            case "erlangB": return .erlangB
            case "erlangC": return .erlangC
            case "erlangA": return .erlangA(patience: try XCTUnwrap(patienceMean, "\(id): erlangA without patience"))
            case "mmck": return .mmck(lines: lines, patience: patienceMean)
            default: throw AnalyticsError.invalidInput("\(id): unknown model \(model)")
            }
        }
    }

    /// The case's measures from the public formula its `model` names.
    func metricsFromFormula() throws -> QueueMetrics {
        switch try staffingModel {
        case .erlangB:
            XCTAssertEqual(lines, agents, "\(id): Erlang B has as many lines as agents")
            return try Erlang.b(perHour: perHour, aht: aht, lines: agents, slSeconds: slSeconds)
        case .erlangC:
            return try Erlang.c(perHour: perHour, aht: aht, agents: agents, slSeconds: slSeconds)
        case .erlangA(let patience):
            return try Erlang.a(perHour: perHour, aht: aht, agents: agents, patience: patience, slSeconds: slSeconds)
        case .mmck(let lines, let patience):
            return try Erlang.mmck(perHour: perHour, aht: aht, agents: agents, lines: lines, patience: patience,
                                   slSeconds: slSeconds)
        }
    }

    /// The case's measures from the general birth–death chain, whatever its `model`.
    func metricsFromChain() throws -> QueueMetrics {
        try BirthDeathQueue(perHour: perHour, aht: aht, agents: agents, lines: lines, patience: patienceMean)
            .metrics(slSeconds: slSeconds)
    }
}

/// `metrics` as a dictionary under its public JSON keys.
func measuresByKey(_ metrics: QueueMetrics) throws -> [String: Double] {
    let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(metrics))
    let dictionary = try XCTUnwrap(object as? [String: Any])
    return dictionary.compactMapValues { ($0 as? NSNumber)?.doubleValue }
}

/// Asserts `actual` matches `expected` to a relative 10⁻⁶, or to an absolute 10⁻⁹ when
/// `expected` is a numerical zero (below 10⁻¹² in magnitude).
func assertMatchesExact(_ actual: Double, _ expected: Double, _ message: String,
                        file: StaticString = #filePath, line: UInt = #line) {
    if abs(expected) < 1e-12 {
        XCTAssertEqual(actual, expected, accuracy: 1e-9, message, file: file, line: line)
    } else {
        XCTAssertEqual(actual, expected, accuracy: 1e-6 * abs(expected), message, file: file, line: line)
    }
}
