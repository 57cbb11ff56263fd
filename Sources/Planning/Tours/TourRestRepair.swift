import ContactCenter

/// Mends the rest between consecutive working days after the tours are split, by
/// exchanging shifts between two agents of the same contract and group.
///
/// The tours program's rest rows are exact for each pair of days, but a split made day
/// by day can still pair a late shift on one day with an early one the next for the same
/// agent: which agent took which shift on earlier days matters over runs of three days
/// or more. Where an agent's rest before day `D + 1` is short, the repair tries every
/// other agent of the contract and group and every run of days both work that starts at
/// `D + 1` or ends at `D`: the two agents exchange their shifts over the run. The day's
/// shifts stay the same (coverage, breaks and costs do not change), and so do each
/// agent's days worked and weekly hours (a contract's templates keep them in any mix).
/// Only the rest at the run's two ends can change; the exchange that leaves the two
/// agents the fewest short rests (then the least time short) is made, if it improves on
/// them, until no exchange does. With `same_start`, an exchange must keep each agent's
/// week on one start.
public struct TourRestRepair: Sendable {
    public let contracts: [Contract]
    public let weeks: RosterWeeks

    public init(contracts: [Contract], weeks: RosterWeeks) {
        self.contracts = contracts
        self.weeks = weeks
    }

    /// `tours` with shifts exchanged until no exchange between two agents shortens the
    /// rest they lack; tours already keeping their rest are returned unchanged.
    public func repaired(_ tours: [AgentTour]) -> [AgentTour] {
        var tours = tours
        let teams = Dictionary(grouping: tours.indices) { [tours[$0].contract, tours[$0].group] }
        for key in teams.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) where contracts[key[0]].minRest > 0 {
            repair(&tours, team: teams[key]!)
        }
        return tours
    }

    /// How short of its contract's rest a tour is: the number of short rests and the
    /// time they lack in all (seconds).
    public func shortfall(_ tour: AgentTour) -> (count: Int, seconds: Double) {
        let rest = contracts[tour.contract].minRest
        var count = 0, seconds = 0.0
        for (day, shift) in tour.shifts {
            guard let next = tour.shifts[day + 1] else { continue }
            let short = rest - (next.start - shift.end)
            if short > 1e-6 {
                count += 1
                seconds += short
            }
        }
        return (count, seconds)
    }

    /// An exchange of shifts between tours `j` and `k` over `days`.
    private struct Exchange {
        var j: Int, k: Int, days: ClosedRange<Int>
    }

    private func repair(_ tours: inout [AgentTour], team: [Int]) {
        var improved = true
        while improved {
            improved = false
            for j in team {
                let short = tours[j].shifts.keys.sorted().filter { day in
                    tours[j].shifts[day + 1].map { $0.start - tours[j].shifts[day]!.end < contracts[tours[j].contract].minRest - 1e-6 } ?? false
                }
                for day in short {
                    guard let exchange = best(tours, j: j, before: day + 1, team: team) else { continue }
                    (tours[exchange.j], tours[exchange.k]) = exchanged(tours[exchange.j], tours[exchange.k], over: exchange.days)
                    improved = true
                }
            }
        }
    }

    /// The exchange for tour `j`'s short rest before day `next` that leaves `j` and its
    /// partner the least short, if it improves on them.
    private func best(_ tours: [AgentTour], j: Int, before next: Int, team: [Int]) -> Exchange? {
        var best: (exchange: Exchange, score: (Int, Double))?
        for k in team where k != j {
            let current = combined(tours[j], tours[k])
            for days in runs(tours[j], tours[k], around: next) {
                let (a, b) = exchanged(tours[j], tours[k], over: days)
                guard keepsSameStart(a), keepsSameStart(b) else { continue }
                let score = combined(a, b)
                if better(score, than: current), best.map({ better(score, than: $0.score) }) ?? true {
                    best = (Exchange(j: j, k: k, days: days), score)
                }
            }
        }
        return best?.exchange
    }

    /// The runs of days both tours work that start at `next` or end the day before it.
    private func runs(_ a: AgentTour, _ b: AgentTour, around next: Int) -> [ClosedRange<Int>] {
        func both(_ day: Int) -> Bool { a.shifts[day] != nil && b.shifts[day] != nil }
        var runs: [ClosedRange<Int>] = []
        var last = next
        while both(last) {
            runs.append(next...last)
            last += 1
        }
        var first = next - 1
        while both(first) {
            runs.append(first...(next - 1))
            first -= 1
        }
        return runs
    }

    private func exchanged(_ a: AgentTour, _ b: AgentTour, over days: ClosedRange<Int>) -> (AgentTour, AgentTour) {
        var (a, b) = (a, b)
        for day in days { (a.shifts[day], b.shifts[day]) = (b.shifts[day], a.shifts[day]) }
        return (a, b)
    }

    private func combined(_ a: AgentTour, _ b: AgentTour) -> (Int, Double) {
        let (x, y) = (shortfall(a), shortfall(b))
        return (x.count + y.count, x.seconds + y.seconds)
    }

    /// Fewer short rests, or as many and at least a second less short in all.
    private func better(_ score: (Int, Double), than other: (Int, Double)) -> Bool {
        score.0 < other.0 || (score.0 == other.0 && score.1 < other.1 - 1)
    }

    /// Whether, under a `same_start` contract, every week of the tour keeps one start.
    private func keepsSameStart(_ tour: AgentTour) -> Bool {
        guard contracts[tour.contract].sameStart else { return true }
        return weeks.weeks.allSatisfy { week in Set(week.days.compactMap { tour.shifts[$0]?.option }).count <= 1 }
    }
}
