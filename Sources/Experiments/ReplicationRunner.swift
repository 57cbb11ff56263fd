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
    /// The most replications of one run, and the most threads.
    public static let maximumReplications = ModelLimits.replications
    public static let maximumThreads = 256

    /// Runs replications `first..<first+count` of `model` on `threads` threads
    /// (`nil`: one per core), routing calls with `routing`.
    /// - Throws: ``ModelError`` for a model that cannot run, ``RunError`` when the
    ///   results of `count` replications would not fit in half of this machine's memory.
    public static func run<Policy: RoutingPolicy>(
        model: CenterModel, seed: UInt64, replications count: Int, firstReplication first: Int = 0,
        threads: Int? = nil, routing: Policy.Type, progress: (@Sendable (Int) -> Void)? = nil
    ) throws -> [ReplicationResult] {
        try run(model: model, seed: seed, replications: count, firstReplication: first, threads: threads,
                routing: routing, checkingMemory: true, progress: progress)
    }

    private static func run<Policy: RoutingPolicy>(
        model: CenterModel, seed: UInt64, replications count: Int, firstReplication first: Int,
        threads: Int?, routing: Policy.Type, checkingMemory: Bool, progress: (@Sendable (Int) -> Void)?
    ) throws -> [ReplicationResult] {
        try model.validate()
        if checkingMemory { try checkMemory(model: model, replications: count) }
        let workers = max(1, min(threads ?? ProcessInfo.processInfo.activeProcessorCount, count, maximumThreads))
        let box = ResultBox(count: count)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let k = box.claim() {
                do {
                    let result = try simulateReplication(of: model, seed: seed, replication: first + k, routing: routing)
                    let done = box.store(result, at: k)
                    progress?(done)
                } catch {
                    box.fail(error, at: k)
                }
            }
        }
        return try box.results()
    }

    /// Runs replications `first..<first+count` of `model` and adds them, in replication
    /// order, to `accumulator`: waves of a few replications per thread run in parallel,
    /// so memory holds one wave of results whatever the number of replications, and the
    /// statistics are the same for any number of threads.
    public static func accumulate<Policy: RoutingPolicy>(
        into accumulator: inout RunAccumulator, seed: UInt64, replications count: Int, firstReplication first: Int = 0,
        threads: Int? = nil, routing: Policy.Type, progress: (@Sendable (Int) -> Void)? = nil
    ) throws {
        let model = accumulator.model
        let workers = max(1, min(threads ?? ProcessInfo.processInfo.activeProcessorCount, count, maximumThreads))
        let wave = 4 * workers
        var done = 0
        while done < count {
            let size = min(wave, count - done)
            let offset = done
            let results = try run(model: model, seed: seed, replications: size, firstReplication: first + offset,
                                  threads: workers, routing: routing, checkingMemory: false,
                                  progress: progress.map { report in { @Sendable in report(offset + $0) } })
            for result in results { accumulator.add(result) }
            done += size
        }
    }

    /// The summary of replications `0..<count` of `model`, run as
    /// ``accumulate(into:seed:replications:firstReplication:threads:routing:progress:)`` does.
    public static func summary<Policy: RoutingPolicy>(
        model: CenterModel, seed: UInt64, replications count: Int, threads: Int? = nil, routing: Policy.Type,
        confidenceLevel: Double = 0.95, progress: (@Sendable (Int) -> Void)? = nil
    ) throws -> RunSummary {
        var accumulator = RunAccumulator(model: model)
        try accumulate(into: &accumulator, seed: seed, replications: count, threads: threads, routing: routing,
                       progress: progress)
        return accumulator.finalSummary(seed: seed, confidenceLevel: confidenceLevel)
    }

    /// ``summary(model:seed:replications:threads:routing:confidenceLevel:progress:)`` with
    /// the default routing policy, ``SkillBasedRouting``.
    public static func summary(
        model: CenterModel, seed: UInt64, replications count: Int, threads: Int? = nil,
        confidenceLevel: Double = 0.95, progress: (@Sendable (Int) -> Void)? = nil
    ) throws -> RunSummary {
        try summary(model: model, seed: seed, replications: count, threads: threads, routing: SkillBasedRouting.self,
                    confidenceLevel: confidenceLevel, progress: progress)
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

extension ReplicationRunner {
    /// Refuses a run whose results (kept until the summary is made) would not fit in half
    /// of the machine's memory.
    static func checkMemory(model: CenterModel, replications: Int) throws {
        let perResult = WorkEstimate(model: model).collectorBytes
        let (total, overflow) = perResult.multipliedReportingOverflow(by: max(replications, 1))
        let available = Int(clamping: ProcessInfo.processInfo.physicalMemory / 2)
        if overflow || total > available {
            throw RunError("\(replications) replications would keep about "
                + "\(overflow ? "more than \(WorkEstimate.describe(bytes: Int.max))" : WorkEstimate.describe(bytes: total)) of results "
                + "(\(WorkEstimate.describe(bytes: perResult)) each); this machine has \(WorkEstimate.describe(bytes: available * 2)): "
                + "run fewer replications or use a longer interval")
        }
    }
}

/// A run that cannot be made, with why.
public struct RunError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Results shared between worker threads.
private final class ResultBox: Sendable {
    private struct State {
        var slots: [ReplicationResult?]
        var nextIndex = 0
        var completed = 0
        /// The failure of the lowest replication that failed, and its index.
        var error: (any Error)?
        var errorIndex = Int.max
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

    /// Records replication `index`'s failure. Every replication below it was claimed
    /// before it and runs to its end, so keeping the lowest failure reports the same
    /// error whatever the number of threads.
    func fail(_ failure: any Error, at index: Int) {
        state.withLock { s in
            if index < s.errorIndex { (s.error, s.errorIndex) = (failure, index) }
        }
    }

    func results() throws -> [ReplicationResult] {
        try state.withLock { s in
            if let error = s.error { throw error }
            return s.slots.map { $0! }
        }
    }
}
