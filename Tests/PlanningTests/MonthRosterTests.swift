import ContactCenter
import Experiments
import Planning
import XCTest

/// Tours over weeks: week patterns keep the contract's rules, the integer program covers
/// the requirement at its LP bound where that is integral, every tour keeps its rules
/// (checked shift by shift, independently of how tours are built), and the roster runs
/// in the simulation day by day as planned.
final class MonthRosterTests: XCTestCase {
    /// A single-skill centre open 07:00-23:00 over `weeks` weeks from Monday 2027-03-01,
    /// in hour intervals, with `perHour` calls an hour while open.
    private func centre(weeks: Int, perHour: Double = 60, seats: Int? = nil) -> CenterModel {
        let hours = 24 * 7 * weeks
        let rates = (0..<hours).map { h in (7..<23).contains(h % 24) ? perHour / 3600 : 0 }
        return CenterModel(
            name: "tours", timing: Timing(warmup: 0, horizon: Double(hours) * 3600, intervalLength: 3600,
                                          startDate: CalendarDate(iso: "2027-03-01")),
            callTypes: [CallType(id: "calls", arrivalRates: rates, handleTime: .exponential(mean: 240),
                                 serviceLevel: ServiceLevelTarget(seconds: 20, target: 0.8))],
            agentGroups: [AgentGroup(id: "team", skills: [0], staffing: Array(repeating: 0, count: hours))], seats: seats)
    }

    /// One 8-hour shift (a 30-minute meal within it) starting every hour from 07:00 to 15:00.
    private let templates = [ShiftTemplate(id: "day", starts: stride(from: 7.0 * 3600, through: 15 * 3600, by: 3600).map { $0 },
                                           length: 8 * 3600, breaks: [Break(length: 1800, earliestStart: 3 * 3600, latestStart: 5 * 3600)],
                                           cost: 8, groups: [0])]

    private func required(_ model: CenterModel, agents: Int) -> [[Int]] {
        [(0..<model.timing.intervalCount).map { model.callTypes[0].arrivalRates[$0] > 0 ? agents : 0 }]
    }

    func testWeekPatternsKeepDaysWorkedAndDaysOffTogether() {
        let week = RosterWeeks(timing: centre(weeks: 1).timing).weeks[0]
        let together = Contract(id: "c", templates: [0], groups: [0], daysPerWeek: 5...5, daysOffTogether: 2)
        let patterns = WeekPattern.allowed(in: week, by: together, shiftLengths: [8 * 3600])
        XCTAssertEqual(patterns.count, 6, "two days off in a row: Mon-Tue … Sat-Sun")
        XCTAssertTrue(patterns.allSatisfy { $0.daysWorked == 5 && $0.longestRest >= 2 })
        let apart = Contract(id: "c", templates: [0], groups: [0], daysPerWeek: 5...5)
        XCTAssertEqual(WeekPattern.allowed(in: week, by: apart, shiftLengths: [8 * 3600]).count, 21, "7 choose 5")
        // Wrapping from Sunday to Monday: Sun+Mon off is two in a row too.
        let wrapping = Contract(id: "c", templates: [0], groups: [0], daysPerWeek: 5...5, daysOffTogether: 2, daysOffWrap: true)
        XCTAssertEqual(WeekPattern.allowed(in: week, by: wrapping, shiftLengths: [8 * 3600]).count, 7, "Mon-Tue … Sat-Sun, Sun-Mon")
        let sundayMonday = WeekPattern(mask: 0b0111110, length: 7)
        XCTAssertTrue(sundayMonday.keepsDaysOffTogether(wrapping))
        XCTAssertFalse(sundayMonday.keepsDaysOffTogether(together))
        XCTAssertEqual(sundayMonday.longestRestWrapping, 2)
        XCTAssertEqual(WeekPattern(mask: 0, length: 7).longestRestWrapping, 7)
        let hours = Contract(id: "c", templates: [0], groups: [0], daysPerWeek: 3...6, weeklyHours: 30 * 3600...40 * 3600)
        XCTAssertTrue(WeekPattern.allowed(in: week, by: hours, shiftLengths: [8 * 3600]).allSatisfy { (4...5).contains($0.daysWorked) })
    }

