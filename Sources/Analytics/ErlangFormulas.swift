/// Exact steady-state formulas of the classic contact-centre queues, in planning units:
/// volumes in calls per hour, times in seconds. Every formula returns the full set of
/// per-call measures (`QueueMetrics`) and throws `AnalyticsError` on inputs out of their domain
/// or on a queue with no steady state.
public enum Erlang {
    /// Erlang B: `lines` agents and as many lines, so nobody waits and calls finding every
    /// agent busy are blocked (M/M/c/c).
    public static func b(perHour: Double, aht: Double, lines: Int, slSeconds: Double) throws -> QueueMetrics {
        try mmck(perHour: perHour, aht: aht, agents: lines, lines: lines, patience: nil, slSeconds: slSeconds)
    }

    /// Erlang C: callers never abandon and lines are unlimited (M/M/c), in closed form.
    /// Throws `AnalyticsError.unstable` unless the offered load is below `agents`.
    public static func c(perHour: Double, aht: Double, agents: Int, slSeconds: Double) throws -> QueueMetrics {
        try mmck(perHour: perHour, aht: aht, agents: agents, lines: nil, patience: nil, slSeconds: slSeconds)
    }

    /// Erlang A: callers hang up after an exponential patience of mean `patience` seconds,
    /// lines are unlimited (M/M/c+M). Stable at any load.
    public static func a(perHour: Double, aht: Double, agents: Int, patience: Double,
                         slSeconds: Double) throws -> QueueMetrics {
        try mmck(perHour: perHour, aht: aht, agents: agents, lines: nil, patience: patience, slSeconds: slSeconds)
    }

    /// The general M/M/c/K+M queue: at most `lines` calls in the system (`nil`: unlimited) and,
    /// unless `patience` is `nil`, callers hanging up after an exponential patience of that
    /// mean in seconds.
    public static func mmck(perHour: Double, aht: Double, agents: Int, lines: Int?, patience: Double?,
                            slSeconds: Double) throws -> QueueMetrics {
        try queue(perHour: perHour, aht: aht, agents: agents, lines: lines, patience: patience)
            .metrics(slSeconds: slSeconds)
    }

    /// The exact model of a queue: the Erlang C closed form when nobody abandons and lines are
    /// unlimited, the birth–death chain otherwise.
    static func queue(perHour: Double, aht: Double, agents: Int, lines: Int?,
                      patience: Double?) throws -> any SteadyStateQueue {
        if lines == nil, (patience ?? .infinity) == .infinity {
            return try ErlangCQueue(perHour: perHour, aht: aht, agents: agents)
        }
        return try BirthDeathQueue(perHour: perHour, aht: aht, agents: agents, lines: lines, patience: patience)
    }
}

/// What the formulas and the staffing search need from an exact queue model.
protocol SteadyStateQueue {
    /// Blocked / arriving.
    var blockedFraction: Double { get }
    /// Abandoned / offered.
    var abandonFraction: Double { get }
    /// P(answered and wait ≤ `seconds` | offered).
    func serviceLevel(within seconds: Double) throws -> Double
    /// Every per-call measure at the service-level threshold `slSeconds`.
    func metrics(slSeconds: Double) throws -> QueueMetrics
}

extension BirthDeathQueue: SteadyStateQueue {}
