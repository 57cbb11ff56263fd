import ContactCenter

/// Reads `agents.csv`, the named agents of a roster over weeks, with errors located by
/// line and column:
///
/// ```
/// id,groups,contract,unavailable,preferred_shift
/// ana,generalists,full-time,2027-03-08..2027-03-12,
/// ben,generalists specialists,full-time,2027-03-01 2027-03-15,early
/// cho,seniors,part-time,,14:00
/// ```
///
/// `groups`: the groups they may work in (separated by spaces or `;`); `unavailable`:
/// dates and ranges `first..last` (needs the scenario's `start_date`; dates outside
/// the period are ignored); `preferred_shift`: a template id or a clock start `HH:MM`
/// (optional). Columns may come in any order; `unavailable` and `preferred_shift` may
/// be left out.
public enum AgentsCSVLoader {
    static let required = ["id", "groups", "contract"]
    static let optional = ["unavailable", "preferred_shift"]
    /// Agents read at most.
    public static let maximumAgents = 100_000

    public static func load(path: String, model: CenterModel, templates: [ShiftTemplate], contracts: [Contract]) throws -> [NamedAgent] {
        let lines = try YAMLInput.text(path: path, kind: "a CSV file").split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard let header = lines.first, !header.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ScenarioError(file: path, line: 1, message: "needs a header line: id,groups,contract[,unavailable,preferred_shift]")
        }
        let names = header.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        for (i, name) in names.enumerated() where !(required + optional).contains(name) {
            throw ScenarioError(file: path, line: 1, column: column(of: i, in: header), message: "unknown column `\(name)`; the columns are "
                + (required + optional).joined(separator: ", "))
        }
        if let missing = required.first(where: { !names.contains($0) }) {
            throw ScenarioError(file: path, line: 1, message: "missing the column `\(missing)`")
        }
        let reader = RowReader(path: path, names: names, model: model, templates: templates, contracts: contracts)
        var agents: [NamedAgent] = []
        var files: [String: (id: String, line: Int)] = [:]
        for (n, line) in lines.enumerated().dropFirst() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard agents.count < maximumAgents else { throw ScenarioError(file: path, line: n + 1, message: "at most \(maximumAgents) agents") }
            let agent = try reader.agent(line, line: n + 1)
            let idColumn = column(of: names.firstIndex(of: "id")!, in: line)
            try checkFileName(agent.id, line: n + 1, among: &files) {
                ScenarioError(file: path, line: n + 1, column: idColumn, keyPath: "id", message: $0)
            }
            agents.append(agent)
        }
        guard !agents.isEmpty else { throw ScenarioError(file: path, message: "lists no agents") }
        return agents
    }

    /// Refuses an id listed before, one whose calendar file (``NamedAgent/fileName(for:)``)
    /// would be an earlier agent's on a case-insensitive file system (`Ana`, `ana`), one
    /// too long for a file name, and one starting `open/` (the open positions' names).
    /// `files`: the ids read so far (and their lines) by their calendars' names in lower case.
    static func checkFileName(_ id: String, line: Int, among files: inout [String: (id: String, line: Int)],
                              fail: (String) -> ScenarioError) throws {
        let name = NamedAgent.fileName(for: id)
        if let first = files.updateValue((id, line), forKey: NamedAgent.fileKey(for: id)) {
            throw fail(first.id == id ? "agent `\(id)` is listed twice (first on line \(first.line))"
                : "agent `\(id)` and agent `\(first.id)` (line \(first.line)) would share the calendar calendars/\(name).ics "
                    + "(characters other than letters, digits, `-`, `_` and `.` become `_`, and case does not count): "
                    + "give them ids that differ in a letter or digit")
        }
        guard name.utf8.count <= NamedAgent.longestFileName else {
            throw fail("agent id `\(id)` is too long: its calendar's file name would have \(name.utf8.count) bytes (UTF-8), "
                + "at most \(NamedAgent.longestFileName)")
        }
        guard !id.hasPrefix("open/") else { throw fail("agent id `\(id)`: ids starting `open/` name the open positions") }
    }

    /// The 1-based column at which cell `i` of `line` starts.
    static func column(of i: Int, in line: Substring) -> Int {
        line.split(separator: ",", omittingEmptySubsequences: false).prefix(i).reduce(1) { $0 + $1.count + 1 }
    }

    private struct RowReader {
        let path: String
        let names: [String]
        let model: CenterModel
        let templates: [ShiftTemplate]
        let contracts: [Contract]

        func agent(_ line: Substring, line number: Int) throws -> NamedAgent {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == names.count else {
                throw ScenarioError(file: path, line: number, message: "has \(cells.count) cells, the header \(names.count)")
            }
            func cell(_ name: String) -> (text: String, column: Int)? {
                names.firstIndex(of: name).map { (cells[$0], AgentsCSVLoader.column(of: $0, in: line)) }
            }
            func fail(_ name: String, _ message: String) -> ScenarioError {
                ScenarioError(file: path, line: number, column: cell(name)?.column, keyPath: name, message: message)
            }
            guard let id = cell("id")?.text, !id.isEmpty else { throw fail("id", "an agent needs an id") }
            let groupIds = cell("groups")!.text.split(whereSeparator: { $0 == " " || $0 == ";" }).map(String.init)
            guard !groupIds.isEmpty else { throw fail("groups", "an agent needs at least one group") }
            let groups = try groupIds.map { g in
                guard let index = model.agentGroups.firstIndex(where: { $0.id == g }) else { throw fail("groups", "no agent group `\(g)`") }
                return index
            }
            let contractId = cell("contract")!.text
            guard let contract = contracts.firstIndex(where: { $0.id == contractId }) else {
                throw fail("contract", "no contract `\(contractId)`; the contracts are " + contracts.map(\.id).joined(separator: ", "))
            }
            guard !Set(groups).isDisjoint(with: contracts[contract].groups) else {
                throw fail("groups", "none of these groups works under contract `\(contractId)`")
            }
            let (template, start) = try preference(cell("preferred_shift")?.text ?? "") { fail("preferred_shift", $0) }
            return NamedAgent(id: id, groups: groups, contract: contract,
                              unavailableDays: try unavailable(cell("unavailable")?.text ?? "") { fail("unavailable", $0) },
                              preferredTemplate: template, preferredStart: start)
        }

        /// Dates and ranges `first..last`, as days of the period.
        func unavailable(_ text: String, _ fail: (String) -> ScenarioError) throws -> Set<Int> {
            let items = text.split(whereSeparator: { $0 == " " || $0 == ";" })
            guard !items.isEmpty else { return [] }
            guard let first = model.timing.startDate else { throw fail("unavailable dates need the scenario's `start_date`") }
            var days = Set<Int>()
            for item in items {
                let ends = item.components(separatedBy: "..")
                guard ends.count <= 2, let from = CalendarDate(iso: ends[0]), let to = CalendarDate(iso: ends.last!) else {
                    throw fail("expected dates YYYY-MM-DD or ranges YYYY-MM-DD..YYYY-MM-DD, got `\(item)`")
                }
                guard from <= to else { throw fail("the range `\(item)` ends before it starts") }
                let low = max(0, from.daysSinceEpoch - first.daysSinceEpoch)
                let high = min(model.timing.clockDayCount - 1, to.daysSinceEpoch - first.daysSinceEpoch)
                if low <= high { days.formUnion(low...high) }
            }
            return days
        }

        /// A template id or a clock start `HH:MM`.
        func preference(_ text: String, _ fail: (String) -> ScenarioError) throws -> (Int?, Double?) {
            guard !text.isEmpty else { return (nil, nil) }
            if let t = templates.firstIndex(where: { $0.id == text }) { return (t, nil) }
            let parts = text.split(separator: ":")
            if parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m) {
                return (nil, Double(h * 3600 + m * 60))
            }
            throw fail("expected a template id (" + templates.map(\.id).joined(separator: ", ") + ") or a start time HH:MM, got `\(text)`")
        }
    }
}
