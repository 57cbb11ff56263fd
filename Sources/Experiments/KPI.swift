import ContactCenter

/// The key performance indicators ccsim reports, with the names used in
/// `summary.json`, `intervals.csv` and by `ccsim erlang --json` (a public interface).
public enum KPI: String, CaseIterable, Codable, Sendable {
    /// Calls that arrived.
    case arrivals
    /// Calls offered to agents: arrivals − closed − blocked − ivr_blocked − self_served.
    case offered
    /// Calls answered by an agent.
    case answered
    /// Calls that hung up while waiting.
    case abandoned
    /// Calls that found every trunk line busy.
    case blocked
    /// Calls still waiting when the simulation ended (no agent left after the horizon).
    case unserved
    /// Calls that arrived while their call type was closed (they heard the closed message).
    case closed
    /// blocked / (arrivals − closed).
    case blockedFraction = "blocked_fraction"
    /// abandoned / offered.
    case abandonFraction = "abandon_fraction"
    /// answered / offered (the agent answer rate).
    case answerRate = "answer_rate"
    /// Offered calls that waited at all / offered.
    case pWait = "p_wait"
    /// Answered within the threshold / offered.
    case serviceLevel = "service_level"
    /// Answered within the threshold / answered.
    case serviceLevelOfAnswered = "service_level_of_answered"
    /// Answered within the threshold / (offered − abandoned within the threshold): short
    /// abandons left out, as ContactCenters and many switches count it.
    case serviceLevelWithoutShortAbandons = "service_level_without_short_abandons"
    /// Mean wait of answered calls (s).
    case asa
    /// Mean wait of offered calls, abandoned ones up to their abandonment (s).
    case meanWait = "mean_wait"
    /// 90th percentile of the wait of offered calls (s).
    case waitP90 = "wait_p90"
    /// 95th percentile of the wait of offered calls (s).
    case waitP95 = "wait_p95"
    /// Mean handle time (talk + after-call work) of answered calls (s).
    case aht
    /// Time-average number of waiting calls.
    case meanQueue = "mean_queue"
    /// Busy agent time / logged-in agent time.
    case occupancy
    /// Time-average number of agents logged in (over open hours when the centre has them).
    case agents
    /// The highest interval average of agents logged in.
    case agentsPeak = "agents_peak"
    /// Busy / logged-in agent time of a group over the whole period and the wrap-up after
    /// the horizon, until the last contact leaves (ContactCenters' occupancy).
    case occupancyToLastCall = "occupancy_to_last_call"

    // IVR (call types and the centre, when the scenario has an IVR)
    /// Calls that found every IVR port busy and were lost.
    case ivrBlocked = "ivr_blocked"
    /// ivr_blocked / (arrivals − closed − blocked).
    case ivrBlockedFraction = "ivr_blocked_fraction"
    /// Calls that ended in IVR self-service.
    case selfServed = "self_served"
    /// self_served / calls that took an IVR port (the self-service rate).
    case selfServiceRate = "self_service_rate"
    /// Mean wait for an IVR port of the calls that took one (s).
    case ivrWait = "ivr_wait"
    /// Mean response time of answered calls (s): wait for an IVR port, the fixed
    /// announcement and the wait in queue; without an IVR it equals `asa`.
    case responseTime = "response_time"

    // Redials
    /// Arrivals that were first attempts (arrivals − retrials).
    case firstAttempts = "first_attempts"
    /// Arrivals that were redials of callers lost before.
    case retrials
    /// Of the callers whose first attempt arrived in the period, the fraction served in
    /// the end, on any attempt (by an agent or in self-service).
    case callersServedFraction = "callers_served_fraction"

    // Transfers
    /// Answered calls transferred to another call type after talk.
    case transferred
    /// transferred / answered.
    case transferFraction = "transfer_fraction"
    /// Calls transferred in from other call types (not counted in arrivals).
    case transfersIn = "transfers_in"
    /// Transferred-in calls that hung up while waiting.
    case transfersAbandoned = "transfers_abandoned"
    /// Mean queue wait of the answered transferred-in calls (s).
    case transferASA = "transfer_asa"

    // Callbacks (call types offering them)
    /// Callers offered a callback.
    case callbacksOffered = "callbacks_offered"
    /// Callers who took a callback and left the queue (counted in offered, not answered).
    case callbacksTaken = "callbacks_taken"
    /// Callbacks dialled that reached the customer.
    case callbacksReached = "callbacks_reached"
    /// Callbacks dialled within their deadline.
    case callbacksOnTime = "callbacks_on_time"
    /// Callbacks never dialled (still pending at the end).
    case callbacksUndone = "callbacks_undone"
    /// callbacks_on_time / callbacks_taken.
    case callbackOnTimeFraction = "callback_on_time_fraction"
    /// Mean time from taking a callback to its dialling (s).
    case callbackWait = "callback_wait"

