import Analytics
import ContactCenter
import Experiments
import Statistics
import XCTest

/// Known answers for the features of a real centre's days: opening hours, laws by
/// interval of arrival, proficiency. Every check is a 99.9% confidence interval of the
/// simulation covering the exact value (several intervals are checked per test).
final class RealCentreValidationTests: XCTestCase {
    static let level = 0.999
    static let seed: UInt64 = 2026

    /// One call type of `perHour` calls an hour (exponential talk `aht`, patience `patience`),
    /// one group of `agents` per interval.
    private func model(hours: Int, interval: Double, perHour: Double, aht: Double, patience: Double?,
                       agents: [Int], warmup: Double = 0) -> CenterModel {
        let timing = Timing(warmup: warmup, horizon: Double(hours) * 3600, intervalLength: interval)
        let type = CallType(id: "calls", arrivalRates: Array(repeating: perHour / 3600, count: timing.intervalCount),
                            handleTime: .exponential(mean: aht), patience: patience.map { .exponential(mean: $0) },
                            serviceLevel: ServiceLevelTarget(seconds: 20))
        let staffing = agents.count == 1 ? Array(repeating: agents[0], count: timing.intervalCount) : agents
        return CenterModel(name: "known answers", timing: timing, callTypes: [type],
                           agentGroups: [AgentGroup(id: "team", skills: [0], staffing: staffing)])
    }

    private func assertCovers(_ ci: ConfidenceInterval?, _ exact: Double, _ what: String,
                              file: StaticString = #filePath, line: UInt = #line) {
        guard let ci else { return XCTFail("\(what): no estimate", file: file, line: line) }
        XCTAssertTrue(ci.low - 1e-9 <= exact && exact <= ci.high + 1e-9,
                      "\(what): exact \(exact), simulated \(ci.mean) [\(ci.low), \(ci.high)]", file: file, line: line)
    }

    /// Open 06:00–18:00 of a day of steady arrivals: half the arrivals hear the closed
    /// message, the other half are offered.
    func testClosedHalfTheDayTurnsAwayHalfTheCalls() throws {
        var centre = model(hours: 24, interval: 3600, perHour: 360, aht: 60, patience: 120, agents: [20])
        centre.openingHours = OpeningHours(windows: [OpeningHours.Window(open: 6 * 3600, close: 18 * 3600)])
        let summary = try ReplicationRunner.summary(model: centre, seed: Self.seed, replications: 30,
                                                    confidenceLevel: Self.level)
        assertCovers(summary.total[.closed], 360 * 12, "closed")
        assertCovers(summary.total[.offered], 360 * 12, "offered")
        XCTAssertNil(summary.intervals[3].total[.serviceLevel], "nobody is offered at 03:00")
        XCTAssertEqual(summary.intervals[3].total[.closed]?.mean, summary.intervals[3].total[.arrivals]?.mean)
        XCTAssertEqual(summary.intervals[9].total[.closed]?.mean, 0)
    }

    /// Two long intervals whose calls have different talk times: each interval's
    /// abandonment and service level match its own Erlang A.
    func testEachIntervalsLawMatchesItsOwnErlangA() throws {
        var centre = model(hours: 24, interval: 12 * 3600, perHour: 600, aht: 180, patience: 120, agents: [32, 42])
        centre.callTypes[0].talk = IntervalLaws(laws: [.exponential(mean: 180), .exponential(mean: 240)],
                                                                lawOfInterval: [0, 1])
        let summary = try ReplicationRunner.summary(model: centre, seed: Self.seed, replications: 30,
                                                    confidenceLevel: Self.level)
        for (i, (aht, agents)) in [(180.0, 32), (240.0, 42)].enumerated() {
            let exact = try Erlang.a(perHour: 600, aht: aht, agents: agents, patience: 120, slSeconds: 20)
            let kpis = summary.intervals[i].total
            assertCovers(kpis[.abandonFraction], exact.abandonFraction, "interval \(i) abandon fraction")
            assertCovers(kpis[.serviceLevel], exact.serviceLevel, "interval \(i) service level")
            assertCovers(kpis[.aht], aht, "interval \(i) mean handle time")
        }
    }

    /// A group twice as fast on its call type (handle-time factor 0.5) is Erlang A with
    /// half the mean talk time; the service-level variants match theirs.
    func testProficiencyHalvesTheHandleTime() throws {
        var centre = model(hours: 24, interval: 3600, perHour: 1200, aht: 240, patience: 120, agents: [42], warmup: 2 * 3600)
        centre.agentGroups[0].handleTimeFactors = [0: 0.5]
        let summary = try ReplicationRunner.summary(model: centre, seed: Self.seed, replications: 20,
                                                    confidenceLevel: Self.level)
        let exact = try Erlang.a(perHour: 1200, aht: 120, agents: 42, patience: 120, slSeconds: 20)
        assertCovers(summary.total[.aht], 120, "mean handle time")
        assertCovers(summary.total[.abandonFraction], exact.abandonFraction, "abandon fraction")
        assertCovers(summary.total[.serviceLevel], exact.serviceLevel, "service level")
        assertCovers(summary.total[.serviceLevelOfAnswered], exact.serviceLevelAnsweredOnly, "service level of answered")
        assertCovers(summary.total[.serviceLevelWithoutShortAbandons], exact.serviceLevelExcludingShortAbandons,
                     "service level without short abandons")
    }

    /// Ratios of totals: the answered over offered of the summed counters, which lies
    /// within the range of the replications' own ratios.
    func testRatiosOfTotalsAreRatiosOfSums() throws {
        let centre = model(hours: 8, interval: 3600, perHour: 600, aht: 180, patience: 120, agents: [30])
        let results = try ReplicationRunner.run(model: centre, seed: Self.seed, replications: 8)
        let summary = RunSummary(model: centre, seed: Self.seed, results: results)
        var answered = 0, offered = 0
        for r in results { for c in r.calls { answered += c.answered; offered += c.offered } }
        let ratio = try XCTUnwrap(summary.ratiosOfTotals.total[.answerRate])
        XCTAssertEqual(ratio, Double(answered) / Double(offered), accuracy: 1e-12)
    }
}
