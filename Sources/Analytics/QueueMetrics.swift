/// The exact steady-state performance of a queue, per arriving call, first in, first out,
/// together with the inputs it was computed from.
///
/// "Offered" calls are those not blocked by busy lines. Times are in seconds. The JSON keys
/// (`blocked_fraction`, `service_level`, …) are a public interface shared with the simulator's
/// validation cases.
public struct QueueMetrics: Codable, Equatable, Sendable {
    /// Offered calls per hour.
    public let perHour: Double
    /// Mean handle time in seconds.
    public let aht: Double
    /// Number of agents.
    public let agents: Int
    /// Most calls in the system (waiting or talking); `nil` for unlimited.
    public let lines: Int?
    /// Mean patience in seconds; `nil` when callers never abandon.
    public let patience: Double?
    /// The service-level threshold in seconds.
    public let slSeconds: Double

    /// P(all lines busy at arrival): blocked / arriving.
    public let blockedFraction: Double
    /// Abandoned / offered.
    public let abandonFraction: Double
    /// Answered / offered (1 − abandonFraction).
    public let answerRate: Double
    /// P(wait > 0 | offered).
    public let pWait: Double
    /// P(answered and wait ≤ slSeconds | offered); calls finding a free agent count as answered at once.
    public let serviceLevel: Double
    /// P(wait ≤ slSeconds | offered), abandoned calls counted with their wait until they hung up.
    public let serviceLevelAllCalls: Double
    /// P(wait ≤ slSeconds | answered).
    public let serviceLevelAnsweredOnly: Double
    /// P(abandoned and wait ≤ slSeconds | offered): the short abandons.
    public let abandonedWithinThreshold: Double
    /// Service level with short abandons left out of the offered calls:
    /// serviceLevel / (1 − abandonedWithinThreshold).
    public let serviceLevelExcludingShortAbandons: Double
    /// Average speed of answer: the mean wait of answered calls.
    public let asa: Double
    /// Mean wait of offered calls, abandoned ones counting their wait until they hung up.
    public let meanWait: Double
    /// Mean wait of abandoned calls until they hung up (0 when nobody abandons).
    public let meanWaitAbandoned: Double
    /// Time-average share of agents busy.
    public let occupancy: Double
    /// Time-average number of calls waiting.
    public let meanQueue: Double
    /// 90th percentile of the wait of offered calls, abandoned ones counting their wait until they hung up.
    public let waitP90: Double
    /// 90th percentile of the wait of answered calls.
    public let waitP90Answered: Double

    enum CodingKeys: String, CodingKey {
        case perHour = "per_hour"
        case aht
        case agents
        case lines
        case patience = "patience_mean"
        case slSeconds = "sl_seconds"
        case blockedFraction = "blocked_fraction"
        case abandonFraction = "abandon_fraction"
        case answerRate = "answer_rate"
        case pWait = "p_wait"
        case serviceLevel = "service_level"
        case serviceLevelAllCalls = "sl_all_le_t"
        case serviceLevelAnsweredOnly = "sl_answered_only"
        case abandonedWithinThreshold = "abandon_le_t"
        case serviceLevelExcludingShortAbandons = "sl_excl_short_ab"
        case asa
        case meanWait = "mean_wait"
        case meanWaitAbandoned = "mean_wait_abandoned"
        case occupancy
        case meanQueue = "mean_queue"
        case waitP90 = "wait_p90"
        case waitP90Answered = "wait_p90_answered"
    }

    /// The offered load in Erlangs: calls per hour times the average handle time.
    public var offeredLoad: Double { perHour * aht / 3600 }
}
