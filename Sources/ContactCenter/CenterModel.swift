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

/// The simulated period and its division into planning intervals.
public struct Timing: Sendable, Equatable {
    /// Statistics of calls arriving before this time are discarded (seconds).
    public var warmup: Double
    /// Arrivals stop at the horizon; calls still in the centre are finished (seconds).
    public var horizon: Double
    /// Length of a planning interval (seconds); the last interval may be shorter.
    public var intervalLength: Double
    /// The time of day at time 0, in seconds after midnight (08:00 for a centre whose
    /// day starts at eight): reports show clock times, and shift starts are clock times.
    public var clockStart: Double

    public init(warmup: Double, horizon: Double, intervalLength: Double, clockStart: Double = 0) {
        self.warmup = warmup
        self.horizon = horizon
        self.intervalLength = intervalLength
        self.clockStart = clockStart
    }

    /// Time `t` as a clock time `HH:MM`, with `dN ` before it from the next day on
    /// (N days after the day of time 0).
    public func clock(_ t: Double) -> String {
        let minutes = Int(((clockStart + t) / 60).rounded())
        let days = minutes / 1440
        return days > 0 ? "d\(days) \(Self.hoursAndMinutes(minutes: minutes))" : Self.hoursAndMinutes(minutes: minutes)
    }

    /// The time of day of time `t`, `HH:MM`.
    public func timeOfDay(_ t: Double) -> String {
        Self.hoursAndMinutes(clockStart + t)
    }

    /// The time from time 0 within the first day (0 ≤ time < 24 h when `clock` is a time
    /// of day) at which the clock shows `clock` seconds after midnight.
    public func time(ofClock clock: Double) -> Double {
        let t = clock - clockStart
        return t < 0 ? t + 86_400 : t
    }

    /// A time within a day (or an offset shorter than a day), `HH:MM`, to the minute.
    public static func hoursAndMinutes(_ seconds: Double) -> String {
        hoursAndMinutes(minutes: Int((seconds / 60).rounded()))
    }

    private static func hoursAndMinutes(minutes: Int) -> String {
        let m = ((minutes % 1440) + 1440) % 1440
        return (m / 60 < 10 ? "0" : "") + "\(m / 60):" + (m % 60 < 10 ? "0" : "") + "\(m % 60)"
    }

    /// Number of planning intervals covering `[0, horizon)`.
    public var intervalCount: Int {
        max(1, Int((horizon / intervalLength).rounded(.up)))
    }

    /// Start of interval `i`.
    public func start(ofInterval i: Int) -> Double { Double(i) * intervalLength }

    /// End of interval `i` (the horizon for the last one).
    public func end(ofInterval i: Int) -> Double { min(horizon, Double(i + 1) * intervalLength) }

    /// The interval containing time `t` (clamped to the last interval).
    @inlinable
    public func interval(at t: Double) -> Int {
        min(Int(t / intervalLength), intervalCount - 1)
    }

    /// Whether interval `i` has any time after the warm-up (is reported).
    public func isReported(interval i: Int) -> Bool { end(ofInterval: i) > warmup }
}

/// A type of inbound call with its own volume, handle time, patience and service target.
public struct CallType: Sendable, Equatable {
    /// Identifier used in scenarios and reports (`fault`, `general`, …).
    public var id: String
    /// Poisson arrival rate in calls per second, one value per planning interval.
    public var arrivalRates: [Double]
    /// Talk time.
    public var handleTime: Distribution
    /// After-call work (wrap-up) following the talk; `nil` for none.
    public var afterCallWork: Distribution?
    /// Time a caller is willing to wait in queue; `nil` if callers never abandon.
    public var patience: Distribution?
    /// The service-level definition and target.
    public var serviceLevel: ServiceLevelTarget
    /// What part of the calls the IVR serves on its own; `nil`: none (all go to agents).
    public var selfService: SelfService?
    /// Routing priority: a freed agent takes calls of the highest priority waiting
    /// among those it serves (first come first served within a priority). Agent groups
    /// may override it (``AgentGroup/priorities``).
    public var priority: Int
    /// Further agent groups that may answer the call once it has waited long enough,
    /// in order of their delays (the groups with the skill answer it from the start).
    public var overflow: [OverflowStep]
    /// What callers do after they hang up in queue or find the lines or the IVR full;
    /// `nil`: they do not call again.
    public var redial: Redial?
    /// Where answered calls are transferred after talk (fractions of the answered calls).
    public var transfers: [Transfer]
    /// Targets besides the service level: abandonment, speed of answer, answer rate.
    public var targets: ServiceTargets
    /// How the contacts arrive: calls take a trunk line and pass the IVR; other
    /// channels (e-mail, SMS, fax, web forms, chat) go straight to the queue.
    public var channel: Channel

