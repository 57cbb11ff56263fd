import Statistics

/// A random law that may change with the planning interval: talk time, after-call work
/// or patience, by time of day or by day type, or the same all the time (a table of
/// one law). A call takes the law of the interval in which it arrives, whenever it is
/// answered; a transferred call takes the destination's law of the interval in which it
/// is transferred. This is the only home of a call type's laws: every reader asks for
/// the law of an interval.
public struct IntervalLaws: Sendable, Equatable {
    /// The distinct laws.
    public var laws: [Distribution]
    /// Per planning interval, the index into ``laws`` of the law of calls arriving in it;
    /// empty for a law that holds in every interval (``laws`` then holds it alone).
    public var lawOfInterval: [Int]

    /// A law that changes with the interval.
    public init(laws: [Distribution], lawOfInterval: [Int]) {
        self.laws = laws
        self.lawOfInterval = lawOfInterval
    }

    /// A law that holds in every interval.
    public init(_ law: Distribution) {
        laws = [law]
        lawOfInterval = []
    }

    /// The law, if it is the same in every interval.
    public var constant: Distribution? { lawOfInterval.isEmpty ? laws[0] : nil }

    /// The law of calls arriving in interval `i`.
    public func law(inInterval i: Int) -> Distribution { lawOfInterval.isEmpty ? laws[0] : laws[lawOfInterval[i]] }

    /// The mean of the law of interval `i` (seconds).
    public func mean(inInterval i: Int) -> Double { law(inInterval: i).mean }

    /// Checks that the table is one law, or one law index per interval each naming a
    /// law, and that every law's parameters are valid (``Distribution/validate()``).
    func validate(intervals: Int) throws {
        guard !laws.isEmpty, lawOfInterval.isEmpty ? laws.count == 1 : lawOfInterval.count == intervals,
              lawOfInterval.allSatisfy(laws.indices.contains) else {
            throw ModelError("needs one law, or a law for each of the \(intervals) planning intervals")
        }
        for law in laws { try law.validate() }
    }
}

extension CallType {
    /// The talk time of calls arriving in interval `i` (scenario key `handle_time`).
    public func talkTime(inInterval i: Int) -> Distribution { talk.law(inInterval: i) }

    /// The after-call work of calls arriving in interval `i` (`nil`: none).
    public func afterCallWork(inInterval i: Int) -> Distribution? { afterCallWork?.law(inInterval: i) }

    /// The patience of calls arriving in interval `i` (`nil`: they never abandon).
    public func patience(inInterval i: Int) -> Distribution? { patience?.law(inInterval: i) }

    /// Mean talk plus after-call work of calls arriving in interval `i` (seconds): the
    /// handle time of the Erlang formulas, and what the KPI `aht` measures.
    public func meanHandleTime(inInterval i: Int) -> Double {
        talk.mean(inInterval: i) + (afterCallWork?.mean(inInterval: i) ?? 0)
    }

    /// Whether any of the call type's laws changes with the interval.
    public var lawsVary: Bool {
        [talk, afterCallWork, patience].contains { $0.map { $0.constant == nil } ?? false }
    }
}
