import Analytics
import ContactCenter
import Reports
import XCTest

/// The report's Erlang reference line: the agents a single-skill calculator asks for,
/// for the calls that reach an agent.
final class StaffingReferenceTests: XCTestCase {
    /// A hotline: one voice call type through an IVR, `perHour` calls an hour in each of
    /// three intervals, a share `selfServed` of them served by the IVR alone.
    func hotline(perHour: [Double], selfServed: Double?) -> CenterModel {
        CenterModel(
            name: "hotline", timing: Timing(warmup: 0, horizon: 3 * 3600, intervalLength: 3600),
            callTypes: [CallType(id: "hotline", arrivalRates: perHour.map { $0 / 3600 }, handleTime: .exponential(mean: 240),
                                 afterCallWork: .constant(30), patience: .exponential(mean: 120),
                                 serviceLevel: ServiceLevelTarget(seconds: 20, target: 0.8),
                                 selfService: selfServed.map { SelfService(fraction: $0, duration: .exponential(mean: 60)) })],
            agentGroups: [AgentGroup(id: "agents", skills: [0], staffing: [80, 80, 80])],
            ivr: IVR(ports: 200, announcement: 5))
    }

    /// Self-served calls never reach an agent: a share of 0.3 served by the IVR needs
    /// the agents of 0.7 times the volume without self-service.
    func testSelfServedCallsAreLeftOutOfTheLoad() throws {
        let volumes = [600.0, 900, 1200]
        let withSelfService = try XCTUnwrap(StaffingReference.required(for: hotline(perHour: volumes, selfServed: 0.3)))
        let smaller = try XCTUnwrap(StaffingReference.required(for: hotline(perHour: volumes.map { $0 * 0.7 }, selfServed: nil)))
        let allToAgents = try XCTUnwrap(StaffingReference.required(for: hotline(perHour: volumes, selfServed: nil)))
        XCTAssertEqual(withSelfService.agents, smaller.agents)
        XCTAssertEqual(withSelfService.method, smaller.method)
        for (reduced, full) in zip(withSelfService.agents, allToAgents.agents) {
            let (reduced, full) = (try XCTUnwrap(reduced), try XCTUnwrap(full))
            XCTAssertLessThan(reduced, full)
        }
        // 630 of the 900 calls an hour reach agents, for 270 s: 47.25 Erlangs, and Erlang A
        // (callers who hang up lighten the queue) asks for little more than that.
        let middle = try XCTUnwrap(withSelfService.agents[1])
        XCTAssertTrue((48...56).contains(middle), "\(middle)")
    }

    /// A share served by the IVR alone of 1 leaves no call for the agents.
    func testEverythingSelfServedNeedsNoAgent() throws {
        let reference = try XCTUnwrap(StaffingReference.required(for: hotline(perHour: [600, 900, 1200], selfServed: 1)))
        XCTAssertEqual(reference.agents, [nil, nil, nil])
    }

    /// Patience that changes with the interval: each interval's line is Erlang A with
    /// that interval's patience (60 s in the first hour, 600 s after), not the first's.
    func testEachIntervalTakesItsOwnPatience() throws {
        var model = hotline(perHour: [600, 600, 600], selfServed: nil)
        model.callTypes[0].patience = IntervalLaws(laws: [.exponential(mean: 60), .exponential(mean: 600)], lawOfInterval: [0, 1, 1])
        let reference = try XCTUnwrap(StaffingReference.required(for: model))
        func erlangA(_ patience: Double) throws -> Int {
            try Erlang.minimumAgents(model: .erlangA(patience: patience), perHour: 600, aht: 270, slSeconds: 20, targetServiceLevel: 0.8)
        }
        XCTAssertEqual(reference.agents, [try erlangA(60), try erlangA(600), try erlangA(600)])
        XCTAssertNotEqual(try erlangA(60), try erlangA(600))
        model.callTypes[0].patience = IntervalLaws(laws: [.exponential(mean: 60), .constant(600)], lawOfInterval: [0, 1, 1])
        XCTAssertTrue(try XCTUnwrap(StaffingReference.required(for: model)).method.hasPrefix("Erlang C"),
                      "a patience that is not exponential in some interval: Erlang C")
    }
}
