import Foundation
import Statistics

/// The bounds within which a model runs on an ordinary machine: every size the
/// simulation allocates by, and the work one replication does, is checked against them
/// before anything is allocated, so that no input crashes, hangs or takes memory
/// without bound. A model that passes ``CenterModel/validate()`` can be run.
public enum ModelLimits {
    /// The longest simulated period: a year (and a leap day).
    public static let horizon = 366 * Timing.secondsPerDay
    /// The shortest planning interval.
    public static let shortestInterval = 1.0
    /// The most planning intervals (a year of 5-minute intervals is 105,408; the memory
    /// of a replication's collectors then needs a quarter-hour interval or longer).
    public static let intervals = 110_000
    /// The most replications of one run (a scenario's `replications`, `--replications`).
    public static let replications = 1_000_000
    /// The most call types, and the most agent groups.
    public static let callTypes = 5_000
    public static let agentGroups = 5_000
    /// The largest handle-time factor (proficiency) of a group for a call type.
    public static let handleTimeFactor = 100.0
    /// The most chats an agent may handle at once.
    public static let chatConcurrency = 100
    /// Day types of a calendar.
    public static let dayTypes = 1_000
    /// The most agents a group may have on duty at once.
    public static let agentsPerGroup = 1_000_000
    /// The most trunk lines, IVR ports and seats (counters, but a search may try them all).
    public static let resourceCount = 100_000_000
    /// The most calls one replication may expect (first attempts): about ten minutes of
    /// simulation at 3 to 5 million calls a second.
    public static let callsPerReplication = 2_000_000_000.0
    /// The most calls one replication holds at once — in the centre, waiting to redial or
    /// for a callback — 2^20: about 350 MB of call records, events and queue entries. A
    /// replication that reaches it stops with ``BacklogError`` (the backlog grows without
    /// bound). Finite `trunks` (and `ivr.ports`) keep the calls in the centre below it.
    public static let liveCalls = 1 << 20
    /// The most memory one replication's collectors and agents may take.
    public static let bytesPerReplication = 2 << 30
    /// The longest duration a scenario may give (a handle time, a delay, a deadline).
    public static let longestDuration = 366 * Timing.secondsPerDay
}

/// What one replication of a model will do and hold, estimated before it runs.
public struct WorkEstimate: Sendable, Equatable {
    /// Calls expected to arrive (first attempts, over-dispersion at its mean 1).
    public var expectedCalls: Double
    /// Memory of the per-interval collectors (and of the result made from them).
    public var collectorBytes: Int
    /// Memory of the agents (the largest number each group ever has on duty).
    public var agentBytes: Int

    /// The estimate for one replication of `model` (whose timing must already be valid).
    public init(model: CenterModel) {
        let timing = model.timing
        let n = timing.intervalCount
        expectedCalls = model.callTypes.reduce(0) { total, type in
            total + type.arrivalRates.indices.reduce(0) { sum, i in
                sum + type.arrivalRates[i] * (timing.end(ofInterval: i) - timing.start(ofInterval: i))
            }
        }
        let types = model.callTypes.count, groups = model.agentGroups.count
        let perTypeInterval = MemoryLayout<CallCounters>.stride + QuantileHistogram.Compact.bucketCount * MemoryLayout<UInt32>.stride
            + MemoryLayout<WaitQuantiles>.stride + 2 * MemoryLayout<Double>.stride
        let perGroupInterval = 2 * MemoryLayout<Double>.stride
        collectorBytes = n.multipliedReportingOverflow(by: types * perTypeInterval + groups * perGroupInterval + 64).partialValue
            + types * QuantileHistogram.bucketCount * MemoryLayout<UInt32>.stride
        let agents = model.agentGroups.reduce(0) { total, group in
            total + (group.shifts.isEmpty ? (group.staffing.max() ?? 0) : group.shifts.reduce(0, +))
        }
        agentBytes = agents * MemoryLayout<AgentRecord>.stride
    }

    /// Memory of one replication running, and of its result.
    public var bytesPerReplication: Int { 2 * collectorBytes + agentBytes }

    /// A count that may be beyond any integer: `23999999999`, `1.2e+300`, `infinitely many`.
    public static func describe(count: Double) -> String {
        guard count.isFinite else { return "infinitely many" }
        return count < 1e15 ? String(Int(count.rounded())) : String(format: "%.3g", count)
    }

    /// `1.2 GB`, `350 MB`.
    public static func describe(bytes: Int) -> String {
        let megabytes = Double(bytes) / Double(1 << 20)
        if megabytes < 1 { return "\(Int((Double(bytes) / 1024).rounded(.up))) KB" }
        return megabytes >= 1024 ? "\((megabytes / 1024 * 10).rounded() / 10) GB" : "\(Int(megabytes.rounded(.up))) MB"
    }
}

extension Timing {
    /// Checks the timing before anything is sized by it: a finite horizon of at most
    /// ``ModelLimits/horizon``, an interval of at least ``ModelLimits/shortestInterval``
    /// giving at most ``ModelLimits/intervals`` intervals, a warm-up shorter than the
    /// horizon, a clock start within a day.
    /// - Throws: ``ModelError`` at the key at fault.
    public func validate() throws {
        guard horizon > 0, horizon <= ModelLimits.horizon else {
            throw ModelError("must be a positive duration of at most 366 days (a year)", at: ["horizon"])
        }
        guard intervalLength >= ModelLimits.shortestInterval, intervalLength.isFinite else {
            throw ModelError("must be at least \(Self.format(ModelLimits.shortestInterval))", at: ["interval"])
        }
        guard horizon / intervalLength <= Double(ModelLimits.intervals) else {
            throw ModelError("gives \(Int((horizon / intervalLength).rounded(.up))) intervals over the horizon of "
                + "\(Self.format(horizon)); at most \(ModelLimits.intervals) are allowed: use a longer interval",
                             at: ["interval"])
        }
        guard warmup >= 0, warmup < horizon else {
            throw ModelError("must be shorter than the horizon (\(Self.format(horizon))), got \(Self.format(warmup))",
                             at: ["warmup"])
        }
        guard clockStart >= 0, clockStart < Self.secondsPerDay else {
            throw ModelError("must be a time of day, \"00:00\" to \"23:59\"", at: ["clock_start"])
        }
    }
}
