import Experiments
import Statistics
import XCTest

/// The three rules for an interval's target, on intervals placed around it.
final class TargetRuleTests: XCTestCase {
    private func ci(_ low: Double, _ mean: Double, _ high: Double) -> ConfidenceInterval {
        ConfidenceInterval(mean: mean, low: low, high: high, level: 0.95, count: 20)
    }

    func testAtLeastTargets() {
        let target = KPITarget(kpi: .serviceLevel, relation: .atLeast, value: 0.8)
        let cases: [(ConfidenceInterval, [TargetRule: Bool])] = [
            (ci(0.82, 0.85, 0.88), [.notMissed: false, .mean: false, .confident: false]),
            (ci(0.78, 0.82, 0.86), [.notMissed: false, .mean: false, .confident: true]),
            (ci(0.75, 0.79, 0.83), [.notMissed: false, .mean: true, .confident: true]),
            (ci(0.70, 0.74, 0.78), [.notMissed: true, .mean: true, .confident: true]),
        ]
        for (estimate, fails) in cases {
            for (rule, expected) in fails {
                XCTAssertEqual(rule.fails(target, estimate), expected, "\(rule) on \(estimate.mean)")
            }
        }
        XCTAssertFalse(TargetRule.confident.fails(target, nil), "no calls, no failure")
    }

    func testAtMostTargets() {
        let target = KPITarget(kpi: .abandonFraction, relation: .atMost, value: 0.05)
        XCTAssertFalse(TargetRule.notMissed.fails(target, ci(0.045, 0.055, 0.065)))
        XCTAssertTrue(TargetRule.mean.fails(target, ci(0.045, 0.055, 0.065)))
        XCTAssertTrue(TargetRule.notMissed.fails(target, ci(0.052, 0.06, 0.068)))
        XCTAssertTrue(TargetRule.confident.fails(target, ci(0.03, 0.04, 0.051)))
        XCTAssertFalse(TargetRule.confident.fails(target, ci(0.03, 0.04, 0.05)))
    }
}