    public init(id: String, arrivalRates: [Double], handleTime: Distribution,
                afterCallWork: Distribution? = nil, patience: Distribution? = nil,
                serviceLevel: ServiceLevelTarget, selfService: SelfService? = nil,
                priority: Int = 0, overflow: [OverflowStep] = [], redial: Redial? = nil,
                transfers: [Transfer] = [], targets: ServiceTargets = ServiceTargets(),
                channel: Channel = .voice) {
        self.id = id
        self.arrivalRates = arrivalRates
        self.handleTime = handleTime
        self.afterCallWork = afterCallWork
        self.patience = patience
        self.serviceLevel = serviceLevel
        self.selfService = selfService
        self.priority = priority
        self.overflow = overflow
        self.redial = redial
        self.transfers = transfers
        self.targets = targets
        self.channel = channel
    }
}

/// The channel of a call type's contacts. Only voice calls hold a trunk line and pass
/// the IVR; the others (which can usually wait hours, not seconds) queue for agents
/// directly, and agents answer them like calls, with the routing's priorities.
public enum Channel: String, Sendable, CaseIterable {
    case voice, email, sms, fax, web, chat

    /// Whether contacts take a trunk line and pass the IVR.
    public var isVoice: Bool { self == .voice }
}

/// A call type's targets besides its service level, each to hold in every interval and
/// over the day; `nil` where none is set.
public struct ServiceTargets: Sendable, Equatable {
    /// Abandoned / offered, at most (0…1).
    public var abandonFraction: Double?
    /// Average speed of answer (mean wait of answered calls), at most, in seconds.
    public var asa: Double?
    /// Answered / offered, at least (0…1): the documents' agent answer rate.
    public var answerRate: Double?

    public init(abandonFraction: Double? = nil, asa: Double? = nil, answerRate: Double? = nil) {
        self.abandonFraction = abandonFraction
        self.asa = asa
        self.answerRate = answerRate
    }

    /// Whether no target is set.
    public var isEmpty: Bool { abandonFraction == nil && asa == nil && answerRate == nil }
}

/// "X% of calls answered within Y seconds".
public struct ServiceLevelTarget: Sendable, Equatable {
    /// The threshold Y in seconds: a call answered after waiting at most this long counts.
    public var seconds: Double
    /// The target fraction X (0…1), if one is set.
    public var target: Double?

    public init(seconds: Double, target: Double? = nil) {
        self.seconds = seconds
        self.target = target
    }
}

/// A group of interchangeable agents with the same skills.
public struct AgentGroup: Sendable, Equatable {
    /// Identifier used in scenarios and reports.
    public var id: String
    /// Indices (into ``CenterModel/callTypes``) of the call types the group can answer.
    public var skills: [Int]
    /// Number of agents logged in, one value per planning interval (empty for a group
    /// staffed by the roster).
    public var staffing: [Int]
    /// Agents per shift of the model's ``Roster`` (in the roster's order of shifts);
    /// empty for a group staffed per interval.
    public var shifts: [Int]
    /// The group's own routing priorities for some call types (call type index →
    /// priority), replacing the call types' ``CallType/priority``.
    public var priorities: [Int: Int]

    public init(id: String, skills: [Int], staffing: [Int], priorities: [Int: Int] = [:], shifts: [Int] = []) {
        self.id = id
        self.skills = skills
        self.staffing = staffing
        self.priorities = priorities
        self.shifts = shifts
    }

    /// The priority this group gives to call type `k` of `model`.
    public func priority(of k: Int, in model: CenterModel) -> Int {
        priorities[k] ?? model.callTypes[k].priority
    }
}

/// A model that cannot be simulated, with what is wrong.
public struct ModelError: Error, CustomStringConvertible, Equatable, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

