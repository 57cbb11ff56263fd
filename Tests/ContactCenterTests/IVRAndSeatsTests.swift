import Analytics
import ContactCenter
import Experiments
import Statistics
import TestSupport
import XCTest

/// The IVR, trunk lines held through it, and licensed seats, each reduced to a case
/// with a known answer: ports alone are an Erlang B loss system (insensitive to the
/// holding-time distribution), ports that make callers wait are an Erlang C queue,
/// and seats are counted by hand.
final class IVRAndSeatsTests: XCTestCase {
    /// Each test checks a few intervals at once; 99% keeps chance misses rare.
    static let level = 0.99

    /// One call type, `agents` agents (enough to serve everyone), an IVR in front.
    static func centre(perHour: Double, ivr: IVR, selfService: SelfService?, hours: Double = 21,
                       agents: Int = 60, trunks: Int? = nil, seats: Int? = nil) -> CenterModel {
        CenterModel(
            name: "ivr", timing: Timing(warmup: 3600, horizon: hours * 3600, intervalLength: 3600), trunks: trunks,
            callTypes: [CallType(id: "calls", arrivalRates: Array(repeating: perHour / 3600, count: Int(hours)),
                                 handleTime: .exponential(mean: 180), patience: .exponential(mean: 120),
                                 serviceLevel: ServiceLevelTarget(seconds: 20), selfService: selfService)],
            agentGroups: [AgentGroup(id: "agents", skills: [0], staffing: Array(repeating: agents, count: Int(hours)))],
            ivr: ivr, seats: seats)
    }

    func summary(_ model: CenterModel, replications: Int = 20) throws -> RunSummary {
        let results = try ReplicationRunner.run(model: model, seed: 95598, replications: replications)
        return RunSummary(model: model, seed: 95598, results: results, confidenceLevel: Self.level)
    }

    func testBlockingIVRPortsAreAnErlangBLossSystem() throws {
        // Port holding time: 5 s announcement + exponential menu (25 s) + for 40% of the
        // calls an exponential 50 s self-service: mean 50 s. 576 calls/h offer 8 Erlangs.
        let ivr = IVR(ports: 10, whenFull: .block, announcement: 5, menu: .exponential(mean: 25))
        let model = Self.centre(perHour: 576, ivr: ivr,
                                selfService: SelfService(fraction: 0.4, duration: .exponential(mean: 50)))
        let s = try summary(model)
        let blocking = Erlang.blockingProbability(lines: 10, offeredLoad: 8)
        try assertCovers(s.total[.ivrBlockedFraction], blocking, "IVR blocking")
        try assertCovers(s.resources[.ivrPortsBusy], 8 * (1 - blocking), "busy ports (carried load)")
        try assertCovers(s.total[.selfServiceRate], 0.4, "self-service rate")
    }

    func testWaitingForAPortIsAnErlangCQueue() throws {
        // Exponential menu of 30 s on 10 ports, 960 calls/h: 8 Erlangs; callers wait for a port.
        let ivr = IVR(ports: 10, whenFull: .wait, menu: .exponential(mean: 30))
        let s = try summary(Self.centre(perHour: 960, ivr: ivr, selfService: nil))
        let exact = try Erlang.c(perHour: 960, aht: 30, agents: 10, slSeconds: 0)
        try assertCovers(s.total[.ivrWait], exact.asa, "mean wait for a port")
        XCTAssertEqual(s.total[.ivrBlocked]?.mean, 0, "a waiting IVR blocks no call")
    }

