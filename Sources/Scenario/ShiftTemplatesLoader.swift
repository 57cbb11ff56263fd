import ContactCenter
import Foundation
import Yams

/// Reads a shift-templates file for `ccsim roster`, with located errors:
///
/// ```yaml
/// templates:
///   - id: day
///     starts: {from: "07:00", to: "13:00", every: 30m}   # or a list: ["07:00", "09:30"]
///     length: 8h30m
///     briefing: {before: 10m, after: 5m}
///     breaks: [{length: 15m, window: [1h30m, 2h30m]}]
///     meal: {length: 30m, window: [3h30m, 5h]}
///     cost: 8.5            # per shift
///     min: 0               # optional
///     max: 60              # optional
///     groups: [generalists, seniors]
///     day_types: [weekday]   # optional, for a roster over weeks: the day types it is worked on
/// contracts: [...]           # optional: a roster over weeks (see ContractsParser)
/// ```
public enum ShiftTemplatesLoader {
    static let keys = ["id", "starts", "length", "briefing", "breaks", "meal", "cost", "min", "max", "groups", "day_types"]

    /// The templates in the file at `path`, with groups resolved against `model`.
    public static func load(path: String, model: CenterModel) throws -> [ShiftTemplate] {
        try loadPlan(path: path, model: model).templates
    }

    /// The templates and, for a roster over weeks, the contracts (``ContractsParser``)
    /// in the file at `path`.
    public static func loadPlan(path: String, model: CenterModel) throws -> (templates: [ShiftTemplate], contracts: [Contract]) {
        guard let node = try YAMLInput.document(YAMLInput.text(path: path), fileName: path) else {
            throw ScenarioError(file: path, message: "the file is empty; it needs `templates`")
        }
        let root = try NodeReader(node: node, path: .root, file: path).mapping(keys: ["templates", "contracts"])
        let templates = try templates(root, model: model)
        let templatesReader = try root.required("templates")
        try RosterLimits.checkStarts(templates, in: templatesReader)
        let contracts = try root.optional("contracts").map { try ContractsParser(model: model, templates: templates).contracts($0) } ?? []
        return (templates, contracts)
    }

    private static func templates(_ root: MappingReader, model: CenterModel) throws -> [ShiftTemplate] {
        let groupIds = model.agentGroups.map(\.id)
        let dayTypeIds = model.dayTypes.map(\.id)
        return try root.required("templates").nonEmptySequence(of: "template").map { element in
            let entry = try element.mapping(keys: keys)
            let pauses = try RosterParser.breaks(entry)
            let (before, after) = try RosterParser.briefing(entry)
            let template = ShiftTemplate(
                id: try entry.required("id").text(),
                starts: try starts(entry.required("starts")).map(model.timing.time(ofClock:)),
                length: try entry.required("length").duration(.positive), briefingBefore: before, briefingAfter: after,
                breaks: pauses, cost: try cost(entry.required("cost")),
                minimum: try entry.optional("min").map(agentCount) ?? 0,
                maximum: try entry.optional("max").map(agentCount),
                groups: try entry.required("groups").nonEmptySequence(of: "agent group").map {
                    try $0.index(among: groupIds, what: "agent group")
                },
                dayTypes: try entry.optional("day_types")?.nonEmptySequence(of: "day type").map {
                    try $0.index(among: dayTypeIds, what: "day type")
                })
            if let most = template.maximum, template.minimum > most {
                throw try entry.required("min").error("is more than `max` (\(most)): a template's min is at most its max")
            }
            do {
                // The breaks must fit wherever they fall in their windows.
                try template.shift(id: template.id, start: 0, breakStarts: pauses.map(\.earliestStart)).validate()
                try template.shift(id: template.id, start: 0, breakStarts: pauses.map(\.latestStart)).validate()
            } catch let error as ModelError {
                throw element.error(error.message)
            }
            return template
        }
    }

    /// A shift's cost: a number from 0 to ``RosterLimits/cost``.
    private static func cost(_ reader: NodeReader) throws -> Double {
        let cost = try reader.number(.nonNegative)
        guard cost <= RosterLimits.cost else {
            throw reader.error("\(cost) is beyond \(Int(RosterLimits.cost)), the largest cost a roster is solved with: "
                + "give costs in a larger unit (per shift, or per hour)")
        }
        return cost
    }

    /// A number of agents: a whole number from 0 to ``RosterLimits/agents``.
    static func agentCount(_ reader: NodeReader) throws -> Int {
        let count = try reader.integer(.nonNegative)
        guard count <= RosterLimits.agents else {
            throw reader.error("\(count) agents is beyond the \(RosterLimits.agents) a roster is planned for")
        }
        return count
    }

    /// `["07:00", "09:30"]` or `{from: "07:00", to: "13:00", every: 30m}`: clock times.
    private static func starts(_ reader: NodeReader) throws -> [Double] {
        if case .sequence = reader.node {
            let list = try reader.nonEmptySequence(of: "start time")
            guard list.count <= RosterLimits.startsPerTemplate else {
                throw reader.error("lists \(list.count) start times; a template may have at most \(RosterLimits.startsPerTemplate)")
            }
            return try list.map { try $0.duration(.nonNegative) }
        }
        let range = try reader.mapping(keys: ["from", "to", "every"])
        let from = try range.required("from").duration(.nonNegative)
        let toReader = try range.required("to")
        let to = try toReader.duration(.nonNegative)
        guard to >= from else { throw toReader.error("comes before `from`") }
        let everyReader = try range.required("every")
        let every = try everyReader.duration(.positive)
        let count = Int(((to - from) / every).rounded(.down)) + 1
        guard count <= RosterLimits.startsPerTemplate else {
            throw everyReader.error("gives \(count) start times, \(count - RosterLimits.startsPerTemplate) more than the "
                + "\(RosterLimits.startsPerTemplate) a template may have: starts further apart (every: 15m or more)")
        }
        return Array(stride(from: from, through: to + 1e-9, by: every))
    }
}
