import Foundation

/// Shifts that agents work every day, with briefings, breaks and a meal off the phones,
/// and the shrinkage that thins them: agents absent for the day and agents on other
/// off-phone work. Agent groups staffed by the roster give their agents per shift
/// (``AgentGroup/shifts``); the agents on the phones at each moment follow from it.
public struct Roster: Sendable, Equatable {
    public var shifts: [Shift]
    /// Probability (0…1) that a rostered agent is absent on a given day, drawn afresh
    /// for every agent, day and replication.
    public var absence: Double
    /// Share (0…1) of the present agents of each shift kept off the phones all day for
    /// other work (training, back office), rounded to whole agents.
    public var otherOffPhone: Double

    public init(shifts: [Shift], absence: Double = 0, otherOffPhone: Double = 0) {
        self.shifts = shifts
        self.absence = absence
        self.otherOffPhone = otherOffPhone
    }
}

/// A shift: when it starts each day, how long it lasts, and its time off the phones.
public struct Shift: Sendable, Equatable {
    public var id: String
    /// Start, in seconds after the start of each simulated day (time 0, 24 h, …).
    public var start: Double
    /// Length from start to end, briefings included (seconds).
    public var length: Double
    /// Team briefing off the phones at the start and at the end of the shift (seconds).
    public var briefingBefore: Double
    public var briefingAfter: Double
    /// Breaks and the meal, in the order they are taken.
    public var breaks: [Break]
    /// The simulated days (0 for the day of time 0) the shift is worked, in ascending
    /// order; `nil` for every day (and the days just before and after the horizon, whose
    /// shifts reach into it). A month's roster works each shift on its own days.
    public var days: [Int]?

    public init(id: String, start: Double, length: Double, briefingBefore: Double = 0,
                briefingAfter: Double = 0, breaks: [Break] = [], days: [Int]? = nil) {
        self.id = id
        self.start = start
        self.length = length
        self.briefingBefore = briefingBefore
        self.briefingAfter = briefingAfter
        self.breaks = breaks
        self.days = days
    }

    /// Whether the shift is worked on simulated day `day`.
    public func isWorked(onDay day: Int) -> Bool {
        guard let days else { return true }
        return days.contains(day)
    }

    /// When agent `j` of `count` on this shift starts break `b`, relative to the shift
    /// start: breaks with a window are staggered evenly across it, so that the agents
    /// of a shift do not all leave the phones at once.
    public func breakStart(_ b: Int, agent j: Int, of count: Int) -> Double {
        let pause = breaks[b]
        guard pause.latestStart > pause.earliestStart else { return pause.earliestStart }
        return pause.earliestStart + (pause.latestStart - pause.earliestStart) * (Double(j) + 0.5) / Double(count)
    }

    /// The periods agent `j` of `count` spends on the phones, relative to the shift start.
    public func onPhonePeriods(agent j: Int, of count: Int) -> [(start: Double, end: Double)] {
        var periods: [(start: Double, end: Double)] = []
        var from = briefingBefore
        for b in breaks.indices {
            let start = breakStart(b, agent: j, of: count)
            periods.append((from, start))
            from = start + breaks[b].length
        }
        periods.append((from, length - briefingAfter))
        return periods.filter { $0.end > $0.start }
    }
}

/// A break or meal: its length and when it may start (relative to the shift start).
public struct Break: Sendable, Equatable {
    public var length: Double
    public var earliestStart: Double
    public var latestStart: Double

    /// A break at a fixed time (`latestStart` omitted) or within a window of start times.
    public init(length: Double, earliestStart: Double, latestStart: Double? = nil) {
        self.length = length
        self.earliestStart = earliestStart
        self.latestStart = latestStart ?? earliestStart
    }
}

extension Roster {
    /// Checks the shares of absence and off-phone work, the shift ids and every shift.
    public func validate() throws {
        guard (0...1).contains(absence) else { throw ModelError("must be a fraction between 0 and 1", at: ["roster", "absence"]) }
        guard (0...1).contains(otherOffPhone) else {
            throw ModelError("must be a fraction between 0 and 1", at: ["roster", "other_off_phone"])
        }
        var ids: [String: Int] = [:]
        for (s, shift) in shifts.enumerated() {
            let here: ModelPath = ["roster", "shifts", .index(s)]
            if let first = ids[shift.id] {
                throw ModelError("duplicate id `\(shift.id)`", at: here.appending("id"), related: ["roster", "shifts", .index(first), "id"])
            }
            ids[shift.id] = s
            do {
                try shift.validate()
            } catch let error as ModelError {
                throw ModelError(error.message, at: here)
            }
        }
    }
}

extension Shift {
    /// Checks that the shift's breaks fit between its briefings, in order, without
    /// overlapping whatever their place in their windows.
    public func validate() throws {
        guard length > 0, briefingBefore >= 0, briefingAfter >= 0, briefingBefore + briefingAfter < length else {
            throw ModelError("needs a positive length longer than its briefings")
        }
        var free = briefingBefore
        for pause in breaks {
            guard pause.length > 0, pause.earliestStart >= free, pause.latestStart >= pause.earliestStart else {
                throw ModelError("breaks must start after the briefing and the previous break")
            }
            free = pause.latestStart + pause.length
        }
        guard free <= length - briefingAfter else {
            throw ModelError("the last break must end before the closing briefing")
        }
        if let days, days.isEmpty || zip(days, days.dropFirst()).contains(where: { $0 >= $1 }) {
            throw ModelError("its days must be listed once each, in order")
        }
    }
}

/// A shift pattern the roster optimiser may use: the start times allowed, the length,
/// briefings and break windows of every shift built from it, its cost, how many shifts
/// of it may be used, and the agent groups that may work it.
public struct ShiftTemplate: Sendable, Equatable {
    public var id: String
    /// Allowed starts, in seconds after the start of each day.
    public var starts: [Double]
    public var length: Double
    public var briefingBefore: Double
    public var briefingAfter: Double
    /// Break and meal windows (relative to the shift start); the optimiser places each.
    public var breaks: [Break]
    /// Cost of one shift (any unit: hours paid, money).
    public var cost: Double
    /// Fewest and most shifts of this template, over all starts and groups.
    public var minimum: Int
    public var maximum: Int?
    /// Indices of the agent groups that may work it.
    public var groups: [Int]
    /// Indices of the day types it may be worked on (a month's roster); `nil`: every day.
    public var dayTypes: [Int]?

    public init(id: String, starts: [Double], length: Double, briefingBefore: Double = 0, briefingAfter: Double = 0,
                breaks: [Break] = [], cost: Double, minimum: Int = 0, maximum: Int? = nil, groups: [Int],
                dayTypes: [Int]? = nil) {
        self.id = id
        self.starts = starts
        self.length = length
        self.briefingBefore = briefingBefore
        self.briefingAfter = briefingAfter
        self.breaks = breaks
        self.cost = cost
        self.minimum = minimum
        self.maximum = maximum
        self.groups = groups
        self.dayTypes = dayTypes
    }

    /// The shift starting at `start` with breaks starting at `breakStarts` (relative).
    public func shift(id: String, start: Double, breakStarts: [Double]) -> Shift {
        Shift(id: id, start: start, length: length, briefingBefore: briefingBefore, briefingAfter: briefingAfter,
              breaks: zip(breaks, breakStarts).map { Break(length: $0.length, earliestStart: $1) })
    }
}
