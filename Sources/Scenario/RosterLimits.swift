import ContactCenter

/// The largest rosters the shift-template file may ask for. Every count that sizes the
/// roster's integer program (its columns and rows) is bounded here, before the program
/// is built, so a template starting every second or a contract of a billion agents is
/// an error naming the key rather than a program that takes hours or all memory; and
/// every number handed to a solver is bounded so that it stays in the range where the
/// solvers' floating point is exact enough (CBC aborts on costs near 1e30, and gives
/// false answers near 1e24).
public enum RosterLimits {
    /// Start times of one template in a day: every 5 minutes around the clock.
    public static let startsPerTemplate = 288
    /// Start times a day over all templates and the groups that may work them (each a
    /// column per day and break position): 40 templates starting every half hour.
    public static let shiftStartsPerDay = 2_000
    /// Contracts in one file.
    public static let contracts = 100
    /// Agents a contract (or a template's `min`/`max`) may ask for.
    public static let agents = 5_000
    /// The largest cost of a shift (in the file's own unit).
    public static let cost = 1_000_000.0
}

extension RosterLimits {
    /// Fails when the templates together give more start times a day than the roster's
    /// programs are built for, naming the template that gives the most.
    static func checkStarts(_ templates: [ShiftTemplate], in file: NodeReader) throws {
        let perTemplate = templates.map { $0.starts.count * $0.groups.count }
        let total = perTemplate.reduce(0, +)
        guard total <= shiftStartsPerDay else {
            let worst = perTemplate.indices.max { perTemplate[$0] < perTemplate[$1] } ?? 0
            throw file.error("the templates give \(total) shift starts a day (starts × groups; template "
                + "`\(templates[worst].id)` gives \(perTemplate[worst])), \(total - shiftStartsPerDay) more than the "
                + "\(shiftStartsPerDay) a roster is planned with: fewer templates, or starts further apart (every: 30m)")
        }
    }
}
