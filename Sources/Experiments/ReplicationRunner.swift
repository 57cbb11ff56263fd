import ContactCenter
import Dispatch
import Foundation
import Synchronization

/// Runs the replications of a model, in parallel on several threads.
///
/// Replication k always uses the streams of replication k (derived from the seed),
/// whichever thread runs it, and results are returned in replication order, so the
/// output is identical for any number of threads.
public enum ReplicationRunner {
    /// Runs replications `first..<first+count` of `model` on `threads` threads
    /// (`nil`: one per core), routing calls with `routing`.
    public static func run<Policy: RoutingPolicy>(
        model: CenterModel, seed: UInt64, replications count: Int, firstReplication first: Int = 0,
        threads: Int? = nil, routing: Policy.Type, progress: (@Sendable (Int) -> Void)? = nil
    ) throws -> [ReplicationResult] {
        let workers = max(1, min(threads ?? ProcessInfo.processInfo.activeProcessorCount, count))
        let box = ResultBox(count: count)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let k = box.claim() {
                do {
                    let result = try simulateReplication(of: model, seed: seed, replication: first + k, routing: routing)
                    let done = box.store(result, at: k)
                    progress?(done)
                } catch {
                    box.fail(error)
                }
            }
        }
        return try box.results()
    }

    /// Runs replications `first..<first+count` of `model` on `threads` threads
    /// (`nil`: one per core) with the default routing policy, ``SkillBasedRouting``.
    public static func run(
        model: CenterModel, seed: UInt64, replications count: Int, firstReplication first: Int = 0,
        threads: Int? = nil, progress: (@Sendable (Int) -> Void)? = nil
    ) throws -> [ReplicationResult] {
        try run(model: model, seed: seed, replications: count, firstReplication: first, threads: threads,
                routing: SkillBasedRouting.self, progress: progress)
    }
}

/// Results shared between worker threads.
private final class ResultBox: Sendable {
    private struct State {
        var slots: [ReplicationResult?]
        var nextIndex = 0
        var completed = 0
        var error: (any Error)?
    }

    private let state: Mutex<State>

    init(count: Int) { state = Mutex(State(slots: Array(repeating: nil, count: count))) }

    /// The next replication to run, or nil when all are taken (or one failed).
    func claim() -> Int? {
        state.withLock { s in
            guard s.error == nil, s.nextIndex < s.slots.count else { return nil }
            defer { s.nextIndex += 1 }
            return s.nextIndex
        }
    }

    func store(_ result: ReplicationResult, at index: Int) -> Int {
        state.withLock { s in
            s.slots[index] = result
            s.completed += 1
            return s.completed
        }
    }

    func fail(_ failure: any Error) {
        state.withLock { s in if s.error == nil { s.error = failure } }
    }

    func results() throws -> [ReplicationResult] {
        try state.withLock { s in
            if let error = s.error { throw error }
            return s.slots.map { $0! }
        }
    }
}
