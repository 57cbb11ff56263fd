import ContactCenter

/// Builds a ``Scenario`` from the root node of a scenario document, checking every value
/// and cross-reference (skills, per-interval list lengths, ids, coverage of call types).
struct ScenarioParser {
    private static let documentKeys = ["name", "seed", "replications", "warmup", "horizon", "interval", "clock_start",
                                       "trunks", "busyness", "ivr", "seats", "routing", "roster", "call_types", "agent_groups",
                                       "follow_ups"]
    private static let followUpKeys = ["id", "call_type", "fraction", "duration", "deadline", "groups", "reserve", "target"]
    private static let callTypeKeys = ["id", "channel", "arrivals", "handle_time", "after_call_work", "patience",
                                       "service_level", "targets", "self_service", "priority", "overflow", "redial",
                                       "transfers"]
    private static let transferKeys = ["to", "fraction"]
    private static let redialKeys = ["probability", "delay", "max_attempts"]
    private static let overflowKeys = ["after", "groups"]
    private static let ivrKeys = ["ports", "when_full", "announcement", "menu", "counts_against_seats"]
    private static let selfServiceKeys = ["fraction", "time"]
    private static let serviceLevelKeys = ["seconds", "target"]
    private static let targetKeys = ["abandon_fraction", "asa", "answer_rate"]
    private static let agentGroupKeys = ["id", "skills", "agents", "shifts", "priorities"]
    private static let rosterKeys = ["absence", "other_off_phone", "shifts"]
    private static let shiftKeys = ["id", "start", "length", "briefing", "breaks", "meal"]
    private static let breakKeys = ["length", "at", "window"]

    /// Defaults of the optional keys.
    private static let defaultSeed: UInt64 = 1
    private static let defaultReplications = 10
    private static let defaultInterval = 1800.0
    private static let defaultServiceLevel = ServiceLevelTarget(seconds: 20)

    /// The model's name when the document has no `name`.
    let defaultName: String

