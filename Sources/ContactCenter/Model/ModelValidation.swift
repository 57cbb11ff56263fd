/// A place in a model, named as in a scenario file: `call_types[2].overflow[0].after`.
/// The scenario loader turns it into a line and column of the file.
public struct ModelPath: Sendable, Equatable, CustomStringConvertible, ExpressibleByArrayLiteral {
    /// A key of a mapping, or the position in a list.
    public enum Component: Sendable, Equatable, ExpressibleByStringLiteral {
        case key(String)
        case index(Int)

        public init(stringLiteral value: String) { self = .key(value) }
    }

    public var components: [Component]

    public init(_ components: [Component]) { self.components = components }
    public init(arrayLiteral elements: Component...) { components = elements }

    /// This path followed by `more`.
    public func appending(_ more: Component...) -> ModelPath { ModelPath(components + more) }

    public var description: String {
        components.reduce(into: "") { text, component in
            switch component {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index): text += "[\(index)]"
            }
        }
    }
}

/// A model that cannot be simulated: what is wrong, and where.
public struct ModelError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What is wrong.
    public var message: String
    /// Where (empty: the model as a whole).
    public var path: ModelPath
    /// Another place the problem involves, such as the first use of a duplicated id.
    public var relatedPath: ModelPath?

    public init(_ message: String, at path: ModelPath = [], related relatedPath: ModelPath? = nil) {
        self.message = message
        self.path = path
        self.relatedPath = relatedPath
    }

    /// `path: message`.
    public var description: String { path.components.isEmpty ? message : "\(path): \(message)" }
}

extension CenterModel {
    /// Checks everything the simulation relies on, and every rule that ties one part of
    /// a centre to another. This is the only place these rules are written: the
    /// scenario loader reads values and references, then calls this and places its
    /// errors in the file.
    /// - Throws: ``ModelError`` at the first problem, with its place in the model.
    public func validate() throws {
        try timing.validate()
        try validateResources()
        guard !callTypes.isEmpty else { throw ModelError("a centre needs at least one call type", at: ["call_types"]) }
        guard !agentGroups.isEmpty else { throw ModelError("a centre needs at least one agent group", at: ["agent_groups"]) }
        guard callTypes.count <= ModelLimits.callTypes else {
            throw ModelError("at most \(ModelLimits.callTypes) call types, got \(callTypes.count)", at: ["call_types"])
        }
        guard agentGroups.count <= ModelLimits.agentGroups else {
            throw ModelError("at most \(ModelLimits.agentGroups) agent groups, got \(agentGroups.count)", at: ["agent_groups"])
        }
        try checkUniqueIds(callTypes.map(\.id), at: ["call_types"])
        try checkUniqueIds(agentGroups.map(\.id), at: ["agent_groups"])
        try validateCalendar()
        for k in callTypes.indices { try validateCallType(k) }
        try roster?.validate()
        for g in agentGroups.indices { try validateAgentGroup(g) }
        try validateEveryCallTypeIsServed()
        try validateFollowUps()
        try validateWork()
    }

    /// One replication can run on this machine: its expected calls and memory are within
    /// ``ModelLimits``.
    private func validateWork() throws {
        let estimate = WorkEstimate(model: self)
        guard estimate.expectedCalls <= ModelLimits.callsPerReplication else {
            throw ModelError("about \(WorkEstimate.describe(count: estimate.expectedCalls)) calls would arrive in one "
                + "replication; at most \(Int(ModelLimits.callsPerReplication)) can be simulated (some minutes per replication): "
                + "check the volumes or shorten the horizon", at: ["call_types"])
        }
        guard estimate.bytesPerReplication <= ModelLimits.bytesPerReplication else {
            throw ModelError("one replication would take about \(WorkEstimate.describe(bytes: estimate.bytesPerReplication)) "
                + "of memory (\(timing.intervalCount) intervals × \(callTypes.count) call types); at most "
                + "\(WorkEstimate.describe(bytes: ModelLimits.bytesPerReplication)): use a longer interval or fewer call types",
                             at: ["interval"])
        }
    }

    private func validateResources() throws {
        let most = ModelLimits.resourceCount
        if let trunks, !(1...most).contains(trunks) { throw ModelError("must be from 1 to \(most)", at: ["trunks"]) }
        if let seats, seats > most { throw ModelError("must be at most \(most)", at: ["seats"]) }
        if let ivr {
            guard (1...most).contains(ivr.ports) else { throw ModelError("the IVR needs 1 to \(most) ports", at: ["ivr", "ports"]) }
            guard ivr.announcement >= 0, ivr.announcement.isFinite else {
                throw ModelError("must be a non-negative duration", at: ["ivr", "announcement"])
            }
        }
        if let seats {
            guard seats >= 1 else { throw ModelError("must be at least 1", at: ["seats"]) }
            guard agentSeats >= 1 else {
                throw ModelError("\(seats) seats leave none for agents once the IVR's \(ivr?.ports ?? 0) ports "
                    + "(counts_against_seats: true) have theirs", at: ["seats"])
            }
        }
        if let cv = busynessCV, !(cv >= 0 && cv.isFinite) {
            throw ModelError("must be a non-negative number", at: ["busyness", "cv"])
        }
    }

