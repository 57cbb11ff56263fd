import ContactCenter
import Foundation
import Scenario
import XCTest

/// Valid scenarios and the models they produce.
final class ScenarioParsingTests: XCTestCase {
    func testExampleParsesIntoTheExpectedModel() throws {
        let scenario = try XCTUnwrap(parse(exampleYAML))
        let expected = CenterModel(
            name: "Erlang A day",
            timing: Timing(warmup: 7200, horizon: 86_400, intervalLength: 1800),
            trunks: 400,
            callTypes: [CallType(id: "general",
                                 arrivalRates: Array(repeating: 1.0, count: 48),
                                 handleTime: .exponential(mean: 180),
                                 afterCallWork: .constant(0),
                                 patience: .exponential(mean: 120),
                                 serviceLevel: ServiceLevelTarget(seconds: 20, target: 0.8))],
            agentGroups: [AgentGroup(id: "team", skills: [0], staffing: Array(repeating: 190, count: 48))])
        XCTAssertEqual(scenario.model, expected)
        XCTAssertEqual(scenario.seed, 7)
        XCTAssertEqual(scenario.replications, 30)
        XCTAssertNil(scenario.sourcePath)
    }

    func testDefaults() throws {
        let yaml = """
        horizon: 8h
        call_types:
          - id: sales
            arrivals: {per_hour: 60}
            handle_time: {distribution: exponential, mean: 60}
        agent_groups:
          - id: team
            skills: [sales]
            agents: 2
        """
        let scenario = try ScenarioLoader.parse(yaml: yaml, fileName: "Scenarios/minimal.yaml")
        XCTAssertEqual(scenario.model.name, "minimal")
        XCTAssertEqual(scenario.seed, 1)
        XCTAssertEqual(scenario.replications, 10)
        XCTAssertEqual(scenario.model.timing, Timing(warmup: 0, horizon: 28_800, intervalLength: 1800))
        XCTAssertNil(scenario.model.trunks)
        let callType = try XCTUnwrap(scenario.model.callTypes.first)
        XCTAssertNil(callType.afterCallWork)
        XCTAssertNil(callType.patience)
        XCTAssertEqual(callType.serviceLevel, ServiceLevelTarget(seconds: 20, target: nil))
    }

    func testDurations() throws {
        let cases: [(written: String, seconds: Double)] = [
            ("90s", 90), ("30m", 1800), ("2h", 7200), ("1.5h", 5400), ("45", 45), ("1d", 86_400), ("2.5", 2.5),
        ]
        for (written, seconds) in cases {
            let yaml = smallYAML(timing: "horizon: 2d\nwarmup: \(written)")
            let scenario = try XCTUnwrap(parse(yaml), written)
            XCTAssertEqual(scenario.model.timing.warmup, seconds, written)
        }
    }

    func testDurationsInDistributionParameters() throws {
        let yaml = example(replacing: "{distribution: exponential, mean: 180}",
                           with: "{distribution: uniform, low: 1m, high: 0.1h}")
        let scenario = try XCTUnwrap(parse(yaml))
        XCTAssertEqual(scenario.model.callTypes[0].talk.constant, .uniform(low: 60, high: 360))
    }

    func testEveryDistributionKind() throws {
        XCTAssertEqual(try callType(patience: "{distribution: exponential, mean: 3m}").patience?.constant,
                       .exponential(mean: 180))
        XCTAssertEqual(try callType(patience: "{distribution: constant, value: 30}").patience?.constant,
                       .constant(30))
        XCTAssertEqual(try callType(patience: "{distribution: lognormal, mean: 200, cv: 0.5}").patience?.constant,
                       .lognormal(mean: 200, cv: 0.5))
        XCTAssertEqual(try callType(patience: "{distribution: gamma, mean: 200, cv: 0.5}").patience?.constant,
                       .gamma(mean: 200, cv: 0.5))
        XCTAssertEqual(try callType(patience: "{distribution: gamma, shape: 4, scale: 50}").patience?.constant,
                       .gamma(shape: 4, scale: 50))
        XCTAssertEqual(try callType(patience: "{distribution: erlang, k: 3, mean: 240}").patience?.constant,
                       .erlang(k: 3, mean: 240))
        XCTAssertEqual(try callType(patience: "{distribution: weibull, scale: 100, shape: 1.5}").patience?.constant,
                       .weibull(scale: 100, shape: 1.5))
        XCTAssertEqual(try callType(patience: "{distribution: uniform, low: 0, high: 60}").patience?.constant,
                       .uniform(low: 0, high: 60))
        XCTAssertEqual(try callType(patience: "{distribution: empirical, values: [30, 1m, 90s]}").patience?.constant,
                       .empirical([30, 60, 90]))
    }

    /// The example's call type with its patience written as `written`.
    private func callType(patience written: String) throws -> CallType {
        let yaml = example(replacing: "{distribution: exponential, mean: 120}", with: written)
        return try XCTUnwrap(parse(yaml), written).model.callTypes[0]
    }

    func testSkillsBecomeCallTypeIndices() throws {
        let yaml = """
        horizon: 1h
        call_types:
          - {id: sales, arrivals: {per_hour: 10}, handle_time: {distribution: exponential, mean: 60}}
          - {id: billing, arrivals: {per_hour: 20}, handle_time: {distribution: exponential, mean: 60}}
        agent_groups:
          - {id: generalists, skills: [billing, sales], agents: 3}
          - {id: billing_team, skills: [billing], agents: 1}
        """
        let model = try XCTUnwrap(parse(yaml)).model
        XCTAssertEqual(model.agentGroups.map(\.skills), [[1, 0], [1]])
        XCTAssertEqual(model.callTypeIndex("billing"), 1)
    }

    func testPerIntervalListsOfTheRightLength() throws {
        let yaml = smallYAML(perHour: "[60, 120, 180, 0]", agents: "[1, 2, 3, 0]")
        let model = try XCTUnwrap(parse(yaml)).model
        XCTAssertEqual(model.callTypes[0].arrivalRates, [60.0 / 3600, 120.0 / 3600, 180.0 / 3600, 0])
        XCTAssertEqual(model.agentGroups[0].staffing, [1, 2, 3, 0])
    }

    func testAPartialLastIntervalCounts() throws {
        let yaml = smallYAML(timing: "horizon: 100m\ninterval: 30m", agents: "[1, 2, 3, 4]")
        let model = try XCTUnwrap(parse(yaml)).model
        XCTAssertEqual(model.timing.intervalCount, 4)
        XCTAssertEqual(model.agentGroups[0].staffing, [1, 2, 3, 4])
    }

    func testOptionalKeysMayBeNull() throws {
        let yaml = example(replacing: "trunks: 400", with: "trunks:")
        XCTAssertNil(try XCTUnwrap(parse(yaml)).model.trunks)
    }

    func testLoadReadsAFile() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("ScenarioTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("night.yaml").path
        try exampleYAML.replacingOccurrences(of: "name: Erlang A day\n", with: "")
            .write(toFile: path, atomically: true, encoding: .utf8)

        let scenario = try ScenarioLoader.load(path: path)
        XCTAssertEqual(scenario.sourcePath, path)
        XCTAssertEqual(scenario.model.name, "night")
        XCTAssertEqual(scenario.model.agentGroups[0].staffing.count, 48)
    }
}
