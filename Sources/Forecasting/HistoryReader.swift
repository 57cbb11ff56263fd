import Foundation

/// Reads the rows of a history CSV: the header's columns, then each row's values,
/// checked (numbers, non-negative, finite), with the line of every problem.
struct HistoryReader {
    static let required = ["start", "call_type", "offered"]
    static let optional = ["answered", "abandoned", "aht", "acw"]

    let file: String
    private let lines: [Substring]
    private var columns: [String: Int] = [:]

    init(text: String, file: String) throws {
        self.file = file
        lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard let header = lines.first, !header.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw HistoryError(file: file, line: 1, "no header: expected start,call_type,offered[,answered,abandoned,aht,acw]")
        }
        for (i, name) in header.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
            let key = name.trimmingCharacters(in: .whitespaces).lowercased()
            if let earlier = columns[key], (Self.required + Self.optional).contains(key) {
                throw HistoryError(file: file, line: 1, "columns \(earlier + 1) and \(i + 1) are both `\(key)`; "
                    + "keep one (rename or remove the other)")
            }
            columns[key] = i
        }
        for name in Self.required where columns[name] == nil {
            throw HistoryError(file: file, line: 1, "the header has no `\(name)` column (needs start, call_type, offered)")
        }
    }

    /// Every data row (blank lines skipped).
    mutating func rows() throws -> [HistoryRow] {
        guard lines.count - 1 <= History.maximumRows else {
            throw HistoryError(file: file, line: nil, "more than \(History.maximumRows) rows")
        }
        var rows: [HistoryRow] = []
        rows.reserveCapacity(lines.count)
        for (n, line) in lines.enumerated().dropFirst() where !line.allSatisfy(\.isWhitespace) {
            rows.append(try row(line, at: n + 1))
        }
        return rows
    }

    private func row(_ line: Substring, at lineNumber: Int) throws -> HistoryRow {
        let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        func cell(_ name: String) -> String? {
            guard let i = columns[name], i < cells.count, !cells[i].isEmpty else { return nil }
            return cells[i]
        }
        func number(_ name: String) throws -> Double? {
            guard let text = cell(name) else { return nil }
            guard let value = Double(text), value.isFinite else {
                throw HistoryError(file: file, line: lineNumber, "\(name) is not a number: \"\(text)\"")
            }
            guard value >= 0 else { throw HistoryError(file: file, line: lineNumber, "\(name) is negative: \(text)") }
            let most = name == "aht" || name == "acw" ? History.longestTime : History.mostCalls
            guard value <= most else {
                throw HistoryError(file: file, line: lineNumber, "\(name) \(text) is beyond \(Int(most)) (\(name == "aht" || name == "acw" ? "seconds" : "calls in one interval"))")
            }
            return value
        }
        guard let startText = cell("start"), let start = LocalDateTime(iso: startText) else {
            throw HistoryError(file: file, line: lineNumber, "start \"\(cell("start") ?? "")\" is not a date-time like 2026-03-02T08:30")
        }
        guard let callType = cell("call_type") else { throw HistoryError(file: file, line: lineNumber, "no call_type") }
        guard let offered = try number("offered") else { throw HistoryError(file: file, line: lineNumber, "no offered") }
        _ = try number("abandoned")
        return HistoryRow(line: lineNumber, start: start, callType: callType, offered: offered, answered: try number("answered"),
                          aht: try number("aht"), acw: try number("acw"))
    }
}