    /// Ids are unique within their list.
    func checkUniqueIds(_ ids: [String], at list: ModelPath) throws {
        var first: [String: Int] = [:]
        for (i, id) in ids.enumerated() {
            if let earlier = first[id] {
                throw ModelError("duplicate id `\(id)`", at: list.appending(.index(i), "id"),
                                 related: list.appending(.index(earlier), "id"))
            }
            first[id] = i
        }
    }

    /// A per-interval list has one value per interval.
    private func checkPerInterval(_ count: Int, at path: ModelPath) throws {
        do {
            try timing.checkIntervalCount(count)
        } catch let error as ModelError {
            throw ModelError(error.message, at: path)
        }
    }

    private func validateCallType(_ k: Int) throws {
        let type = callTypes[k]
        let here: ModelPath = ["call_types", .index(k)]
        try checkPerInterval(type.arrivalRates.count, at: here.appending("arrivals"))
        guard type.arrivalRates.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
            throw ModelError("arrival rates must be non-negative numbers", at: here.appending("arrivals"))
        }
        if let selfService = type.selfService {
            guard ivr != nil else {
                throw ModelError("self-service needs an IVR: add an `ivr` section", at: here.appending("self_service"))
            }
            guard type.channel.isVoice else {
                throw ModelError("self-service is for voice calls (they pass the IVR), not `\(type.channel.rawValue)`",
                                 at: here.appending("self_service"))
            }
            guard (0...1).contains(selfService.fraction) else {
                throw ModelError("must be a fraction between 0 and 1", at: here.appending("self_service", "fraction"))
            }
        }
        if let redial = type.redial {
            guard (0...1).contains(redial.probability) else {
                throw ModelError("must be a fraction between 0 and 1", at: here.appending("redial", "probability"))
            }
            if let attempts = redial.maxAttempts, !(1..<Int(UInt16.max)).contains(attempts) {
                throw ModelError("must be from 1 to 65534, got \(attempts)", at: here.appending("redial", "max_attempts"))
            }
        }
        try validateOverflow(of: k)
        try validateTransfers(of: k)
        try validateCalendar(ofCallType: k)
        do {
            try type.callback?.validate()
        } catch let error as ModelError {
            throw ModelError(error.message, at: here.appending("callback"))
        }
    }

    /// Overflow steps come in order of their delays and name groups without the skill,
    /// each once.
    private func validateOverflow(of k: Int) throws {
        let steps = callTypes[k].overflow
        let here: ModelPath = ["call_types", .index(k), "overflow"]
        guard steps.count < Int(UInt8.max) else { throw ModelError("at most 254 overflow steps", at: here) }
        var previous = 0.0
        for (s, step) in steps.enumerated() {
            guard step.delay >= previous, step.delay.isFinite else {
                throw ModelError("overflow steps must come in order of their delays (this one, \(Timing.format(step.delay)), "
                    + "follows \(Timing.format(previous)))", at: here.appending(.index(s), "after"))
            }
            previous = step.delay
            guard !step.groups.isEmpty else { throw ModelError("names no agent group", at: here.appending(.index(s), "groups")) }
            for (j, g) in step.groups.enumerated() {
                let place = here.appending(.index(s), "groups", .index(j))
                guard agentGroups.indices.contains(g) else { throw ModelError("names no agent group of the centre", at: place) }
                guard !agentGroups[g].skills.contains(k) else {
                    throw ModelError("agent group `\(agentGroups[g].id)` already has this call type in its skills, "
                        + "so it answers from the start; overflow lists groups without the skill", at: place)
                }
                guard !step.groups[..<j].contains(g) else {
                    throw ModelError("agent group `\(agentGroups[g].id)` is listed twice", at: place)
                }
            }
        }
    }

    /// Transfers go to other call types, with fractions adding up to at most 1.
    private func validateTransfers(of k: Int) throws {
        var total = 0.0
        for (i, transfer) in callTypes[k].transfers.enumerated() {
            let here: ModelPath = ["call_types", .index(k), "transfers", .index(i)]
            guard callTypes.indices.contains(transfer.to) else { throw ModelError("names no call type", at: here.appending("to")) }
            guard transfer.to != k else { throw ModelError("a call type cannot transfer to itself", at: here.appending("to")) }
            guard (0...1).contains(transfer.fraction) else {
                throw ModelError("must be a fraction between 0 and 1", at: here.appending("fraction"))
            }
            total += transfer.fraction
            guard total <= 1 + 1e-12 else {
                throw ModelError("the transfer fractions of a call type add up to more than 1", at: here.appending("fraction"))
            }
        }
    }

    private func validateAgentGroup(_ g: Int) throws {
        let group = agentGroups[g]
        let here: ModelPath = ["agent_groups", .index(g)]
        for (j, k) in group.skills.enumerated() {
            guard callTypes.indices.contains(k) else { throw ModelError("names no call type", at: here.appending("skills", .index(j))) }
            guard !group.skills[..<j].contains(k) else {
                throw ModelError("call type `\(callTypes[k].id)` is listed twice", at: here.appending("skills", .index(j)))
            }
        }
        guard group.priorities.keys.allSatisfy(callTypes.indices.contains) else {
            throw ModelError("names no call type", at: here.appending("priorities"))
        }
        try validateChat(of: g)
        for (k, factor) in group.handleTimeFactors {
            guard callTypes.indices.contains(k) else { throw ModelError("names no call type", at: here.appending("handle_time_factor")) }
            guard factor > 0, factor <= ModelLimits.handleTimeFactor else {
                throw ModelError("must be a positive factor up to \(Int(ModelLimits.handleTimeFactor)), got \(factor)",
                                 at: here.appending("handle_time_factor", .key(callTypes[k].id)))
            }
        }
        if group.shifts.isEmpty {
            try checkPerInterval(group.staffing.count, at: here.appending("agents"))
            guard group.staffing.allSatisfy({ $0 >= 0 }) else {
                throw ModelError("must be non-negative whole numbers", at: here.appending("agents"))
            }
            guard group.staffing.allSatisfy({ $0 <= ModelLimits.agentsPerGroup }) else {
                throw ModelError("at most \(ModelLimits.agentsPerGroup) agents per group", at: here.appending("agents"))
            }
        } else {
            guard let roster else { throw ModelError("staffing by shifts needs a `roster` section", at: here.appending("shifts")) }
            guard group.shifts.count == roster.shifts.count, group.shifts.allSatisfy({ $0 >= 0 }) else {
                throw ModelError("needs a non-negative number of agents for each shift of the roster", at: here.appending("shifts"))
            }
            guard group.shifts.reduce(0, { $0 + min($1, ModelLimits.agentsPerGroup) }) <= ModelLimits.agentsPerGroup else {
                throw ModelError("at most \(ModelLimits.agentsPerGroup) agents per group", at: here.appending("shifts"))
            }
        }
    }

    /// A group taking several chats at once takes only chats, by skill and by overflow.
    private func validateChat(of g: Int) throws {
        let group = agentGroups[g]
        let here: ModelPath = ["agent_groups", .index(g)]
        guard (1...ModelLimits.chatConcurrency).contains(group.chatConcurrency) else {
            throw ModelError("must be from 1 to \(ModelLimits.chatConcurrency)", at: here.appending("chat_concurrency"))
        }
        guard group.chatSlowdown >= 0, group.chatSlowdown <= ModelLimits.handleTimeFactor else {
            throw ModelError("must be from 0 to \(Int(ModelLimits.handleTimeFactor))", at: here.appending("chat_slowdown"))
        }
        guard group.chatConcurrency > 1 else { return }
        let mostAgents = max(group.staffing.max() ?? 0, group.shifts.reduce(0) { $0 + min($1, ModelLimits.agentsPerGroup) })
        guard mostAgents <= ModelLimits.agentsPerGroup / group.chatConcurrency else {
            throw ModelError("\(mostAgents) agents taking \(group.chatConcurrency) chats each are \(mostAgents * group.chatConcurrency) "
                + "chat slots; at most \(ModelLimits.agentsPerGroup) per group", at: here.appending("chat_concurrency"))
        }
        let served = group.skills + callTypes.indices.filter { k in callTypes[k].overflow.contains { $0.groups.contains(g) } }
        if let k = served.first(where: { callTypes[$0].channel != .chat }) {
            throw ModelError("a group taking \(group.chatConcurrency) chats at once answers only chats, but call type "
                + "`\(callTypes[k].id)` is \(callTypes[k].channel.rawValue)", at: here.appending("chat_concurrency"))
        }
    }

    /// Some group answers every call type, by skill or by overflow.
    private func validateEveryCallTypeIsServed() throws {
        let served = Set(agentGroups.flatMap(\.skills))
        if let k = callTypes.indices.first(where: { !served.contains($0) && callTypes[$0].overflow.isEmpty }) {
            throw ModelError("no agent group has call type `\(callTypes[k].id)` in its skills, "
                + "so its calls would never be answered", at: ["call_types", .index(k)])
        }
    }
}
