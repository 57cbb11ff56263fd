import Foundation
import Synchronization

/// A command that cannot go on: the message for standard error and the exit status.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    let status: ExitStatus

    init(_ message: String, status: ExitStatus) {
        self.message = message
        self.status = status
    }

    var description: String { message }
}

/// Replications done and time left, on standard error when it is a terminal.
final class ProgressReporter: Sendable {
    private let total: Int
    private let unit: String
    private let start = Date()
    private let enabled = isatty(STDERR_FILENO) != 0
    /// Serialises the lines written by worker threads.
    private let output = Mutex(())

    init(total: Int, unit: String = "replications") {
        self.total = total
        self.unit = unit
    }

    func report(_ done: Int) {
        guard enabled else { return }
        output.withLock { _ in
            guard total > 0 else {
                FileHandle.standardError.write(Data("\r\(done) \(unit) ".utf8))
                return
            }
            let elapsed = Date().timeIntervalSince(start)
            let left = elapsed / Double(done) * Double(total - done)
            FileHandle.standardError.write(Data("\r\(done)/\(total) \(unit), about \(Int(left.rounded())) s left ".utf8))
        }
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

/// Prints `data` (JSON text) on standard output.
func printJSON(_ data: Data) {
    FileHandle.standardOutput.write(data)
}