    /// Calls Tuesday to Saturday only: with Sunday and Monday counted as in a row, every
    /// tour works Tuesday to Saturday; without, each must be off two days in a row
    /// within the week, so it works at most four of those five: a quarter more tours.
    func testDaysOffWrappingFromSundayToMonday() throws {
        let model = centre(weeks: 1)
        var need = required(model, agents: 4)
        for i in need[0].indices where [0, 6].contains(i / 24) { need[0][i] = 0 }
        func tours(wrap: Bool) throws -> [AgentTour] {
            let contract = Contract(id: "five", templates: [0], groups: [0], daysPerWeek: 5...5, daysOffTogether: 2, daysOffWrap: wrap)
            var planner = MonthRosterPlanner(model: model, templates: templates, contracts: [contract], agents: nil)
            planner.timeLimit = 30
            return try planner.plan(required: need).tours
        }
        let wrapping = try tours(wrap: true), within = try tours(wrap: false)
        XCTAssertTrue(wrapping.allSatisfy { Set($0.shifts.keys) == Set(1...5) }, "Tuesday to Saturday, Sunday and Monday off")
        XCTAssertGreaterThanOrEqual(Double(within.count), (Double(wrapping.count) * 5 / 4).rounded(.up))
    }

    func testFiveDayToursCoverAtTheirLPBound() throws {
        let model = centre(weeks: 1)
        let need = required(model, agents: 10)
        let contract = Contract(id: "five", templates: [0], groups: [0], daysPerWeek: 5...5, daysOffTogether: 2)
        var planner = MonthRosterPlanner(model: model, templates: templates, contracts: [contract], agents: nil)
        planner.solver = .cbc
        planner.timeLimit = 30
        let plan = try planner.plan(required: need)
        XCTAssertTrue(plan.tours.allSatisfy { $0.shifts.count == 5 })
        for i in 0..<model.timing.intervalCount {
            XCTAssertGreaterThanOrEqual(plan.roster.planned[0][i], Double(need[0][i]) - 1e-6, "interval \(i) covered")
        }
        // 10 agents on the phones for 16 h a day need 160 agent-hours on the phones a day,
        // 7.5 h per shift: at least 22 shifts a day, 154 a week, 31 five-day tours.
        let fewest = ((7 * 160.0 / 7.5).rounded(.up) / 5).rounded(.up)
        XCTAssertGreaterThanOrEqual(Double(plan.tours.count), fewest)
        XCTAssertLessThanOrEqual(plan.roster.cost, 40 * ((plan.roster.lowerBound / 40).rounded(.up) + 1),
                                 "at most one tour above the LP bound rounded up to whole tours")
    }

    func testRestWeekendsAndRunsAreKeptAcrossWeeks() throws {
        let model = centre(weeks: 3)
        let contract = Contract(id: "five", templates: [0], groups: [0], daysPerWeek: 5...5, daysOffTogether: 2, maxConsecutiveDays: 6,
                                minRest: 11 * 3600, weekendOffEvery: 3)
        let plan = try MonthRosterPlanner(model: model, templates: templates, contracts: [contract], agents: nil)
            .plan(required: required(model, agents: 6))
        for tour in plan.tours {
            let days = tour.shifts.keys.sorted()
            for (day, next) in zip(days, days.dropFirst()) where next == day + 1 {
                XCTAssertGreaterThanOrEqual(tour.shifts[next]!.start - tour.shifts[day]!.end, 11 * 3600 - 1e-6, "\(tour.agent) day \(day)")
            }
            var run = 0
            for day in 0..<21 {
                run = tour.shifts[day] == nil ? 0 : run + 1
                XCTAssertLessThanOrEqual(run, 6, "\(tour.agent): at most 6 days in a row")
            }
            let weekendsOff = (0..<3).map { w in tour.shifts[7 * w + 5] == nil && tour.shifts[7 * w + 6] == nil }
            XCTAssertTrue(weekendsOff.contains(true), "\(tour.agent): a weekend off in the three weeks")
        }
    }

