import ContactCenter
import Forecasting
import Foundation
import Scenario

/// The forecast as a scenario for the forecast period: the start date and horizon, a
/// day type per weekday (and holidays) with the opening hours learnt from the history
/// (unless a base scenario sets the centre's), per call type its daily volume and intraday
/// profile per day type with a factor per day, the handle times of the history's last
/// weeks (by day type and time of day where they vary beyond chance), and the
/// over-dispersion found (`busyness`). With a base scenario, every other section is the
/// base's; without one, each call type gets a team of its own (a starting point for
/// `ccsim staff`).
public enum ForecastScenario {
    static let dayTypeIds = ["mon", "tue", "wed", "thu", "fri", "sat", "sun", "holiday"]

    /// The scenario text: `base` (a scenario file) with the forecast's sections, or a
    /// scenario of its own named after `source`.
    /// - Throws: ``ScenarioError`` if the result does not load (a call type of the history
    ///   missing from the base, staffing lists of the base's old intervals, …).
    public static func text(_ f: Forecast, base: String?, source: String) throws -> String {
        if let base {
            // A base that sets the centre's hours keeps them: the planner's hours hold.
            let learnt = try ScenarioLoader.load(path: base).model.openingHours == nil
            return try ScenarioLoader.rewrite(path: base, overrides: try overrides(f, learntHours: learnt))
        }
        let text = standaloneBase(f, source: source)
        var scenario = try ScenarioLoader.parse(yaml: text, fileName: "scenario.yaml")
        scenario.sourceText = text
        return try ScenarioLoader.rewrite(scenario, overrides: try overrides(f, learntHours: true))
    }

