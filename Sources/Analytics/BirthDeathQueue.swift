import Foundation

/// The exact steady state of the M/M/c/K+M queue, served first in, first out: Poisson arrivals,
/// `agents` with exponential handle times, optionally callers with exponential patience who hang
/// up when not answered in time, and optionally at most `lines` calls in the system (waiting or
/// talking; a call arriving when all lines are busy is blocked).
///
/// The number of calls in the system is a birth–death chain. Its stationary distribution is built
/// in log space and normalised at the end, so loads of thousands of Erlangs neither overflow nor
/// underflow. With unlimited lines the chain is cut where the neglected tail holds less than
/// 10⁻¹⁸ of the probability. Arriving calls see the stationary distribution (PASTA).
///
/// Without abandonment the cut falls about 41/(1 − ρ) states into the queue, so loads very close
/// to capacity get slow and finally `tooLarge`; `Erlang.c` uses the closed form instead.
public struct BirthDeathQueue: Sendable {
    /// Offered calls per hour.
    public let perHour: Double
    /// Mean handle time in seconds.
    public let aht: Double
    /// Number of agents.
    public let agents: Int
    /// Most calls in the system (waiting or talking); `nil` for unlimited.
    public let lines: Int?
    /// Mean patience in seconds; `nil` (or infinity) when callers never abandon.
    public let patience: Double?
    /// Time-average probability of n calls in the system, at index n.
    public let stateProbabilities: [Double]
    /// What becomes of offered calls, by what they find on arrival.
    let waitingCalls: WaitingCalls

    /// The most states the chain may have before evaluation is refused.
    static let maximumStates = 2_000_000
    /// The tail mass below which the unlimited chain is cut.
    static let negligibleTail = 1e-18

    /// Solves the queue.
    /// - Parameters:
    ///   - perHour: offered calls per hour (Poisson).
    ///   - aht: mean handle time in seconds (exponential).
    ///   - agents: number of agents, at least 1.
    ///   - lines: most calls in the system, at least `agents`; `nil` for unlimited.
    ///   - patience: mean patience in seconds (exponential); `nil` when callers never abandon.
    /// - Throws: `AnalyticsError.invalidInput` for inputs out of their domain,
    ///   `.unstable` when nobody abandons, lines are unlimited and the load reaches the agents'
    ///   capacity, `.tooLarge` when the chain would need more than two million states.
    public init(perHour: Double, aht: Double, agents: Int, lines: Int? = nil, patience: Double? = nil) throws {
        try InputValidation.checkQueue(perHour: perHour, aht: aht, agents: agents, lines: lines, patience: patience)
        self.perHour = perHour
        self.aht = aht
        self.agents = agents
        self.lines = lines
        self.patience = patience
        let chain = BirthDeathChain(arrivalRate: perHour / 3600, serviceRate: 1 / aht, agents: agents,
                                    abandonmentRate: patience.map { 1 / $0 } ?? 0, lines: lines)
        let probabilities = try chain.stationaryDistribution()
        let blocked = lines.map { probabilities[$0] } ?? 0
        let seenByOffered = probabilities[..<(lines ?? probabilities.count)].map { $0 / (1 - blocked) }
        stateProbabilities = probabilities
        waitingCalls = WaitingCalls(seenByOffered: seenByOffered, agents: agents,
                                    serviceRate: chain.serviceRate, abandonmentRate: chain.abandonmentRate)
    }

    /// Share of arriving calls blocked because all lines are busy (0 with unlimited lines).
    public var blockedFraction: Double { lines.map { stateProbabilities[$0] } ?? 0 }

    /// Share of offered (not blocked) calls that hang up before being answered.
    public var abandonFraction: Double { waitingCalls.abandonFraction }

    /// Time-average share of agents busy: Σ πₙ·min(n, c) / c.
    public var occupancy: Double {
        stateProbabilities.enumerated().reduce(0) { $0 + $1.element * Double(min($1.offset, agents)) }
            / Double(agents)
    }

    /// Time-average number of calls waiting: Σ πₙ·max(n − c, 0).
    public var meanQueue: Double {
        stateProbabilities.enumerated().reduce(0) { $0 + $1.element * Double(max($1.offset - agents, 0)) }
    }

    /// Share of offered calls answered within `seconds` (calls finding a free agent count as
    /// answered at once).
    public func serviceLevel(within seconds: Double) throws -> Double {
        try InputValidation.checkThreshold(seconds)
        return WaitDistribution(waitingCalls, horizon: seconds).serviceLevel(within: seconds)
    }

