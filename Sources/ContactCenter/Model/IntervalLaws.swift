import Statistics

/// A random law that changes with the planning interval: talk time, after-call work
/// or patience by time of day or by day type. A call takes the law of the interval in
/// which it arrives, whenever it is answered.
public struct IntervalLaws: Sendable, Equatable {
    /// The distinct laws.
    public var laws: [Distribution]
    /// Per planning interval, the index into ``laws`` of the law of calls arriving in it.
    public var lawOfInterval: [Int]

    public init(laws: [Distribution], lawOfInterval: [Int]) {
        self.laws = laws
        self.lawOfInterval = lawOfInterval
    }

    /// The law of calls arriving in interval `i`.
    public func law(inInterval i: Int) -> Distribution { laws[lawOfInterval[i]] }

    /// Checks that there is one law index per interval, each naming a law.
    func validate(intervals: Int) throws {
        guard !laws.isEmpty, lawOfInterval.count == intervals, lawOfInterval.allSatisfy(laws.indices.contains) else {
            throw ModelError("needs a law for each of the \(intervals) planning intervals")
        }
    }
}

extension CallType {
    /// The talk time of calls arriving in interval `i`.
    public func handleTime(inInterval i: Int) -> Distribution {
        handleTimeByInterval?.law(inInterval: i) ?? handleTime
    }

    /// The after-call work of calls arriving in interval `i` (`nil`: none).
    public func afterCallWork(inInterval i: Int) -> Distribution? {
        afterCallWorkByInterval?.law(inInterval: i) ?? afterCallWork
    }

    /// The patience of calls arriving in interval `i` (`nil`: they never abandon).
    public func patience(inInterval i: Int) -> Distribution? {
        patienceByInterval?.law(inInterval: i) ?? patience
    }

    /// Mean talk plus after-call work of calls arriving in interval `i` (seconds).
    public func meanHandleTime(inInterval i: Int) -> Double {
        handleTime(inInterval: i).mean + (afterCallWork(inInterval: i)?.mean ?? 0)
    }
}
