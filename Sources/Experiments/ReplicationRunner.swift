import ContactCenter
import Dispatch
import Foundation

/// Runs the replications of a model, in parallel on several threads.
///
/// Replication k always uses the streams of replication k (derived from the seed),
/// whichever thread runs it, and results are returned in replication order, so the
/// output is identical for any number of threads.
public enum ReplicationRunner {
    /// Runs replications `first..<first+count` of `model` on `threads` threads
    /// (`nil`: one per core).
    public static func run(model: CenterModel, seed: UInt64, replications count: Int,
                           firstReplication first: Int = 0,
                           threads: Int? = nil,
                           progress: ((Int) -> Void)? = nil) throws -> [ReplicationResult] {
        let workers = max(1, min(threads ?? ProcessInfo.processInfo.activeProcessorCount, count))
        let box = ResultBox(count: count)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let k = box.claim() {
                do {
                    let result = try simulateReplication(of: model, seed: seed, replication: first + k)
                    let done = box.store(result, at: k)
                    progress?(done)
                } catch {
                    box.fail(error)
                }
            }
        }
        return try box.results()
    }
}

/// Results shared between worker threads, guarded by a lock.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [ReplicationResult?]
    private var nextIndex = 0
    private var completed = 0
    private var error: Error?

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// The next replication to run, or nil when all are taken (or one failed).
    func claim() -> Int? {
        lock.withLock {
            guard error == nil, nextIndex < slots.count else { return nil }
            defer { nextIndex += 1 }
            return nextIndex
        }
    }

    func store(_ result: ReplicationResult, at index: Int) -> Int {
        lock.withLock {
            slots[index] = result
            completed += 1
            return completed
        }
    }

    func fail(_ failure: Error) {
        lock.withLock { if error == nil { error = failure } }
    }

    func results() throws -> [ReplicationResult] {
        try lock.withLock {
            if let error { throw error }
            return slots.map { $0! }
        }
    }
}
