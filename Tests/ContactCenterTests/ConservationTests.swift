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
            XCTAssertEqual(($0 as? ModelError)?.path.description, "agent_groups[0].agents")
            XCTAssertTrue("\($0)".contains("has 1 value but the scenario has 2 intervals"), "\($0)")
        }
        model = Centres.single(perHour: [60, 60], agents: [5, 5])
        model.agentGroups[0].skills = [3]
        XCTAssertThrowsError(try model.validate())
        XCTAssertNoThrow(try Centres.multiSkill().validate())
    }

    /// A model built in code with two call types of one id is refused before it runs
    /// (the reports key their sections by id).
    func testIdsAreUnique() {
        var model = Centres.multiSkill()
        model.callTypes[2].id = model.callTypes[0].id
        XCTAssertThrowsError(try model.validate()) { error in
            let error = error as? ModelError
            XCTAssertEqual(error?.path.description, "call_types[2].id")
            XCTAssertEqual(error?.relatedPath?.description, "call_types[0].id")
            XCTAssertEqual(error?.message, "duplicate id `t1`")
        }
        model = Centres.multiSkill()
        model.agentGroups[1].id = "g12"
        XCTAssertThrowsError(try ReplicationRunner.run(model: model, seed: 1, replications: 1))
    }

    /// The rules that tie parts of a centre together, each at its place.
    func testCrossPartRulesNameTheirPlace() {
        func place(_ change: (inout CenterModel) -> Void) -> String? {
            var model = Centres.multiSkill()
            change(&model)
            do { try model.validate() } catch { return (error as? ModelError)?.path.description }
            return nil
        }
        XCTAssertEqual(place { $0.callTypes[0].overflow = [OverflowStep(delay: 30, groups: [0])] },
                       "call_types[0].overflow[0].groups[0]", "the group already has the skill")
        XCTAssertEqual(place { $0.callTypes[2].overflow = [OverflowStep(delay: 30, groups: [0]), OverflowStep(delay: 10, groups: [0])] },
                       "call_types[2].overflow[1].after", "delays out of order")
        XCTAssertEqual(place { $0.callTypes[1].transfers = [Transfer(to: 1, fraction: 0.1)] }, "call_types[1].transfers[0].to")
        XCTAssertEqual(place { $0.callTypes[1].transfers = [Transfer(to: 0, fraction: 0.7), Transfer(to: 2, fraction: 0.4)] },
                       "call_types[1].transfers[1].fraction")
        XCTAssertEqual(place { $0.callTypes[0].selfService = SelfService(fraction: 0.2, duration: .constant(30)) },
                       "call_types[0].self_service", "self-service without an IVR")
        XCTAssertEqual(place { $0.timing.warmup = $0.timing.horizon }, "warmup")
        XCTAssertEqual(place { $0.agentGroups[0].skills = [0, 0] }, "agent_groups[0].skills[1]")
        XCTAssertEqual(place { $0.agentGroups = [$0.agentGroups[0]] }, "call_types[2]", "nobody answers t3")
        XCTAssertNil(place { _ in })
    }
}
