import ContactCenter

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
