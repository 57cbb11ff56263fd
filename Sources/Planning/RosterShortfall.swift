import ContactCenter

/// What a roster does when its templates or seats cannot cover the requirement: the best
/// roster within every limit, coverage allowed to fall short at a cost that outweighs
/// any shift, and a diagnosis naming the intervals no template reaches.
public enum Shortfall {
    /// The cost of one agent short in one interval: ten times the dearest template's
    /// shift (at least 1000, at most 10⁸), so that every shift covering an interval short
    /// is worth its cost and the roster covers all its limits let it.
    public static func cost(_ templates: [ShiftTemplate]) -> Double {
        min(1e8, max(1000, 10 * (templates.map(\.cost).max() ?? 0)))
    }
}

extension RosterOptimizer {
    /// The least-cost roster within the templates' limits and the seats when none covers
    /// `required`: coverage may fall short (``Shortfall/cost(_:)`` per agent and
    /// interval), so it covers all it can; `reason` says why it cannot cover it all. Its
    /// LP bound is 0: no covering roster exists.
    public func bestShortPlan(required: [[Int]], reason: String) throws -> Plan {
        let (assignments, solution) = try solve(required: required, softCoverage: true)
        let (roster, counts, costs) = self.roster(assignments, solution.values)
        let cost = zip(assignments, assignments.map { solution.values[$0.column].rounded() }).reduce(0) { $0 + templates[$1.0.template].cost * $1.1 }
        return Plan(roster: roster, groupShifts: counts, shiftCosts: costs, cost: cost, lowerBound: 0, gap: cost == 0 ? 0 : 1,
                    planned: planned(assignments, solution.values), stoppedAtTimeLimit: solution.stoppedAtTimeLimit,
                    shortfallReason: reason)
    }

    /// Why no roster covers `required`: per group, the intervals with a requirement that
    /// no template's shift reaches, with what would reach the first of them; else the limits.
    func diagnosis(required: [[Int]]) -> String {
        let timing = model.timing, shrinkage = Shrinkage.of(model)
        var groups: [String] = [], count = 0
        for g in model.agentGroups.indices {
            let reaching = templates.indices.filter { templates[$0].groups.contains(g) }
            let unreached = (0..<timing.intervalCount).filter { i in
                Shrinkage.scheduled(required[g][i], shrinkage: shrinkage) > 0
                    && !reaching.contains { t in templates[t].starts.contains { reaches(t, start: $0, interval: i) } }
            }
            guard let first = unreached.first else { continue }
            count += unreached.count
            let labels = unreached.prefix(6).map { timing.label(timing.start(ofInterval: $0)) }
            groups.append("\(model.agentGroups[g].id) at " + labels.joined(separator: ", ") + (unreached.count > 6 ? ", …" : "")
                + " (\(reachHint(templates: reaching, interval: first)))")
        }
        if count > 0 {
            return "no template's shift reaches \(count) (group, interval) pairs with a requirement: " + groups.joined(separator: "; ")
        }
        let seats = model.agentSeats < Int.max ? "the \(model.agentSeats) seats or " : ""
        return "the requirements cannot be covered by the shift templates within their limits (\(seats)the templates' min/max)"
    }

    /// Whether a shift of template `t` starting at `start` (seconds into a day) is on the
    /// phones in interval `i` on some day.
    private func reaches(_ t: Int, start: Double, interval i: Int) -> Bool {
        let template = templates[t], timing = model.timing
        return timing.rosterDays.contains { d in
            let s = start + Double(d) * Timing.secondsPerDay
            return Timing.overlap(s + template.briefingBefore, s + template.length - template.briefingAfter,
                                  timing.start(ofInterval: i), timing.end(ofInterval: i)) > 0
        }
    }

    /// What would reach interval `i`: per template, the starts that would, against its
    /// latest; a template ending later; or opening hours that end before it.
    private func reachHint(templates reaching: [Int], interval i: Int) -> String {
        let timing = model.timing
        let from = timing.start(ofInterval: i), at = timing.timeOfDay(from)
        let starts = reaching.map { t -> String in
            let template = templates[t]
            return "`\(template.id)` starting after \(timing.timeOfDay(from - (template.length - template.briefingAfter))) "
                + "(latest now \(timing.timeOfDay(template.starts.max() ?? 0)))"
        }
        return "to reach \(at): " + (starts.isEmpty ? "" : starts.joined(separator: ", ") + ", ")
            + "a template ending after \(at), or opening hours that end by \(at) (after closing, redials and calls still queued need agents)"
    }
}
