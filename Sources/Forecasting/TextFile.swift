import Foundation

/// Reads the text of a history or calendar file (`-`: standard input), at most
/// ``maximumBytes``, as UTF-8.
public enum TextFile {
    /// 1 GB: about 20 million history rows.
    public static let maximumBytes = 1 << 30

    /// - Throws: ``HistoryError`` if the file cannot be read, is too large or is not text.
    public static func read(_ path: String) throws -> String {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
            guard let size else { throw HistoryError(file: path, line: nil, "cannot be read (no such file?)") }
            guard size <= maximumBytes else {
                throw HistoryError(file: path, line: nil, "\(size) bytes; at most \(maximumBytes >> 20) MB are read")
            }
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw HistoryError(file: path, line: nil, "cannot be read (\(error.localizedDescription))")
            }
        }
        guard data.count <= maximumBytes else { throw HistoryError(file: path, line: nil, "more than \(maximumBytes >> 20) MB") }
        guard let text = String(data: data, encoding: .utf8) else { throw HistoryError(file: path, line: nil, "is not UTF-8 text") }
        return text
    }
}
