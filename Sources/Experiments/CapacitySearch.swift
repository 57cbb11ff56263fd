import ContactCenter
import Statistics

/// Where targets must hold: over the whole reported period, or in every interval.
public enum TargetScope: String, Sendable, CaseIterable {
    case day, interval
}

extension RunSummary {
    /// The targets that fail, as `kpi (where)`: for the centre (all call types together)
    /// and its resources, over the period or in each reported interval whose start lies
    /// in `window` (a time of day, in seconds after the start of each day; all intervals
    /// if `nil`).
    public func failures(of targets: [KPITarget], over scope: TargetScope,
                         window: Range<Double>? = nil) -> [String] {
        var failed: [String] = []
        for target in targets {
            switch scope {
            case .day:
                if !target.isMet(by: total[target.kpi] ?? resources[target.kpi]) { failed.append(target.kpi.rawValue) }
            case .interval:
                for interval in intervals(startingIn: window) {
                    let ci = interval.total[target.kpi] ?? interval.resources[target.kpi]
                    if !target.isMet(by: ci) { failed.append("\(target.kpi.rawValue) (\(model.timing.label(interval.start)))") }
                }
            }
        }
        return failed
    }
}

/// The smallest amount of a resource (seats, IVR ports, lines, agents) for which a run
/// meets its targets, found by a search that assumes more of the resource never hurts.
///
/// Every amount is evaluated with the same seed and replications (common random
/// numbers), which keeps the evaluations of neighbouring amounts nearly monotone.
public struct CapacitySearch {
    /// One amount evaluated: whether it meets the targets, and what fails if not.
    public struct Point: Sendable {
        public var amount: Int
        public var summary: RunSummary
        public var failures: [String]
        public var meets: Bool { failures.isEmpty }
    }

    /// The smallest sufficient amount (`nil` if even `maximum` does not suffice) and
    /// every amount evaluated, in increasing order.
    public var smallest: Int?
    public var curve: [Point]

    /// Searches `minimum...maximum`, starting at `start`: if `start` suffices, a binary
    /// search below it; else doubling steps up to the first sufficient amount, then a
    /// binary search. `evaluate(n)` runs the scenario with amount n; `failures` lists
    /// the targets a run misses. The two neighbours of the answer are evaluated too, to
    /// show the curve around it.
    public init(minimum: Int, maximum: Int, start: Int,
                evaluate: (Int) throws -> RunSummary, failures: (RunSummary) -> [String]) throws {
        var points: [Int: Point] = [:]
        func point(_ n: Int) throws -> Point {
            if let known = points[n] { return known }
            let summary = try evaluate(n)
            let p = Point(amount: n, summary: summary, failures: failures(summary))
            points[n] = p
            return p
        }
        var low = minimum - 1  // largest amount known to fail (minimum − 1: none yet)
        var high: Int?         // smallest amount known to suffice
        var n = min(max(start, minimum), maximum)
        while high == nil {
            if try point(n).meets {
                high = n
            } else {
                low = n
                guard n < maximum else { break }
                n = min(maximum, max(n + 1, 2 * n))
            }
        }
        if var high {
            while high - low > 1 {
                let mid = (low + high) / 2
                if try point(mid).meets { high = mid } else { low = mid }
            }
            if high > minimum { _ = try point(high - 1) }
            if high < maximum { _ = try point(high + 1) }
            smallest = high
        } else {
            smallest = nil
        }
        curve = points.values.sorted { $0.amount < $1.amount }
    }
}
