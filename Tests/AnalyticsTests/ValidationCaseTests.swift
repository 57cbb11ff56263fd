import Analytics
import ValidationCases
import XCTest

/// Every exact case of the shared fixture, through the public formulas.
final class ValidationCaseTests: XCTestCase {
    /// Measures every case carries.
    static let coreKeys = ["blocked_fraction", "abandon_fraction", "p_wait", "service_level", "asa",
                           "mean_wait", "occupancy"]
    /// Further measures every `V-` case carries.
    static let extendedKeys = ["mean_queue", "wait_p90", "sl_all_le_t", "sl_answered_only", "abandon_le_t",
                               "sl_excl_short_ab", "mean_wait_abandoned", "wait_p90_answered"]
    /// Staffing keys of `V-` cases and the target each names.
    static let staffingTargets: [String: StaffingTarget] = [
        "min_agents_sl80_in_20s": .serviceLevel(atLeast: 0.8, withinSeconds: 20),
        "min_agents_sl80_in_3s": .serviceLevel(atLeast: 0.8, withinSeconds: 3),
        "min_agents_answer_rate_95": .abandonFraction(atMost: 0.05),
    ]

    func testFixtureHoldsTheSharedCases() throws {
        let cases = try ValidationCase.loadAll()
        XCTAssertEqual(cases.count, 40)
        XCTAssertEqual(Set(cases.map(\.model)), ["erlangB", "erlangC", "erlangA", "mmck"])
        XCTAssertGreaterThanOrEqual(cases.filter { $0.id.hasPrefix("V-") }.count, 26)
    }

    func testFormulasReproduceEveryExactMeasure() throws {
        for validationCase in try ValidationCase.loadAll() {
            try assertReproduces(validationCase, try measuresByKey(validationCase.metricsFromFormula()))
        }
    }

    /// The general chain must agree too where the formulas take a shortcut (Erlang C in closed
    /// form) — there it runs on a truncated state space.
    func testBirthDeathChainReproducesEveryExactMeasure() throws {
        for validationCase in try ValidationCase.loadAll() {
            try assertReproduces(validationCase, try measuresByKey(validationCase.metricsFromChain()))
        }
    }

    func testStaffingSearchFindsTheExactMinimum() throws {
        var checked = 0
        for validationCase in try ValidationCase.loadAll() {
            for (key, target) in Self.staffingTargets {
                guard let expected = validationCase.exact[key] else { continue }
                let found = try Erlang.minimumAgents(model: validationCase.staffingModel,
                                                     perHour: validationCase.perHour, aht: validationCase.aht,
                                                     target: target)
                XCTAssertEqual(Double(found), expected, "\(validationCase.id): \(key)")
                checked += 1
            }
        }
        XCTAssertEqual(checked, 5, "every staffing key of the fixture is checked")
    }

    /// Checks every measure of `validationCase` that `measures` holds, and that none is left out.
    private func assertReproduces(_ validationCase: ValidationCase, _ measures: [String: Double]) throws {
        let required = validationCase.id.hasPrefix("V-") ? Self.coreKeys + Self.extendedKeys : Self.coreKeys
        for key in required {
            XCTAssertNotNil(validationCase.exact[key], "\(validationCase.id) lacks \(key)")
        }
        for (key, expected) in validationCase.exact where Self.staffingTargets[key] == nil {
            let actual = try XCTUnwrap(measures[key], "\(validationCase.id): no measure \(key)")
            assertMatchesExact(actual, expected, "\(validationCase.id): \(key)")
        }
    }
}
