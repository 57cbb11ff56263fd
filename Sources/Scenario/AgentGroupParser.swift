import ContactCenter

/// Reads an agent group's entry of `agent_groups`: skills, priorities, and its staffing
/// per interval (`agents`) or per roster shift (`shifts`).
struct AgentGroupParser {
    static let keys = ["id", "skills", "agents", "shifts", "priorities", "handle_time_factor", "chat_concurrency", "chat_slowdown"]

    let timing: Timing
    let callTypeIds: [String]

    func agentGroup(_ element: NodeReader, shifts: [Shift]?) throws -> AgentGroup {
        let entry = try element.mapping(keys: Self.keys)
        var group = try staffedGroup(entry, shifts: shifts)
        group.chatConcurrency = try entry.optional("chat_concurrency")?.integer(.positive) ?? 1
        group.chatSlowdown = try entry.optional("chat_slowdown")?.number(.nonNegative) ?? 0
        if let factors = entry.optional("handle_time_factor") {
            let mapping = try factors.mapping(keys: callTypeIds)
            for (k, id) in callTypeIds.enumerated() {
                if let factor = mapping.optional(id) { group.handleTimeFactors[k] = try factor.number(.positive) }
            }
        }
        return group
    }

    /// The group's id, skills, priorities and staffing.
    private func staffedGroup(_ entry: MappingReader, shifts: [Shift]?) throws -> AgentGroup {
        let id = try entry.required("id").text()
        let skills = try entry.required("skills").nonEmptySequence(of: "call type").map {
            try $0.index(among: callTypeIds, what: "call type")
        }
        let priorities = try entry.optional("priorities").map(self.priorities) ?? [:]
        if let shiftsReader = entry.optional("shifts") {
            if let agents = entry.optional("agents") {
                throw agents.error("a group is staffed either per interval (`agents`) or by the roster (`shifts`), not both")
            }
            guard let shifts else { throw shiftsReader.error("staffing by shifts needs a `roster` section") }
            return AgentGroup(id: id, skills: skills, staffing: [], priorities: priorities,
                              shifts: try shiftCounts(shiftsReader, shifts: shifts))
        }
        guard let agentsReader = entry.optional("agents") else {
            throw entry.error("missing required key `agents` (agents per interval) or `shifts` (agents per roster shift)")
        }
        let staffing = try ScenarioParser.perInterval(agentsReader, timing: timing) { try $0.integer(.nonNegative) }
        return AgentGroup(id: id, skills: skills, staffing: staffing, priorities: priorities)
    }

    /// `shifts: {early: 20, late: 12}`: agents per roster shift (0 for shifts not named).
    private func shiftCounts(_ reader: NodeReader, shifts: [Shift]) throws -> [Int] {
        let entry = try reader.mapping()
        try entry.checkKeys(shifts.map(\.id))
        return try shifts.map { try entry.optional($0.id)?.integer(.nonNegative) ?? 0 }
    }

    /// `priorities: {complaint: 2, inquiry: 0}`: the group's own priorities by call type id.
    private func priorities(_ reader: NodeReader) throws -> [Int: Int] {
        let entry = try reader.mapping()
        var priorities: [Int: Int] = [:]
        for (keyNode, _) in entry.mapping {
            let keyReader = NodeReader(node: keyNode, path: reader.path, file: reader.file)
            let k = try keyReader.index(among: callTypeIds, what: "call type")
            priorities[k] = try entry.required(callTypeIds[k]).integer(.nonNegative)
        }
        return priorities
    }
}
