import Foundation

/// Writes a set of output files into a folder all at once: the files are written into a
/// temporary sibling folder which is then renamed, so an interrupted run leaves nothing
/// half-written. The folder is marked as ccsim's own (a `.ccsim-output` file); an
/// existing folder is replaced only when asked, and only if ccsim wrote it.
public struct OutputDirectory {
    /// The file that marks a folder as ccsim's output.
    public static let marker = ".ccsim-output"
    /// The names of the files ccsim writes into output folders: a folder holding nothing
    /// else (written before folders were marked) is ccsim's too.
    public static let ownNames: Set<String> = [
        marker, "summary.json", "intervals.csv", "agent_groups.csv", "requirements.csv", "staffing.csv", "roster.yaml",
        "report.html", "part.json", "results.bin", "schedule.csv", "coverage.csv", "calendars",
    ]

    public let path: String
    public let replaceExisting: Bool

    public init(path: String, replaceExisting: Bool) {
        self.path = path
        self.replaceExisting = replaceExisting
    }

    /// Fails early (before any simulation) unless the folder can be written: absent, or
    /// replaceable (asked for, and ccsim's own), inside a folder this user may write.
    public func checkWritable() throws {
        try OutputLocation.checkNamed(path)
        try OutputLocation.checkNotAroundWorkingFolder(path)
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw OutputError("\(path) is a file, not a folder: choose another --out") }
            guard replaceExisting else { throw OutputError("\(path) already exists; use --force to replace it") }
            let entries = (try? fm.contentsOfDirectory(atPath: path)) ?? []
            if !entries.contains(Self.marker), let foreign = entries.sorted().first(where: { !Self.ownNames.contains($0) }) {
                throw OutputError("\(path) holds files ccsim did not write (such as \(foreign)); --force replaces only "
                    + "output folders ccsim wrote: choose another --out")
            }
        }
        try OutputLocation.checkParentWritable(of: path)
    }

    /// Writes `files` (name → contents) as the folder's whole contents, with the marker.
    public func write(_ files: [(name: String, contents: Data)]) throws {
        try checkWritable()
        let fm = FileManager.default
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            try? fm.removeItem(at: staging)
            TemporaryOutputs.register(staging.path)
            defer { TemporaryOutputs.unregister(staging.path) }
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
            let marker = Data("Written by ccsim. `--force` replaces this folder as a whole.\n".utf8)
            for file in files + [(Self.marker, marker)] {
                let url = staging.appendingPathComponent(file.name)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.contents.write(to: url, options: .atomic)
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
            throw OutputError("cannot write \(path): \(OutputLocation.reason(error))")
        }
    }
}

/// A problem with an output location.
public struct OutputError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Writes one output file at once: into a temporary file beside it, then renamed, so an
/// interrupted run leaves nothing half-written. An existing file is replaced only when
/// asked, and only if it is one ccsim wrote (it contains the `signature` of its kind).
public struct OutputFile {
    public let path: String
    public let replaceExisting: Bool
    /// Text that every file of this kind written by ccsim contains.
    public let signature: String

    public init(path: String, replaceExisting: Bool, signature: String) {
        self.path = path
        self.replaceExisting = replaceExisting
        self.signature = signature
    }

    /// Fails early (before any simulation) unless the file can be written: absent, or
    /// replaceable (asked for, and ccsim's own), in a folder this user may write.
    public func checkWritable() throws {
        try OutputLocation.checkNamed(path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard !isDirectory.boolValue else { throw OutputError("\(path) is a folder, not a file: choose another name") }
            guard replaceExisting else { throw OutputError("\(path) already exists; use --force to replace it") }
            let head = FileHandle(forReadingAtPath: path).flatMap { try? $0.read(upToCount: 64 << 20) } ?? Data()
            guard String(decoding: head, as: UTF8.self).contains(signature) else {
                throw OutputError("\(path) is not a file ccsim wrote; --force replaces only ccsim's own outputs: choose another name")
            }
        }
        try OutputLocation.checkParentWritable(of: path)
    }

    /// An HTML report (every report ccsim writes ends with its footer).
    public static func report(path: String, replaceExisting: Bool) -> OutputFile {
        OutputFile(path: path, replaceExisting: replaceExisting, signature: "<footer>ccsim ")
    }

    /// A study's CSV file (one row per point, the KPIs' columns after the settings).
    public static func studyCSV(path: String, replaceExisting: Bool) -> OutputFile {
        OutputFile(path: path, replaceExisting: replaceExisting, signature: ",arrivals,arrivals_ci_low,arrivals_ci_high,")
    }

    /// A synthetic history (`ccsim history`). Its columns are those of a real history,
    /// so the signature is its call type ids, `type01`, …, which a real one is unlikely
    /// to use.
    public static func historyCSV(path: String, replaceExisting: Bool) -> OutputFile {
        OutputFile(path: path, replaceExisting: replaceExisting, signature: ",type01,")
    }

    public func write(_ contents: Data) throws {
        try checkWritable()
        let target = URL(fileURLWithPath: path).standardizedFileURL
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try contents.write(to: target, options: .atomic)
        } catch {
            throw OutputError("cannot write \(path): \(OutputLocation.reason(error))")
        }
    }
}

/// Checks shared by output folders and files.
enum OutputLocation {
    /// Fails for an empty or blank path: `URL(fileURLWithPath: "")` is the current folder,
    /// which an output must never silently become.
    static func checkNamed(_ path: String) throws {
        guard !path.allSatisfy(\.isWhitespace) else {
            throw OutputError("an empty or blank output path names no folder (is a variable unset?)")
        }
    }

    /// Fails when replacing the folder at `path` would move the current folder, or a
    /// folder above it, away from under the user.
    static func checkNotAroundWorkingFolder(_ path: String) throws {
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL
            .resolvingSymlinksInPath().path
        guard here != target && !here.hasPrefix(target.hasSuffix("/") ? target : target + "/") else {
            throw OutputError("\(path) is the current folder or holds it; write the outputs into a folder of their own")
        }
    }

    /// Fails unless the nearest existing folder above `path` is a folder this user may
    /// write into (the folders in between are created when the output is written).
    static func checkParentWritable(of path: String) throws {
        var folder = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        while !FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) && folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        guard isDirectory.boolValue else { throw OutputError("cannot write \(path): \(folder.path) is a file, not a folder") }
        guard access(folder.path, W_OK) == 0 else {
            throw OutputError("cannot write \(path): no permission to write in \(folder.path)")
        }
    }

    /// A plain reason for a file-system error.
    static func reason(_ error: Error) -> String {
        if let cocoa = error as? CocoaError {
            switch cocoa.code {
            case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or folder"
            case .fileWriteNoPermission, .fileReadNoPermission: return "permission denied"
            case .fileWriteOutOfSpace: return "no space left on the device"
            case .fileWriteVolumeReadOnly: return "the file system is read-only"
            case .fileWriteFileExists: return "a file of that name already exists"
            default: break
            }
        }
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code))).lowercased()
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))).lowercased() }
        return nsError.localizedDescription
    }
}