    // Follow-up work (per kind of follow-up)
    /// Follow-up tasks created.
    case followUps = "follow_ups"
    /// Tasks finished within their deadline.
    case followUpsDoneInTime = "follow_ups_done_in_time"
    /// follow_ups_done_in_time / follow_ups (the follow-up rate).
    case followUpRate = "follow_up_rate"
    /// Tasks finished after their deadline.
    case followUpsLate = "follow_ups_late"
    /// Tasks still waiting when the simulation ended.
    case followUpsUndone = "follow_ups_undone"
    /// Mean time from creation to completion of the finished tasks (s).
    case followUpCompletionTime = "follow_up_completion_time"

    // Centre-wide resources (sections `trunks`, `ivr`, `seats` of summary.json)
    /// Time-average number of busy trunk lines.
    case trunksBusy = "trunks_busy"
    /// trunks_busy / trunk lines.
    case trunkOccupancy = "trunk_occupancy"
    /// The highest interval average of busy trunk lines.
    case trunksBusyPeak = "trunks_busy_peak"
    /// Time-average number of busy IVR ports.
    case ivrPortsBusy = "ivr_ports_busy"
    /// ivr_ports_busy / ports.
    case ivrPortOccupancy = "ivr_port_occupancy"
    /// The highest interval average of busy IVR ports.
    case ivrPortsBusyPeak = "ivr_ports_busy_peak"
    /// Time-average number of licensed seats in use (agents logged in, plus the IVR
    /// ports when the switch counts them).
    case seatsInUse = "seats_in_use"
    /// seats_in_use / licensed seats.
    case seatOccupancy = "seat_occupancy"
    /// The highest interval average of seats in use.
    case seatsInUsePeak = "seats_in_use_peak"
    /// Agent-minutes of scheduled agents who could not log in for want of a seat.
    case seatLostAgentMinutes = "seat_lost_agent_minutes"
}

extension KPI {
    /// The KPIs that are ratios of call counts or sums, reported also as ratios of
    /// totals over the replications (``RatiosOfTotals``).
    public static let ratioKPIs: [KPI] = [
        .blockedFraction, .abandonFraction, .answerRate, .pWait, .serviceLevel, .serviceLevelOfAnswered,
        .serviceLevelWithoutShortAbandons, .asa, .meanWait, .aht, .responseTime, .ivrBlockedFraction,
        .selfServiceRate, .ivrWait, .callersServedFraction, .transferFraction, .transferASA,
        .callbackOnTimeFraction, .callbackWait,
    ]
}

/// One replication's value of each KPI for one subject (a call type, the centre, a
/// group, an interval); `nil` where the KPI is undefined (no calls offered, say).
public typealias KPIValues = [KPI: Double]

/// Turns one replication's counters into KPI values.
enum KPIMeasure {
    /// KPIs of calls described by `counters`, with their wait quantiles, the busy and
    /// logged-in agent time that served them, their queue integral and the duration.
    static func calls(_ c: CallCounters, waits: WaitQuantiles, busyTime: Double,
                      loggedInTime: Double, queueTime: Double, duration: Double, hasIVR: Bool) -> KPIValues {
        var v: KPIValues = [
            .arrivals: Double(c.arrivals), .offered: Double(c.offered),
            .answered: Double(c.answered), .abandoned: Double(c.abandoned),
            .blocked: Double(c.blocked), .unserved: Double(c.unserved), .closed: Double(c.closed),
        ]
        let offered = Double(c.offered)
        if c.arrivals > c.closed { v[.blockedFraction] = Double(c.blocked) / Double(c.arrivals - c.closed) }
        if offered > Double(c.abandonedWithinThreshold) {
            v[.serviceLevelWithoutShortAbandons] = Double(c.answeredWithinThreshold) / (offered - Double(c.abandonedWithinThreshold))
        }
        if c.answered > 0 { v[.serviceLevelOfAnswered] = Double(c.answeredWithinThreshold) / Double(c.answered) }
        if offered > 0 {
            v[.abandonFraction] = Double(c.abandoned) / offered
            v[.answerRate] = Double(c.answered) / offered
            v[.pWait] = Double(c.waited) / offered
            v[.serviceLevel] = Double(c.answeredWithinThreshold) / offered
            v[.meanWait] = (c.waitOfAnswered + c.waitOfAbandoned) / offered
        }
        if c.answered > 0 {
            v[.asa] = c.waitOfAnswered / Double(c.answered)
            v[.aht] = c.handleTime / Double(c.answered)
            v[.responseTime] = c.responseTime / Double(c.answered)
        }
        if hasIVR { addIVR(c, to: &v) }
        if c.callbacksOffered > 0 { addCallbacks(c, to: &v) }
        v[.firstAttempts] = Double(c.arrivals - c.retrials)
        v[.retrials] = Double(c.retrials)
        v[.transferred] = Double(c.transferred)
        if c.answered > 0 { v[.transferFraction] = Double(c.transferred) / Double(c.answered) }
        v[.transfersIn] = Double(c.transfersIn)
        v[.transfersAbandoned] = Double(c.transfersAbandoned)
        if c.transfersAnswered > 0 { v[.transferASA] = c.waitOfTransfers / Double(c.transfersAnswered) }
        let callers = c.callersServed + c.callersLost
        if callers > 0 { v[.callersServedFraction] = Double(c.callersServed) / Double(callers) }
        v[.waitP90] = waits.p90
        v[.waitP95] = waits.p95
        if duration > 0 { v[.meanQueue] = queueTime / duration }
        if loggedInTime > 0 { v[.occupancy] = busyTime / loggedInTime }
        return v
    }

