import Analytics
import Foundation
import ValidationCases
import XCTest

/// Textbook values, identities between the measures, and input checking.
final class ErlangFormulaTests: XCTestCase {
    func testErlangBTextbookValues() {
        XCTAssertEqual(Erlang.blockingProbability(lines: 10, offeredLoad: 5), 0.018384570336648133, accuracy: 1e-15)
        XCTAssertEqual(Erlang.blockingProbability(lines: 11, offeredLoad: 5), 0.008287368467342976, accuracy: 1e-15)
        XCTAssertEqual(Erlang.blockingProbability(lines: 0, offeredLoad: 5), 1)
    }

    func testErlangBDoesNotOverflowAtThousandsOfErlangs() {
        let blocking = Erlang.blockingProbability(lines: 5000, offeredLoad: 5000)
        XCTAssertEqual(blocking, 0.011199358278505486, accuracy: 1e-12)
    }

    func testErlangBQueueMatchesTheRecursion() throws {
        // 100 calls per hour of 180 s: 5 Erlangs on 10 lines.
        let metrics = try Erlang.b(perHour: 100, aht: 180, lines: 10, slSeconds: 20)
        XCTAssertEqual(metrics.blockedFraction, 0.018384570336648133, accuracy: 1e-12)
        XCTAssertEqual(metrics.occupancy, 5 * (1 - metrics.blockedFraction) / 10, accuracy: 1e-12)
        XCTAssertEqual(metrics.pWait, 0)
        XCTAssertEqual(metrics.serviceLevel, 1, accuracy: 1e-12)
        XCTAssertEqual(metrics.waitP90, 0)
    }

    func testErlangCWaitProbabilityFollowsFromErlangB() throws {
        for (perHour, aht, agents) in [(200.0, 180.0, 14), (720, 300, 64), (6000, 240, 410)] {
            let load = perHour * aht / 3600
            let blocking = Erlang.blockingProbability(lines: agents, offeredLoad: load)
            let expected = Double(agents) * blocking / (Double(agents) - load * (1 - blocking))
            let chain = try BirthDeathQueue(perHour: perHour, aht: aht, agents: agents).metrics(slSeconds: 20)
            XCTAssertEqual(chain.pWait, expected, accuracy: 1e-10 * expected)
            let closedForm = try Erlang.c(perHour: perHour, aht: aht, agents: agents, slSeconds: 20)
            XCTAssertEqual(closedForm.pWait, expected, accuracy: 1e-12 * expected)
        }
        // The classic 10 Erlangs on 14 agents.
        let metrics = try Erlang.c(perHour: 200, aht: 180, agents: 14, slSeconds: 20)
        XCTAssertEqual(metrics.pWait, 0.1741319336, accuracy: 1e-10)
    }

    func testErlangCServiceLevelIsExponential() throws {
        let metrics = try Erlang.c(perHour: 400, aht: 180, agents: 24, slSeconds: 20)
        let drainRate = (24.0 - 20.0) / 180
        XCTAssertEqual(metrics.serviceLevel, 1 - metrics.pWait * exp(-drainRate * 20), accuracy: 1e-14)
        XCTAssertEqual(metrics.asa, metrics.pWait / drainRate, accuracy: 1e-12)
    }

    func testErlangCCopesWithLoadsAtTheEdgeOfCapacity() throws {
        // 99.99999 Erlangs on 100 agents: the closed form needs no state space.
        let metrics = try Erlang.c(perHour: 99.99999 * 3600 / 180, aht: 180, agents: 100, slSeconds: 20)
        XCTAssertEqual(metrics.pWait, 1, accuracy: 1e-5)
        XCTAssertGreaterThan(metrics.asa, 1e7)
        XCTAssertLessThan(metrics.serviceLevel, 1e-3)
    }

    func testErlangAApproachesErlangCAsPatienceGrows() throws {
        let patient = try Erlang.a(perHour: 400, aht: 180, agents: 22, patience: 1e9, slSeconds: 20)
        let never = try Erlang.c(perHour: 400, aht: 180, agents: 22, slSeconds: 20)
        XCTAssertEqual(patient.serviceLevel, never.serviceLevel, accuracy: 1e-5)
        XCTAssertEqual(patient.asa, never.asa, accuracy: 1e-4 * never.asa)
        XCTAssertLessThan(patient.abandonFraction, 1e-6)
    }

    func testErlangAHandlesThousandsOfErlangsOverloaded() throws {
        // 3600 Erlangs on 3500 agents: only abandonment keeps the queue finite.
        let metrics = try Erlang.a(perHour: 72000, aht: 180, agents: 3500, patience: 60, slSeconds: 20)
        XCTAssertEqual(metrics.abandonFraction, 0.029145573878082507, accuracy: 1e-9)
        XCTAssertEqual(metrics.occupancy, 0.9985931240111491, accuracy: 1e-9)
        assertFlowIdentities(metrics)
    }

    /// Little's law and the balance of answered calls against busy agents hold in every case.
    func testFlowIdentitiesHoldForEveryCase() throws {
        for validationCase in try ValidationCase.loadAll() {
            assertFlowIdentities(try validationCase.metricsFromFormula(), validationCase.id)
        }
    }

