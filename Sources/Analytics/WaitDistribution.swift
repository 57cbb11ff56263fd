import Foundation

/// The distribution of the wait of offered calls, from which service levels and wait
/// percentiles follow.
///
/// A call finding j calls ahead waits through phases of rates νⱼ, …, ν₀ (see `WaitingCalls`).
/// The phases are uniformized at rate Λ = max νⱼ: after n ticks of a Poisson(Λ) clock the
/// probability Fₙ(j) of having gone through every phase obeys
/// Fₙ(j) = (νⱼ/Λ)·Fₙ₋₁(j − 1) + (1 − νⱼ/Λ)·Fₙ₋₁(j), with F(−1) = 1 and F₀(j) = 0, and the
/// probability Gₙ(j) of having left the queue, to an agent or by hanging up, obeys
/// Gₙ(j) = θ/Λ + ((νⱼ − θ)/Λ)·Gₙ₋₁(j − 1) + (1 − νⱼ/Λ)·Gₙ₋₁(j),
/// with G(−1) = 1 and G₀(j) = 0.
/// Every term is non-negative, so nothing cancels (unlike the closed form of the
/// hypoexponential distribution). Mixed over positions once, these give tables that do not
/// depend on t, and P(… ≤ t) = Σₙ Poisson(n; Λt)·table[n] for any t up to the horizon.
struct WaitDistribution {
    /// Probability that an offered call finds a free agent.
    let immediateAnswerProbability: Double
    /// Answered / offered.
    let answeredFraction: Double
    /// Λ, the uniformization rate (0 when no call ever waits).
    let uniformRate: Double
    /// Σⱼ qⱼ·P(answered | j)·Fₙ(j) at index n: answered within n ticks, per offered call.
    let answeredWithinTicks: [Double]
    /// Σⱼ qⱼ·Gₙ(j) at index n: left the queue within n ticks, per offered call.
    let leftQueueWithinTicks: [Double]

    /// Tables good for every t in 0 … `horizon` seconds.
    init(_ calls: WaitingCalls, horizon: Double) {
        immediateAnswerProbability = calls.immediateAnswerProbability
        answeredFraction = calls.answeredFraction
        let rate = calls.positions.map(\.phaseRate).max() ?? 0
        uniformRate = rate
        let ticks = PoissonMixture.window(mean: rate * horizon).upperBound
        (answeredWithinTicks, leftQueueWithinTicks) = Self.tables(calls, uniformRate: rate, ticks: ticks)
    }

    /// Runs the recursions for F and G over `ticks` ticks, mixing over positions after each.
    private static func tables(_ calls: WaitingCalls, uniformRate: Double, ticks: Int) -> ([Double], [Double]) {
        let positions = calls.positions
        guard !positions.isEmpty else { return ([0], [0]) }
        let hangUp = calls.abandonmentRate / uniformRate
        let finish = positions.map { $0.phaseRate / uniformRate }
        let advance = positions.map { ($0.phaseRate - calls.abandonmentRate) / uniformRate }
        let answeredWeight = positions.map { $0.arrivalProbability * $0.answerProbability }
        let arrivalWeight = positions.map(\.arrivalProbability)
        var throughAllPhases = [Double](repeating: 0, count: positions.count)
        var leftQueue = throughAllPhases
        var answeredTable = [0.0]
        var leftTable = [0.0]
        for _ in 0..<ticks {
            for j in positions.indices.reversed() {
                let throughAhead = j > 0 ? throughAllPhases[j - 1] : 1
                let leftAhead = j > 0 ? leftQueue[j - 1] : 1
                throughAllPhases[j] = finish[j] * throughAhead + (1 - finish[j]) * throughAllPhases[j]
                leftQueue[j] = hangUp + advance[j] * leftAhead + (1 - finish[j]) * leftQueue[j]
            }
            answeredTable.append(zip(answeredWeight, throughAllPhases).reduce(0) { $0 + $1.0 * $1.1 })
            leftTable.append(zip(arrivalWeight, leftQueue).reduce(0) { $0 + $1.0 * $1.1 })
        }
        return (answeredTable, leftTable)
    }

