import Foundation

/// Erlang C — M/M/c, callers never abandon, unlimited lines — in closed form.
///
/// With offered load a = λ/μ and B the Erlang B blocking of c lines,
/// P(wait) = c·B / (c − a·(1 − B)), and a call that waits does so for an exponential time of
/// rate c·μ − λ. Exact at any load below capacity, including loads so close to it that the
/// truncated chain of `BirthDeathQueue` would need millions of states.
struct ErlangCQueue: SteadyStateQueue {
    let perHour: Double
    let aht: Double
    let agents: Int
    /// a = λ/μ in Erlangs.
    let offeredLoad: Double
    /// P(wait > 0).
    let waitProbability: Double
    /// c·μ − λ per second: the rate at which the wait of a waiting call ends.
    let drainRate: Double

    init(perHour: Double, aht: Double, agents: Int) throws {
        try InputValidation.checkQueue(perHour: perHour, aht: aht, agents: agents, lines: nil, patience: nil)
        let load = perHour * aht / 3600
        let servers = Double(agents)
        guard load < servers else {
            throw AnalyticsError.unstable(
                "offered load \(load) Erlangs needs more than \(agents) agents when nobody abandons")
        }
        let blocking = Erlang.blockingProbability(lines: agents, offeredLoad: load)
        self.perHour = perHour
        self.aht = aht
        self.agents = agents
        offeredLoad = load
        waitProbability = servers * blocking / (servers - load * (1 - blocking))
        drainRate = (servers - load) / aht
    }

    /// Nobody is blocked: lines are unlimited.
    var blockedFraction: Double { 0 }

    /// Nobody abandons.
    var abandonFraction: Double { 0 }

    /// P(wait ≤ t) = 1 − P(wait)·e^{−(cμ − λ)t}; every call is answered.
    func serviceLevel(within seconds: Double) -> Double {
        1 - waitProbability * exp(-drainRate * seconds)
    }

    /// The wait's 90th percentile: 0 when at most 10% of calls wait, else log(10·P(wait)) / (cμ − λ).
    private var waitP90: Double {
        waitProbability <= 0.1 ? 0 : log(waitProbability / 0.1) / drainRate
    }

    func metrics(slSeconds: Double) throws -> QueueMetrics {
        try InputValidation.checkThreshold(slSeconds)
        let meanWait = waitProbability / drainRate
        let serviceLevel = serviceLevel(within: slSeconds)
        return QueueMetrics(
            perHour: perHour, aht: aht, agents: agents, lines: nil, patience: nil, slSeconds: slSeconds,
            blockedFraction: 0, abandonFraction: 0, answerRate: 1, pWait: waitProbability,
            serviceLevel: serviceLevel, serviceLevelAllCalls: serviceLevel, serviceLevelAnsweredOnly: serviceLevel,
            abandonedWithinThreshold: 0, serviceLevelExcludingShortAbandons: serviceLevel,
            asa: meanWait, meanWait: meanWait, meanWaitAbandoned: 0,
            occupancy: offeredLoad / Double(agents), meanQueue: perHour / 3600 * meanWait,
            waitP90: waitP90, waitP90Answered: waitP90)
    }
}
