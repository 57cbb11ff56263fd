/// What becomes of offered calls, first in, first out, according to what they find on arrival.
///
/// A call that finds a free agent is answered at once. A call that finds j ≥ 0 calls waiting
/// ahead of it goes through phases i = j, j − 1, …, 0. Phase i ends at rate νᵢ = c·μ + (i + 1)·θ
/// (an agent frees up, one of the i calls ahead hangs up, or the call itself hangs up); the call
/// then moves on with probability (νᵢ − θ)/νᵢ — after phase 0, to an agent — or abandons with
/// probability θ/νᵢ. A phase's length does not depend on how it ends.
struct WaitingCalls: Sendable {
    /// The fate of a call that finds a given number of calls waiting ahead of it.
    struct Position: Sendable {
        /// Probability that an offered call finds this position.
        let arrivalProbability: Double
        /// νⱼ, the rate of the first phase.
        let phaseRate: Double
        /// Π (νᵢ − θ)/νᵢ, i = 0 … j: probability that the call reaches an agent.
        let answerProbability: Double
        /// 1 − answerProbability, accumulated without cancellation.
        let abandonProbability: Double
        /// Σ 1/νᵢ, i = 0 … j: the mean wait given the call is answered.
        let meanWaitIfAnswered: Double
        /// E[wait · 1{abandons}]: the mean wait spent by calls that end up abandoning, per call.
        let abandonedWaitShare: Double
    }

    /// θ, the hang-up rate of one waiting caller.
    let abandonmentRate: Double
    /// Probability that an offered call finds a free agent.
    let immediateAnswerProbability: Double
    /// Positions j = 0, 1, … in the queue.
    let positions: [Position]

    /// - Parameter seenByOffered: probability that an offered call finds n calls in the system,
    ///   at index n.
    init(seenByOffered: [Double], agents: Int, serviceRate: Double, abandonmentRate: Double) {
        self.abandonmentRate = abandonmentRate
        immediateAnswerProbability = seenByOffered.prefix(agents).reduce(0, +)
        var positions: [Position] = []
        for (j, arrival) in seenByOffered.dropFirst(agents).enumerated() {
            let rate = Double(agents) * serviceRate + Double(j + 1) * abandonmentRate
            positions.append(Self.position(arrival: arrival, rate: rate, theta: abandonmentRate,
                                           next: positions.last))
        }
        self.positions = positions
    }

    /// Position j from position j − 1 (`next`, the one reached after this phase; `nil` for j = 0).
    private static func position(arrival: Double, rate: Double, theta: Double, next: Position?) -> Position {
        let advance = (rate - theta) / rate
        let nextAnswer = next?.answerProbability ?? 1
        let abandon = theta / rate + advance * (next?.abandonProbability ?? 0)
        return Position(
            arrivalProbability: arrival, phaseRate: rate,
            answerProbability: advance * nextAnswer,
            abandonProbability: abandon,
            meanWaitIfAnswered: 1 / rate + (next?.meanWaitIfAnswered ?? 0),
            abandonedWaitShare: abandon / rate + advance * (next?.abandonedWaitShare ?? 0))
    }

    /// P(wait > 0 | offered).
    var waitProbability: Double { positions.reduce(0) { $0 + $1.arrivalProbability } }

    /// Answered / offered.
    var answeredFraction: Double {
        immediateAnswerProbability + positions.reduce(0) { $0 + $1.arrivalProbability * $1.answerProbability }
    }

    /// Abandoned / offered.
    var abandonFraction: Double {
        positions.reduce(0) { $0 + $1.arrivalProbability * $1.abandonProbability }
    }

    /// Average speed of answer: the mean wait of answered calls.
    var asa: Double {
        let answered = answeredFraction
        guard answered > 0 else { return 0 }
        return positions.reduce(0) {
            $0 + $1.arrivalProbability * $1.answerProbability * $1.meanWaitIfAnswered
        } / answered
    }

    /// Mean wait of offered calls, abandoned ones counting their wait until they hang up.
    var meanWait: Double {
        positions.reduce(0) {
            $0 + $1.arrivalProbability * ($1.answerProbability * $1.meanWaitIfAnswered + $1.abandonedWaitShare)
        }
    }

    /// Mean wait of abandoned calls until they hang up (0 when nobody abandons).
    var meanWaitAbandoned: Double {
        let abandoned = abandonFraction
        guard abandoned > 0 else { return 0 }
        return positions.reduce(0) { $0 + $1.arrivalProbability * $1.abandonedWaitShare } / abandoned
    }
}
