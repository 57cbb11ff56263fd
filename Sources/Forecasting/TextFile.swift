import Foundation
import Statistics

/// Reads the text of a history or calendar file (`-`: standard input), at most
/// ``maximumBytes``, as UTF-8.
public enum TextFile {
    /// 1 GB: about 20 million history rows.
    public static let maximumBytes = 1 << 30

    /// - Throws: ``HistoryError`` if the file cannot be read, is too large or is not text.
    public static func read(_ path: String) throws -> String {
        let data: Data
        do {
            data = try InputFile.read(path, maximumBytes: maximumBytes, kind: "a CSV file")
        } catch {
            throw HistoryError(file: path, line: nil, error.description)
        }
        guard let text = String(data: data, encoding: .utf8) else { throw HistoryError(file: path, line: nil, "is not UTF-8 text") }
        return text
    }
}
