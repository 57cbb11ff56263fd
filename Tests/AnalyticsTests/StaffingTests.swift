import Analytics
import XCTest

/// The staffing search returns the smallest count meeting its target.
final class StaffingTests: XCTestCase {
    func testErlangBLinesForOnePercentBlocking() throws {
        // 5 Erlangs: B(10) = 1.84%, B(11) = 0.83%.
        let lines = try Erlang.minimumAgents(model: .erlangB, perHour: 100, aht: 180,
                                             target: .blockedFraction(atMost: 0.01))
        XCTAssertEqual(lines, 11)
    }

    func testErlangCEightyTwenty() throws {
        let agents = try Erlang.minimumAgents(model: .erlangC, perHour: 200, aht: 180,
                                              slSeconds: 20, targetServiceLevel: 0.8)
        XCTAssertEqual(agents, 14)
        try assertSmallest(agents, perHour: 200, aht: 180, patience: nil, seconds: 20, level: 0.8)
    }

    func testErlangAStaffingIsSmallest() throws {
        for (perHour, aht, patience) in [(3600.0, 180.0, 120.0), (60, 200, 150), (900, 240, 30)] {
            let agents = try Erlang.minimumAgents(model: .erlangA(patience: patience), perHour: perHour, aht: aht,
                                                  slSeconds: 20, targetServiceLevel: 0.8)
            try assertSmallest(agents, perHour: perHour, aht: aht, patience: patience, seconds: 20, level: 0.8)
        }
    }

    func testAbandonTargetIsSmallest() throws {
        let agents = try Erlang.minimumAgents(model: .erlangA(patience: 60), perHour: 900, aht: 240,
                                              target: .abandonFraction(atMost: 0.05))
        let met = try Erlang.a(perHour: 900, aht: 240, agents: agents, patience: 60, slSeconds: 3)
        let short = try Erlang.a(perHour: 900, aht: 240, agents: agents - 1, patience: 60, slSeconds: 3)
        XCTAssertLessThanOrEqual(met.abandonFraction, 0.05)
        XCTAssertGreaterThan(short.abandonFraction, 0.05)
    }

    func testASATargetIsSmallest() throws {
        for patience in [nil, 90.0] {
            let model: StaffingModel = patience.map { .erlangA(patience: $0) } ?? .erlangC
            let agents = try Erlang.minimumAgents(model: model, perHour: 600, aht: 300, target: .asa(atMost: 15))
            func asa(_ n: Int) throws -> Double {
                try Erlang.mmck(perHour: 600, aht: 300, agents: n, lines: nil, patience: patience, slSeconds: 20).asa
            }
            XCTAssertLessThanOrEqual(try asa(agents), 15)
            XCTAssertGreaterThan(try asa(agents - 1), 15)
        }
    }

    func testStaffingAtTheEdgeOfCapacityStaysFast() throws {
        // 99.99999 Erlangs: the first stable count, 100, is evaluated in closed form.
        let agents = try Erlang.minimumAgents(model: .erlangC, perHour: 99.99999 * 3600 / 180, aht: 180,
                                              slSeconds: 20, targetServiceLevel: 0.8)
        try assertSmallest(agents, perHour: 99.99999 * 3600 / 180, aht: 180, patience: nil, seconds: 20, level: 0.8)
    }

    func testTooFewLinesMakeTheTargetUnreachable() {
        // 20 Erlangs on 5 lines: even 5 agents leave 76% of calls blocked.
        XCTAssertThrowsError(try Erlang.minimumAgents(model: .mmck(lines: 5, patience: nil), perHour: 400, aht: 180,
                                                      target: .blockedFraction(atMost: 0.01))) { error in
            guard case AnalyticsError.targetUnreachable = error else {
                return XCTFail("expected target unreachable, got \(error)")
            }
        }
    }

    func testInvalidTargetsAreRejected() {
        XCTAssertThrowsError(try Erlang.minimumAgents(model: .erlangC, perHour: 400, aht: 180,
                                                      slSeconds: 20, targetServiceLevel: 1.5))
        XCTAssertThrowsError(try Erlang.minimumAgents(model: .erlangC, perHour: 400, aht: 180,
                                                      slSeconds: -20, targetServiceLevel: 0.8))
        XCTAssertThrowsError(try Erlang.minimumAgents(model: .erlangC, perHour: -400, aht: 180,
                                                      slSeconds: 20, targetServiceLevel: 0.8))
    }

    /// With unlimited lines, `agents` meet the service level and one agent fewer do not (or are
    /// unstable).
    private func assertSmallest(_ agents: Int, perHour: Double, aht: Double, patience: Double?, seconds: Double,
                                level: Double, file: StaticString = #filePath, line: UInt = #line) throws {
        let met = try Erlang.mmck(perHour: perHour, aht: aht, agents: agents, lines: nil, patience: patience,
                                  slSeconds: seconds)
        XCTAssertGreaterThanOrEqual(met.serviceLevel, level, file: file, line: line)
        guard agents > 1 else { return }
        if let short = try? Erlang.mmck(perHour: perHour, aht: aht, agents: agents - 1, lines: nil,
                                        patience: patience, slSeconds: seconds) {
            XCTAssertLessThan(short.serviceLevel, level, file: file, line: line)
        } else {
            XCTAssertNil(patience, "only a queue without abandonment can be unstable", file: file, line: line)
        }
    }
}