    func testEveryCallIsAccountedForThroughTrunksAndIVR() throws {
        let ivr = IVR(ports: 12, whenFull: .block, announcement: 5, menu: .uniform(low: 10, high: 40))
        let model = Self.centre(perHour: 700, ivr: ivr,
                                selfService: SelfService(fraction: 0.3, duration: .constant(60)),
                                hours: 4, agents: 25, trunks: 30)
        for r in try ReplicationRunner.run(model: model, seed: 8, replications: 4) {
            var total = CallCounters()
            for i in 0..<r.intervalCount { total.add(r.counters(interval: i, callType: 0)) }
            XCTAssertEqual(total.arrivals, total.blocked + total.ivrBlocked + total.selfServed
                           + total.answered + total.abandoned + total.unserved)
            XCTAssertEqual(total.offered, total.answered + total.abandoned + total.unserved)
            XCTAssertEqual(total.ivrEntered, total.arrivals - total.blocked - total.ivrBlocked)
            XCTAssertGreaterThan(total.blocked, 0, "30 lines held through IVR and queue must block some calls")
            XCTAssertGreaterThan(total.ivrBlocked, 0)
            for i in 1..<r.intervalCount {
                XCTAssertLessThanOrEqual(r.busyLineTime[i], 30 * 3600 + 1e-6)
                XCTAssertLessThanOrEqual(r.busyPortTime[i], 12 * 3600 + 1e-6)
            }
        }
    }

    func testResponseTimeIsAnnouncementPlusQueueWaitWhenPortsAreFree() throws {
        let ivr = IVR(ports: 500, whenFull: .wait, announcement: 5, menu: .exponential(mean: 20))
        let model = Self.centre(perHour: 1000, ivr: ivr, selfService: nil, hours: 3, agents: 52)
        for r in try ReplicationRunner.run(model: model, seed: 5, replications: 3) {
            for i in 1..<r.intervalCount {
                let c = r.counters(interval: i, callType: 0)
                XCTAssertGreaterThan(c.waitOfAnswered, 0)
                XCTAssertEqual(c.responseTime, 5 * Double(c.answered) + c.waitOfAnswered,
                               accuracy: 1e-6 * c.responseTime)
            }
        }
    }

    func testAgentsBeyondTheLicensedSeatsCannotLogIn() throws {
        // 6 + 6 agents scheduled on 10 seats of which the switch gives 2 to IVR ports:
        // the first group (scenario order) gets its 6 seats, the second 2 of its 6.
        var model = Self.centre(perHour: 100, ivr: IVR(ports: 2, whenFull: .wait, countsAgainstSeats: true),
                                selfService: nil, hours: 2, agents: 6, seats: 10)
        model.agentGroups.append(AgentGroup(id: "second", skills: [0], staffing: [6, 6]))
        model.timing.warmup = 0
        let r = try ReplicationRunner.run(model: model, seed: 1, replications: 1)[0]
        for i in 0..<2 {
            XCTAssertEqual(r.groupLoggedInTime[i * 2 + 0], 6 * 3600, accuracy: 1e-6)
            XCTAssertEqual(r.groupLoggedInTime[i * 2 + 1], 2 * 3600, accuracy: 1e-6)
            XCTAssertEqual(r.seatLostTime[i], 4 * 3600, accuracy: 1e-6)
        }
        let s = RunSummary(model: model, seed: 1, results: [r])
        XCTAssertEqual(s.resources[.seatsInUse]?.mean ?? 0, 10, accuracy: 1e-9)
        XCTAssertEqual(s.resources[.seatLostAgentMinutes]?.mean ?? 0, 2 * 4 * 60, accuracy: 1e-6)
    }

    func testSeatsFreedByAgentsFinishingCallsGoToWaitingAgents() throws {
        // On 8 seats, group one goes from 8 agents to 2 and group two from 0 to 6 at 01:00.
        // Busy agents of group one finish their call first; every seat they free goes
        // to a waiting agent of group two, so the agent time lost to the seat limit is
        // exactly group one's overtime.
        var model = Self.centre(perHour: 150, ivr: IVR(ports: 5, whenFull: .wait), selfService: nil,
                                hours: 2, agents: 8, seats: 8)
        model.timing.warmup = 0
        model.agentGroups[0].staffing = [8, 2]
        model.agentGroups.append(AgentGroup(id: "second", skills: [0], staffing: [0, 6]))
        for r in try ReplicationRunner.run(model: model, seed: 2, replications: 3) {
            let overtime = r.groupLoggedInTime[2] - 2 * 3600
            XCTAssertGreaterThan(overtime, 0, "agents busy at 01:00 finish their call")
            XCTAssertEqual(r.seatLostTime[1], overtime, accuracy: 1e-6)
            XCTAssertEqual(r.groupLoggedInTime[3], 6 * 3600 - overtime, accuracy: 1e-6)
        }
    }
}