    /// The ratio KPIs of `c` (calls summed over replications: ratios of totals).
    static func ratios(_ c: CallCounters) -> KPIValues {
        let all = calls(c, waits: WaitQuantiles(p90: nil, p95: nil), busyTime: 0, loggedInTime: 0, queueTime: 0,
                        duration: 0, hasIVR: true)
        return all.filter { KPI.ratioKPIs.contains($0.key) }
    }

    private static func addCallbacks(_ c: CallCounters, to v: inout KPIValues) {
        v[.callbacksOffered] = Double(c.callbacksOffered)
        v[.callbacksTaken] = Double(c.callbacksTaken)
        v[.callbacksReached] = Double(c.callbacksReached)
        v[.callbacksOnTime] = Double(c.callbacksOnTime)
        v[.callbacksUndone] = Double(c.callbacksUndone)
        if c.callbacksTaken > 0 { v[.callbackOnTimeFraction] = Double(c.callbacksOnTime) / Double(c.callbacksTaken) }
        let dialled = c.callbacksTaken - c.callbacksUndone
        if dialled > 0 { v[.callbackWait] = c.callbackWait / Double(dialled) }
    }

    private static func addIVR(_ c: CallCounters, to v: inout KPIValues) {
        v[.ivrBlocked] = Double(c.ivrBlocked)
        v[.selfServed] = Double(c.selfServed)
        let reachingIVR = c.arrivals - c.closed - c.blocked
        if reachingIVR > 0 { v[.ivrBlockedFraction] = Double(c.ivrBlocked) / Double(reachingIVR) }
        if c.ivrEntered > 0 {
            v[.selfServiceRate] = Double(c.selfServed) / Double(c.ivrEntered)
            v[.ivrWait] = c.ivrPortWait / Double(c.ivrEntered)
        }
    }

    /// Centre-wide resource KPIs from the integrals of busy lines, busy ports, agents
    /// logged in and agents without a seat over `duration` seconds.
    static func resources(of model: CenterModel, busyLineTime: Double, busyPortTime: Double,
                          loggedInTime: Double, seatLostTime: Double, duration: Double) -> KPIValues {
        guard duration > 0 else { return [:] }
        var v: KPIValues = [.trunksBusy: busyLineTime / duration]
        if let trunks = model.trunks { v[.trunkOccupancy] = busyLineTime / duration / Double(trunks) }
        if let ivr = model.ivr {
            v[.ivrPortsBusy] = busyPortTime / duration
            v[.ivrPortOccupancy] = busyPortTime / duration / Double(ivr.ports)
        }
        let countedPorts = model.ivr.map { $0.countsAgainstSeats ? Double($0.ports) : 0 } ?? 0
        let seatsInUse = loggedInTime / duration + countedPorts
        v[.seatsInUse] = seatsInUse
        if let seats = model.seats {
            v[.seatOccupancy] = seatsInUse / Double(seats)
            v[.seatLostAgentMinutes] = seatLostTime / 60
        }
        return v
    }

    /// KPIs of a kind of follow-up work.
    static func followUp(_ c: FollowUpCounters) -> KPIValues {
        var v: KPIValues = [
            .followUps: Double(c.created), .followUpsDoneInTime: Double(c.doneInTime),
            .followUpsLate: Double(c.doneLate), .followUpsUndone: Double(c.undone),
        ]
        if c.created > 0 { v[.followUpRate] = Double(c.doneInTime) / Double(c.created) }
        let done = c.doneInTime + c.doneLate
        if done > 0 { v[.followUpCompletionTime] = c.completionTime / Double(done) }
        return v
    }

    /// KPIs of an agent group: occupancy and mean agents logged in.
    static func group(busyTime: Double, loggedInTime: Double, duration: Double) -> KPIValues {
        var v: KPIValues = [:]
        if loggedInTime > 0 { v[.occupancy] = busyTime / loggedInTime }
        if duration > 0 { v[.agents] = loggedInTime / duration }
        return v
    }
}