    /// P(answered and wait ≤ t | offered), calls finding a free agent counting as answered at once.
    func serviceLevel(within t: Double) -> Double {
        immediateAnswerProbability + PoissonMixture.mix(answeredWithinTicks, mean: uniformRate * t)
    }

    /// P(wait ≤ t | offered), abandoned calls counted with their wait until they hang up.
    func leftQueue(within t: Double) -> Double {
        immediateAnswerProbability + PoissonMixture.mix(leftQueueWithinTicks, mean: uniformRate * t)
    }

    /// P(wait ≤ t | answered).
    func answeredOnly(within t: Double) -> Double {
        answeredFraction > 0 ? serviceLevel(within: t) / answeredFraction : 0
    }

    /// The `level` quantile of the wait of offered calls, given their mean wait.
    func percentileOfOffered(_ level: Double, meanWait: Double) -> Double {
        Self.percentile(level, atZero: immediateAnswerProbability,
                        upTo: Self.percentileBracket(level, meanWait: meanWait), cdf: leftQueue(within:))
    }

    /// The `level` quantile of the wait of answered calls, given their mean wait (`asa`).
    func percentileOfAnswered(_ level: Double, asa: Double) -> Double {
        guard answeredFraction > 0 else { return 0 }
        return Self.percentile(level, atZero: immediateAnswerProbability / answeredFraction,
                               upTo: Self.percentileBracket(level, meanWait: asa), cdf: answeredOnly(within:))
    }

    /// A wait that the `level` quantile cannot exceed: by Markov's inequality
    /// P(W > t) ≤ E[W]/t, so P(W ≤ E[W]/(1 − level)) ≥ level.
    static func percentileBracket(_ level: Double, meanWait: Double) -> Double {
        meanWait / (1 - level)
    }

    /// The smallest t in [0, `upperBound`] with cdf(t) ≥ `level`, by bisection to a relative
    /// 10⁻¹²; 0 when the probability of not waiting at all, `atZero`, already reaches `level`.
    private static func percentile(_ level: Double, atZero: Double, upTo upperBound: Double,
                                   cdf: (Double) -> Double) -> Double {
        guard atZero < level else { return 0 }
        var low = 0.0
        var high = upperBound
        while high - low > 1e-12 * high {
            let middle = (low + high) / 2
            if cdf(middle) >= level { high = middle } else { low = middle }
        }
        return high
    }
}

/// Sums of a table indexed by n, weighted by the Poisson probabilities of n.
enum PoissonMixture {
    /// The counts n outside which Poisson(`mean`) holds less than 10⁻³⁰: mean ± (12·√mean + 40).
    static func window(mean: Double) -> ClosedRange<Int> {
        let spread = 12 * mean.squareRoot() + 40
        return Int(max(0, mean - spread).rounded(.down))...Int((mean + spread).rounded(.up))
    }

    /// Σₙ Poisson(n; `mean`)·table[n], with the weights computed in log space so that large
    /// means neither overflow nor underflow.
    /// - Precondition: `table` covers the window of `mean`.
    static func mix(_ table: [Double], mean: Double) -> Double {
        guard mean > 0 else { return table[0] }
        let counts = window(mean: mean)
        precondition(counts.upperBound < table.count, "wait table too short for this time")
        let logMean = log(mean)
        return counts.reduce(0) { sum, n in
            sum + exp(Double(n) * logMean - mean - logFactorial(n)) * table[n]
        }
    }

    /// log(n!) by the re-entrant log-gamma (plain `lgamma` writes a global, unsafe across threads).
    private static func logFactorial(_ n: Int) -> Double {
        var sign: Int32 = 0
        return lgamma_r(Double(n + 1), &sign)
    }
}
