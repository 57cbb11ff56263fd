import Foundation
import Synchronization

/// The temporary folders outputs are being written in, so that an interrupted run can
/// remove them before it exits.
public enum TemporaryOutputs {
    private static let paths = Mutex(Set<String>())

    static func register(_ path: String) { _ = paths.withLock { $0.insert(path) } }
    static func unregister(_ path: String) { _ = paths.withLock { $0.remove(path) } }

    /// Removes every temporary folder still registered (for a signal handler's thread).
    public static func removeAll() {
        let pending = paths.withLock { $0 }
        for path in pending { try? FileManager.default.removeItem(atPath: path) }
    }
}
