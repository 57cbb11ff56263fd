/// Domain checks shared by every formula, each throwing `AnalyticsError.invalidInput`.
enum InputValidation {
    /// The most agents (and lines) a formula takes: its time grows with them.
    static let maximumAgents = 1_000_000

    /// Checks the description of a queue: volume, handle time, staffing, lines, patience.
    static func checkQueue(perHour: Double, aht: Double, agents: Int, lines: Int?, patience: Double?) throws {
        try checkVolume(perHour: perHour, aht: aht)
        guard agents >= 1 else { throw AnalyticsError.invalidInput("agents must be at least 1, got \(agents)") }
        guard agents <= maximumAgents, (lines ?? 0) <= maximumAgents else {
            throw AnalyticsError.invalidInput("at most \(maximumAgents) agents and lines (the formulas take time in proportion)")
        }
        if let lines, lines < agents {
            throw AnalyticsError.invalidInput("lines (\(lines)) must be at least the number of agents (\(agents))")
        }
        if let patience, !(patience > 0) {
            throw AnalyticsError.invalidInput("mean patience must be positive seconds, got \(patience)")
        }
    }

    /// Checks the arrival volume (calls per hour) and the average handle time (seconds).
    static func checkVolume(perHour: Double, aht: Double) throws {
        guard perHour.isFinite, perHour >= 0 else {
            throw AnalyticsError.invalidInput("calls per hour must be finite and non-negative, got \(perHour)")
        }
        guard aht.isFinite, aht > 0 else {
            throw AnalyticsError.invalidInput(
                "average handle time must be finite and positive seconds, got \(aht)")
        }
    }

    /// Checks a service-level threshold in seconds.
    static func checkThreshold(_ seconds: Double) throws {
        guard seconds.isFinite, seconds >= 0 else {
            throw AnalyticsError.invalidInput(
                "service-level threshold must be finite and non-negative seconds, got \(seconds)")
        }
    }
}
