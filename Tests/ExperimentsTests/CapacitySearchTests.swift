import Analytics
import ContactCenter
import Experiments
import TestSupport
import XCTest

/// The capacity search against Erlang B: the fewest trunk lines that keep blocking at
/// most 1% (with 95% confidence) for 5 Erlangs are 11 (B(10) = 1.8%, B(11) = 0.83%).
final class CapacitySearchTests: XCTestCase {
    func testFewestLinesForOnePercentBlockingIsTheErlangBAnswer() throws {
        XCTAssertGreaterThan(Erlang.blockingProbability(lines: 10, offeredLoad: 5), 0.01)
        XCTAssertLessThan(Erlang.blockingProbability(lines: 11, offeredLoad: 5), 0.01)
        let base = Centres.single(perHour: Array(repeating: 100, count: 40), agents: Array(repeating: 40, count: 40))
        let target = try XCTUnwrap(KPITarget(parsing: "blocked_fraction<=0.01"))
        var evaluated: [Int] = []
        let search = try CapacitySearch(minimum: 1, maximum: 40, start: 4, evaluate: { lines in
            evaluated.append(lines)
            var model = base
            model.trunks = lines
            return RunSummary(model: model, seed: 3, results: try ReplicationRunner.run(model: model, seed: 3, replications: 20))
        }, failures: { $0.failures(of: [target], over: .day) })
        XCTAssertEqual(search.smallest, 11)
        XCTAssertEqual(search.curve.map(\.amount), search.curve.map(\.amount).sorted())
        XCTAssertFalse(try XCTUnwrap(search.curve.first { $0.amount == 10 }).meets)
        XCTAssertTrue(try XCTUnwrap(search.curve.first { $0.amount == 12 }).meets)
        XCTAssertEqual(Set(evaluated).count, evaluated.count, "no amount is simulated twice")
    }

    func testTargetsParseAndCompareWithTheConservativeEnd() throws {
        let target = try XCTUnwrap(KPITarget(parsing: "service_level>=0.8"))
        XCTAssertEqual(target, KPITarget(kpi: .serviceLevel, relation: .atLeast, value: 0.8))
        XCTAssertNil(KPITarget(parsing: "service_levl>=0.8"))
        XCTAssertNil(KPITarget(parsing: "service_level=0.8"))
    }
}

/// A run whose results would not fit in memory is refused before it starts.
final class RunLimitTests: XCTestCase {
    func testReplicationsWhoseResultsExceedTheMachineAreRefused() throws {
        var model = Centres.single(perHour: Array(repeating: 60, count: 48), agents: Array(repeating: 3, count: 48))
        model.callTypes += (1..<1000).map { k in
            var type = model.callTypes[0]
            type.id = "type\(k)"
            return type
        }
        model.agentGroups[0].skills = Array(model.callTypes.indices)
        XCTAssertThrowsError(try ReplicationRunner.run(model: model, seed: 1, replications: 1_000_000)) { error in
            XCTAssertTrue(error is RunError, "\(error)")
            XCTAssertTrue("\(error)".contains("1000000 replications would keep about"), "\(error)")
        }
    }
}