    /// Two days off together, at most six days in a row and a weekend off in every two
    /// weeks leave no Saturday workable: the diagnosis says the week patterns bind, on Saturdays.
    func testRulesThatLeaveSaturdaysUncoveredAreNamed() {
        let model = centre(weeks: 2)
        let contract = Contract(id: "five", templates: [0], groups: [0], daysPerWeek: 5...5, daysOffTogether: 2, maxConsecutiveDays: 6,
                                weekendOffEvery: 2)
        XCTAssertThrowsError(try MonthRosterPlanner(model: model, templates: templates, contracts: [contract], agents: nil)
            .plan(required: required(model, agents: 3))) { error in
            XCTAssertTrue("\(error)".contains("team on 2027-03-06 sat short by 48.0 agent-hours"), "\(error)")
            XCTAssertTrue("\(error)".contains("week patterns"), "\(error)")
        }
    }

    func testNamedAgentsKeepTheirUnavailableDates() throws {
        let model = centre(weeks: 1)
        let contract = Contract(id: "five", templates: [0], groups: [0], daysPerWeek: 5...5)
        let people = (0..<40).map { NamedAgent(id: "agent\($0)", groups: [0], contract: 0, unavailableDays: [$0 % 7]) }
        let plan = try MonthRosterPlanner(model: model, templates: templates, contracts: [contract], agents: people)
            .plan(required: required(model, agents: 6))
        for tour in plan.tours {
            guard let person = tour.person else { return XCTFail("\(tour.agent) has no named agent though 40 are listed") }
            XCTAssertTrue(people[person].unavailableDays.isDisjoint(with: tour.shifts.keys), tour.agent)
        }
        XCTAssertEqual(plan.tours.count + plan.unusedAgents.count, 40)
    }

    func testTooFewSeatsSayWhereAndByHowMuch() {
        let model = centre(weeks: 1, seats: 5)
        let contract = Contract(id: "five", templates: [0], groups: [0], daysPerWeek: 5...5)
        XCTAssertThrowsError(try MonthRosterPlanner(model: model, templates: templates, contracts: [contract], agents: nil)
            .plan(required: required(model, agents: 6))) { error in
            let message = "\(error)"
            XCTAssertTrue((error as? PlanningError)?.isInfeasible ?? false)
            XCTAssertTrue(message.contains("short by"), message)
            XCTAssertTrue(message.contains("the 5 seats"), message)
        }
    }

    func testAnIntervalNoShiftReachesIsNamed() {
        let model = centre(weeks: 1)
        var need = required(model, agents: 2)
        need[0][24 + 23] = 1  // Tuesday 23:00: no shift runs that late
        let contract = Contract(id: "five", templates: [0], groups: [0], daysPerWeek: 5...5)
        XCTAssertThrowsError(try MonthRosterPlanner(model: model, templates: templates, contracts: [contract], agents: nil)
            .plan(required: need)) { error in
            XCTAssertTrue("\(error)".contains("team at 2027-03-02"), "\(error)")
        }
    }

    /// Never nothing: where no shift reaches an interval, the best tours keeping every
    /// rule cover all the rest, and the shortfall is that interval's requirement alone.
    func testTheBestShortRosterCoversAllItCan() throws {
        let model = centre(weeks: 1)
        var need = required(model, agents: 2)
        need[0][24 + 23] = 1  // Tuesday 23:00: no shift runs that late
        let contract = Contract(id: "five", templates: [0], groups: [0], daysPerWeek: 5...5, daysOffTogether: 2)
        var planner = MonthRosterPlanner(model: model, templates: templates, contracts: [contract], agents: nil)
        planner.timeLimit = 30
        let result = try planner.optimise(requirement: need, seed: 1, replications: 2, maxRepairs: 0)
        let reason = try XCTUnwrap(result.plan.shortfallReason)
        XCTAssertTrue(reason.contains("team at 2027-03-02"), reason)
        for i in 0..<model.timing.intervalCount {
            let short = max(0, Double(need[0][i]) - result.plan.roster.planned[0][i])
            XCTAssertEqual(short, i == 24 + 23 ? 1 : 0, accuracy: 1e-6, "interval \(i)")
        }
        XCTAssertEqual(result.plan.roster.lowerBound, 0, "no covering roster: no bound of one")
        // Every tour keeps its rules: five days, two of them off together.
        for tour in result.plan.tours {
            XCTAssertEqual(tour.shifts.count, 5, tour.agent)
            let off = (0..<7).filter { tour.shifts[$0] == nil }
            XCTAssertEqual(off.count, 2, tour.agent)
            XCTAssertEqual(off[1] - off[0], 1, "\(tour.agent): days off together")
        }
    }

