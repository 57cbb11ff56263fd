/// Step 3 of ``TourDecomposition``: with the days off fixed, the shifts and breaks of
/// each day solved in turn as a small integer program of their own, then windows of
/// neighbouring days solved again together where that lowers the cost.
///
/// Each column belongs to the day of its shift (a coverage shortfall to the latest day
/// in its row); patterns and arcs are fixed. In the first pass a row is solved with the
/// last day any of its columns belongs to, the columns of earlier days entering as the
/// constants they were solved at: coverage of an interval after midnight counts the late
/// shifts of the day before, the rest before a day counts the shifts that ended the day
/// before, seats count the agents still at their desks. A day solved alone cannot see
/// the next: its late shifts may leave too few agents rested for the next morning, where
/// coverage then falls short. ``improve(_:windows:)`` solves a window of days again
/// with every other day at its values (each row touching the window, the rest of it
/// constant), and keeps the result when it costs less (shortfalls included).
struct DayByDaySolver {
    let program: TourProgram
    let timeLimit: Double
    let gap: Double
    let solver: MIPSolver
    /// The most branch-and-bound nodes of each day's program (CBC): a day's shifts cost
    /// the same wherever they start (its agents are fixed by the days off), so its search
    /// is for coverage alone, and where that falls short the windows and rounds mend it.
    /// A node limit, unlike a time limit, stops the search at the same point on any machine.
    static let nodes = 100
    /// The day each column belongs to (-1: fixed, patterns and arcs).
    private let day: [Int]

    init(program: TourProgram, timeLimit: Double, gap: Double, solver: MIPSolver) {
        (self.program, self.timeLimit, self.gap, self.solver) = (program, timeLimit, gap, solver)
        let columns = program.program.columns, rows = program.program.rows
        var day = Array(repeating: -1, count: columns.count)
        for (key, column) in program.shiftColumns { day[column] = key.day }
        for (key, positions) in program.breakColumns { for column in positions.joined() { day[column.column] = key.day } }
        let shortColumns = Set(program.shortColumns.map(\.column))
        for row in rows {
            let latest = row.terms.map { day[$0.0] }.max() ?? -1
            for (column, _) in row.terms where shortColumns.contains(column) { day[column] = latest }
        }
        self.day = day
    }

    /// The values of every column of `program`, its patterns and arcs at their fixed values.
    func solve() throws -> (values: [Double], stoppedAtTimeLimit: Bool) {
        let rows = program.program.rows
        var values = program.program.columns.map { $0.upper == $0.lower ? $0.lower : 0 }
        let rowDay = rows.map { $0.terms.map { day[$0.0] }.max() ?? -1 }
        var stopped = false
        for d in program.days {
            let mine = day.indices.filter { day[$0] == d }
            guard !mine.isEmpty else { continue }
            let solution = try solveAgain(mine, rows: rows.indices.filter { rowDay[$0] == d }, values, starting: false)
            for (k, j) in mine.enumerated() { values[j] = solution.values[k] }
            stopped = stopped || solution.stoppedAtTimeLimit
        }
        return (values, stopped)
    }

    /// `values` with each window of days (in turn) solved again, every other day at its
    /// values, kept where the window then costs less; and whether any did.
    func improve(_ values: [Double], windows: [ClosedRange<Int>]) throws -> (values: [Double], improved: Bool, stoppedAtTimeLimit: Bool) {
        let columns = program.program.columns, rows = program.program.rows
        var values = values, improved = false, stopped = false
        for window in windows {
            let mine = day.indices.filter { window.contains(day[$0]) }
            guard !mine.isEmpty else { continue }
            let free = Set(mine)
            let touching = rows.indices.filter { rows[$0].terms.contains { free.contains($0.0) } }
            let before = mine.reduce(0.0) { $0 + columns[$1].cost * values[$1] }
            let solution = try solveAgain(mine, rows: touching, values, starting: true)
            stopped = stopped || solution.stoppedAtTimeLimit
            guard solution.objective < before - 1e-6 else { continue }
            for (k, j) in mine.enumerated() { values[j] = solution.values[k] }
            improved = true
        }
        return (values, improved, stopped)
    }

    /// `values` with the days where coverage falls short (`shortfall`: per group and
    /// day) solved again, each with the day before, until no window lowers the cost or
    /// `passes` have run.
    func mendShortfalls(_ values: [Double], passes: Int = 2, shortfall: ([Double]) -> [[Double]]) throws
        -> (values: [Double], stoppedAtTimeLimit: Bool) {
        var values = values, stopped = false
        for _ in 0..<passes {
            let short = shortfall(values)
            let days = program.days.filter { d in short.contains { $0[d] > 1e-6 } }
            guard !days.isEmpty else { break }
            let mended = try improve(values, windows: days.map { max($0 - 1, 0)...$0 })
            values = mended.values
            stopped = stopped || mended.stoppedAtTimeLimit
            if !mended.improved { break }
        }
        return (values, stopped)
    }

    /// The integer program of the columns `mine` under `rows`, every other column a
    /// constant at its value in `values`, solved (`starting` from `values`); its values
    /// in the order of `mine`.
    private func solveAgain(_ mine: [Int], rows chosen: [Int], _ values: [Double], starting: Bool) throws -> IntegerProgram.Solution {
        let columns = program.program.columns, rows = program.program.rows
        var index: [Int: Int] = [:]
        var sub = IntegerProgram()
        for j in mine {
            index[j] = sub.addColumn(columns[j].name, cost: columns[j].cost, lower: columns[j].lower, upper: columns[j].upper,
                                     integer: columns[j].isInteger)
        }
        for r in chosen {
            let row = rows[r]
            let known = row.terms.filter { index[$0.0] == nil }.reduce(0.0) { $0 + $1.1 * values[$1.0] }
            sub.addRow(row.name, row.terms.compactMap { term in index[term.0].map { ($0, term.1) } },
                       atLeast: row.lower.map { $0 - known }, atMost: row.upper.map { $0 - known })
        }
        let start = starting ? mine.map { values[$0] } : nil
        do {
            return try sub.solve(timeLimit: timeLimit, gap: gap, solver: solver, start: start, nodes: Self.nodes)
        } catch let error as PlanningError where !error.isInfeasible {
            // No solution within the nodes: search on, to the time limit.
            return try sub.solve(timeLimit: timeLimit, gap: gap, solver: solver, start: start)
        }
    }
}
