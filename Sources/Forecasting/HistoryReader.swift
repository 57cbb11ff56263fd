import ContactCenter

/// Reads the rows of a history CSV: the header's columns, then each row's values,
/// checked (numbers, non-negative, finite), with the line of every problem. Works on the
/// UTF-8 bytes, making a string only of a call type (and of a cell in an error): two
/// years of half-hours for 10 call types (350,000 rows) are read in a fraction of a second.
struct HistoryReader {
    static let required = ["start", "call_type", "offered"]
    static let optional = ["answered", "abandoned", "aht", "acw"]

    let file: String
    private let bytes: [UInt8]
    /// Where the data rows begin (after the header's line break).
    private let bodyStart: Int
    private var columns: [String: Int] = [:]

    /// Whether the `low` and `high` columns of a forecast are read.
    let readsBands: Bool

    init(text: String, file: String, bands: Bool = false) throws {
        self.file = file
        readsBands = bands
        bytes = Array(text.utf8)
        let header = Self.line(in: bytes, from: 0)
        bodyStart = header.next
        let cells = Self.cells(bytes[header.range])
        guard cells.contains(where: { !$0.isEmpty }) else {
            throw HistoryError(file: file, line: 1, "no header: expected start,call_type,offered[,answered,abandoned,aht,acw]")
        }
        for (i, cell) in cells.enumerated() {
            let key = String(decoding: bytes[cell], as: UTF8.self).lowercased()
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
        var rows: [HistoryRow] = []
        var position = bodyStart, lineNumber = 1
        let columns = Columns(columns, bands: readsBands)
        while position < bytes.count {
            let line = Self.line(in: bytes, from: position)
            position = line.next
            lineNumber += 1
            guard lineNumber - 1 <= History.maximumRows else {
                throw HistoryError(file: file, line: nil, "more than \(History.maximumRows) rows")
            }
            let cells = Self.cells(bytes[line.range])
            guard cells.contains(where: { !$0.isEmpty }) else { continue }
            rows.append(try row(cells, columns: columns, at: lineNumber))
        }
        return rows
    }

    /// The indices of the columns read.
    private struct Columns {
        let start: Int, callType: Int, offered: Int
        let answered: Int?, abandoned: Int?, aht: Int?, acw: Int?
        let low: Int?, high: Int?

        init(_ map: [String: Int], bands: Bool) {
            (start, callType, offered) = (map["start"] ?? 0, map["call_type"] ?? 0, map["offered"] ?? 0)
            (answered, abandoned, aht, acw) = (map["answered"], map["abandoned"], map["aht"], map["acw"])
            (low, high) = bands ? (map["low"], map["high"]) : (nil, nil)
        }
    }

    private func row(_ cells: [Range<Int>], columns: Columns, at lineNumber: Int) throws -> HistoryRow {
        func cell(_ i: Int?) -> ArraySlice<UInt8>? {
            guard let i, i < cells.count, !cells[i].isEmpty else { return nil }
            return bytes[cells[i]]
        }
        func number(_ i: Int?, _ name: String) throws -> Double? {
            guard let cell = cell(i) else { return nil }
            let most = name == "aht" || name == "acw" ? History.longestTime : History.mostCalls
            if let value = Self.plainNumber(cell), value <= most { return value }
            let text = String(decoding: cell, as: UTF8.self)
            guard let value = Double(text), value.isFinite else {
                throw HistoryError(file: file, line: lineNumber, "\(name) is not a number: \"\(text)\"")
            }
            guard value >= 0 else { throw HistoryError(file: file, line: lineNumber, "\(name) is negative: \(text)") }
            guard value <= most else {
                throw HistoryError(file: file, line: lineNumber, "\(name) \(text) is beyond \(Int(most)) "
                    + "(\(name == "aht" || name == "acw" ? "seconds" : "calls in one interval"))")
            }
            return value
        }
        guard let startCell = cell(columns.start), let start = Self.dateTime(startCell) else {
            let text = cell(columns.start).map { String(decoding: $0, as: UTF8.self) } ?? ""
            throw HistoryError(file: file, line: lineNumber, "start \"\(text)\" is not a date-time like 2026-03-02T08:30")
        }
        guard let callType = cell(columns.callType) else { throw HistoryError(file: file, line: lineNumber, "no call_type") }
        guard let offered = try number(columns.offered, "offered") else { throw HistoryError(file: file, line: lineNumber, "no offered") }
        _ = try number(columns.abandoned, "abandoned")
        return HistoryRow(line: lineNumber, start: start, callType: String(decoding: callType, as: UTF8.self), offered: offered,
                          answered: try number(columns.answered, "answered"), aht: try number(columns.aht, "aht"),
                          acw: try number(columns.acw, "acw"), low: try number(columns.low, "low"), high: try number(columns.high, "high"))
    }

    /// The line from `start`: its bytes without the line break, and where the next begins
    /// (`\n`, `\r\n` and a lone `\r` each end a line).
    private static func line(in bytes: [UInt8], from start: Int) -> (range: Range<Int>, next: Int) {
        var end = start
        while end < bytes.count && bytes[end] != 0x0A && bytes[end] != 0x0D { end += 1 }
        var next = end
        if next < bytes.count && bytes[next] == 0x0D { next += 1 }
        if next < bytes.count && bytes[next] == 0x0A { next += 1 }
        return (start..<end, next)
    }

    /// The cells of a line split at commas, each without surrounding spaces and tabs.
    private static func cells(_ line: ArraySlice<UInt8>) -> [Range<Int>] {
        var cells: [Range<Int>] = []
        var first = line.startIndex
        func trimmed(_ low: Int, _ high: Int) -> Range<Int> {
            var (a, b) = (low, high)
            while a < b && (line[a] == 0x20 || line[a] == 0x09) { a += 1 }
            while b > a && (line[b - 1] == 0x20 || line[b - 1] == 0x09) { b -= 1 }
            return a..<b
        }
        for i in line.indices where line[i] == UInt8(ascii: ",") {
            cells.append(trimmed(first, i))
            first = i + 1
        }
        cells.append(trimmed(first, line.endIndex))
        return cells
    }

    /// Digits with an optional fraction (`12`, `245.3`), the common case; `nil` for
    /// anything else, which is then read by `Double`.
    private static func plainNumber(_ cell: ArraySlice<UInt8>) -> Double? {
        guard cell.count <= 15 else { return nil }
        var whole = 0, fraction = 0, scale = 1, seenPoint = false
        for byte in cell {
            if byte == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
                continue
            }
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            if seenPoint {
                fraction = fraction * 10 + Int(byte - 0x30)
                scale *= 10
            } else {
                whole = whole * 10 + Int(byte - 0x30)
            }
        }
        guard cell.count > (seenPoint ? 1 : 0) else { return nil }
        return Double(whole) + Double(fraction) / Double(scale)
    }

    /// `YYYY-MM-DDTHH:MM` read from the bytes; anything longer or different by
    /// ``LocalDateTime/init(iso:)`` (seconds, offsets, a space).
    private static func dateTime(_ cell: ArraySlice<UInt8>) -> LocalDateTime? {
        let b = Array(cell)
        func digits(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                guard b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
                value = value * 10 + Int(b[i] - 0x30)
            }
            return value
        }
        guard b.count == 16, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), b[10] == UInt8(ascii: "T"),
              b[13] == UInt8(ascii: ":"), let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10),
              let hour = digits(11..<13), let minute = digits(14..<16), hour < 24, minute < 60,
              let date = CalendarDate(year: year, month: month, day: day) else {
            return LocalDateTime(iso: String(decoding: cell, as: UTF8.self))
        }
        return LocalDateTime(date: date, minuteOfDay: hour * 60 + minute)
    }
}
