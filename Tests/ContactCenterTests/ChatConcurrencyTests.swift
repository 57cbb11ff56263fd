import Analytics
import ContactCenter
import Experiments
import Statistics
import XCTest

/// Chat concurrency: agents taking N chats at once, each slowed by 1 + slowdown × (N − 1).
final class ChatConcurrencyTests: XCTestCase {
    /// A chat queue of `perHour` chats of 6 minutes, patience 3 minutes, `agents` agents
    /// taking `concurrency` chats at once.
    static func chatCentre(perHour: Double, agents: Int, concurrency: Int, slowdown: Double, seats: Int? = nil) -> CenterModel {
        let hours = 24
        var group = AgentGroup(id: "chat team", skills: [0], staffing: Array(repeating: agents, count: hours))
        group.chatConcurrency = concurrency
        group.chatSlowdown = slowdown
        return CenterModel(
            name: "chat", timing: Timing(warmup: 2 * 3600, horizon: Double(hours) * 3600, intervalLength: 3600),
            callTypes: [CallType(id: "chat", arrivalRates: Array(repeating: perHour / 3600, count: hours),
                                 handleTime: .exponential(mean: 360), patience: .exponential(mean: 180),
                                 serviceLevel: ServiceLevelTarget(seconds: 60), channel: .chat)],
            agentGroups: [group], seats: seats)
    }

    func testOneChatAtATimeIsTodaysModel() throws {
        let plain = try ReplicationRunner.run(model: Self.chatCentre(perHour: 300, agents: 32, concurrency: 1, slowdown: 0),
                                              seed: 4, replications: 2)
        let single = try ReplicationRunner.run(model: Self.chatCentre(perHour: 300, agents: 32, concurrency: 1, slowdown: 0.7),
                                               seed: 4, replications: 2)
        for (a, b) in zip(plain, single) {
            XCTAssertEqual(a.calls, b.calls)
            XCTAssertEqual(a.groupBusyTime, b.groupBusyTime)
        }
    }

    /// Twelve agents taking three chats each, slowed by a quarter per further chat, are
    /// 36 servers with 1.5 × the handle time: Erlang A; `agents` counts agents and
    /// occupancy the share of the chat slots in use.
    func testConcurrentChatsAreErlangAOnTheSlots() throws {
        let model = Self.chatCentre(perHour: 300, agents: 12, concurrency: 3, slowdown: 0.25)
        let summary = try ReplicationRunner.summary(model: model, seed: 11, replications: 20, confidenceLevel: 0.999)
        let exact = try Erlang.a(perHour: 300, aht: 360 * 1.5, agents: 36, patience: 180, slSeconds: 60)
        for (kpi, value) in [(KPI.abandonFraction, exact.abandonFraction), (.serviceLevel, exact.serviceLevel),
                             (.aht, 540.0)] {
            let ci = try XCTUnwrap(summary.total[kpi])
            XCTAssertTrue(ci.low <= value && value <= ci.high, "\(kpi): exact \(value), simulated \(ci)")
        }
        XCTAssertEqual(summary.groups[0][.agents]?.mean ?? 0, 12, accuracy: 1e-9)
        let occupancy = try XCTUnwrap(summary.groups[0][.occupancy])
        let exactOccupancy = exact.answerRate * 300 * 540 / 3600 / 36
        XCTAssertTrue(occupancy.low <= exactOccupancy && exactOccupancy <= occupancy.high, "occupancy \(occupancy) vs \(exactOccupancy)")
    }

    /// A chat agent takes one seat whatever its chats: 12 agents fit in 12 seats.
    func testAChatAgentTakesOneSeat() throws {
        let model = Self.chatCentre(perHour: 300, agents: 12, concurrency: 3, slowdown: 0.25, seats: 12)
        let summary = try ReplicationRunner.summary(model: model, seed: 11, replications: 3)
        XCTAssertEqual(summary.resources[.seatsInUse]?.mean ?? 0, 12, accuracy: 1e-9)
        XCTAssertEqual(summary.resources[.seatLostAgentMinutes]?.mean ?? -1, 0)
        let fewer = try ReplicationRunner.summary(model: Self.chatCentre(perHour: 300, agents: 12, concurrency: 3,
                                                                         slowdown: 0.25, seats: 10), seed: 11, replications: 3)
        XCTAssertEqual(fewer.resources[.seatsInUse]?.mean ?? 0, 10, accuracy: 1e-9)
        XCTAssertEqual(fewer.groups[0][.agents]?.mean ?? 0, 10, accuracy: 1e-9)
        XCTAssertEqual(fewer.resources[.seatLostAgentMinutes]?.mean ?? 0, 2 * 22 * 60, accuracy: 1e-6)
    }
}
