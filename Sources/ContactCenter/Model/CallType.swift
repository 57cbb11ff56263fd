import Statistics

/// A type of inbound call with its own volume, handle time, patience and service target.
public struct CallType: Sendable, Equatable {
    /// Identifier used in scenarios and reports (`fault`, `general`, …).
    public var id: String
    /// Poisson arrival rate in calls per second, one value per planning interval.
    public var arrivalRates: [Double]
    /// Talk time (scenario key `handle_time`: talk only; the KPI `aht` and the Erlang
    /// formulas' handle time are talk plus after-call work, ``meanHandleTime(inInterval:)``).
    public var talk: IntervalLaws
    /// After-call work (wrap-up) following the talk; `nil` for none.
    public var afterCallWork: IntervalLaws?
    /// Time a caller is willing to wait in queue; `nil` if callers never abandon.
    public var patience: IntervalLaws?
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
    /// The call type's own opening hours on every day, replacing the day type's and the
    /// centre's; `nil`: theirs.
    public var openingHours: OpeningHours?
    /// The call type's own opening hours on days of some day types (day type index →
    /// hours), replacing all others on those days.
    public var openingHoursByDayType: [Int: OpeningHours] = [:]
    /// Callbacks offered to waiting callers (virtual hold); `nil`: none.
    public var callback: Callback?

    /// A call type with its talk time, after-call work and patience (each a law by
    /// interval, or one law throughout).
    public init(id: String, arrivalRates: [Double], talk: IntervalLaws,
                afterCallWork: IntervalLaws? = nil, patience: IntervalLaws? = nil,
                serviceLevel: ServiceLevelTarget, selfService: SelfService? = nil,
                priority: Int = 0, overflow: [OverflowStep] = [], redial: Redial? = nil,
                transfers: [Transfer] = [], targets: ServiceTargets = ServiceTargets(),
                channel: Channel = .voice) {
        self.id = id
        self.arrivalRates = arrivalRates
        self.talk = talk
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

    /// A call type whose talk time (`handleTime`), after-call work and patience are the
    /// same in every interval.
    public init(id: String, arrivalRates: [Double], handleTime: Distribution,
                afterCallWork: Distribution? = nil, patience: Distribution? = nil,
                serviceLevel: ServiceLevelTarget, selfService: SelfService? = nil,
                priority: Int = 0, overflow: [OverflowStep] = [], redial: Redial? = nil,
                transfers: [Transfer] = [], targets: ServiceTargets = ServiceTargets(),
                channel: Channel = .voice) {
        self.init(id: id, arrivalRates: arrivalRates, talk: IntervalLaws(handleTime),
                  afterCallWork: afterCallWork.map(IntervalLaws.init), patience: patience.map(IntervalLaws.init),
                  serviceLevel: serviceLevel, selfService: selfService, priority: priority, overflow: overflow,
                  redial: redial, transfers: transfers, targets: targets, channel: channel)
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
    /// Answered / offered, at least (0…1): the agent answer rate.
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
