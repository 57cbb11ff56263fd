import Analytics
import ContactCenter
import Experiments
import Statistics
import TestSupport
import XCTest

/// Laws that change with the interval, read by every part of the model at the
/// interval's law: a transferred call's talk, the callback's predicted wait, the
/// report's Erlang line (issue 23: they all read interval 0's law).
final class LawsByIntervalTests: XCTestCase {
    static let hours = 41

    /// Talk of 30 s (constant) before 02:00 and exponential of 600 s after.
    static let backOfficeTalk = IntervalLaws(laws: [.constant(30), .exponential(mean: 600)],
                                             lawOfInterval: (0..<hours).map { $0 < 2 ? 0 : 1 })

    /// `inquiry` (120 calls/h, 180 s, 10 agents, callers who never hang up) transfers a
    /// quarter of its answered calls to the back office, whose talk is
    /// ``backOfficeTalk``, on 20 agents.
    static var backOffice: CenterModel {
        let rates = { (perHour: Double) in Array(repeating: perHour / 3600, count: hours) }
        var office = CallType(id: "back office", arrivalRates: rates(0), handleTime: .constant(0),
                              serviceLevel: ServiceLevelTarget(seconds: 20))
        office.talk = backOfficeTalk
        return CenterModel(
            name: "back office", timing: Timing(warmup: 3 * 3600, horizon: Double(hours) * 3600, intervalLength: 3600),
            callTypes: [CallType(id: "inquiry", arrivalRates: rates(120), handleTime: .exponential(mean: 180),
                                 serviceLevel: ServiceLevelTarget(seconds: 20), transfers: [Transfer(to: 1, fraction: 0.25)]),
                        office],
            agentGroups: [AgentGroup(id: "front", skills: [0], staffing: Array(repeating: 10, count: hours)),
                          AgentGroup(id: "office", skills: [1], staffing: Array(repeating: 20, count: hours))])
    }

    /// After 02:00 (and the warm-up) the back office is offered 30 transfers an hour of
    /// 600 s: occupancy 30 × 600 / 3600 / 20 = 25 % (at interval 0's 30 s it would be 1.25 %).
    func testATransferredCallTakesTheDestinationsLawOfItsInterval() throws {
        let model = Self.backOffice
        XCTAssertNoThrow(try model.validate())
        let summary = try ReplicationRunner.summary(model: model, seed: 23, replications: 20, confidenceLevel: 0.99)
        try assertCovers(summary.groups[1][.occupancy], 30.0 * 600 / 3600 / 20, "back-office occupancy")
    }

    /// One call type on 2 agents, 6 calls an hour, talk 30 s in the first two hours and
    /// 600 s after; a callback offered on arrival when the predicted wait — (calls ahead
    /// + 1) × the interval's mean handle time / 2 agents — is over 250 s, which nobody
    /// takes. With 600 s every caller who finds both agents busy is offered one (300 s
    /// > 250 s); with 30 s none is (it would take 16 calls ahead).
    func testTheCallbacksPredictedWaitUsesTheIntervalsHandleTime() throws {
        let hours = 40
        var type = CallType(id: "calls", arrivalRates: Array(repeating: 6.0 / 3600, count: hours), handleTime: .constant(0),
                            serviceLevel: ServiceLevelTarget(seconds: 20))
        type.talk = IntervalLaws(laws: [.constant(30), .exponential(mean: 600)], lawOfInterval: (0..<hours).map { $0 < 2 ? 0 : 1 })
        type.callback = Callback(offerAbovePredictedWait: 250, acceptance: 0)
        let model = CenterModel(name: "callbacks", timing: Timing(warmup: 0, horizon: Double(hours) * 3600, intervalLength: 3600),
                                callTypes: [type], agentGroups: [AgentGroup(id: "team", skills: [0], staffing: Array(repeating: 2, count: hours))])
        for result in try ReplicationRunner.run(model: model, seed: 7, replications: 5) {
            var early = CallCounters(), late = CallCounters()
            for i in 0..<hours {
                if i < 2 { early.add(result.counters(interval: i, callType: 0)) } else { late.add(result.counters(interval: i, callType: 0)) }
            }
            XCTAssertEqual(early.callbacksOffered, 0)
            XCTAssertGreaterThan(late.waited, 0)
            XCTAssertGreaterThanOrEqual(late.callbacksOffered, late.waited, "every caller who waited was offered a callback")
            XCTAssertLessThanOrEqual(late.callbacksOffered, late.waited + late.unserved)
        }
    }

    /// A model built in code is checked like a scenario: an empirical law without values,
    /// a negative mean, a table of laws shorter than the intervals.
    func testLawsOfAHandBuiltModelAreValidated() {
        let cases: [(IntervalLaws, String)] = [
            (IntervalLaws(.empirical([])), "an empirical law needs at least one value"),
            (IntervalLaws(.exponential(mean: -1)), "`mean` must be a positive finite number, got -1.0"),
            (IntervalLaws(.uniform(low: 5, high: 1)), "must not be more than its `high`"),
            (IntervalLaws(laws: [.constant(1)], lawOfInterval: [0, 0]), "a law for each of the 41 planning intervals"),
        ]
        for (law, message) in cases {
            var model = Self.backOffice
            model.callTypes[0].patience = law
            XCTAssertThrowsError(try model.validate()) { error in
                XCTAssertTrue("\(error)".contains("patience") && "\(error)".contains(message), "\(error)")
            }
        }
    }
}
