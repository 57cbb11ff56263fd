import ContactCenter
import Scenario
import XCTest

/// `--set KEY=VALUE` overrides and the `variants` section.
final class OverrideTests: XCTestCase {
    func load(_ yaml: String, variant: String? = nil, _ settings: [String]) throws -> Scenario {
        try ScenarioLoader.parse(yaml: yaml, fileName: testFileName, variant: variant,
                                 overrides: settings.map(ScenarioOverride.init(parsing:)))
    }

    func assertOverrideError(_ setting: String, in yaml: String = exampleYAML, contains fragments: [String],
                             file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try load(yaml, [setting]), file: file, line: line) { error in
            let description = (error as? ScenarioError)?.description ?? "\(error)"
            XCTAssertTrue(description.hasPrefix("--set \(setting): "), description, file: file, line: line)
            for fragment in fragments {
                XCTAssertTrue(description.contains(fragment), description, file: file, line: line)
            }
        }
    }

    func testValuesAreReplacedAddedAndFoundById() throws {
        let base = try XCTUnwrap(parse(exampleYAML)).model
        let model = try load(exampleYAML, ["trunks=500", "seats=300", "agent_groups.team.agents=150",
                                           "call_types.general.arrivals.factor=1.2",
                                           "call_types.0.patience={distribution: exponential, mean: 60}"]).model
        XCTAssertEqual(model.trunks, 500)
        XCTAssertEqual(model.seats, 300)
        XCTAssertEqual(model.agentGroups[0].staffing, Array(repeating: 150, count: 48))
        XCTAssertEqual(model.callTypes[0].arrivalRates.first!, base.callTypes[0].arrivalRates.first! * 1.2, accuracy: 1e-12)
        XCTAssertEqual(model.callTypes[0].patience?.constant, .exponential(mean: 60))
    }

    func testMissingSectionsAreCreated() throws {
        let model = try load(exampleYAML, ["ivr.ports=12"]).model
        XCTAssertEqual(model.ivr?.ports, 12)
    }

    func testErrorsNameTheOverride() {
        assertOverrideError("trunks=many", contains: ["trunks: expected a whole number, got \"many\""])
        assertOverrideError("agent_groups.teams.agents=3", contains: ["no element `teams` in `agent_groups`", "`team`"])
        assertOverrideError("call_types.general.arrivals.factr=2", contains: ["unknown key `factr`", "`factor`"])
        assertOverrideError("name.first=x", contains: ["is a single value, it has no `first`"])
        XCTAssertThrowsError(try ScenarioOverride(parsing: "seats")) { error in
            XCTAssertEqual((error as? ScenarioError)?.description, "--set seats: expected KEY=VALUE, such as seats=140")
        }
    }

    func testVariantsAreListedAndApplied() throws {
        let yaml = exampleYAML + """

            variants:
              busier: {call_types.general.arrivals.factor: 1.1}
              more_staff: {agent_groups.team.agents: 200, trunks: 450}
            """
        let base = try load(yaml, [])
        XCTAssertEqual(base.variants.map(\.name), ["busier", "more_staff"])
        XCTAssertNil(base.variant)
        let staffed = try load(yaml, variant: "more_staff", ["trunks=460"])
        XCTAssertEqual(staffed.model.agentGroups[0].staffing.first, 200)
        XCTAssertEqual(staffed.model.trunks, 460, "the command line comes after the variant")
        XCTAssertEqual(staffed.variant, "more_staff")
        XCTAssertThrowsError(try load(yaml, variant: "more-staff", [])) { error in
            XCTAssertTrue("\(error)".contains("no variant `more-staff` (did you mean `more_staff`?)"), "\(error)")
        }
        XCTAssertThrowsError(try load(yaml.replacingOccurrences(of: "trunks: 450", with: "trunks: -1"),
                                      variant: "more_staff", [])) { error in
            XCTAssertTrue("\(error)".hasPrefix("Scenarios/day.yaml: variant more_staff: trunks=-1: trunks:"), "\(error)")
        }
    }
}
