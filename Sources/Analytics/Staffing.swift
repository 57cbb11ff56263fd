/// The queue a staffing search sizes; volume and handle time are given to the search.
public enum StaffingModel: Sendable, Equatable {
    /// Loss system: as many lines as agents, nobody waits (M/M/c/c).
    case erlangB
    /// Callers never abandon, lines are unlimited (M/M/c).
    case erlangC
    /// Callers hang up after an exponential patience of this mean in seconds, lines are
    /// unlimited (M/M/c+M).
    case erlangA(patience: Double)
    /// At most `lines` calls in the system (`nil`: unlimited) and, unless `patience` is `nil`,
    /// exponential patience of that mean in seconds (M/M/c/K+M).
    case mmck(lines: Int?, patience: Double?)

    /// Lines available when `agents` are staffed.
    func lines(agents: Int) -> Int? {
        switch self {
        case .erlangB: return agents
        case .erlangC, .erlangA: return nil
        case .mmck(let lines, _): return lines
        }
    }

    /// Mean patience in seconds, `nil` when callers never abandon.
    var patience: Double? {
        switch self {
        case .erlangB, .erlangC: return nil
        case .erlangA(let patience): return patience
        case .mmck(_, let patience): return patience
        }
    }
}

/// What a staffing must achieve.
public enum StaffingTarget: Sendable, Equatable, CustomStringConvertible {
    /// P(answered and wait ≤ `withinSeconds` | offered) ≥ `atLeast`.
    case serviceLevel(atLeast: Double, withinSeconds: Double)
    /// Abandoned / offered ≤ `atMost`.
    case abandonFraction(atMost: Double)
    /// Blocked / arriving ≤ `atMost`.
    case blockedFraction(atMost: Double)
    /// Average speed of answer (mean wait of answered calls) ≤ `atMost` seconds.
    case asa(atMost: Double)

    /// The target as a planner writes it: `service level ≥ 0.8 within 20 s`.
    public var description: String {
        switch self {
        case .serviceLevel(let level, let seconds): return "service level ≥ \(level) within \(seconds) s"
        case .abandonFraction(let fraction): return "abandoned fraction ≤ \(fraction)"
        case .blockedFraction(let fraction): return "blocked fraction ≤ \(fraction)"
        case .asa(let seconds): return "ASA ≤ \(seconds) s"
        }
    }

    /// Throws `AnalyticsError.invalidInput` unless the target is a probability (and the
    /// threshold a non-negative number of seconds).
    func validate() throws {
        switch self {
        case .serviceLevel(let level, let seconds):
            try InputValidation.checkThreshold(seconds)
            try Self.checkProbability(level)
        case .abandonFraction(let fraction), .blockedFraction(let fraction):
            try Self.checkProbability(fraction)
        case .asa(let seconds):
            try InputValidation.checkThreshold(seconds)
        }
    }

    private static func checkProbability(_ value: Double) throws {
        guard (0...1).contains(value) else {
            throw AnalyticsError.invalidInput("a staffing target must be between 0 and 1, got \(value)")
        }
    }

    /// A share of offered calls that must be answered to meet the target.
    var answeredFractionNeeded: Double {
        switch self {
        case .serviceLevel(let level, _): return level
        case .abandonFraction(let fraction): return 1 - fraction
        case .blockedFraction, .asa: return 0
        }
    }

    /// Whether `queue` meets the target.
    func isMet(by queue: any SteadyStateQueue) throws -> Bool {
        switch self {
        case .serviceLevel(let level, let seconds): return try queue.serviceLevel(within: seconds) >= level
        case .abandonFraction(let fraction): return queue.abandonFraction <= fraction
        case .blockedFraction(let fraction): return queue.blockedFraction <= fraction
        case .asa(let seconds): return try queue.metrics(slSeconds: 0).asa <= seconds
        }
    }
}

extension Erlang {
    /// The smallest number of agents with which `model`, offered `perHour` calls of mean
    /// handle time `aht` seconds, meets `target`.
    ///
    /// Searches upward, one agent at a time, from a count below which the target is out of
    /// reach: the smallest stable count when nobody abandons and lines are unlimited; with
    /// abandonment and unlimited lines, c ≥ (share to answer)·a, since answered calls per second
    /// cannot exceed c·μ; otherwise 1. The search stops at the model's lines when they are
    /// fixed, else at a + 40·√a + 100 agents.
    /// - Throws: `AnalyticsError.invalidInput` for inputs out of their domain,
    ///   `.targetUnreachable` when no count in the searched range meets the target.
    public static func minimumAgents(model: StaffingModel, perHour: Double, aht: Double,
                                     target: StaffingTarget) throws -> Int {
        try InputValidation.checkVolume(perHour: perHour, aht: aht)
        try target.validate()
        let load = perHour * aht / 3600
        guard load <= 100_000 else {
            throw AnalyticsError.invalidInput("offered load \(load) Erlangs is beyond the staffing search (at most 100,000 Erlangs)")
        }
        let first = firstCandidate(model: model, load: load, target: target)
        let last = lastCandidate(model: model, load: load, first: first)
        for agents in stride(from: first, through: last, by: 1) {
            let queue = try Erlang.queue(perHour: perHour, aht: aht, agents: agents,
                                         lines: model.lines(agents: agents), patience: model.patience)
            if try target.isMet(by: queue) { return agents }
        }
        throw AnalyticsError.targetUnreachable("no staffing from \(first) to \(last) agents meets \(target)")
    }

    /// The smallest number of agents with which `model` answers at least `targetServiceLevel`
    /// of offered calls within `slSeconds`.
    public static func minimumAgents(model: StaffingModel, perHour: Double, aht: Double,
                                     slSeconds: Double, targetServiceLevel: Double) throws -> Int {
        try minimumAgents(model: model, perHour: perHour, aht: aht,
                          target: .serviceLevel(atLeast: targetServiceLevel, withinSeconds: slSeconds))
    }

    /// The first staffing worth evaluating (see `minimumAgents`).
    private static func firstCandidate(model: StaffingModel, load: Double, target: StaffingTarget) -> Int {
        guard model.lines(agents: 1) == nil else { return 1 }
        if (model.patience ?? .infinity) == .infinity { return Int(load.rounded(.down)) + 1 }
        // One below the bound, so that rounding in the product cannot skip the answer.
        return max(1, Int((target.answeredFractionNeeded * load).rounded(.up)) - 1)
    }

    /// The last staffing evaluated (see `minimumAgents`).
    private static func lastCandidate(model: StaffingModel, load: Double, first: Int) -> Int {
        if case .mmck(let lines?, _) = model { return lines }
        return max(first, Int((load + 40 * load.squareRoot()).rounded(.up)) + 100)
    }
}