extension CenterModel {
    /// Checks what the simulation relies on: positive timing, one value per interval in
    /// every per-interval list, rates and staffing non-negative, skills naming existing
    /// call types. (Scenario files are checked with file positions by the `Scenario`
    /// module; this guards models built in code.)
    public func validate() throws {
        let t = timing
        guard t.horizon > 0, t.intervalLength > 0, t.warmup >= 0, t.warmup < t.horizon else {
            throw ModelError("timing needs horizon > 0, interval > 0 and 0 ≤ warmup < horizon")
        }
        guard (0..<86_400).contains(timing.clockStart) else {
            throw ModelError("the clock start must be a time of day, 00:00 to 23:59")
        }
        if let trunks, trunks < 1 { throw ModelError("trunks must be at least 1") }
        if let ivr {
            guard ivr.ports >= 1, ivr.announcement >= 0, ivr.announcement.isFinite else {
                throw ModelError("the IVR needs at least one port and a non-negative announcement")
            }
        }
        if let seats {
            guard agentSeats >= 0 else {
                throw ModelError("\(seats) seats cannot hold the IVR's \(ivr?.ports ?? 0) ports")
            }
        }
        if let cv = busynessCV, !(cv >= 0 && cv.isFinite) { throw ModelError("busyness CV must be non-negative") }
        guard !callTypes.isEmpty, !agentGroups.isEmpty else {
            throw ModelError("a centre needs at least one call type and one agent group")
        }
        let n = t.intervalCount
        for type in callTypes {
            guard type.arrivalRates.count == n, type.arrivalRates.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
                throw ModelError("call type \(type.id): needs \(n) non-negative arrival rates")
            }
            try validateOverflow(of: type)
            guard type.transfers.allSatisfy({ callTypes.indices.contains($0.to) && $0.fraction >= 0 }),
                  type.transfers.reduce(0, { $0 + $1.fraction }) <= 1 + 1e-12 else {
                throw ModelError("call type \(type.id): transfers need existing call types and fractions adding up to at most 1")
            }
            if let redial = type.redial {
                guard (0...1).contains(redial.probability), (redial.maxAttempts ?? 2) >= 1,
                      (redial.maxAttempts ?? 0) < Int(UInt16.max) else {
                    throw ModelError("call type \(type.id): redial needs a probability in 0…1 and 1 to 65534 attempts")
                }
            }
            if let selfService = type.selfService {
                guard ivr != nil, type.channel.isVoice, (0...1).contains(selfService.fraction) else {
                    throw ModelError("call type \(type.id): self-service needs an IVR, voice calls and a fraction in 0…1")
                }
            }
        }
        try roster?.validate()
        try validateFollowUps()
        for group in agentGroups {
            if group.shifts.isEmpty {
                guard group.staffing.count == n, group.staffing.allSatisfy({ $0 >= 0 }) else {
                    throw ModelError("agent group \(group.id): needs \(n) non-negative staffing values")
                }
            } else {
                guard let roster, group.shifts.count == roster.shifts.count, group.shifts.allSatisfy({ $0 >= 0 }) else {
                    throw ModelError("agent group \(group.id): needs a roster and agents for each of its shifts")
                }
            }
            guard group.skills.allSatisfy(callTypes.indices.contains) else {
                throw ModelError("agent group \(group.id): a skill names no call type")
            }
        }
    }
}

extension CenterModel {
    /// Overflow steps name existing groups that lack the skill, with delays in order.
    private func validateOverflow(of type: CallType) throws {
        guard let k = callTypeIndex(type.id) else { return }
        guard type.overflow.count < Int(UInt8.max) else {
            throw ModelError("call type \(type.id): at most 254 overflow steps")
        }
        var previous = 0.0
        for step in type.overflow {
            guard step.delay >= previous, step.delay.isFinite else {
                throw ModelError("call type \(type.id): overflow delays must be non-negative and in increasing order")
            }
            previous = step.delay
            for g in step.groups {
                guard agentGroups.indices.contains(g), !agentGroups[g].skills.contains(k) else {
                    throw ModelError("call type \(type.id): an overflow group is unknown or already has the skill")
                }
            }
        }
    }
}