    /// Every per-call measure, with the service level and its variants taken at `slSeconds`.
    public func metrics(slSeconds: Double) throws -> QueueMetrics {
        try InputValidation.checkThreshold(slSeconds)
        let calls = waitingCalls
        let slowest = max(calls.meanWait, calls.asa)
        let horizon = max(slSeconds, WaitDistribution.percentileBracket(0.9, meanWait: slowest))
        let wait = WaitDistribution(calls, horizon: horizon)
        let serviceLevel = wait.serviceLevel(within: slSeconds)
        let allWithin = wait.leftQueue(within: slSeconds)
        let abandonedWithin = max(0, allWithin - serviceLevel)
        return QueueMetrics(
            perHour: perHour, aht: aht, agents: agents, lines: lines, patience: patience, slSeconds: slSeconds,
            blockedFraction: blockedFraction, abandonFraction: calls.abandonFraction,
            answerRate: calls.answeredFraction, pWait: calls.waitProbability, serviceLevel: serviceLevel,
            serviceLevelAllCalls: allWithin,
            serviceLevelAnsweredOnly: wait.answeredOnly(within: slSeconds),
            abandonedWithinThreshold: abandonedWithin,
            serviceLevelExcludingShortAbandons: serviceLevel / (1 - abandonedWithin),
            asa: calls.asa, meanWait: calls.meanWait, meanWaitAbandoned: calls.meanWaitAbandoned,
            occupancy: occupancy, meanQueue: meanQueue,
            waitP90: wait.percentileOfOffered(0.9, meanWait: calls.meanWait),
            waitP90Answered: wait.percentileOfAnswered(0.9, asa: calls.asa))
    }
}

/// The birth–death chain of the number of calls in the system, in per-second rates.
struct BirthDeathChain {
    /// λ, calls per second.
    let arrivalRate: Double
    /// μ = 1 / aht.
    let serviceRate: Double
    /// c.
    let agents: Int
    /// θ = 1 / mean patience (0 when nobody abandons).
    let abandonmentRate: Double
    /// K, or `nil` for unlimited.
    let lines: Int?

    /// Rate of leaving state n: min(n, c)·μ + max(n − c, 0)·θ.
    func departureRate(_ n: Int) -> Double {
        Double(min(n, agents)) * serviceRate + Double(max(n - agents, 0)) * abandonmentRate
    }

    /// πₙ for n = 0 … K, or up to the cut when lines are unlimited.
    func stationaryDistribution() throws -> [Double] {
        if lines == nil, abandonmentRate == 0, arrivalRate >= Double(agents) * serviceRate {
            throw AnalyticsError.unstable(
                "offered load \(arrivalRate / serviceRate) Erlangs needs more than \(agents) agents"
                    + " when nobody abandons")
        }
        let logWeights = try unnormalisedLogWeights()
        let largest = logWeights.max() ?? 0
        let total = logWeights.reduce(0) { $0 + exp($1 - largest) }
        return logWeights.map { exp($0 - largest) / total }
    }

    /// log(πₙ/π₀), from log πₙ₊₁ = log πₙ + log λ − log(departure rate of n + 1).
    private func unnormalisedLogWeights() throws -> [Double] {
        var logWeights = [0.0]
        var largest = 0.0
        while logWeights.count - 1 != lines {
            let n = logWeights.count - 1
            let next = logWeights[n] + log(arrivalRate) - log(departureRate(n + 1))
            logWeights.append(next)
            largest = max(largest, next)
            if lines == nil, tailIsNegligible(after: n + 1, logWeight: next, largest: largest) { break }
            if logWeights.count > BirthDeathQueue.maximumStates {
                throw AnalyticsError.tooLarge("more than \(BirthDeathQueue.maximumStates) states needed;"
                                              + " the load is too close to capacity")
            }
        }
        return logWeights
    }

    /// Whether the mass beyond state n is below `negligibleTail` of the total. The ratios
    /// πₖ₊₁/πₖ = λ / departureRate(k + 1) never grow with k, so once the next one, r, is below 1
    /// the tail is at most πₙ·r / (1 − r).
    private func tailIsNegligible(after n: Int, logWeight: Double, largest: Double) -> Bool {
        let ratio = arrivalRate / departureRate(n + 1)
        guard ratio < 1 else { return false }
        return logWeight - largest + log(ratio / (1 - ratio)) < log(BirthDeathQueue.negligibleTail)
    }
}
