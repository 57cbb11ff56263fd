import ContactCenter

/// Reads the roster of a scenario and the parts of a shift that shift-template files
/// share with it: briefings, breaks and meals.
enum RosterParser {
    static let rosterKeys = ["absence", "other_off_phone", "shifts"]
    static let shiftKeys = ["id", "start", "length", "briefing", "breaks", "meal", "days", "dates"]
    private static let breakKeys = ["length", "at", "window"]

    /// `roster: {absence: 0.08, other_off_phone: 0.05, shifts: […]}`.
    static func roster(_ reader: NodeReader, timing: Timing) throws -> Roster {
        let entry = try reader.mapping(keys: rosterKeys)
        let shifts = try entry.required("shifts").nonEmptySequence(of: "shift").map { try shift($0, timing: timing) }
        return Roster(shifts: shifts, absence: try entry.optional("absence")?.fraction() ?? 0,
                      otherOffPhone: try entry.optional("other_off_phone")?.fraction() ?? 0)
    }

    /// A shift: `{id, start: "07:00", length: 8h, briefing: {before: 10m, after: 5m},
    /// breaks: [{length: 15m, window: [1h30m, 2h30m]}], meal: {length: 30m, at: 4h}}`,
    /// worked every day, or only on `days: [1, 2, 5]` (numbered from 1) or on
    /// `dates: [2027-03-01, …]` (the dates it starts on; needs `start_date`).
    static func shift(_ element: NodeReader, timing: Timing) throws -> Shift {
        let entry = try element.mapping(keys: shiftKeys)
        let (before, after) = try briefing(entry)
        let start = timing.time(ofClock: try entry.required("start").duration(.nonNegative))
        return Shift(id: try entry.required("id").text(), start: start,
                     length: try entry.required("length").duration(.positive),
                     briefingBefore: before, briefingAfter: after, breaks: try breaks(entry),
                     days: try days(entry, start: start, timing: timing))
    }

    /// The simulated days (from 0) of a shift's `days` or `dates`; `nil` when it names none.
    private static func days(_ entry: MappingReader, start: Double, timing: Timing) throws -> [Int]? {
        let listed: [(Int, NodeReader)]
        switch (entry.optional("days"), entry.optional("dates")) {
        case (nil, nil):
            return nil
        case (_?, _?):
            throw entry.error("give either `days` or `dates`, not both")
        case (let days?, nil):
            listed = try days.nonEmptySequence(of: "day").map { (try $0.integer(.positive) - 1, $0) }
        case (nil, let dates?):
            guard let first = timing.startDate else { throw dates.error("`dates` needs the scenario's `start_date`") }
            let offset = timing.clockDay(at: start)
            listed = try dates.nonEmptySequence(of: "date").map {
                (try CalendarParser.startDate($0).daysSinceEpoch - first.daysSinceEpoch - offset, $0)
            }
        }
        for (day, reader) in listed where !(0..<timing.dayCount).contains(day) {
            throw reader.error("falls outside the simulated period (\(timing.dayCount) days)")
        }
        return Set(listed.map(\.0)).sorted()
    }

    /// `briefing: {before: 10m, after: 5m}` of a shift: the times before and after its
    /// time on the phones (0 when absent).
    static func briefing(_ entry: MappingReader) throws -> (before: Double, after: Double) {
        guard let briefing = try entry.optional("briefing")?.mapping(keys: ["before", "after"]) else { return (0, 0) }
        return (try briefing.optional("before")?.duration(.nonNegative) ?? 0,
                try briefing.optional("after")?.duration(.nonNegative) ?? 0)
    }

    /// The `breaks` and `meal` of a shift, in order of their earliest starts.
    static func breaks(_ entry: MappingReader) throws -> [Break] {
        var pauses = try entry.optional("breaks")?.sequence().map(pause) ?? []
        if let meal = entry.optional("meal") { pauses.append(try pause(meal)) }
        return pauses.sorted { $0.earliestStart < $1.earliestStart }
    }

    /// A break or meal: `{length: 15m, at: 2h}` or `{length: 15m, window: [1h30m, 2h30m]}`
    /// (a window of start times, relative to the shift start).
    private static func pause(_ reader: NodeReader) throws -> Break {
        let entry = try reader.mapping(keys: breakKeys)
        let length = try entry.required("length").duration(.positive)
        if let window = entry.optional("window") {
            let bounds = try window.sequence()
            guard bounds.count == 2 else { throw window.error("a window is [earliest start, latest start]") }
            let (earliest, latest) = (try bounds[0].duration(.nonNegative), try bounds[1].duration(.nonNegative))
            guard latest >= earliest else { throw window.error("the latest start comes before the earliest") }
            return Break(length: length, earliestStart: earliest, latestStart: latest)
        }
        guard let at = entry.optional("at") else { throw entry.error("a break needs `at` (a fixed start) or a `window`") }
        return Break(length: length, earliestStart: try at.duration(.nonNegative))
    }
}
