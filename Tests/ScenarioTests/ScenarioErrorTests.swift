import Foundation
import Scenario
import XCTest

/// Every kind of problem is reported with file, line, column, key path and a helpful message.
final class ScenarioErrorTests: XCTestCase {
    // MARK: The error's form

    func testDescriptionReadsLikeACompilerDiagnostic() {
        let error = ScenarioError(file: "Scenarios/day.yaml", line: 12, column: 5,
                                  keyPath: "call_types[0].handle_time.mean",
                                  message: "must be a positive number of seconds, got \"-3\"")
        XCTAssertEqual(error.description, "Scenarios/day.yaml:12:5: call_types[0].handle_time.mean: "
                       + "must be a positive number of seconds, got \"-3\"")
        XCTAssertEqual(ScenarioError(file: "day.yaml", message: "no such file").description,
                       "day.yaml: no such file")
    }

    // MARK: Files and YAML syntax

    func testUnreadableFile() {
        let path = "/nonexistent-\(UUID().uuidString)/day.yaml"
        XCTAssertThrowsError(try ScenarioLoader.load(path: path)) { error in
            XCTAssertEqual((error as? ScenarioError)?.description, "\(path): no such file")
        }
    }

    func testDirectoryIsNotAScenario() {
        let path = FileManager.default.temporaryDirectory.path
        XCTAssertThrowsError(try ScenarioLoader.load(path: path)) { error in
            XCTAssertEqual((error as? ScenarioError)?.description, "\(path): is a folder, not a YAML file")
        }
    }

    func testAnEmptyDeviceIsAnEmptyFile() {
        XCTAssertThrowsError(try ScenarioLoader.load(path: "/dev/null")) { error in
            XCTAssertTrue("\(error)".hasPrefix("/dev/null: the file is empty"), "\(error)")
        }
    }

    /// Hashing a key built of nested aliases takes time exponential in their depth: such a
    /// key is refused before the document is built.
    func testAnAliasBombAsAKeyIsRefusedAtOnce() {
        var lines = ["a0: &a0 [x, x]"]
        for i in 1..<40 { lines.append("a\(i): &a\(i) [*a\(i - 1), *a\(i - 1)]") }
        lines += ["? *a39", ": 1", "horizon: 1h"]
        let start = Date()
        assertError(lines.joined(separator: "\n"), at: "41:3", keyPath: "", contains: ["an alias (`*name`) cannot be a key"])
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
    }

    func testAFileOfMillionsOfValuesIsRefusedBeforeParsing() {
        let yaml = "horizon: 1h\ncall_types: [" + Array(repeating: "1", count: 2_100_000).joined(separator: ",") + "]"
        XCTAssertThrowsError(try ScenarioLoader.parse(yaml: yaml, fileName: "big.yaml")) { error in
            XCTAssertTrue("\(error)".contains("holds about 2100000 values; at most 2000000 are read"), "\(error)")
        }
    }

    func testYAMLSyntaxErrorReportsYamsPosition() {
        let yaml = example(replacing: "arrivals: {per_hour: 3600}", with: "arrivals: {per_hour: 3600")
        assertError(yaml, at: "11:16", keyPath: "", contains: ["invalid YAML", "did not find expected ',' or '}'"])
    }

    func testDuplicateKey() {
        let yaml = example(replacing: "horizon: 24h\n", with: "horizon: 24h\nhorizon: 12h\n")
        assertError(yaml, at: "5:1", keyPath: "", contains: ["`horizon` appears more than once"])
    }

