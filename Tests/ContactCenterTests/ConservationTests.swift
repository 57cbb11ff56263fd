import ContactCenter
import Experiments
import TestSupport
import XCTest

/// Every call is accounted for exactly once, and the model's bookkeeping holds.
final class ConservationTests: XCTestCase {
    func testEveryCallIsBlockedAbandonedOrAnswered() throws {
        let model = Centres.multiSkill()
        for result in try ReplicationRunner.run(model: model, seed: 3, replications: 4) {
            var total = CallCounters()
            for i in 0..<result.intervalCount {
                for k in 0..<result.callTypeCount {
                    let c = result.counters(interval: i, callType: k)
                    XCTAssertEqual(c.arrivals, c.blocked + c.ivrBlocked + c.selfServed + c.abandoned + c.answered + c.unserved)
                    XCTAssertEqual(c.unserved, 0)
                    XCTAssertLessThanOrEqual(c.answeredWithinThreshold, c.answered)
                    total.add(c)
                }
            }
            XCTAssertEqual(total.arrivals, result.generatedCalls)
            XCTAssertGreaterThan(total.blocked, 0, "220 lines for an overloaded centre must block some calls")
            XCTAssertGreaterThan(total.abandoned, 0)
        }
    }

    func testBusyAgentsNeverExceedLoggedInAgents() throws {
        let model = Centres.multiSkill()
        let r = try ReplicationRunner.run(model: model, seed: 4, replications: 1)[0]
        for i in 0..<r.intervalCount {
            for g in 0..<r.groupCount {
                let busy = r.groupBusyTime[i * r.groupCount + g]
                let loggedIn = r.groupLoggedInTime[i * r.groupCount + g]
                XCTAssertLessThanOrEqual(busy, loggedIn + 1e-6)
                XCTAssertEqual(loggedIn, Double(model.agentGroups[g].staffing[i]) * 3600, accuracy: 1e-6)
            }
        }
    }

    func testCallsLeftWithoutAgentsAreCountedAsUnserved() throws {
        // Calls arrive in the second hour, when nobody is logged in, and never hang up.
        let model = Centres.single(perHour: [0, 60], agents: [1, 0])
        let r = try ReplicationRunner.run(model: model, seed: 1, replications: 1)[0]
        let c = r.counters(interval: 1, callType: 0)
        XCTAssertGreaterThan(c.arrivals, 0)
        XCTAssertEqual(c.unserved, c.arrivals)
    }
}

final class ModelValidationTests: XCTestCase {
    func testInconsistentModelsAreRefused() {
        var model = Centres.single(perHour: [60, 60], agents: [5, 5])
        model.agentGroups[0].staffing = [5]
        XCTAssertThrowsError(try ReplicationRunner.run(model: model, seed: 1, replications: 1)) {
            XCTAssertTrue("\($0)".contains("agent group agents"), "\($0)")
        }
        model = Centres.single(perHour: [60, 60], agents: [5, 5])
        model.agentGroups[0].skills = [3]
        XCTAssertThrowsError(try model.validate())
        XCTAssertNoThrow(try Centres.multiSkill().validate())
    }
}
