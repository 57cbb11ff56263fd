import ContactCenter
import Statistics

/// Reads a law that may change with the interval of arrival (`handle_time`,
/// `after_call_work`, `patience`):
///
/// - a distribution, the same all the time: `{distribution: exponential, mean: 3m}`;
/// - `by_interval`: one distribution per planning interval;
/// - `by_time`: by time of day, `[{from: "08:00", law: {…}}, {from: "12:00", law: {…}}]`,
///   each law holding from its `from` until the next (the last one until the first of
///   the next day);
/// - `by_day_type`: per day type, a distribution or a `by_time` list.
struct IntervalLawsParser {
    private static let keys = ["by_interval", "by_time", "by_day_type"]
    private static let periodKeys = ["from", "law"]

    let calendar: CalendarParser
    var timing: Timing { calendar.timing }

    /// The law: one that holds throughout, or laws by interval.
    func law(_ reader: NodeReader) throws -> IntervalLaws {
        guard case .mapping(let mapping) = reader.node,
              mapping.keys.contains(where: { Self.keys.contains($0.scalar?.string ?? "") }) else {
            return IntervalLaws(try DistributionParser.distribution(from: reader))
        }
        let entry = try reader.mapping(keys: Self.keys)
        guard entry.mapping.count == 1 else { throw reader.error("give one of `by_interval`, `by_time` or `by_day_type`") }
        let laws: IntervalLaws
        if let list = entry.optional("by_interval") {
            let values = try ScenarioParser.perInterval(list, timing: timing, value: DistributionParser.distribution(from:))
            laws = IntervalLaws(laws: values, lawOfInterval: Array(values.indices))
        } else if let periods = entry.optional("by_time") {
            let daily = try byTime(periods)
            laws = IntervalLaws(laws: daily.laws, lawOfInterval: (0..<timing.intervalCount).map(daily.index))
        } else {
            laws = try byDayType(try entry.required("by_day_type"))
        }
        return laws
    }

    /// A day's laws by time of day: the laws, and the law of an interval (by its start).
    private struct DailyLaws {
        var laws: [Distribution]
        var from: [Double]
        let timing: Timing

        func index(_ i: Int) -> Int {
            guard from.count > 1 else { return 0 }
            let time = (timing.clockStart + timing.start(ofInterval: i)).truncatingRemainder(dividingBy: Timing.secondsPerDay)
            return (from.lastIndex { $0 <= time } ?? from.count - 1)
        }
    }

    private func byTime(_ reader: NodeReader) throws -> DailyLaws {
        var daily = DailyLaws(laws: [], from: [], timing: timing)
        for element in try reader.nonEmptySequence(of: "period") {
            let period = try element.mapping(keys: Self.periodKeys)
            let fromReader = try period.required("from")
            let from = try fromReader.duration(.nonNegative)
            guard from < Timing.secondsPerDay && from > (daily.from.last ?? -1) else {
                throw fromReader.error("must be a time of day after the previous period's, before 24:00")
            }
            daily.from.append(from)
            daily.laws.append(try DistributionParser.distribution(from: period.required("law")))
        }
        return daily
    }

    private func byDayType(_ reader: NodeReader) throws -> IntervalLaws {
        guard !calendar.dayTypes.isEmpty else { throw reader.error("needs `day_types` in the scenario") }
        let perType = try calendar.byDayType(reader) { node -> DailyLaws in
            if case .mapping(let mapping) = node.node, mapping.keys.contains(where: { $0.scalar?.string == "by_time" }) {
                return try byTime(try node.mapping(keys: ["by_time"]).required("by_time"))
            }
            return DailyLaws(laws: [try DistributionParser.distribution(from: node)], from: [0], timing: timing)
        }
        var laws: [Distribution] = [], firstLaw: [Int] = []
        for daily in perType {
            firstLaw.append(laws.count)
            laws += daily?.laws ?? []
        }
        let lawOfInterval = (0..<timing.intervalCount).map { i -> Int in
            let j = calendar.dayType(ofInterval: i) ?? 0
            guard let daily = perType[j] else { return 0 }
            return firstLaw[j] + daily.index(i)
        }
        guard !laws.isEmpty else { throw reader.error("gives no law") }
        return IntervalLaws(laws: laws, lawOfInterval: lawOfInterval)
    }
}