    func testMeasuresAreOrderedConsistently() throws {
        let metrics = try Erlang.mmck(perHour: 900, aht: 180, agents: 40, lines: 60, patience: 90, slSeconds: 20)
        XCTAssertLessThanOrEqual(metrics.serviceLevel, metrics.serviceLevelAllCalls)
        XCTAssertLessThanOrEqual(metrics.serviceLevel, metrics.serviceLevelExcludingShortAbandons)
        XCTAssertEqual(metrics.serviceLevelAllCalls - metrics.serviceLevel, metrics.abandonedWithinThreshold,
                       accuracy: 1e-12)
        XCTAssertEqual(metrics.answerRate, 1 - metrics.abandonFraction, accuracy: 1e-12)
        XCTAssertEqual(metrics.meanWait,
                       metrics.answerRate * metrics.asa + metrics.abandonFraction * metrics.meanWaitAbandoned,
                       accuracy: 1e-10 * metrics.meanWait)
        let later = try Erlang.mmck(perHour: 900, aht: 180, agents: 40, lines: 60, patience: 90,
                                    slSeconds: metrics.waitP90)
        XCTAssertEqual(later.serviceLevelAllCalls, 0.9, accuracy: 1e-9, "wait_p90 is where 90% have left the queue")
        let laterAnswered = try Erlang.mmck(perHour: 900, aht: 180, agents: 40, lines: 60, patience: 90,
                                            slSeconds: metrics.waitP90Answered)
        XCTAssertEqual(laterAnswered.serviceLevelAnsweredOnly, 0.9, accuracy: 1e-9)
    }

    func testJSONUsesThePublicKeys() throws {
        let metrics = try Erlang.a(perHour: 60, aht: 200, agents: 4, patience: 150, slSeconds: 20)
        let keys = Set(try measuresByKey(metrics).keys)
        for key in ["blocked_fraction", "abandon_fraction", "p_wait", "service_level", "asa", "mean_wait",
                    "occupancy", "mean_queue", "wait_p90", "per_hour", "aht", "agents", "sl_seconds"] {
            XCTAssertTrue(keys.contains(key), "missing JSON key \(key)")
        }
        let decoded = try JSONDecoder().decode(QueueMetrics.self, from: JSONEncoder().encode(metrics))
        XCTAssertEqual(decoded, metrics)
    }

    func testInvalidInputsThrowDescriptiveErrors() {
        assertThrows(try Erlang.c(perHour: -1, aht: 180, agents: 10, slSeconds: 20), "calls per hour")
        assertThrows(try Erlang.c(perHour: 100, aht: 0, agents: 10, slSeconds: 20), "handle time")
        assertThrows(try Erlang.c(perHour: 100, aht: 180, agents: 0, slSeconds: 20), "agents")
        assertThrows(try Erlang.c(perHour: 100, aht: 180, agents: 10, slSeconds: -1), "threshold")
        assertThrows(try Erlang.b(perHour: 100, aht: 180, lines: 0, slSeconds: 20), "agents")
        assertThrows(try Erlang.a(perHour: 100, aht: 180, agents: 5, patience: -3, slSeconds: 20), "patience")
        assertThrows(try Erlang.mmck(perHour: 100, aht: 180, agents: 5, lines: 4, patience: nil, slSeconds: 20),
                     "lines")
    }

    func testOverloadWithoutAbandonmentIsUnstable() {
        XCTAssertThrowsError(try Erlang.c(perHour: 400, aht: 180, agents: 20, slSeconds: 20)) { error in
            guard case AnalyticsError.unstable = error else { return XCTFail("expected unstable, got \(error)") }
        }
        XCTAssertThrowsError(try BirthDeathQueue(perHour: 400, aht: 180, agents: 19)) { error in
            guard case AnalyticsError.unstable = error else { return XCTFail("expected unstable, got \(error)") }
        }
        XCTAssertNoThrow(try Erlang.a(perHour: 400, aht: 180, agents: 19, patience: 60, slSeconds: 20))
        XCTAssertNoThrow(try Erlang.mmck(perHour: 400, aht: 180, agents: 19, lines: 30, patience: nil, slSeconds: 20))
    }

    /// Little's law for the queue, and answered calls per second against busy agents' completions.
    private func assertFlowIdentities(_ metrics: QueueMetrics, _ label: String = "",
                                      file: StaticString = #filePath, line: UInt = #line) {
        let offeredPerSecond = metrics.perHour / 3600 * (1 - metrics.blockedFraction)
        XCTAssertEqual(metrics.meanQueue, offeredPerSecond * metrics.meanWait,
                       accuracy: 1e-9 * max(metrics.meanQueue, 1), "\(label): Little's law", file: file, line: line)
        XCTAssertEqual(metrics.occupancy * Double(metrics.agents) / metrics.aht, offeredPerSecond * metrics.answerRate,
                       accuracy: 1e-9 * offeredPerSecond, "\(label): throughput", file: file, line: line)
    }

    private func assertThrows(_ expression: @autoclosure () throws -> QueueMetrics, _ mention: String,
                              file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try expression(), file: file, line: line) { error in
            guard case AnalyticsError.invalidInput(let message) = error else {
                return XCTFail("expected invalid input, got \(error)", file: file, line: line)
            }
            XCTAssertTrue(message.contains(mention), "\(message) should mention \(mention)", file: file, line: line)
        }
    }
}
