import ContactCenter

/// Builds a ``Scenario`` from the root node of a scenario document: it reads every value
/// (types, ranges, known keys) and resolves the references by id (skills, overflow
/// groups, transfers, follow-ups), then checks the model it built with
/// ``CenterModel/validate()`` — the one home of the rules that tie parts of a centre
/// together — and places that check's errors at their line in the file.
///
/// The parts are read in files of their own: call types (`CallTypeParser`), agent groups
/// (`AgentGroupParser`), the roster (`RosterParser`), follow-ups (`FollowUpParser`).
struct ScenarioParser {
    static let documentKeys = ["name", "seed", "replications", "warmup", "horizon", "interval", "clock_start",
                               "trunks", "busyness", "ivr", "seats", "routing", "roster", "call_types", "agent_groups",
                               "follow_ups", "start_date", "day_types", "open"]
    static let ivrKeys = ["ports", "when_full", "announcement", "menu", "counts_against_seats"]

    /// Defaults of the optional keys.
    static let defaultSeed: UInt64 = 1
    static let defaultReplications = 10
    static let defaultInterval = 1800.0

    /// The model's name when the document has no `name`.
    let defaultName: String

    /// The scenario the document at `root` describes.
    func scenario(from root: NodeReader) throws -> Scenario {
        let document = try root.mapping(keys: Self.documentKeys)
        let name = try document.optional("name")?.text() ?? defaultName
        let seed = try document.optional("seed")?.unsignedInteger() ?? Self.defaultSeed
        let replications = try document.optional("replications").map { reader in
            let count = try reader.integer(.positive)
            guard count <= ModelLimits.replications else { throw reader.error("must be at most \(ModelLimits.replications)") }
            return count
        } ?? Self.defaultReplications
        let timing = try self.timing(document)
        let calendar = try CalendarParser(document: document, timing: timing)
        let callTypeEntries = try document.required("call_types").nonEmptySequence(of: "call type")
        var callTypes = try callTypeEntries.map { try CallTypeParser(calendar: calendar).callType($0) }
        let roster = try document.optional("roster").map { try RosterParser.roster($0, timing: timing) }
        let groupEntries = try document.required("agent_groups").nonEmptySequence(of: "agent group")
        let callTypeIds = callTypes.map(\.id)
        let groups = try groupEntries.map {
            try AgentGroupParser(timing: timing, callTypeIds: callTypeIds).agentGroup($0, shifts: roster?.shifts)
        }
        for (k, entry) in callTypeEntries.enumerated() {
            let parser = CallTypeParser(calendar: calendar)
            callTypes[k].overflow = try parser.overflow(of: entry, groupIds: groups.map(\.id))
            callTypes[k].transfers = try parser.transfers(of: entry, callTypeIds: callTypeIds)
        }
        var model = CenterModel(
            name: name, timing: timing, trunks: try document.optional("trunks")?.integer(.positive),
            callTypes: callTypes, agentGroups: groups, busynessCV: try document.optional("busyness").map(busyness),
            ivr: try document.optional("ivr").map(ivr), seats: try document.optional("seats")?.integer(.positive),
            agentSelection: try document.optional("routing").map(agentSelection) ?? .longestIdle, roster: roster,
            followUps: try document.optional("follow_ups").map {
                try FollowUpParser.followUps($0, callTypeIds: callTypeIds, groupIds: groups.map(\.id))
            } ?? [])
        model.dayTypes = calendar.dayTypes
        model.openingHours = try document.optional("open").map(CalendarParser.openingHours)
        do {
            try model.validate()
        } catch let error as ModelError {
            throw error.located(in: root)
        }
        return Scenario(model: model, seed: seed, replications: replications)
    }

    /// `busyness: {cv: 0.1}`: the coefficient of variation of the day-level volume factor.
    private func busyness(_ reader: NodeReader) throws -> Double {
        try reader.mapping(keys: ["cv"]).required("cv").number(.nonNegative)
    }

    /// `ivr: {ports: 10, when_full: block, announcement: 5s, menu: {…}, counts_against_seats: true}`.
    private func ivr(_ reader: NodeReader) throws -> IVR {
        let entry = try reader.mapping(keys: Self.ivrKeys)
        let whenFull = try entry.optional("when_full")?.choice(["block", "wait"]) ?? "block"
        return IVR(ports: try entry.required("ports").integer(.positive),
                   whenFull: IVR.WhenFull(rawValue: whenFull) ?? .block,
                   announcement: try entry.optional("announcement")?.duration(.nonNegative) ?? 0,
                   menu: try entry.optional("menu").map(DistributionParser.distribution(from:)),
                   countsAgainstSeats: try entry.optional("counts_against_seats")?.boolean() ?? false)
    }

    /// `routing: {agent_selection: longest_idle | group_order}`.
    private func agentSelection(_ reader: NodeReader) throws -> AgentSelection {
        let entry = try reader.mapping(keys: ["agent_selection"])
        guard let choice = entry.optional("agent_selection") else { return .longestIdle }
        return AgentSelection(rawValue: try choice.choice(["longest_idle", "group_order"])) ?? .longestIdle
    }

    /// The timing, checked at once: the lists per interval are sized by it.
    private func timing(_ document: MappingReader) throws -> Timing {
        let timing = Timing(warmup: try document.optional("warmup")?.duration(.nonNegative) ?? 0,
                            horizon: try document.required("horizon").duration(.positive),
                            intervalLength: try document.optional("interval")?.duration(.positive) ?? Self.defaultInterval,
                            clockStart: try document.optional("clock_start")?.duration(.nonNegative) ?? 0,
                            startDate: try document.optional("start_date").map(CalendarParser.startDate))
        do {
            try timing.validate()
        } catch let error as ModelError {
            throw error.located(in: document.reader)
        }
        return timing
    }

    /// One value per planning interval: a single value for all of them, or a list of exactly
    /// `timing.intervalCount` values.
    static func perInterval<Value>(_ reader: NodeReader, timing: Timing,
                                   value: (NodeReader) throws -> Value) throws -> [Value] {
        guard case .sequence = reader.node else {
            return Array(repeating: try value(reader), count: timing.intervalCount)
        }
        let elements = try reader.sequence()
        do {
            try timing.checkIntervalCount(elements.count)
        } catch let error as ModelError {
            throw reader.error(error.message)
        }
        return try elements.map(value)
    }
}
