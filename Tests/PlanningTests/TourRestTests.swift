import ContactCenter
import Planning
import XCTest

private let hour = 3600.0

/// Rest between shifts once the tours program's solution is split into agents' tours:
/// exchanges of shifts mend a split that breaks `min_rest` where a valid split exists,
/// every tour is checked against it, and a tour still breaking it is an error naming
/// the agent and both shifts, never a roster.
final class TourRestTests: XCTestCase {
    private let timing = Timing(warmup: 0, horizon: 7 * 86_400, intervalLength: 1800, startDate: CalendarDate(iso: "2027-03-01"))
    /// 16 h rest after an 8-hour shift: no shift may start earlier than the day before's.
    private let contract = Contract(id: "five", templates: [0], groups: [0], daysPerWeek: 0...7, minRest: 16 * hour)

    /// A tour working an 8-hour shift from `starts[day]` (clock hours) on each of its days.
    private func tour(_ agent: String, _ starts: [Int: Double]) -> AgentTour {
        let shifts = Dictionary(uniqueKeysWithValues: starts.map { day, h in
            let start = Double(day) * 86_400 + h * hour
            return (day, WorkedShift(option: TourProgram.Option(template: 0, start: h * hour), breakStarts: [], start: start,
                                     end: start + 8 * hour))
        })
        return AgentTour(agent: agent, contract: 0, group: 0, person: nil,
                         weekPatterns: [WeekPattern(mask: starts.keys.reduce(0) { $0 | 1 << $1 }, length: 7)], shifts: shifts)
    }

    private func rules(templates: [ShiftTemplate]) -> TourRules {
        let model = CenterModel(name: "rest", timing: timing,
                                callTypes: [CallType(id: "calls", arrivalRates: Array(repeating: 0, count: timing.intervalCount),
                                                     handleTime: .exponential(mean: 240), serviceLevel: ServiceLevelTarget(seconds: 20))],
                                agentGroups: [AgentGroup(id: "team", skills: [0], staffing: Array(repeating: 0, count: timing.intervalCount))])
        return TourRules(model: model, templates: templates, contracts: [contract], agents: nil, weeks: RosterWeeks(timing: timing))
    }

    private let templates = [ShiftTemplate(id: "day", starts: [7 * hour, 15 * hour], length: 8 * hour, cost: 8, groups: [0])]

    /// `a` goes from the late shift to the early one on Wednesday; exchanging one day
    /// with `b` only moves the short rest to Thursday, exchanging Wednesday and Thursday
    /// (or Monday and Tuesday) mends both.
    func testAnExchangeOverDaysBothWorkMendsTheRest() throws {
        let split = [tour("a", [0: 15, 1: 15, 2: 7, 3: 7]), tour("b", [0: 7, 1: 7, 2: 15, 3: 15]), tour("c", [2: 7, 3: 15])]
        let repair = TourRestRepair(contracts: [contract], weeks: RosterWeeks(timing: timing))
        XCTAssertEqual(split.map { repair.shortfall($0).count }, [1, 0, 0], "the day-by-day split breaks a's rest")
        let mended = repair.repaired(split)
        XCTAssertEqual(mended.map { repair.shortfall($0).count }, [0, 0, 0])
        XCTAssertNoThrow(try rules(templates: templates).check(mended))
        for (before, after) in zip(split, mended) {
            XCTAssertEqual(Set(after.shifts.keys), Set(before.shifts.keys), "\(after.agent) works the same days")
        }
        for day in 0..<4 {
            XCTAssertEqual(mended.compactMap { $0.shifts[day]?.start }.sorted(), split.compactMap { $0.shifts[day]?.start }.sorted(),
                           "day \(day) has the same shifts")
        }
    }

    func testARestNoExchangeMendsIsRefusedNamingTheAgentAndShifts() {
        let split = [tour("a", [0: 15, 1: 15]), tour("b", [0: 15, 1: 7])]
        let mended = TourRestRepair(contracts: [contract], weeks: RosterWeeks(timing: timing)).repaired(split)
        XCTAssertThrowsError(try rules(templates: templates).check(mended)) { error in
            XCTAssertEqual((error as? PlanningError)?.isInfeasible, true)
            XCTAssertTrue("\(error)".contains("agent b: 8 h rest between the shift ending 2027-03-01 23:00 and the one starting "
                + "2027-03-02 07:00; min_rest is 16 h"), "\(error)")
        }
    }