    /// The scenario the document at `root` describes.
    func scenario(from root: NodeReader) throws -> Scenario {
        let document = try root.mapping(keys: Self.documentKeys)
        let name = try document.optional("name")?.text() ?? defaultName
        let seed = try document.optional("seed")?.unsignedInteger() ?? Self.defaultSeed
        let replications = try document.optional("replications")?.integer(.positive) ?? Self.defaultReplications
        let timing = try self.timing(document)
        let trunks = try document.optional("trunks")?.integer(.positive)
        let busyness = try document.optional("busyness").map(self.busyness)
        let ivr = try document.optional("ivr").map(self.ivr)
        let seats = try document.optional("seats")?.integer(.positive)
        if let seats, let ivr, ivr.countsAgainstSeats, ivr.ports >= seats, let reader = document.optional("seats") {
            throw reader.error("\(seats) seats leave none for agents once the IVR's \(ivr.ports) ports "
                + "(counts_against_seats: true) have theirs")
        }

        let callTypeEntries = try document.required("call_types").nonEmptySequence(of: "call type")
        var callTypeIds = IdRegistry()
        var callTypes = try callTypeEntries.map {
            try callType($0, timing: timing, hasIVR: ivr != nil, ids: &callTypeIds)
        }

        let roster = try document.optional("roster").map { try self.roster($0, timing: timing) }
        let groupEntries = try document.required("agent_groups").nonEmptySequence(of: "agent group")
        var groupIds = IdRegistry()
        let groups = try groupEntries.map {
            try agentGroup($0, callTypeIds: callTypes.map(\.id), timing: timing, shifts: roster?.shifts, ids: &groupIds)
        }
        for (k, entry) in callTypeEntries.enumerated() {
            callTypes[k].overflow = try overflow(of: entry, callType: k, groups: groups)
            callTypes[k].transfers = try transfers(of: entry, callType: k, callTypeIds: callTypes.map(\.id))
        }
        try checkEveryCallTypeIsServed(callTypes, by: groups, entries: callTypeEntries)
        let selection = try document.optional("routing").map(agentSelection) ?? .longestIdle
        let followUps = try document.optional("follow_ups").map {
            try self.followUps($0, callTypeIds: callTypes.map(\.id), groupIds: groups.map(\.id))
        } ?? []

        let model = CenterModel(name: name, timing: timing, trunks: trunks,
                                callTypes: callTypes, agentGroups: groups, busynessCV: busyness,
                                ivr: ivr, seats: seats, agentSelection: selection, roster: roster,
                                followUps: followUps)
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

    /// `self_service: {fraction: 0.3, time: {distribution: …}}` of a call type.
    private func selfService(_ reader: NodeReader, hasIVR: Bool, channel: Channel) throws -> SelfService {
        guard hasIVR else { throw reader.error("self-service needs an `ivr` section at the top of the scenario") }
        guard channel.isVoice else { throw reader.error("self-service is for voice calls (they pass the IVR), not `\(channel.rawValue)`") }
        let entry = try reader.mapping(keys: Self.selfServiceKeys)
        return SelfService(fraction: try entry.required("fraction").fraction(),
                           duration: try DistributionParser.distribution(from: entry.required("time")))
    }

    /// `routing: {agent_selection: longest_idle | group_order}`.
    private func agentSelection(_ reader: NodeReader) throws -> AgentSelection {
        let entry = try reader.mapping(keys: ["agent_selection"])
        guard let choice = entry.optional("agent_selection") else { return .longestIdle }
        return AgentSelection(rawValue: try choice.choice(["longest_idle", "group_order"])) ?? .longestIdle
    }

    /// `redial: {probability: 0.6, delay: {distribution: …}, max_attempts: 3}` of a call type.
    private func redial(_ reader: NodeReader) throws -> Redial {
        let entry = try reader.mapping(keys: Self.redialKeys)
        var maxAttempts: Int?
        if let attemptsReader = entry.optional("max_attempts") {
            let attempts = try attemptsReader.integer(.positive)
            guard attempts < Int(UInt16.max) else { throw attemptsReader.error("must be below 65535, got \(attempts)") }
            maxAttempts = attempts
        }
        return Redial(probability: try entry.required("probability").fraction(),
                      delay: try DistributionParser.distribution(from: entry.required("delay")),
                      maxAttempts: maxAttempts)
    }

    // MARK: Timing

    private func timing(_ document: MappingReader) throws -> Timing {
        let horizon = try document.required("horizon").duration(.positive)
        var warmup = 0.0
        if let warmupReader = document.optional("warmup") {
            warmup = try warmupReader.duration(.nonNegative)
            guard warmup < horizon else {
                throw warmupReader.error("must be shorter than the horizon (\(DurationParser.format(horizon))), "
                    + "got \(warmupReader.shown)")
            }
        }
        let interval = try document.optional("interval")?.duration(.positive) ?? Self.defaultInterval
        var clockStart = 0.0
        if let reader = document.optional("clock_start") {
            clockStart = try reader.duration(.nonNegative)
            guard clockStart < 86_400 else { throw reader.error("must be a time of day, \"00:00\" to \"23:59\", got \(reader.shown)") }
        }
        return Timing(warmup: warmup, horizon: horizon, intervalLength: interval, clockStart: clockStart)
    }

    /// One value per planning interval: a single value for all of them, or a list of exactly
    /// `timing.intervalCount` values.
    static func perInterval<Value>(_ reader: NodeReader, timing: Timing,
                                    value: (NodeReader) throws -> Value) throws -> [Value] {
        guard case .sequence = reader.node else {
            return Array(repeating: try value(reader), count: timing.intervalCount)
        }
        let elements = try reader.sequence()
        guard elements.count == timing.intervalCount else {
            throw reader.error("has \(Self.counted(elements.count, "value")) but the scenario has "
                + "\(Self.counted(timing.intervalCount, "interval")) (horizon \(DurationParser.format(timing.horizon)) "
                + "/ interval \(DurationParser.format(timing.intervalLength)))")
        }
        return try elements.map(value)
    }

    // MARK: Call types

    private func callType(_ element: NodeReader, timing: Timing, hasIVR: Bool,
                          ids: inout IdRegistry) throws -> CallType {
        let entry = try element.mapping(keys: Self.callTypeKeys)
        let id = try ids.register(entry.required("id"))
        let channel = try entry.optional("channel").map(channel) ?? .voice
        return CallType(
            id: id,
            arrivalRates: try ArrivalsParser(timing: timing).rates(entry.required("arrivals")),
            handleTime: try DistributionParser.distribution(from: entry.required("handle_time")),
            afterCallWork: try entry.optional("after_call_work").map(DistributionParser.distribution(from:)),
            patience: try entry.optional("patience").map(DistributionParser.distribution(from:)),
            serviceLevel: try entry.optional("service_level").map(serviceLevel) ?? Self.defaultServiceLevel,
            selfService: try entry.optional("self_service").map { try selfService($0, hasIVR: hasIVR, channel: channel) },
            priority: try entry.optional("priority")?.integer(.nonNegative) ?? 0,
            redial: try entry.optional("redial").map(redial),
            targets: try entry.optional("targets").map(targets) ?? ServiceTargets(),
            channel: channel)
    }

    /// `channel: voice` (the default), `email`, `sms`, `fax`, `web` or `chat`.
    private func channel(_ reader: NodeReader) throws -> Channel {
        let name = try reader.text()
        guard let channel = Channel(rawValue: name) else {
            throw reader.error("unknown channel `\(name)` (expected one of "
                + Channel.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ") + ")")
        }
        return channel
    }

    /// `targets: {abandon_fraction: 0.05, asa: 30s, answer_rate: 0.95}`: bounds besides
    /// the service level (at most, at most, at least).
    private func targets(_ reader: NodeReader) throws -> ServiceTargets {
        let entry = try reader.mapping(keys: Self.targetKeys)
        return ServiceTargets(abandonFraction: try entry.optional("abandon_fraction")?.fraction(),
                              asa: try entry.optional("asa")?.duration(.nonNegative),
                              answerRate: try entry.optional("answer_rate")?.fraction())
    }

    private func serviceLevel(_ reader: NodeReader) throws -> ServiceLevelTarget {
        let entry = try reader.mapping(keys: Self.serviceLevelKeys)
        return ServiceLevelTarget(seconds: try entry.required("seconds").duration(.nonNegative),
                                  target: try entry.optional("target")?.fraction())
    }

    /// `overflow: [{after: 30s, groups: [seniors]}, …]` of call type `k`: groups that
    /// may answer its calls once they have waited `after`, with delays in order.
    private func overflow(of element: NodeReader, callType k: Int, groups: [AgentGroup]) throws -> [OverflowStep] {
        guard let list = try element.mapping().optional("overflow") else { return [] }
        var previous = 0.0
        return try list.nonEmptySequence(of: "overflow step").map { stepReader in
            let step = try stepReader.mapping(keys: Self.overflowKeys)
            let afterReader = try step.required("after")
            let delay = try afterReader.duration(.nonNegative)
            guard delay >= previous else {
                throw afterReader.error("overflow steps must come in order of their delays "
                    + "(this one, \(DurationParser.format(delay)), follows \(DurationParser.format(previous)))")
            }
            previous = delay
            let indices = try self.groupList(step.required("groups"), groups: groups, callType: k)
            return OverflowStep(delay: delay, groups: indices)
        }
    }

    /// `transfers: [{to: billing, fraction: 0.1}, …]` of call type `k`.
    private func transfers(of element: NodeReader, callType k: Int, callTypeIds: [String]) throws -> [Transfer] {
        guard let list = try element.mapping().optional("transfers") else { return [] }
        var total = 0.0
        return try list.nonEmptySequence(of: "transfer").map { reader in
            let entry = try reader.mapping(keys: Self.transferKeys)
            let toReader = try entry.required("to")
            let id = try toReader.text()
            guard let to = callTypeIds.firstIndex(of: id) else {
                throw toReader.error("unknown call type `\(id)` (\(Suggestion.hint(for: id, among: callTypeIds)))")
            }
            guard to != k else { throw toReader.error("a call type cannot transfer to itself") }
            let fractionReader = try entry.required("fraction")
            let fraction = try fractionReader.fraction()
            total += fraction
            guard total <= 1 + 1e-12 else {
                throw fractionReader.error("the transfer fractions of a call type add up to more than 1")
            }
            return Transfer(to: to, fraction: fraction)
        }
    }

    /// The indices of the agent groups a list names, none of them with the skill of `k`.
    private func groupList(_ reader: NodeReader, groups: [AgentGroup], callType k: Int) throws -> [Int] {
        let ids = groups.map(\.id)
        var indices: [Int] = []
        for element in try reader.nonEmptySequence(of: "agent group") {
            let id = try element.text()
            guard let g = ids.firstIndex(of: id) else {
                throw element.error("unknown agent group `\(id)` (\(Suggestion.hint(for: id, among: ids)))")
            }
            guard !groups[g].skills.contains(k) else {
                throw element.error("agent group `\(id)` already has this call type in its skills, "
                    + "so it answers from the start; overflow lists groups without the skill")
            }
            guard !indices.contains(g) else { throw element.error("agent group `\(id)` is listed twice") }
            indices.append(g)
        }
        return indices
    }

    // MARK: Agent groups

    private func agentGroup(_ element: NodeReader, callTypeIds: [String], timing: Timing, shifts: [Shift]?,
                            ids: inout IdRegistry) throws -> AgentGroup {
        let entry = try element.mapping(keys: Self.agentGroupKeys)
        let id = try ids.register(entry.required("id"))
        let skills = try self.skills(entry.required("skills"), callTypeIds: callTypeIds)
        let priorities = try entry.optional("priorities").map { try self.priorities($0, callTypeIds: callTypeIds) }
        if let shiftsReader = entry.optional("shifts") {
            if let agents = entry.optional("agents") {
                throw agents.error("a group is staffed either per interval (`agents`) or by the roster (`shifts`), not both")
            }
            guard let shifts else { throw shiftsReader.error("staffing by shifts needs a `roster` section") }
            return AgentGroup(id: id, skills: skills, staffing: [], priorities: priorities ?? [:],
                              shifts: try shiftCounts(shiftsReader, shifts: shifts))
        }
        guard let agentsReader = entry.optional("agents") else {
            throw entry.error("missing required key `agents` (agents per interval) or `shifts` (agents per roster shift)")
        }
        let staffing = try Self.perInterval(agentsReader, timing: timing) { try $0.integer(.nonNegative) }
        return AgentGroup(id: id, skills: skills, staffing: staffing, priorities: priorities ?? [:])
    }

    /// `shifts: {early: 20, late: 12}`: agents per roster shift (0 for shifts not named).
    private func shiftCounts(_ reader: NodeReader, shifts: [Shift]) throws -> [Int] {
        let entry = try reader.mapping()
        try entry.checkKeys(shifts.map(\.id))
        return try shifts.map { try entry.optional($0.id)?.integer(.nonNegative) ?? 0 }
    }

    // MARK: Follow-up work

    /// `follow_ups: [{id, call_type, fraction, duration, deadline, groups, reserve, target}]`.
    private func followUps(_ reader: NodeReader, callTypeIds: [String], groupIds: [String]) throws -> [FollowUp] {
        var ids = IdRegistry()
        var usedTypes: Set<Int> = []
        return try reader.nonEmptySequence(of: "follow-up").map { element in
            let entry = try element.mapping(keys: Self.followUpKeys)
            let id = try ids.register(entry.required("id"))
            let typeReader = try entry.required("call_type")
            let k = try index(of: typeReader, among: callTypeIds, what: "call type")
            guard usedTypes.insert(k).inserted else {
                throw typeReader.error("call type `\(callTypeIds[k])` already creates another follow-up")
            }
            let groups = try entry.required("groups").nonEmptySequence(of: "agent group").map {
                try index(of: $0, among: groupIds, what: "agent group")
            }
            return FollowUp(id: id, callType: k, fraction: try entry.required("fraction").fraction(),
                            duration: try DistributionParser.distribution(from: entry.required("duration")),
                            deadline: try entry.optional("deadline")?.duration(.positive) ?? 86_400,
                            groups: groups, reserve: try entry.optional("reserve")?.integer(.nonNegative) ?? 0,
                            target: try entry.optional("target")?.fraction())
        }
    }

    /// The index of the id at `reader` in `ids`.
    func index(of reader: NodeReader, among ids: [String], what: String) throws -> Int {
        let id = try reader.text()
        guard let index = ids.firstIndex(of: id) else {
            throw reader.error("unknown \(what) `\(id)` (\(Suggestion.hint(for: id, among: ids)))")
        }
        return index
    }

    // MARK: Roster

    /// `roster: {absence: 0.08, other_off_phone: 0.05, shifts: […]}`.
    private func roster(_ reader: NodeReader, timing: Timing) throws -> Roster {
        let entry = try reader.mapping(keys: Self.rosterKeys)
        var ids = IdRegistry()
        let shifts = try entry.required("shifts").nonEmptySequence(of: "shift").map { try shift($0, timing: timing, ids: &ids) }
        return Roster(shifts: shifts, absence: try entry.optional("absence")?.fraction() ?? 0,
                      otherOffPhone: try entry.optional("other_off_phone")?.fraction() ?? 0)
    }

    /// A shift: `{id, start: "07:00", length: 8h, briefing: {before: 10m, after: 5m},
    /// breaks: [{length: 15m, window: [1h30m, 2h30m]}], meal: {length: 30m, at: 4h}}`.
    private func shift(_ element: NodeReader, timing: Timing, ids: inout IdRegistry) throws -> Shift {
        let entry = try element.mapping(keys: Self.shiftKeys)
        let id = try ids.register(entry.required("id"))
        let length = try entry.required("length").duration(.positive)
        var before = 0.0, after = 0.0
        if let briefing = try entry.optional("briefing")?.mapping(keys: ["before", "after"]) {
            before = try briefing.optional("before")?.duration(.nonNegative) ?? 0
            after = try briefing.optional("after")?.duration(.nonNegative) ?? 0
        }
        var pauses = try entry.optional("breaks")?.sequence().map(pause) ?? []
        if let meal = entry.optional("meal") { pauses.append(try pause(meal)) }
        pauses.sort { $0.earliestStart < $1.earliestStart }
        let start = timing.time(ofClock: try entry.required("start").duration(.nonNegative))
        let shift = Shift(id: id, start: start, length: length,
                          briefingBefore: before, briefingAfter: after, breaks: pauses)
        do {
            try Roster(shifts: [shift]).validate()
        } catch let error as ModelError {
            throw element.error(error.description.replacingOccurrences(of: "shift \(id): ", with: ""))
        }
        return shift
    }

    /// A break or meal: `{length: 15m, at: 2h}` or `{length: 15m, window: [1h30m, 2h30m]}`
    /// (a window of start times, relative to the shift start).
    func pause(_ reader: NodeReader) throws -> Break {
        let entry = try reader.mapping(keys: Self.breakKeys)
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

    /// `priorities: {complaint: 2, inquiry: 0}`: the group's own priorities by call type id.
    private func priorities(_ reader: NodeReader, callTypeIds: [String]) throws -> [Int: Int] {
        let entry = try reader.mapping()
        var priorities: [Int: Int] = [:]
        for (keyNode, _) in entry.mapping {
            let id = keyNode.scalar?.string ?? ""
            guard let k = callTypeIds.firstIndex(of: id) else {
                let keyReader = NodeReader(node: keyNode, path: reader.path, file: reader.file)
                throw keyReader.error("unknown call type `\(id)` (\(Suggestion.hint(for: id, among: callTypeIds)))")
            }
            priorities[k] = try entry.required(id).integer(.nonNegative)
        }
        return priorities
    }

    /// The indices of the call types a `skills` list names, each at most once.
    private func skills(_ reader: NodeReader, callTypeIds: [String]) throws -> [Int] {
        var skills: [Int] = []
        for element in try reader.nonEmptySequence(of: "call type") {
            let id = try element.text()
            guard let index = callTypeIds.firstIndex(of: id) else {
                throw element.error("unknown call type `\(id)` (\(Suggestion.hint(for: id, among: callTypeIds)))")
            }
            guard !skills.contains(index) else { throw element.error("call type `\(id)` is listed twice") }
            skills.append(index)
        }
        return skills
    }

    private func checkEveryCallTypeIsServed(_ callTypes: [CallType], by groups: [AgentGroup],
                                            entries: [NodeReader]) throws {
        let served = Set(groups.flatMap(\.skills)).union(callTypes.indices.filter { !callTypes[$0].overflow.isEmpty })
        if let unserved = callTypes.indices.first(where: { !served.contains($0) }) {
            throw entries[unserved].error("no agent group has call type `\(callTypes[unserved].id)` "
                + "in its skills, so its calls would never be answered")
        }
    }

    /// "1 value", "48 values".
    private static func counted(_ count: Int, _ noun: String) -> String {
        count == 1 ? "1 \(noun)" : "\(count) \(noun)s"
    }
}

/// The ids met so far in a list of call types or agent groups, to reject duplicates.
private struct IdRegistry {
    private var firstUse: [String: NodeReader] = [:]

    /// The id at `reader`, failing if an earlier element already has it.
    mutating func register(_ reader: NodeReader) throws -> String {
        let id = try reader.text()
        if let first = firstUse[id] {
            let firstLine = first.node.mark.map { " (already used at line \($0.line))" } ?? ""
            throw reader.error("duplicate id `\(id)`\(firstLine)")
        }
        firstUse[id] = reader
        return id
    }
}
