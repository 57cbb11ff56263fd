import ContactCenter
import Scenario
import XCTest

/// A call type's `redial` key.
final class RedialParsingTests: XCTestCase {
    static let redial = "    redial: {probability: 0.6, delay: {distribution: exponential, mean: 5m}, max_attempts: 3}"

    func yaml(_ line: String) -> String {
        example(replacing: "    service_level: {seconds: 20, target: 0.8}",
                with: "    service_level: {seconds: 20, target: 0.8}\n" + line)
    }

    func testRedialIsRead() throws {
        let model = try XCTUnwrap(parse(yaml(Self.redial))).model
        XCTAssertEqual(model.callTypes[0].redial, Redial(probability: 0.6, delay: .exponential(mean: 300), maxAttempts: 3))
    }

    func testRedialProbabilityIsAFraction() {
        assertError(yaml(Self.redial.replacingOccurrences(of: "0.6", with: "60")), at: "15:27",
                    keyPath: "call_types[0].redial.probability", contains: ["must be a fraction between 0 and 1"])
    }

    func testAtLeastOneAttempt() {
        assertError(yaml(Self.redial.replacingOccurrences(of: "max_attempts: 3", with: "max_attempts: 0")),
                    at: "15:92", keyPath: "call_types[0].redial.max_attempts", contains: ["positive whole number"])
    }
}