    /// Too few seats: the best roster fills them. Five seats through 16 open hours hold
    /// 10 shifts a day (07:00 and 15:00 starts), 75 agent-hours on the phones after the
    /// ten half-hour meals, against 6 × 16 = 96 required: short by exactly 21 a day.
    func testTooFewSeatsGiveTheBestRosterTheSeatsAllow() throws {
        let model = centre(weeks: 1, seats: 5)
        let contract = Contract(id: "five", templates: [0], groups: [0], daysPerWeek: 5...5)
        let planner = MonthRosterPlanner(model: model, templates: templates, contracts: [contract], agents: nil)
        let need = required(model, agents: 6)
        let plan = try planner.bestShortPlan(required: need, reason: "seats")
        var short = 0.0
        for i in 0..<model.timing.intervalCount where need[0][i] > 0 {
            XCTAssertLessThanOrEqual(plan.roster.planned[0][i], 5 + 1e-6, "interval \(i): 5 seats")
            short += Double(need[0][i]) - plan.roster.planned[0][i]
        }
        XCTAssertEqual(short, 7 * 21, accuracy: 1e-6, "agent-hours short in the week")
        XCTAssertEqual(plan.shortfallReason, "seats")
    }

    /// By parts, the same seats: the days off fixed leave some day more tours than five
    /// seats can hold, so the split has no roster; the study then solves the whole
    /// program with coverage allowed short — the same 147 agent-hours short — and says why.
    func testByPartsFallsBackToTheBestShortRoster() throws {
        let model = centre(weeks: 1, seats: 5)
        let contract = Contract(id: "five", templates: [0], groups: [0], daysPerWeek: 5...5)
        var planner = MonthRosterPlanner(model: model, templates: templates, contracts: [contract], agents: nil)
        planner.decomposition = .always
        let need = required(model, agents: 6)
        let result = try planner.optimise(requirement: need, seed: 1, replications: 2, maxRepairs: 0)
        let reason = try XCTUnwrap(result.plan.shortfallReason)
        XCTAssertTrue(reason.contains("the 5 seats"), reason)
        let short = need[0].indices.reduce(0.0) { $0 + max(0, Double(need[0][$1]) - result.plan.roster.planned[0][$1]) }
        XCTAssertEqual(short, 7 * 21, accuracy: 1e-6)
        // With seats enough, by parts covers the requirement and says nothing.
        var roomy = MonthRosterPlanner(model: centre(weeks: 1), templates: templates, contracts: [contract], agents: nil)
        roomy.decomposition = .always
        XCTAssertNil(try roomy.plan(required: need).shortfallReason)
    }

    func testTheRosterRunsDayByDayAsPlanned() throws {
        let model = centre(weeks: 1)
        let contract = Contract(id: "five", templates: [0], groups: [0], daysPerWeek: 5...5, daysOffTogether: 2)
        let planner = MonthRosterPlanner(model: model, templates: templates, contracts: [contract], agents: nil)
        let plan = try planner.plan(required: required(model, agents: 4))
        var rostered = RosterOptimizer(model: model, templates: templates).rosteredModel(plan.roster.roster, plan.roster.groupShifts)
        // No calls: agents log off on time, so the agents simulated are exactly those planned.
        rostered.callTypes[0].arrivalRates = rostered.callTypes[0].arrivalRates.map { _ in 0 }
        let summary = try ReplicationRunner.summary(model: rostered, seed: 5, replications: 2)
        for interval in summary.intervals {
            let simulated = interval.groups[0][.agents]?.mean ?? 0
            XCTAssertEqual(simulated, plan.roster.planned[0][interval.index], accuracy: 1e-6, "interval \(interval.index)")
        }
        let again = try planner.plan(required: required(model, agents: 4))
        XCTAssertEqual(again.tours.map { $0.shifts.mapValues(\.start) }, plan.tours.map { $0.shifts.mapValues(\.start) }, "same plan every run")
    }
}
