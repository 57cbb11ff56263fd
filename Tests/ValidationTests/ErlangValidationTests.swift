import ContactCenter
import Experiments
import Statistics
import ValidationCases
import XCTest

/// The simulator against queueing theory: for every exact case of the shared
/// validation file (Erlang B, Erlang C, Erlang A, M/M/c/K with and without patience),
/// the simulation's confidence interval must contain the exact value of every KPI.
///
/// Many intervals are checked at once (about 40 cases × 7–9 KPIs), so each is a
/// 99.9% interval: with independent 95% intervals a dozen would
/// miss by chance. Values below 1e-9 are numerical zeros of the exact computation.
final class ErlangValidationTests: XCTestCase {
    static let replications = 20
    static let level = 0.999

    /// KPIs compared, by their name in the validation file.
    static let compared: [(String, KPI)] = [
        ("blocked_fraction", .blockedFraction), ("abandon_fraction", .abandonFraction),
        ("p_wait", .pWait), ("service_level", .serviceLevel), ("asa", .asa),
        ("mean_wait", .meanWait), ("occupancy", .occupancy), ("mean_queue", .meanQueue),
        ("wait_p90", .waitP90),
    ]

    func testEveryCaseAgreesWithTheExactValues() throws {
        var misses: [String] = []
        var checked = 0
        for c in try ValidationCase.loadAll() {
            let model = c.centerModel
            let results = try ReplicationRunner.run(model: model, seed: 2026, replications: Self.replications)
            let summary = RunSummary(model: model, seed: 2026, results: results, confidenceLevel: Self.level)
            for (name, kpi) in Self.compared {
                guard let exact = c.exact[name] else { continue }
                let ci = try XCTUnwrap(summary.total[kpi], "\(c.id) \(name)")
                checked += 1
                if !(ci.low - 1e-9 <= exact && exact <= ci.high + 1e-9) {
                    misses.append("\(c.id) \(name): exact \(exact), simulated \(ci.mean) [\(ci.low), \(ci.high)]")
                }
            }
        }
        XCTAssertGreaterThan(checked, 250)
        XCTAssertEqual(misses, [], "\(misses.count) of \(checked) intervals miss the exact value")
    }
}