    /// The single-skill week of `Scenarios/month/single-skill-week.yaml` (07:00-23:00, a
    /// daily profile × day-of-week factors, Erlang requirements; one 8-hour shift with a
    /// meal, every half hour from 07:00 to 15:00, five days a week with two days off
    /// together), with more and more rest between shifts, for open positions and for 50
    /// named agents: every plan keeps every tour's rest (checked here independently), or
    /// is refused as infeasible. 16 h 1 min leaves no tours at all (starts would have to
    /// be later every day); the others split with exchanges where the day-by-day split broke rest.
    func testEveryMinRestIsKeptOrRefused() throws {
        let model = SingleSkillWeek.model
        let required = try RequirementPlanner.erlangByCallType(model)
        let people = (0..<50).map { NamedAgent(id: "agent\($0)", groups: [0], contract: 0, unavailableDays: $0 % 9 == 0 ? [$0 % 7] : []) }
        for (rest, feasible) in [(14 * 60, true), (15 * 60 + 30, true), (16 * 60, true), (16 * 60 + 1, false)] {
            for agents in [nil, people] {
                var contract = Contract(id: "five-day", templates: [0], groups: [0], daysPerWeek: 5...5, daysOffTogether: 2)
                contract.minRest = Double(rest) * 60
                let planner = MonthRosterPlanner(model: model, templates: SingleSkillWeek.templates, contracts: [contract], agents: agents)
                let label = "min_rest \(rest) min, \(agents == nil ? "open positions" : "named agents")"
                do {
                    let plan = try planner.plan(required: required)
                    XCTAssertTrue(feasible, "\(label): planned")
                    assertRest(plan.tours, atLeast: contract.minRest, label)
                } catch let error as PlanningError where error.isInfeasible {
                    XCTAssertFalse(feasible, "\(label): \(error)")
                    XCTAssertTrue("\(error)".contains("rest"), "\(label): \(error)")
                }
            }
        }
    }

    private func assertRest(_ tours: [AgentTour], atLeast rest: Double, _ label: String) {
        for tour in tours {
            for (day, shift) in tour.shifts {
                guard let next = tour.shifts[day + 1] else { continue }
                XCTAssertGreaterThanOrEqual(next.start - shift.end, rest - 1e-6, "\(label): \(tour.agent) after day \(day + 1)")
            }
        }
    }
}

/// `Scenarios/month/single-skill-week.yaml` and its shift template, built in code.
enum SingleSkillWeek {
    static let dayFactors = [1.15, 1.05, 1.0, 1.0, 1.05, 0.6, 0.45]
    /// Shares of the day's calls per half hour.
    static let profile = [Double](repeating: 0, count: 14) + [
        0.01453, 0.0188, 0.02508, 0.0331, 0.04184, 0.04967, 0.05487, 0.05643, 0.05457, 0.05064, 0.04652, 0.04378, 0.04303, 0.0439,
        0.04535, 0.0462, 0.04557, 0.0431, 0.039, 0.03385, 0.02838, 0.02324, 0.01889, 0.01553, 0.01315, 0.01158, 0.01063, 0.01009,
        0.00981, 0.00967, 0.00961, 0.00958, 0, 0,
    ]

    static var model: CenterModel {
        let timing = Timing(warmup: 0, horizon: 7 * 86_400, intervalLength: 1800, startDate: CalendarDate(iso: "2027-03-01"))
        let rates: [Double] = (0..<timing.intervalCount).map { (i: Int) -> Double in
            let dayCalls: Double = 2600 * dayFactors[i / 48]
            return dayCalls * profile[i % 48] / 1800
        }
        return CenterModel(name: "single-skill week", timing: timing,
                           callTypes: [CallType(id: "calls", arrivalRates: rates, handleTime: .exponential(mean: 240),
                                                patience: .exponential(mean: 180), serviceLevel: ServiceLevelTarget(seconds: 20, target: 0.8))],
                           agentGroups: [AgentGroup(id: "agents", skills: [0], staffing: Array(repeating: 1, count: timing.intervalCount))])
    }

    static let starts: [Double] = Array(stride(from: 7.0 * 3600, through: 15 * 3600, by: 1800))
    static let templates = [ShiftTemplate(id: "day", starts: starts,
                                          length: 8 * 3600, breaks: [Break(length: 1800, earliestStart: 3 * 3600, latestStart: 5 * 3600)],
                                          cost: 8, groups: [0])]
}
