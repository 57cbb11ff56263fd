import Foundation

/// Reads an input file of bounded size: a regular file, a device or a pipe (`-` is
/// standard input), never more than a given number of bytes. Every reader of user files
/// (scenarios, shift templates, agents, histories, calendars, parts) goes through it, so
/// a folder, a missing file or an unreadable one gets the same plain reason, never a
/// Foundation error code.
public enum InputFile {
    /// Why a file could not be read; the caller names the file in its own error type.
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    /// The bytes of `path` (standard input for `-`), at most `maximumBytes` of them.
    /// - Parameter kind: what the file should be, for the message about a folder
    ///   ("a YAML file", "a CSV file").
    /// - Throws: ``Problem`` when it is absent, a folder, unreadable or larger.
    public static func read(_ path: String, maximumBytes: Int, kind: String) throws(Problem) -> Data {
        if path == "-" { return try read(FileHandle.standardInput, maximumBytes: maximumBytes) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw Problem("no such file") }
        guard !isDirectory.boolValue else { throw Problem("is a folder, not \(kind)") }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw Problem("cannot be read (permission denied)") }
        defer { try? handle.close() }
        return try read(handle, maximumBytes: maximumBytes)
    }

    /// At most `maximumBytes` from `handle`: one byte more is read to tell a larger file.
    private static func read(_ handle: FileHandle, maximumBytes: Int) throws(Problem) -> Data {
        let data: Data
        do {
            data = try handle.read(upToCount: maximumBytes + 1) ?? Data()
        } catch {
            throw Problem("cannot be read (\(String(cString: strerror(errno)).lowercased()))")
        }
        guard data.count <= maximumBytes else { throw Problem("is larger than \(sizeText(maximumBytes)); at most that is read") }
        return data
    }

    /// `bytes` in MB or GB, for messages.
    static func sizeText(_ bytes: Int) -> String {
        bytes >= 1 << 30 ? "\(bytes >> 30) GB" : "\(bytes >> 20) MB"
    }
}
