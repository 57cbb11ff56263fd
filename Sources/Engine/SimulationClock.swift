/// The simulation's clock: the time of the event being handled. Time never goes back.
public struct SimulationClock: Sendable {
    /// Current simulated time (seconds).
    @inlinable public var now: Double { _now }
    /// Number of events handled so far.
    @inlinable public var eventsHandled: Int { _eventsHandled }

    @usableFromInline var _now: Double = 0
    @usableFromInline var _eventsHandled: Int = 0

    public init() {}

    /// Advances to `time` (an event's time) and counts the event.
    @inlinable
    public mutating func advance(to time: Double) {
        precondition(time >= _now, "event list out of order")
        _now = time
        _eventsHandled += 1
    }
}
