extension Erlang {
    /// The Erlang B blocking probability: the share of calls that find all `lines` busy when
    /// `offeredLoad` Erlangs are offered to a loss system (M/M/c/c).
    ///
    /// Uses the recursion B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)), which stays within
    /// [0, 1] at every step and so never overflows, even for thousands of lines.
    /// - Precondition: `lines ≥ 0` and `offeredLoad ≥ 0`.
    public static func blockingProbability(lines: Int, offeredLoad: Double) -> Double {
        precondition(lines >= 0 && offeredLoad >= 0, "lines and offered load must be non-negative")
        var blocking = 1.0
        for line in stride(from: 1, through: lines, by: 1) {
            blocking = offeredLoad * blocking / (Double(line) + offeredLoad * blocking)
        }
        return blocking
    }
}
