import ContactCenter
import Planning
import XCTest

/// Programs that once aborted the process inside GLPK, or could not be covered, now
/// solve: nothing handed to GLPK can abort, and the shifts of every day of the horizon
/// count.
final class RosterRobustnessTests: XCTestCase {
    static func model(hours: Int, interval: Double, perHour: Double = 60) -> CenterModel {
        let n = Int((Double(hours) * 3600 / interval).rounded(.up))
        return CenterModel(
            name: "robustness", timing: Timing(warmup: 0, horizon: Double(hours) * 3600, intervalLength: interval),
            callTypes: [CallType(id: "calls", arrivalRates: Array(repeating: perHour / 3600, count: n),
                                 handleTime: .exponential(mean: 180), patience: .exponential(mean: 120),
                                 serviceLevel: ServiceLevelTarget(seconds: 20, target: 0.8))],
            agentGroups: [AgentGroup(id: "team", skills: [0], staffing: Array(repeating: 0, count: n))])
    }

    /// A 24-hour interval and a shift from 22:00: the shift reaches the interval from the
    /// day before and the day itself (its column appears twice in the row).
    func testANightShiftInADayLongIntervalSolves() throws {
        let model = Self.model(hours: 24, interval: 86_400)
        let night = ShiftTemplate(id: "night", starts: [22 * 3600], length: 8 * 3600, cost: 8, groups: [0])
        let plan = try RosterOptimizer(model: model, templates: [night]).plan(required: [[4]])
        XCTAssertGreaterThanOrEqual(plan.cost, 4 * 8)
    }

    /// A 25-hour shift overlaps itself from one day to the next.
    func testAShiftLongerThanADaySolves() throws {
        let model = Self.model(hours: 24, interval: 3600)
        let long = ShiftTemplate(id: "long", starts: [0], length: 25 * 3600, cost: 25, groups: [0])
        let plan = try RosterOptimizer(model: model, templates: [long]).plan(required: [Array(repeating: 2, count: 24)])
        XCTAssertEqual(plan.groupShifts.joined().reduce(0, +), 2)
    }

    /// Over 72 hours the shifts of the second and third days cover their intervals.
    func testAThreeDayHorizonIsCovered() throws {
        let model = Self.model(hours: 72, interval: 3600)
        let day = ShiftTemplate(id: "day", starts: (0..<24).map { Double($0) * 3600 }, length: 8 * 3600, cost: 8, groups: [0])
        let plan = try RosterOptimizer(model: model, templates: [day]).plan(required: [Array(repeating: 3, count: 72)])
        XCTAssertLessThanOrEqual(plan.cost, 3 * 8 * 3 + 1e-9, "three agents round the clock: 9 shifts of 8 h a day, repeated")
        XCTAssertTrue(plan.planned[0].allSatisfy { $0 >= 3 - 1e-9 }, "every interval of all three days covered")
    }

    /// A malformed program is refused before GLPK sees it.
    func testAMalformedProgramIsRefusedNotAborted() {
        var program = IntegerProgram()
        let x = program.addColumn("x", cost: .nan)
        program.addRow("r", [(x, 1), (x + 5, 1)], atLeast: 1)
        XCTAssertThrowsError(try program.solve()) { error in
            XCTAssertTrue(error is PlanningError, "\(error)")
        }
        var twice = IntegerProgram()
        let y = twice.addColumn("y", cost: 1)
        twice.addRow("twice", [(y, 0.5), (y, 0.5)], atLeast: 3)
        XCTAssertEqual(try twice.solve().values, [3], "a column named twice in a row is added up")
    }
}
