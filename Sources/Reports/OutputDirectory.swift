import Foundation

/// Writes a set of output files into a directory all at once: the files are written
/// into a temporary sibling directory which is then renamed, so an interrupted run
/// leaves nothing half-written; an existing directory is replaced only when asked.
public struct OutputDirectory {
    public let path: String
    public let replaceExisting: Bool

    public init(path: String, replaceExisting: Bool) {
        self.path = path
        self.replaceExisting = replaceExisting
    }

    /// Fails early (before any simulation) if the directory exists and may not be replaced.
    public func checkWritable() throws {
        if FileManager.default.fileExists(atPath: path) && !replaceExisting {
            throw OutputError("\(path) already exists; use --force to replace it")
        }
    }

    /// Writes `files` (name → contents) as the directory's whole contents.
    public func write(_ files: [(name: String, contents: Data)]) throws {
        try checkWritable()
        let fm = FileManager.default
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(at: staging)
        try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        do {
            for file in files {
                try file.contents.write(to: staging.appendingPathComponent(file.name), options: .atomic)
            }
            if fm.fileExists(atPath: target.path) {
                let old = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
                try fm.moveItem(at: target, to: old)
                try fm.moveItem(at: staging, to: target)
                try fm.removeItem(at: old)
            } else {
                try fm.moveItem(at: staging, to: target)
            }
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
    }
}

/// A problem with an output location.
public struct OutputError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Writes one output file at once: into a temporary file beside it, then renamed, so
/// an interrupted run leaves nothing half-written; an existing file is replaced only
/// when asked.
public struct OutputFile {
    public let path: String
    public let replaceExisting: Bool

    public init(path: String, replaceExisting: Bool) {
        self.path = path
        self.replaceExisting = replaceExisting
    }

    /// Fails early (before any simulation) if the file exists and may not be replaced.
    public func checkWritable() throws {
        if FileManager.default.fileExists(atPath: path) && !replaceExisting {
            throw OutputError("\(path) already exists; use --force to replace it")
        }
    }

    public func write(_ contents: Data) throws {
        try checkWritable()
        let target = URL(fileURLWithPath: path).standardizedFileURL
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try contents.write(to: target, options: .atomic)
    }
}
