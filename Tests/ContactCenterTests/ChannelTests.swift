import Analytics
import ContactCenter
import Experiments
import Statistics
import TestSupport
import XCTest

/// Contacts of channels other than voice (e-mail, SMS, web, …) take no trunk line and
/// skip the IVR: next to them, the voice calls on lines and IVR ports still form the
/// Erlang B loss systems they would alone.
final class ChannelTests: XCTestCase {
    /// A voice call type (lines, IVR ports) and a heavy e-mail stream answered by a
    /// back office of its own; 99% intervals for the several values checked at once.
    static func centre(trunks: Int?, ivr: IVR?) -> CenterModel {
        let hours = 21
        return CenterModel(
            name: "channels", timing: Timing(warmup: 3600, horizon: Double(hours) * 3600, intervalLength: 3600),
            trunks: trunks,
            callTypes: [
                CallType(id: "calls", arrivalRates: Array(repeating: 0.1, count: hours), handleTime: .exponential(mean: 60),
                         serviceLevel: ServiceLevelTarget(seconds: 20)),
                CallType(id: "mail", arrivalRates: Array(repeating: 0.5, count: hours), handleTime: .exponential(mean: 240),
                         serviceLevel: ServiceLevelTarget(seconds: 4 * 3600), channel: .email),
            ],
            agentGroups: [
                AgentGroup(id: "phones", skills: [0], staffing: Array(repeating: 40, count: hours)),
                AgentGroup(id: "back_office", skills: [1], staffing: Array(repeating: 130, count: hours)),
            ],
            ivr: ivr)
    }

    func summary(_ model: CenterModel) throws -> RunSummary {
        RunSummary(model: model, seed: 10088, results: try ReplicationRunner.run(model: model, seed: 10088, replications: 20),
                   confidenceLevel: 0.99)
    }

    func testEmailsTakeNoTrunkLine() throws {
        // 360 calls/h × 60 s = 6 Erlangs on 8 lines; the e-mails (120 Erlangs) add none.
        let s = try summary(Self.centre(trunks: 8, ivr: nil))
        let blocking = Erlang.blockingProbability(lines: 8, offeredLoad: 6)
        try assertCovers(s.callTypes[0][.blockedFraction], blocking, "calls blocked")
        try assertCovers(s.resources[.trunksBusy], 6 * (1 - blocking), "busy lines (carried voice load)")
        XCTAssertEqual(s.callTypes[1][.blocked]?.mean, 0, "no e-mail is ever blocked")
        // The voice calls alone: here the one voice call type.
        let voice = try XCTUnwrap(s.voice)
        for kpi in [KPI.arrivals, .blockedFraction, .serviceLevel, .asa] {
            XCTAssertEqual(voice[kpi], s.callTypes[0][kpi], kpi.rawValue)
        }
        XCTAssertGreaterThan(try XCTUnwrap(s.callTypes[1][.answered]?.mean), 1000)
    }

    func testEmailsSkipTheIVR() throws {
        // Every call holds a port for the 5 s announcement and a 25 s menu on average.
        let ivr = IVR(ports: 4, whenFull: .block, announcement: 5, menu: .exponential(mean: 25))
        let s = try summary(Self.centre(trunks: nil, ivr: ivr))
        let blocking = Erlang.blockingProbability(lines: 4, offeredLoad: 3)
        try assertCovers(s.callTypes[0][.ivrBlockedFraction], blocking, "calls blocked at the IVR")
        try assertCovers(s.resources[.ivrPortsBusy], 3 * (1 - blocking), "busy ports (voice only)")
        XCTAssertEqual(s.callTypes[1][.ivrBlocked]?.mean, 0)
        // Without the IVR's announcement, an e-mail's response time is its wait.
        let mail = try XCTUnwrap(s.callTypes[1][.responseTime]?.mean)
        XCTAssertEqual(mail, try XCTUnwrap(s.callTypes[1][.asa]?.mean), accuracy: 1e-9)
    }
}
