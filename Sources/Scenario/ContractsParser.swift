import ContactCenter

/// Reads the `contracts` of a shift-templates file, for a roster over weeks:
///
/// ```yaml
/// contracts:
///   - id: full-time
///     templates: [early, late]        # the templates its agents work
///     groups: [generalists]           # optional: the templates' groups
///     days_per_week: 5                # or [4, 5]
///     days_off_together: 2            # optional: the week's days off include 2 in a row
///     days_off_wrap: false            # optional: true, Sunday and Monday off count as in a row
///     max_consecutive_days: 6         # optional (default 7)
///     min_rest: 11h                   # optional: between the end of a shift and the next
///     weekly_hours: [36h, 42h]        # optional: paid time per whole week
///     weekend_off_every: 2            # optional: a weekend off in every 2 weeks
///     same_start: false               # optional: one start time all week
///     min: 0                          # optional: fewest agents
///     max: 80                         # optional: most agents
/// ```
struct ContractsParser {
    static let keys = ["id", "templates", "groups", "days_per_week", "days_off_together", "max_consecutive_days", "min_rest",
                       "weekly_hours", "weekend_off_every", "same_start", "min", "max",
                       "days_off_wrap"]

    let model: CenterModel
    let templates: [ShiftTemplate]

    func contracts(_ reader: NodeReader) throws -> [Contract] {
        var ids: Set<String> = []
        let elements = try reader.nonEmptySequence(of: "contract")
        guard elements.count <= RosterLimits.contracts else {
            throw reader.error("\(elements.count) contracts, \(elements.count - RosterLimits.contracts) more than the "
                + "\(RosterLimits.contracts) a roster is planned with: merge contracts with the same rules")
        }
        return try elements.map { element in
            let contract = try self.contract(element)
            guard ids.insert(contract.id).inserted else { throw element.error("duplicate contract id `\(contract.id)`") }
            return contract
        }
    }

    private func contract(_ element: NodeReader) throws -> Contract {
        let entry = try element.mapping(keys: Self.keys)
        let templateReaders = try entry.required("templates").nonEmptySequence(of: "template")
        let chosen = try templateReaders.map { try $0.index(among: templates.map(\.id), what: "shift template") }
        let allowedGroups = Set(chosen.flatMap { templates[$0].groups })
        let groups = try entry.optional("groups")?.nonEmptySequence(of: "agent group").map { reader in
            let g = try reader.index(among: model.agentGroups.map(\.id), what: "agent group")
            guard allowedGroups.contains(g) else { throw reader.error("none of the contract's templates may be worked by this group") }
            return g
        } ?? allowedGroups.sorted()
        for (t, reader) in zip(chosen, templateReaders) where templates[t].length > Timing.secondsPerDay {
            throw reader.error("a template of a roster over weeks lasts at most 24 h")
        }
        let fewest = try entry.optional("min").map(ShiftTemplatesLoader.agentCount) ?? 0
        let most = try entry.optional("max").map(ShiftTemplatesLoader.agentCount)
        if let most, fewest > most {
            throw try entry.required("min").error("is more than `max` (\(most)): a contract's min is at most its max")
        }
        let days = try daysPerWeek(try entry.required("days_per_week"))
        let longest = try entry.optional("max_consecutive_days").map(consecutiveDays) ?? 7
        if days.upperBound == 7, longest < model.timing.clockDayCount {
            throw entry.error("a week without a day off (days_per_week up to 7) needs max_consecutive_days of the whole period")
        }
        return Contract(
            id: try entry.required("id").text(), templates: chosen, groups: groups, daysPerWeek: days,
            daysOffTogether: try entry.optional("days_off_together").map { try bounded($0, 1...7) } ?? 1,
            maxConsecutiveDays: longest, minRest: try entry.optional("min_rest")?.duration(.nonNegative) ?? 0,
            weeklyHours: try entry.optional("weekly_hours").map(weeklyHours),
            weekendOffEvery: try entry.optional("weekend_off_every").map { try bounded($0, 1...8) },
            sameStart: try entry.optional("same_start")?.boolean() ?? false,
            minimumAgents: fewest, maximumAgents: most, daysOffWrap: try entry.optional("days_off_wrap")?.boolean() ?? false)
    }

    /// `5` or `[4, 5]`: days worked per whole week, 0 to 7.
    private func daysPerWeek(_ reader: NodeReader) throws -> ClosedRange<Int> {
        if case .sequence = reader.node {
            let bounds = try reader.sequence()
            guard bounds.count == 2 else { throw reader.error("a range of days is [fewest, most]") }
            let (low, high) = (try bounded(bounds[0], 0...7), try bounded(bounds[1], 0...7))
            guard low <= high else { throw bounds[1].error("is fewer than the fewest days, \(low)") }
            return low...high
        }
        let days = try bounded(reader, 0...7)
        return days...days
    }

    private func consecutiveDays(_ reader: NodeReader) throws -> Int { try bounded(reader, 1...366) }

    /// `[36h, 42h]`: the least and most paid time per whole week.
    private func weeklyHours(_ reader: NodeReader) throws -> ClosedRange<Double> {
        let bounds = try reader.sequence()
        guard bounds.count == 2 else { throw reader.error("weekly hours are [least, most], e.g. [36h, 42h]") }
        let (low, high) = (try bounds[0].duration(.nonNegative), try bounds[1].duration(.nonNegative))
        guard low <= high, high <= 7 * Timing.secondsPerDay else { throw reader.error("needs least ≤ most ≤ 168h") }
        return low...high
    }

    private func bounded(_ reader: NodeReader, _ range: ClosedRange<Int>) throws -> Int {
        let value = try reader.integer(.nonNegative)
        guard range.contains(value) else { throw reader.error("must be from \(range.lowerBound) to \(range.upperBound), got \(value)") }
        return value
    }
}
