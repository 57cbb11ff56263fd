import Analytics
import ContactCenter
import Experiments
import Statistics
import TestSupport
import XCTest

/// Transfers: the caller stays on the line and is counted once, as the original call.
final class TransferTests: XCTestCase {
    static let hours = 41

    /// `inquiry` (120 calls/h, 180 s talk, 10 agents: Erlang C) transfers a quarter of
    /// its answered calls to `billing` (240 s talk), which has no calls of its own and
    /// 50 agents, so transferred callers practically never wait.
    static func centre(patience: Distribution? = nil, afterCallWork: Distribution? = nil,
                       billingAgents: Int = 50) -> CenterModel {
        func rates(_ perHour: Double) -> [Double] { Array(repeating: perHour / 3600, count: hours) }
        return CenterModel(
            name: "transfers", timing: Timing(warmup: 3600, horizon: Double(hours) * 3600, intervalLength: 3600),
            callTypes: [
                CallType(id: "inquiry", arrivalRates: rates(120), handleTime: .exponential(mean: 180),
                         afterCallWork: afterCallWork, patience: patience,
                         serviceLevel: ServiceLevelTarget(seconds: 20), transfers: [Transfer(to: 1, fraction: 0.25)]),
                CallType(id: "billing", arrivalRates: rates(0), handleTime: .exponential(mean: 240),
                         patience: patience, serviceLevel: ServiceLevelTarget(seconds: 20)),
            ],
            agentGroups: [
                AgentGroup(id: "front", skills: [0], staffing: Array(repeating: 10, count: hours)),
                AgentGroup(id: "billing", skills: [1], staffing: Array(repeating: billingAgents, count: hours)),
            ])
    }

    /// Little's law on the trunk lines: a caller holds a line for the inquiry's Erlang C
    /// wait and talk and, for a quarter of them, the transferred talk.
    func testTransferredCallersKeepTheirTrunkLine() throws {
        let model = Self.centre()
        let results = try ReplicationRunner.run(model: model, seed: 96, replications: 20)
        let s = RunSummary(model: model, seed: 96, results: results, confidenceLevel: 0.99)
        let erlangC = try Erlang.c(perHour: 120, aht: 180, agents: 10, slSeconds: 0)
        try XCTAssertLessThan(Erlang.c(perHour: 30, aht: 240, agents: 50, slSeconds: 0).pWait, 1e-12)
        let exact = 120.0 / 3600 * (erlangC.asa + 180 + 0.25 * 240)
        try assertCovers(s.resources[.trunksBusy], exact, "trunk lines busy")
        try assertCovers(s.callTypes[0][.transferFraction], 0.25, "transfer fraction")
        XCTAssertEqual(s.callTypes[1][.arrivals]?.mean, 0, "transferred calls are not arrivals")
        XCTAssertEqual(s.total[.arrivals]?.mean, s.callTypes[0][.arrivals]?.mean)
    }

    func testEveryTransferIsAccountedFor() throws {
        let model = Self.centre(patience: .exponential(mean: 60), afterCallWork: .constant(30), billingAgents: 3)
        for r in try ReplicationRunner.run(model: model, seed: 4, replications: 3) {
            var inquiry = CallCounters(), billing = CallCounters()
            for i in 0..<r.intervalCount {
                inquiry.add(r.counters(interval: i, callType: 0))
                billing.add(r.counters(interval: i, callType: 1))
            }
            XCTAssertEqual(inquiry.arrivals, inquiry.answered + inquiry.abandoned + inquiry.unserved)
            XCTAssertEqual(inquiry.transferred, billing.transfersIn)
            XCTAssertEqual(billing.transfersIn,
                           billing.transfersAnswered + billing.transfersAbandoned + billing.transfersUnserved)
            XCTAssertGreaterThan(billing.transfersAbandoned, 0, "3 billing agents for 2 Erlangs with impatient callers")
            XCTAssertEqual(billing.answered + billing.abandoned, 0)
            XCTAssertEqual(inquiry.callersServed, inquiry.answered, "a transfer does not serve the caller twice")
        }
    }
}
