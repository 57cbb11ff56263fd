extension Timing {
    /// The length of the overlap of `[a, b)` and `[c, d)` (0 if they do not meet).
    public static func overlap(_ a: Double, _ b: Double, _ c: Double, _ d: Double) -> Double {
        max(0, min(b, d) - max(a, c))
    }

    /// The planning intervals that `[from, to)` covers in part or whole, in order, each
    /// with the share of it covered (0 < share ≤ 1): the one arithmetic by which an
    /// agent's time on the phones counts against the requirement per interval (the
    /// roster programs' rows, a plan's coverage, coverage.csv).
    public func coverage(from: Double, to: Double) -> [(interval: Int, share: Double)] {
        var shares: [(interval: Int, share: Double)] = []
        var i = interval(at: max(0, from))
        while i < intervalCount, start(ofInterval: i) < to {
            let (a, b) = (start(ofInterval: i), end(ofInterval: i))
            let covered = Self.overlap(from, to, a, b)
            if covered > 0 { shares.append((i, covered / (b - a))) }
            i += 1
        }
        return shares
    }
}
