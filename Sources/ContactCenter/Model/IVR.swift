import Statistics

/// The interactive voice response: a fixed announcement, then a menu, on one of a
/// finite number of ports. A call holds its trunk line throughout.
public struct IVR: Sendable, Equatable {
    /// What a call does when it finds every port busy.
    public enum WhenFull: String, Sendable, Equatable {
        /// The call is lost (busy tone); counted as `ivr_blocked`.
        case block
        /// The call waits, first come first served, for a free port (ringing; callers
        /// do not hang up while they wait for a port).
        case wait
    }

    /// Number of ports (self-service channels).
    public var ports: Int
    public var whenFull: WhenFull
    /// The fixed announcement every call hears first (seconds); it counts in the
    /// response time (arrival to answer).
    public var announcement: Double
    /// Time spent in the menu after the announcement; `nil` for none.
    public var menu: Distribution?
    /// Whether the switch counts IVR ports against the licensed seats.
    public var countsAgainstSeats: Bool

    public init(ports: Int, whenFull: WhenFull = .block, announcement: Double = 0,
                menu: Distribution? = nil, countsAgainstSeats: Bool = false) {
        self.ports = ports
        self.whenFull = whenFull
        self.announcement = announcement
        self.menu = menu
        self.countsAgainstSeats = countsAgainstSeats
    }
}

/// The share of a call type's calls that the IVR completes without an agent.
public struct SelfService: Sendable, Equatable {
    /// Fraction (0…1) of the calls that end in self-service after the menu.
    public var fraction: Double
    /// Time a self-served call then keeps its port (seconds).
    public var duration: Distribution

    public init(fraction: Double, duration: Distribution) {
        self.fraction = fraction
        self.duration = duration
    }
}
