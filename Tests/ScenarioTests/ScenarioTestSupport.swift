import Foundation
import Scenario
import XCTest

/// The example scenario of the documentation; line numbers matter to the error tests.
let exampleYAML = """
name: Erlang A day
seed: 7
replications: 30
warmup: 2h
horizon: 24h
interval: 30m
trunks: 400
call_types:
  - id: general
    arrivals: {per_hour: 3600}
    handle_time: {distribution: exponential, mean: 180}
    after_call_work: {distribution: constant, value: 0}
    patience: {distribution: exponential, mean: 120}
    service_level: {seconds: 20, target: 0.8}
agent_groups:
  - id: team
    skills: [general]
    agents: 190
"""

/// The file name the tests give to parsed text.
let testFileName = "Scenarios/day.yaml"

/// The example with every occurrence of `original` replaced by `replacement`
/// (which fails the test if `original` does not occur).
func example(replacing original: String, with replacement: String,
             file: StaticString = #filePath, line: UInt = #line) -> String {
    XCTAssertTrue(exampleYAML.contains(original), "the example has no `\(original)`", file: file, line: line)
    return exampleYAML.replacingOccurrences(of: original, with: replacement)
}

/// A small scenario with a single call type and group; `timing` holds the timing lines,
/// `perHour` and `agents` the values of those keys.
func smallYAML(timing: String = "horizon: 2h\ninterval: 30m", perHour: String = "60",
               agents: String = "2") -> String {
    """
    \(timing)
    call_types:
      - id: sales
        arrivals: {per_hour: \(perHour)}
        handle_time: {distribution: exponential, mean: 60}
    agent_groups:
      - id: team
        skills: [sales]
        agents: \(agents)
    """
}

/// Parses `yaml` as `testFileName`, failing the test if it throws.
func parse(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> Scenario? {
    do {
        return try ScenarioLoader.parse(yaml: yaml, fileName: testFileName)
    } catch {
        XCTFail("unexpected error: \(error)", file: file, line: line)
        return nil
    }
}

/// Asserts that parsing `yaml` fails with an error at `position` ("line:column") and `keyPath`
/// whose description contains each of `fragments`.
func assertError(_ yaml: String, at position: String, keyPath: String, contains fragments: [String],
                 file: StaticString = #filePath, line: UInt = #line) {
    do {
        let scenario = try ScenarioLoader.parse(yaml: yaml, fileName: testFileName)
        XCTFail("expected an error, got a scenario named \(scenario.model.name)", file: file, line: line)
    } catch let error as ScenarioError {
        let description = error.description
        let location = "\(testFileName):\(position): " + (keyPath.isEmpty ? "" : "\(keyPath): ")
        XCTAssertTrue(description.hasPrefix(location), "\(description)\ndoes not start with\n\(location)",
                      file: file, line: line)
        XCTAssertEqual(error.keyPath, keyPath, file: file, line: line)
        for fragment in fragments {
            XCTAssertTrue(description.contains(fragment), "\(description)\ndoes not contain\n\(fragment)",
                          file: file, line: line)
        }
    } catch {
        XCTFail("expected a ScenarioError, got \(error)", file: file, line: line)
    }
}
