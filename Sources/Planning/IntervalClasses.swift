import ContactCenter
import Experiments
import Statistics

/// Intervals the staffing search gives one requirement: the same time of day on days
/// that are the same for the calls — their arrivals, talk, after-call work and patience
/// laws and opening, interval by interval. A month of three kinds of day (weekdays,
/// Saturdays, Sundays) has three days' worth of classes; a search over them simulates
/// the month but changes and judges each class as one, its intervals pooled
/// (``StaffingSearch``). Days that differ in anything, and a day the horizon cuts short,
/// have classes of their own.
struct IntervalClasses {
    /// Per interval, its class.
    let classOf: [Int]
    /// Per class, its intervals in time order.
    let members: [[Int]]

    /// One class per interval.
    init(identity count: Int) {
        classOf = Array(0..<count)
        members = (0..<count).map { [$0] }
    }

    /// The classes of `model`'s intervals.
    init(model: CenterModel) {
        let timing = model.timing, n = timing.intervalCount
        let days = Dictionary(grouping: 0..<n) { timing.clockDay(at: timing.start(ofInterval: $0)) }
        let open = model.callTypes.indices.map(model.openShare(ofCallType:))
        var classOfDayKey: [DayKey: Int] = [:]
        var classOf = Array(repeating: 0, count: n), members: [[Int]] = []
        for day in days.keys.sorted() {
            let intervals = days[day] ?? []
            let key = DayKey(model: model, intervals: intervals, open: open)
            let first: Int
            if let known = classOfDayKey[key] {
                first = known
            } else {
                first = members.count
                classOfDayKey[key] = first
                members += intervals.map { _ in [] }
            }
            for (position, i) in intervals.enumerated() {
                classOf[i] = first + position
                members[first + position].append(i)
            }
        }
        self.classOf = classOf
        self.members = members
    }

    /// The fewest intervals in a class.
    var smallest: Int { members.map(\.count).min() ?? 1 }

    /// Whether every class is one interval.
    var isIdentity: Bool { members.count == classOf.count }

    /// (class, call type) pairs that fail one of the type's planning targets under `rule`,
    /// each class judged on its intervals pooled: the mean of their means, within a
    /// confidence interval half as wide as the root of the sum of their half-widths
    /// squared over their number (days apart are independent). A class of one interval
    /// is judged as that interval is.
    func failures(_ summary: RunSummary, model: CenterModel, rule: TargetRule) -> [(unit: Int, type: Int)] {
        let targets = model.callTypes.map(RequirementPlanner.planningTargets(of:))
        let byIndex = Dictionary(summary.intervals.map { ($0.index, $0) }, uniquingKeysWith: { first, _ in first })
        return members.indices.flatMap { c in
            model.callTypes.indices.compactMap { k -> (Int, Int)? in
                let missed = targets[k].contains { target in
                    let cells = members[c].compactMap { byIndex[$0]?.callTypes[k][target.kpi] }
                    guard !cells.isEmpty else { return false }
                    let n = Double(cells.count)
                    let mean = cells.reduce(0) { $0 + $1.mean } / n
                    let half = cells.reduce(0) { $0 + $1.halfWidth * $1.halfWidth }.squareRoot() / n
                    let pooled = ConfidenceInterval(mean: mean, low: mean - half, high: mean + half, level: cells[0].level,
                                                    count: cells.map(\.count).min() ?? 0)
                    return rule.fails(target, pooled)
                }
                return missed ? (c, k) : nil
            }
        }
    }

    /// What makes a day the same as another for the calls, interval by interval.
    private struct DayKey: Hashable {
        var rates: [[Double]]
        var laws: [[Int]]
        var open: [[Double]]

        init(model: CenterModel, intervals: [Int], open: [[Double]]) {
            rates = model.callTypes.map { type in intervals.map { type.arrivalRates[$0] } }
            laws = model.callTypes.flatMap { type in
                [type.talk, type.afterCallWork, type.patience].map { table -> [Int] in
                    intervals.map { i in table.map { Self.law($0, i) } ?? -1 }
                }
            }
            self.open = open.map { share in intervals.map { share[$0] } }
        }

        /// The index of interval `i`'s law among `laws`' distinct ones.
        private static func law(_ laws: IntervalLaws, _ i: Int) -> Int { laws.lawOfInterval.isEmpty ? 0 : laws.lawOfInterval[i] }
    }
}
