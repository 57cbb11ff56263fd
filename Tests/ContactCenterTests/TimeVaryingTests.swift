import ContactCenter
import Experiments
import Statistics
import TestSupport
import XCTest

final class TimeVaryingTests: XCTestCase {
    /// Arrivals per interval follow piecewise-constant rates: each interval's 99.9%
    /// interval of the mean count covers rate × length; a zero rate gives no call.
    func testPerIntervalArrivalsMatchTheRates() throws {
        let rates: [Double] = [120, 0, 480, 30, 900]
        let model = Centres.single(perHour: rates, agents: Array(repeating: 200, count: rates.count))
        let results = try ReplicationRunner.run(model: model, seed: 5, replications: 40)
        let summary = RunSummary(model: model, seed: 5, results: results, confidenceLevel: 0.999)
        for (i, rate) in rates.enumerated() {
            let ci = try XCTUnwrap(summary.intervals[i].callTypes[0][.arrivals])
            if rate == 0 {
                XCTAssertEqual(ci.high, 0)
            } else {
                XCTAssertTrue(ci.contains(rate), "interval \(i): \(rate) outside [\(ci.low), \(ci.high)]")
            }
        }
    }

    /// When staffing drops at an interval boundary, busy agents finish their call
    /// before logging off: they stay logged in (and busy) into the next interval.
    func testBusyAgentsFinishTheirCallWhenStaffingDrops() throws {
        // 10 agents for one hour, then 2; every talk lasts 50 minutes and nobody hangs up.
        let model = Centres.single(perHour: [60, 0, 0], agents: [10, 2, 2], talk: .constant(3000))
        let r = try ReplicationRunner.run(model: model, seed: 2, replications: 1)[0]
        let second = r.groupLoggedInTime[1]
        XCTAssertGreaterThan(second, 2 * 3600, "agents busy at the boundary stay until their call ends")
        XCTAssertLessThan(second, 10 * 3600)
        XCTAssertEqual(r.groupLoggedInTime[2], 2 * 3600, accuracy: 1e-6, "all have logged off by then")
        let c = r.counters(interval: 0, callType: 0)
        XCTAssertEqual(c.answered, c.arrivals, "every call is answered eventually")
    }

    /// Statistics of calls arriving during the warm-up are discarded.
    func testWarmupIsDiscarded() throws {
        let model = Centres.single(perHour: [300, 300], agents: [40, 40], warmup: 3600)
        let r = try ReplicationRunner.run(model: model, seed: 9, replications: 1)[0]
        XCTAssertEqual(r.counters(interval: 0, callType: 0).arrivals, 0)
        XCTAssertGreaterThan(r.counters(interval: 1, callType: 0).arrivals, 0)
        XCTAssertEqual(r.reportedDuration, [0, 3600])
    }
}

/// Over-dispersion: with a gamma busyness factor of mean 1 and CV c per day, a day's
/// arrivals are negative binomial: mean m = λT, variance m + m²c². The test compares
/// the sample variance over many replications with that value, with a tolerance of
/// 3.29 standard errors of the sample variance (a 99.9% normal interval), the standard
/// error computed from the negative binomial's fourth central moment.
final class OverDispersionTests: XCTestCase {
    func testDailyVolumesVaryAsTheBusynessCVSays() throws {
        let cv = 0.2, m = 2000.0, n = 400
        var model = Centres.single(perHour: Array(repeating: m / 24, count: 24), agents: Array(repeating: 30, count: 24))
        model.busynessCV = cv
        let results = try ReplicationRunner.run(model: model, seed: 21, replications: n)
        let counts = Tally(results.map { r in Double((0..<24).reduce(0) { $0 + r.counters(interval: $1, callType: 0).arrivals }) })
        let r = 1 / (cv * cv)                                   // negative binomial size
        let variance = m + m * m * cv * cv
        let excessKurtosis = 6 / r + r / (m * (r + m))
        let fourthMoment = (excessKurtosis + 3) * variance * variance
        let nd = Double(n)
        let standardError = ((fourthMoment - variance * variance * (nd - 3) / (nd - 1)) / nd).squareRoot()
        XCTAssertEqual(counts.mean, m, accuracy: 3.29 * (variance / nd).squareRoot())
        XCTAssertEqual(counts.variance, variance, accuracy: 3.29 * standardError)
        // Without busyness the same days are Poisson: the variance is about the mean, far below.
        model.busynessCV = nil
        let plain = try ReplicationRunner.run(model: model, seed: 21, replications: 100)
        let plainCounts = Tally(plain.map { r in Double((0..<24).reduce(0) { $0 + r.counters(interval: $1, callType: 0).arrivals }) })
        XCTAssertLessThan(plainCounts.variance, variance / 10)
    }
}
