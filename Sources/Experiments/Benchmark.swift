import ContactCenter
import Dispatch

/// The speed of the simulation on a model: the best wall time of several runs of its
/// replications, and the calls and events per second it gives.
public struct BenchmarkFigures: Encodable, Sendable {
    public var scenario: String
    public var threads: Int
    public var replications: Int
    /// Calls generated (first attempts and redials) and events handled by one run.
    public var calls: Int
    public var events: Int
    /// The fastest run's wall time.
    public var wallSeconds: Double

    public var callsPerSecond: Double { Double(calls) / wallSeconds }
    public var eventsPerSecond: Double { Double(events) / wallSeconds }

    /// Runs the replications of `model` `repeats` times (at least once) and keeps the
    /// fastest run.
    public init(scenario: String, model: CenterModel, seed: UInt64, replications: Int, threads: Int,
                repeats: Int) throws {
        self.scenario = scenario
        self.threads = threads
        self.replications = replications
        wallSeconds = .infinity
        calls = 0
        events = 0
        for _ in 0..<max(1, repeats) {
            let start = DispatchTime.now().uptimeNanoseconds
            let results = try ReplicationRunner.run(model: model, seed: seed, replications: replications, threads: threads)
            wallSeconds = min(wallSeconds, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            calls = results.reduce(0) { $0 + $1.generatedCalls }
            events = results.reduce(0) { $0 + $1.events }
        }
    }

    enum CodingKeys: String, CodingKey {
        case scenario, threads, replications, calls, events
        case wallSeconds = "wall_seconds", callsPerSecond = "calls_per_second", eventsPerSecond = "events_per_second"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(scenario, forKey: .scenario)
        try c.encode(threads, forKey: .threads)
        try c.encode(replications, forKey: .replications)
        try c.encode(calls, forKey: .calls)
        try c.encode(events, forKey: .events)
        try c.encode(wallSeconds, forKey: .wallSeconds)
        try c.encode(callsPerSecond, forKey: .callsPerSecond)
        try c.encode(eventsPerSecond, forKey: .eventsPerSecond)
    }
}
