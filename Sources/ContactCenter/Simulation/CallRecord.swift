// The plain-data records of the simulation: calls, agents, agent groups.

/// Where a call is in its life.
enum CallState: UInt8 {
    case free, redialing, waitingForPort, inIVR, selfService, waiting, talking, abandoned
    /// A callback waiting to be dialled (the caller has hung up).
    case callbackPending

    /// Whether the call is in the centre (from admission until it leaves).
    var isInCentre: Bool {
        switch self {
        case .waitingForPort, .inIVR, .selfService, .waiting, .talking: return true
        case .free, .redialing, .abandoned, .callbackPending: return false
        }
    }
}

/// One call in the centre (a reusable slot).
struct CallRecord {
    static let free = CallRecord(callType: -1, interval: -1, arrival: 0, talk: 0, afterCallWork: 0, patience: 0)

    var callType: Int32
    /// The planning interval of its arrival, or -1 if it arrived during the warm-up.
    var interval: Int32
    /// The planning interval of the caller's first attempt (-1: during the warm-up).
    var callerInterval: Int32 = -1
    /// 0 for a first attempt, 1 for the first redial, …
    var attempt: UInt16 = 0
    /// The call type the call will be transferred to after talk (-1: none).
    var transferTo: Int16 = -1
    /// The kind of follow-up task the call creates when its talk ends (-1: none).
    var followUp: Int16 = -1
    /// Whether this is the transferred part of a call (its type is the destination's).
    var isTransfer = false
    /// Whether the call holds a trunk line (voice calls once admitted; kept only when the
    /// centre has contacts of other channels).
    var holdsLine = false
    var abandonmentSequence: UInt32 = 0
    var overflowSequence: UInt32 = 0
    var state: CallState = .free
    /// The overflow tier whose delay the call waits for next.
    var overflowTier: UInt8 = 0
    var arrival: Double
    var talk: Double
    var afterCallWork: Double
    var patience: Double
    /// Announcement and menu time in the IVR.
    var menu: Double = 0
    /// Time spent in self-service after the menu; negative: the call goes to an agent.
    var selfService: Double = -1
    /// When the call asked for an agent (its arrival without an IVR).
    var queueEntry: Double = 0
    /// The part of the response time (arrival to answer, the fixed announcement included) before the queue: wait for an IVR
    /// port plus the fixed announcement.
    var responseBase: Double = 0
}

/// One agent.
struct AgentRecord {
    var group: Int32
    var call: Int32 = -1
    /// The call type of the call in hand (-1: a follow-up task or none).
    var callType: Int32 = -1
    var idleSince: Double = 0
    /// The follow-up task in hand, if the agent is on one.
    var task = FollowUpTask(kind: -1, interval: -1, created: 0, duration: 0)

    init(group: Int32) { self.group = group }
}

/// The agents of one group: who is idle (longest idle first), how many are scheduled,
/// how many must log off when they finish their call, and how many wait for a seat.
struct GroupState {
    var idle: IndexRing
    var scheduled = 0
    /// Agents (chat slots, in a chat group) logged in.
    var loggedIn = 0
    var pendingLogoffs = 0
    /// Scheduled agents who cannot log in because every licensed seat is taken.
    var waitingForSeat = 0
}
