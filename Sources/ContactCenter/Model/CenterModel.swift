import Statistics

/// A validated, typed description of a contact centre, ready to simulate.
///
/// The ``Scenario`` module builds it from a YAML file; library users may build it
/// directly. All times are in seconds; time 0 is the start of the first planning
/// interval, and the simulated period is `[0, horizon)`, of which the statistics
/// discard the warm-up `[0, warmup)`.
public struct CenterModel: Sendable, Equatable {
    /// A human-readable name for reports.
    public var name: String
    /// Warm-up, horizon and planning intervals.
    public var timing: Timing
    /// Trunk lines shared by all calls; `nil` for unlimited.
    public var trunks: Int?
    /// The call types, in the order of the scenario.
    public var callTypes: [CallType]
    /// The agent groups, in the order of the scenario.
    public var agentGroups: [AgentGroup]
    /// Over-dispersion: each simulated day of each replication, every arrival rate is
    /// multiplied by a random "busyness" factor, gamma-distributed with mean 1 and this
    /// coefficient of variation (`nil`: no such factor, plain Poisson volumes). Real
    /// daily volumes vary more than Poisson; this makes arrivals doubly stochastic.
    public var busynessCV: Double?
    /// The IVR every call passes before it queues for an agent; `nil` for none (calls
    /// go straight to the queue).
    public var ivr: IVR?
    /// Licensed seats: at most this many agents (plus the IVR ports, if the switch
    /// counts them) logged in at once; `nil` for no limit.
    public var seats: Int?
    /// How an arriving call chooses among the idle agents of its groups.
    public var agentSelection: AgentSelection
    /// The shifts of the groups staffed by roster (``AgentGroup/shifts``), and shrinkage.
    public var roster: Roster?
    /// Outbound follow-up work created by answered calls and blended into idle time.
    public var followUps: [FollowUp]
    /// The kinds of day (working days, Saturdays, holidays) with their own volumes,
    /// laws and opening hours; empty: every day alike.
    public var dayTypes: [DayType] = []
    /// When the centre is open on days whose type sets no hours of its own; `nil`:
    /// always (calls arriving while their call type is closed are counted as `closed`).
    public var openingHours: OpeningHours?

    public init(name: String, timing: Timing, trunks: Int? = nil,
                callTypes: [CallType], agentGroups: [AgentGroup], busynessCV: Double? = nil,
                ivr: IVR? = nil, seats: Int? = nil, agentSelection: AgentSelection = .longestIdle,
                roster: Roster? = nil, followUps: [FollowUp] = []) {
        self.name = name
        self.timing = timing
        self.trunks = trunks
        self.callTypes = callTypes
        self.agentGroups = agentGroups
        self.busynessCV = busynessCV
        self.ivr = ivr
        self.seats = seats
        self.agentSelection = agentSelection
        self.roster = roster
        self.followUps = followUps
    }

    /// Seats left for agents: the licensed seats less the IVR ports when the switch
    /// counts them (`Int.max` without a seat limit).
    public var agentSeats: Int {
        guard let seats else { return Int.max }
        let ivrSeats = ivr.map { $0.countsAgainstSeats ? $0.ports : 0 } ?? 0
        return seats - ivrSeats
    }

    /// The index of the call type with the given id.
    public func callTypeIndex(_ id: String) -> Int? {
        callTypes.firstIndex { $0.id == id }
    }
}