    func testEmptyFile() {
        XCTAssertThrowsError(try ScenarioLoader.parse(yaml: "", fileName: testFileName)) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(testFileName): the file is empty"), "\(error)")
        }
    }

    func testSecondDocumentIsAnError() {
        assertError(exampleYAML + "\n---\nhorizon: 1h\n", at: "20:1", keyPath: "",
                    contains: ["a second YAML document begins here"])
    }

    func testDocumentMustBeAMapping() {
        assertError("- horizon: 24h\n", at: "1:1", keyPath: "", contains: ["expected a mapping, got a list"])
    }

    // MARK: Unknown keys

    func testUnknownKeySuggestsTheClosestKey() {
        let yaml = example(replacing: "handle_time:", with: "handle_tme:")
        assertError(yaml, at: "11:5", keyPath: "call_types[0]",
                    contains: ["unknown key `handle_tme`", "did you mean `handle_time`?"])
    }

    func testUnknownKeyFarFromAllListsTheAllowedKeys() {
        let yaml = example(replacing: "trunks: 400", with: "lines: 400")
        assertError(yaml, at: "7:1", keyPath: "",
                    contains: ["unknown key `lines`", "expected one of `name`, `seed`"])
    }

    func testUnknownDistributionParameter() {
        let yaml = example(replacing: "mean: 180}", with: "mena: 180}")
        assertError(yaml, at: "11:46", keyPath: "call_types[0].handle_time",
                    contains: ["unknown key `mena`", "did you mean `mean`?"])
    }

    func testUnknownDistribution() {
        let yaml = example(replacing: "{distribution: exponential, mean: 180}",
                           with: "{distribution: exponentail, mean: 180}")
        assertError(yaml, at: "11:33", keyPath: "call_types[0].handle_time.distribution",
                    contains: ["unknown distribution `exponentail`", "did you mean `exponential`?"])
    }

    // MARK: Wrong types

    func testDurationOfTheWrongType() {
        let yaml = example(replacing: "horizon: 24h", with: "horizon: [24h]")
        assertError(yaml, at: "5:10", keyPath: "horizon", contains: ["expected a duration", "got a list"])
    }

    func testUnparseableDuration() {
        let yaml = example(replacing: "interval: 30m", with: "interval: half an hour")
        assertError(yaml, at: "6:11", keyPath: "interval",
                    contains: ["expected a duration", "90s, 30m, 2h", "got \"half an hour\""])
    }

    func testListExpected() {
        let yaml = example(replacing: "skills: [general]", with: "skills: general")
        assertError(yaml, at: "17:13", keyPath: "agent_groups[0].skills",
                    contains: ["expected a list, got \"general\""])
    }

    func testMappingExpected() {
        let yaml = example(replacing: "arrivals: {per_hour: 3600}", with: "arrivals: 3600")
        assertError(yaml, at: "10:15", keyPath: "call_types[0].arrivals",
                    contains: ["expected a mapping, got \"3600\""])
    }

    func testNumberExpected() {
        let yaml = example(replacing: "per_hour: 3600", with: "per_hour: lots")
        assertError(yaml, at: "10:26", keyPath: "call_types[0].arrivals.per_hour",
                    contains: ["expected a number, got \"lots\""])
    }

    func testWholeNumberExpected() {
        let yaml = example(replacing: "agents: 190", with: "agents: 2.5")
        assertError(yaml, at: "18:13", keyPath: "agent_groups[0].agents", contains: ["expected a whole number"])
    }

    func testBareNumberIsNotADistribution() {
        let yaml = example(replacing: "handle_time: {distribution: exponential, mean: 180}",
                           with: "handle_time: 180")
        assertError(yaml, at: "11:18", keyPath: "call_types[0].handle_time",
                    contains: ["expected a distribution", "`{distribution: exponential, mean: 180}`"])
    }

    // MARK: Missing, negative and out-of-range values

    func testMissingTopLevelKeyPointsAtTheDocument() {
        let yaml = example(replacing: "horizon: 24h\n", with: "")
        assertError(yaml, at: "1:1", keyPath: "", contains: ["missing required key `horizon`"])
    }

    func testMissingKeyPointsAtTheEnclosingMapping() {
        let yaml = example(replacing: "    handle_time: {distribution: exponential, mean: 180}\n", with: "")
        assertError(yaml, at: "9:5", keyPath: "call_types[0]", contains: ["missing required key `handle_time`"])
    }

    func testNegativeDistributionParameter() {
        let yaml = example(replacing: "mean: 180}", with: "mean: -3}")
        assertError(yaml, at: "11:52", keyPath: "call_types[0].handle_time.mean",
                    contains: ["must be a positive number of seconds, got \"-3\""])
    }

    func testZeroReplications() {
        let yaml = example(replacing: "replications: 30", with: "replications: 0")
        assertError(yaml, at: "3:15", keyPath: "replications",
                    contains: ["must be a positive whole number, got \"0\""])
    }

    func testNegativeSeed() {
        let yaml = example(replacing: "seed: 7", with: "seed: -7")
        assertError(yaml, at: "2:7", keyPath: "seed", contains: ["must be a non-negative whole number, got \"-7\""])
    }

    func testWarmupMustBeShorterThanTheHorizon() {
        let yaml = example(replacing: "warmup: 2h", with: "warmup: 30h")
        assertError(yaml, at: "4:9", keyPath: "warmup", contains: ["must be shorter than the horizon (24h)"])
    }

    func testServiceLevelTargetIsAFraction() {
        let yaml = example(replacing: "target: 0.8", with: "target: 80")
        assertError(yaml, at: "14:42", keyPath: "call_types[0].service_level.target",
                    contains: ["between 0 and 1", "got \"80\""])
    }

    func testUniformHighBelowLow() {
        let yaml = example(replacing: "{distribution: exponential, mean: 180}",
                           with: "{distribution: uniform, low: 2m, high: 60}")
        assertError(yaml, at: "11:57", keyPath: "call_types[0].handle_time.high",
                    contains: ["must not be less than `low` (2m)"])
    }

    func testGammaTakesOneParameterisation() {
        let yaml = example(replacing: "{distribution: exponential, mean: 180}",
                           with: "{distribution: gamma, mean: 180, shape: 2}")
        assertError(yaml, at: "11:18", keyPath: "call_types[0].handle_time",
                    contains: ["either `mean` and `cv` or `shape` and `scale`, not both"])
        let neither = example(replacing: "{distribution: exponential, mean: 180}", with: "{distribution: gamma}")
        assertError(neither, at: "11:18", keyPath: "call_types[0].handle_time", contains: ["but has neither"])
    }

    func testEmptyCallTypeList() {
        let yaml = "horizon: 1h\ncall_types: []\nagent_groups: []\n"
        assertError(yaml, at: "2:13", keyPath: "call_types", contains: ["must list at least one call type"])
    }

    // MARK: Cross-references

    func testUnknownSkill() {
        let yaml = example(replacing: "skills: [general]", with: "skills: [genral]")
        assertError(yaml, at: "17:14", keyPath: "agent_groups[0].skills[0]",
                    contains: ["unknown call type `genral`", "did you mean `general`?"])
    }

    func testDuplicateSkill() {
        let yaml = example(replacing: "skills: [general]", with: "skills: [general, general]")
        assertError(yaml, at: "17:23", keyPath: "agent_groups[0].skills[1]", contains: ["listed twice"])
    }

    func testDuplicateGroupId() {
        let yaml = exampleYAML + "\n  - id: team\n    skills: [general]\n    agents: 1\n"
        assertError(yaml, at: "19:9", keyPath: "agent_groups[1].id",
                    contains: ["duplicate id `team`", "already used at line 16"])
    }

    func testDuplicateCallTypeId() {
        let yaml = """
        horizon: 1h
        call_types:
          - {id: sales, arrivals: {per_hour: 10}, handle_time: {distribution: exponential, mean: 60}}
          - {id: sales, arrivals: {per_hour: 20}, handle_time: {distribution: exponential, mean: 60}}
        agent_groups:
          - {id: team, skills: [sales], agents: 3}
        """
        assertError(yaml, at: "4:10", keyPath: "call_types[1].id", contains: ["duplicate id `sales`"])
    }

    func testEveryCallTypeMustBeServed() {
        let yaml = """
        horizon: 1h
        call_types:
          - {id: sales, arrivals: {per_hour: 10}, handle_time: {distribution: exponential, mean: 60}}
          - {id: billing, arrivals: {per_hour: 20}, handle_time: {distribution: exponential, mean: 60}}
        agent_groups:
          - {id: team, skills: [sales], agents: 3}
        """
        assertError(yaml, at: "4:5", keyPath: "call_types[1]",
                    contains: ["no agent group has call type `billing` in its skills"])
    }

    // MARK: Per-interval lists

    func testArrivalListOfTheWrongLength() {
        let values = Array(repeating: "3600", count: 47).joined(separator: ", ")
        let yaml = example(replacing: "per_hour: 3600", with: "per_hour: [\(values)]")
        assertError(yaml, at: "10:26", keyPath: "call_types[0].arrivals.per_hour",
                    contains: ["has 47 values but the scenario has 48 intervals (horizon 24h / interval 30m)"])
    }

    func testStaffingListOfTheWrongLength() {
        assertError(smallYAML(agents: "[1, 2, 3]"), at: "10:13", keyPath: "agent_groups[0].agents",
                    contains: ["has 3 values but the scenario has 4 intervals (horizon 2h / interval 30m)"])
    }

    func testBadValueInsideAList() {
        assertError(smallYAML(perHour: "[60, 60, -1, 60]"), at: "5:35",
                    keyPath: "call_types[0].arrivals.per_hour[2]",
                    contains: ["must be a non-negative number, got \"-1\""])
    }
}
