import ContactCenter
import Scenario
import XCTest

/// The routing keys: call-type `priority` and `overflow`, group `priorities`, `routing`.
final class RoutingParsingTests: XCTestCase {
    static let yaml = """
        horizon: 1h
        routing: {agent_selection: group_order}
        call_types:
          - id: inquiry
            arrivals: {per_hour: 100}
            handle_time: {distribution: exponential, mean: 180}
            overflow:
              - {after: 20s, groups: [seniors]}
          - id: complaint
            arrivals: {per_hour: 10}
            handle_time: {distribution: exponential, mean: 300}
            priority: 2
        agent_groups:
          - id: front
            skills: [inquiry]
            agents: 5
          - id: seniors
            skills: [complaint]
            agents: 3
            priorities: {complaint: 0, inquiry: 1}
        """

    func testRoutingKeysAreRead() throws {
        let model = try XCTUnwrap(parse(Self.yaml)).model
        XCTAssertEqual(model.agentSelection, .groupOrder)
        XCTAssertEqual(model.callTypes[0].overflow, [OverflowStep(delay: 20, groups: [1])])
        XCTAssertEqual(model.callTypes[1].priority, 2)
        XCTAssertEqual(model.agentGroups[1].priorities, [1: 0, 0: 1])
        XCTAssertEqual(model.agentGroups[1].priority(of: 1, in: model), 0)
        XCTAssertEqual(model.agentGroups[0].priority(of: 0, in: model), 0)
    }

    func testOverflowToAGroupWithTheSkillIsRefused() {
        let yaml = Self.yaml.replacingOccurrences(of: "groups: [seniors]", with: "groups: [front]")
        assertError(yaml, at: "8:31", keyPath: "call_types[0].overflow[0].groups[0]",
                    contains: ["`front` already has this call type in its skills"])
    }

    func testOverflowToAnUnknownGroupIsRefused() {
        let yaml = Self.yaml.replacingOccurrences(of: "groups: [seniors]", with: "groups: [senior]")
        assertError(yaml, at: "8:31", keyPath: "call_types[0].overflow[0].groups[0]",
                    contains: ["unknown agent group `senior`", "seniors"])
    }

    func testOverflowStepsMustComeInOrder() {
        let yaml = Self.yaml.replacingOccurrences(of: "      - {after: 20s, groups: [seniors]}",
                                                  with: "      - {after: 20s, groups: [seniors]}\n      - {after: 10s, groups: [seniors]}")
        assertError(yaml, at: "9:17", keyPath: "call_types[0].overflow[1].after", contains: ["in order of their delays"])
    }

    func testGroupPrioritiesNameCallTypes() {
        let yaml = Self.yaml.replacingOccurrences(of: "{complaint: 0, inquiry: 1}", with: "{complaints: 0}")
        assertError(yaml, at: "20:18", keyPath: "agent_groups[1].priorities",
                    contains: ["unknown call type `complaints`", "complaint"])
    }

    func testUnknownAgentSelectionIsRefused() {
        let yaml = Self.yaml.replacingOccurrences(of: "group_order", with: "random")
        assertError(yaml, at: "2:28", keyPath: "routing.agent_selection",
                    contains: ["expected `longest_idle` or `group_order`"])
    }
}

/// A call type's `transfers` key.
final class TransferParsingTests: XCTestCase {
    static let yaml = RoutingParsingTests.yaml.replacingOccurrences(
        of: "    priority: 2", with: "    priority: 2\n    transfers: [{to: inquiry, fraction: 0.1}]")

    func testTransfersAreRead() throws {
        let model = try XCTUnwrap(parse(Self.yaml)).model
        XCTAssertEqual(model.callTypes[1].transfers, [Transfer(to: 0, fraction: 0.1)])
    }

    func testTransferToItselfIsRefused() {
        assertError(Self.yaml.replacingOccurrences(of: "to: inquiry", with: "to: complaint"), at: "13:22",
                    keyPath: "call_types[1].transfers[0].to", contains: ["cannot transfer to itself"])
    }

    func testTransferFractionsAddUpToAtMostOne() {
        let yaml = Self.yaml.replacingOccurrences(of: "[{to: inquiry, fraction: 0.1}]",
                                                  with: "[{to: inquiry, fraction: 0.6}, {to: inquiry, fraction: 0.5}]")
        assertError(yaml, at: "13:71", keyPath: "call_types[1].transfers[1].fraction", contains: ["add up to more than 1"])
    }
}

/// The `follow_ups` section.
final class FollowUpParsingTests: XCTestCase {
    static let yaml = RoutingParsingTests.yaml + """

        follow_ups:
          - {id: callback, call_type: complaint, fraction: 0.3, duration: {distribution: constant, value: 4m},
             deadline: 24h, groups: [seniors], reserve: 1, target: 0.99}
        """

    func testFollowUpsAreRead() throws {
        let model = try XCTUnwrap(parse(Self.yaml)).model
        XCTAssertEqual(model.followUps, [FollowUp(id: "callback", callType: 1, fraction: 0.3, duration: .constant(240),
                                                  deadline: 86_400, groups: [1], reserve: 1, target: 0.99)])
    }

    func testFollowUpGroupsMustExist() {
        assertError(Self.yaml.replacingOccurrences(of: "groups: [seniors], reserve", with: "groups: [senior], reserve"), at: "23:30",
                    keyPath: "follow_ups[0].groups[0]", contains: ["unknown agent group `senior`"])
    }

    /// Rules checked by the model are placed in the file like the parser's own.
    func testASecondFollowUpOfACallTypeIsPlacedAtItsCallType() {
        let yaml = Self.yaml + """

              - {id: survey, call_type: complaint, fraction: 0.1, duration: {distribution: constant, value: 2m},
                 groups: [seniors]}
            """
        assertError(yaml, at: "24:29", keyPath: "follow_ups[1].call_type",
                    contains: ["call type `complaint` already creates another follow-up"])
        let duplicate = yaml.replacingOccurrences(of: "id: survey, call_type: complaint", with: "id: callback, call_type: inquiry")
        assertError(duplicate, at: "24:10", keyPath: "follow_ups[1].id",
                    contains: ["duplicate id `callback`", "already used at line 22"])
    }
}

