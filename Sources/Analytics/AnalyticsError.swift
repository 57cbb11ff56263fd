import Foundation

/// Why a queueing formula or a staffing search could not produce an answer.
public enum AnalyticsError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// An input is out of its domain (negative volume, no agents, fewer lines than agents, …).
    case invalidInput(String)
    /// Callers never abandon, lines are unlimited and the offered load reaches the agents'
    /// capacity: the queue grows without bound, so there is no steady state.
    case unstable(String)
    /// The exact chain would need more states than the evaluation allows.
    case tooLarge(String)
    /// No staffing within the searched range meets the target.
    case targetUnreachable(String)

    /// The human-readable explanation.
    public var description: String {
        switch self {
        case .invalidInput(let message): return "invalid input: \(message)"
        case .unstable(let message): return "unstable: \(message)"
        case .tooLarge(let message): return "too large: \(message)"
        case .targetUnreachable(let message): return "target unreachable: \(message)"
        }
    }

    public var errorDescription: String? { description }
}
