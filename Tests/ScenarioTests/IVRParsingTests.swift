import ContactCenter
import Scenario
import XCTest

/// The `ivr`, `seats` and per-call-type `self_service` keys.
final class IVRParsingTests: XCTestCase {
    static let ivrYAML = """
        seats: 140
        ivr:
          ports: 10
          when_full: wait
          announcement: 5s
          menu: {distribution: exponential, mean: 25}
          counts_against_seats: true
        """

    func testIVRSeatsAndSelfServiceAreRead() throws {
        let yaml = example(replacing: "trunks: 400", with: "trunks: 400\n" + Self.ivrYAML)
            .replacingOccurrences(of: "    service_level: {seconds: 20, target: 0.8}",
                                  with: "    service_level: {seconds: 20, target: 0.8}\n"
                                      + "    self_service: {fraction: 0.3, time: {distribution: constant, value: 40}}")
        let model = try XCTUnwrap(parse(yaml)).model
        XCTAssertEqual(model.ivr, IVR(ports: 10, whenFull: .wait, announcement: 5, menu: .exponential(mean: 25),
                                      countsAgainstSeats: true))
        XCTAssertEqual(model.seats, 140)
        XCTAssertEqual(model.agentSeats, 130)
        XCTAssertEqual(model.callTypes[0].selfService, SelfService(fraction: 0.3, duration: .constant(40)))
    }

    func testIVRDefaultsToBlockingWithoutAnnouncement() throws {
        let model = try XCTUnwrap(parse(example(replacing: "trunks: 400", with: "ivr: {ports: 4}"))).model
        XCTAssertEqual(model.ivr, IVR(ports: 4))
        XCTAssertNil(model.seats)
    }

    func testUnknownWhenFullIsRefused() {
        assertError(example(replacing: "trunks: 400", with: "ivr: {ports: 4, when_full: queue}"),
                    at: "7:28", keyPath: "ivr.when_full", contains: ["expected `block` or `wait`", "\"queue\""])
    }

    func testSelfServiceNeedsAnIVR() {
        let yaml = example(replacing: "    service_level: {seconds: 20, target: 0.8}",
                           with: "    service_level: {seconds: 20, target: 0.8}\n"
                               + "    self_service: {fraction: 0.3, time: {distribution: constant, value: 40}}")
        assertError(yaml, at: "15:19", keyPath: "call_types[0].self_service",
                    contains: ["self-service needs an IVR", "add an `ivr` section"])
    }

    func testSeatsMustLeaveRoomForAgents() {
        let yaml = example(replacing: "trunks: 400", with: "seats: 10\nivr: {ports: 10, counts_against_seats: true}")
        assertError(yaml, at: "7:8", keyPath: "seats", contains: ["10 seats leave none for agents"])
    }
}