    /// The changes that make a scenario simulate the forecast; with `learntHours`, each
    /// day type opens as the history did.
    static func overrides(_ f: Forecast, learntHours: Bool) throws -> [ScenarioOverride] {
        let types = (0..<f.days).map(f.dayType(ofDay:))
        let used = Set(types).sorted()
        let holidays = (0..<f.days).filter { types[$0] == 7 }.map { "\(f.firstDay.adding(days: $0))" }
        let dayTypes = used.map { t in
            let open = learntHours ? ", open: " + f.open.windows(dayType: t, intervalMinutes: f.history.intervalMinutes) : ""
            return t == 7 ? "{id: holiday, dates: [\(holidays.joined(separator: ", "))]\(open)}"
                : "{id: \(dayTypeIds[t]), weekdays: [\(dayTypeIds[t])]\(open)}"
        }
        let cvs = f.callTypes.compactMap(\.busynessCV).sorted()
        var list = [
            ("start_date", "\(f.firstDay)"), ("horizon", "\(f.days)d"), ("interval", "\(f.history.intervalMinutes)m"),
            ("clock_start", "~"), ("warmup", "~"), ("day_types", "[\(dayTypes.joined(separator: ", "))]"),
        ]
        // Without a backtest the spread is unknown: no busyness is made up.
        if !cvs.isEmpty { list.append(("busyness", "{cv: \(number(cvs[cvs.count / 2]))}")) }
        for c in f.callTypes {
            guard c.callType.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
                throw ScenarioError(file: "forecast", message: "call type `\(c.callType)` cannot be a scenario id (letters, digits, _ and - only)")
            }
            list.append(("call_types.\(c.callType).arrivals", arrivals(c, types: types, used: used)))
            let h = c.handleTimes, shape = LawShape(used: used, open: f.open, minutes: f.history.intervalMinutes)
            if let talk = shape.law(h.talk, varies: h.talkVaries, mean: c.meanTalk, step: 5, { "{distribution: exponential, mean: \(number($0))}" }) {
                list.append(("call_types.\(c.callType).handle_time", talk))
            }
            if let work = shape.law(h.afterCallWork, varies: h.afterCallWorkVaries, mean: c.meanAfterCallWork, step: 1, { "{distribution: constant, value: \(number($0))}" }) {
                list.append(("call_types.\(c.callType).after_call_work", work))
            }
        }
        return list.map { ScenarioOverride(keyPath: $0.0.split(separator: ".").map(String.init), value: $0.1) }
    }

    /// The day types simulated and their hours, to write a handle time that changes
    /// with the day type and the time of day.
    struct LawShape {
        var used: [Int]
        var open: OpenIntervals
        var minutes: Int

        /// A law per day type and time of day from `table` (`[dayType][interval]`
        /// seconds, rounded to `step`), one period per run of equal values, a closed
        /// interval keeping the law before it; one law when the table is flat, the one
        /// of `mean` without a table (the history's last weeks give no times).
        func law(_ table: [[Double]]?, varies: Bool, mean: Double?, step: Double, _ law: (Double) -> String) -> String? {
            guard let table else { return mean.map(law) }
            guard varies else { return law(table[0][0]) }
            let perType = used.map { t in "\(dayTypeIds[t]): {by_time: [\(periods(table[t], dayType: t, step: step, law))]}" }
            return "{by_day_type: {\(perType.joined(separator: ", "))}}"
        }

        private func periods(_ row: [Double], dayType t: Int, step: Double, _ law: (Double) -> String) -> String {
            func rounded(_ x: Double) -> Double { max(step, (x / step).rounded() * step) }
            var value = rounded(row[row.indices.first { open.isOpen(dayType: t, interval: $0) } ?? 0])
            var list: [String] = [], last: Double?
            for i in row.indices {
                if open.isOpen(dayType: t, interval: i) { value = rounded(row[i]) }
                guard value != last else { continue }
                list.append("{from: \"\(String(format: "%02d:%02d", i * minutes / 60, i * minutes % 60))\", law: \(law(value))}")
                last = value
            }
            return list.joined(separator: ", ")
        }
    }

    /// `{daily: {type: volume}, profile: {type: [shares]}, day_factors: [...]}`: the mean
    /// forecast per day type, and each day's forecast over its type's mean.
    private static func arrivals(_ c: CallTypeForecast, types: [Int], used: [Int]) -> String {
        var mean: [Int: Double] = [:]
        for t in used {
            let days = types.indices.filter { types[$0] == t }
            mean[t] = days.reduce(0) { $0 + c.daily[$1] } / Double(days.count)
        }
        let daily = used.map { "\(dayTypeIds[$0]): \(number(mean[$0] ?? 0))" }.joined(separator: ", ")
        let profile = used.map { t in
            let shares = c.profiles[t].reduce(0, +) > 0 ? c.profiles[t] : Array(repeating: 1, count: c.profiles[t].count)
            return "\(dayTypeIds[t]): [\(shares.map(number).joined(separator: ", "))]"
        }.joined(separator: ", ")
        let factors = types.indices.map { d -> String in
            let m = mean[types[d]] ?? 0
            return number(m > 0 ? c.daily[d] / m : 0)
        }
        return "{daily: {\(daily)}, profile: {\(profile)}, day_factors: [\(factors.joined(separator: ", "))]}"
    }

    /// A scenario of the history's call types, each with a team of its own sized at its
    /// peak offered load plus one, to be replaced by the forecast's sections.
    private static func standaloneBase(_ f: Forecast, source: String) -> String {
        var text = """
            name: "Forecast of \(source.replacingOccurrences(of: "\"", with: "'"))"
            seed: 1
            replications: 10
            horizon: 1d
            interval: \(f.history.intervalMinutes)m
            call_types:

            """
        var groups = "agent_groups:\n"
        for c in f.callTypes {
            let talk = c.meanTalk ?? 240, work = c.meanAfterCallWork ?? 0
            let peak = c.intervals.max() ?? 0
            let load = min(peak * (talk + work) / Double(f.history.intervalMinutes * 60), Double(ModelLimits.agentsPerGroup - 1))
            let agents = Int(load.rounded(.up)) + 1
            text += """
                  - id: \(c.callType)
                    arrivals: {per_hour: 0}
                    handle_time: {distribution: exponential, mean: \(number(talk))}
                    patience: {distribution: exponential, mean: 180}
                    service_level: {seconds: 20, target: 0.8}

                """
            groups += "  - {id: \(c.callType)_team, skills: [\(c.callType)], agents: \(agents)}\n"
        }
        return text + groups
    }

    private static func number(_ x: Double) -> String { String(format: "%.6g", x) }
}
