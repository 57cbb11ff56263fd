import ContactCenter
import Scenario
import XCTest

/// A call type's `targets` besides its service level.
final class TargetsParsingTests: XCTestCase {
    private let serviceLevelLine = "    service_level: {seconds: 20, target: 0.8}"

    func testTargetsParse() throws {
        let yaml = example(replacing: serviceLevelLine,
                           with: serviceLevelLine + "\n    targets: {abandon_fraction: 0.05, asa: 30s, answer_rate: 0.95}")
        let type = try XCTUnwrap(parse(yaml)?.model.callTypes.first)
        XCTAssertEqual(type.targets, ServiceTargets(abandonFraction: 0.05, asa: 30, answerRate: 0.95))
    }

    func testNoTargetsByDefault() throws {
        XCTAssertTrue(try XCTUnwrap(parse(exampleYAML)?.model.callTypes.first).targets.isEmpty)
    }

    func testAnUnknownTargetIsNamed() {
        let yaml = example(replacing: serviceLevelLine, with: serviceLevelLine + "\n    targets: {abandon: 0.05}")
        assertError(yaml, at: "15:15", keyPath: "call_types[0].targets",
                    contains: ["unknown key `abandon`", "abandon_fraction"])
    }

    func testAFractionAboveOneIsRefused() {
        let yaml = example(replacing: serviceLevelLine, with: serviceLevelLine + "\n    targets: {answer_rate: 95}")
        assertError(yaml, at: "15:28", keyPath: "call_types[0].targets.answer_rate", contains: ["95"])
    }
}

/// A call type's `channel`.
final class ChannelParsingTests: XCTestCase {
    private let idLine = "  - id: general\n"

    func testChannelParses() throws {
        XCTAssertEqual(try XCTUnwrap(parse(exampleYAML)?.model.callTypes.first).channel, .voice)
        let yaml = example(replacing: idLine, with: idLine + "    channel: email\n")
        XCTAssertEqual(try XCTUnwrap(parse(yaml)?.model.callTypes.first).channel, .email)
    }

    func testAnUnknownChannelIsNamed() {
        let yaml = example(replacing: idLine, with: idLine + "    channel: pigeon\n")
        assertError(yaml, at: "10:14", keyPath: "call_types[0].channel", contains: ["unknown channel `pigeon`", "`email`"])
    }
}
