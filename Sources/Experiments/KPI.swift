import ContactCenter

/// The key performance indicators ccsim reports, with the names used in
/// `summary.json`, `intervals.csv` and by `ccsim erlang --json` (a public interface).
public enum KPI: String, CaseIterable, Codable, Sendable {
    /// Calls that arrived.
    case arrivals
    /// Calls not blocked (arrivals − blocked).
    case offered
    /// Calls answered by an agent.
    case answered
    /// Calls that hung up while waiting.
    case abandoned
    /// Calls that found every trunk line busy.
    case blocked
    /// Calls still waiting when the simulation ended (no agent left after the horizon).
    case unserved
    /// blocked / arrivals.
    case blockedFraction = "blocked_fraction"
    /// abandoned / offered.
    case abandonFraction = "abandon_fraction"
    /// answered / offered (the documents' "agent answer rate").
    case answerRate = "answer_rate"
    /// Offered calls that waited at all / offered.
    case pWait = "p_wait"
    /// Answered within the threshold / offered.
    case serviceLevel = "service_level"
    /// Mean wait of answered calls (s).
    case asa
    /// Mean wait of offered calls, abandoned ones up to their abandonment (s).
    case meanWait = "mean_wait"
    /// 90th percentile of the wait of offered calls (s).
    case waitP90 = "wait_p90"
    /// 95th percentile of the wait of offered calls (s).
    case waitP95 = "wait_p95"
    /// Mean handle time (talk + after-call work) of answered calls (s).
    case aht
    /// Time-average number of waiting calls.
    case meanQueue = "mean_queue"
    /// Busy agent time / logged-in agent time.
    case occupancy
    /// Time-average number of agents logged in.
    case agents
}

/// One replication's value of each KPI for one subject (a call type, the centre, a
/// group, an interval); `nil` where the KPI is undefined (no calls offered, say).
public typealias KPIValues = [KPI: Double]

/// Turns one replication's counters into KPI values.
enum KPIMeasure {
    /// KPIs of calls described by `counters`, with their wait quantiles, the busy and
    /// logged-in agent time that served them, their queue integral and the duration.
    static func calls(_ c: CallCounters, waits: WaitQuantiles, busyTime: Double,
                      loggedInTime: Double, queueTime: Double, duration: Double) -> KPIValues {
        var v: KPIValues = [
            .arrivals: Double(c.arrivals), .offered: Double(c.offered),
            .answered: Double(c.answered), .abandoned: Double(c.abandoned),
            .blocked: Double(c.blocked), .unserved: Double(c.unserved),
        ]
        let offered = Double(c.offered)
        if c.arrivals > 0 { v[.blockedFraction] = Double(c.blocked) / Double(c.arrivals) }
        if offered > 0 {
            v[.abandonFraction] = Double(c.abandoned) / offered
            v[.answerRate] = Double(c.answered) / offered
            v[.pWait] = Double(c.waited) / offered
            v[.serviceLevel] = Double(c.answeredWithinThreshold) / offered
            v[.meanWait] = (c.waitOfAnswered + c.waitOfAbandoned) / offered
        }
        if c.answered > 0 {
            v[.asa] = c.waitOfAnswered / Double(c.answered)
            v[.aht] = c.handleTime / Double(c.answered)
        }
        v[.waitP90] = waits.p90
        v[.waitP95] = waits.p95
        if duration > 0 { v[.meanQueue] = queueTime / duration }
        if loggedInTime > 0 { v[.occupancy] = busyTime / loggedInTime }
        return v
    }

    /// KPIs of an agent group: occupancy and mean agents logged in.
    static func group(busyTime: Double, loggedInTime: Double, duration: Double) -> KPIValues {
        var v: KPIValues = [:]
        if loggedInTime > 0 { v[.occupancy] = busyTime / loggedInTime }
        if duration > 0 { v[.agents] = loggedInTime / duration }
        return v
    }
}
