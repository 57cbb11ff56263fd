/// Step 3 of ``TourDecomposition``: with the days off fixed, the shifts and breaks of
/// each day solved in turn as a small integer program of their own.
///
/// Each column belongs to the day of its shift (a coverage shortfall to the latest day
/// in its row); patterns and arcs are fixed. A row is solved with the last day any of
/// its columns belongs to, the columns of earlier days entering as the constants they
/// were solved at: coverage of an interval after midnight counts the late shifts of the
/// day before, the rest before a day counts the shifts that ended the day before, seats
/// count the agents still at their desks.
struct DayByDaySolver {
    let program: TourProgram
    let timeLimit: Double
    let gap: Double
    let solver: MIPSolver

    /// The values of every column of `program`, its patterns and arcs at their fixed values.
    func solve() throws -> (values: [Double], stoppedAtTimeLimit: Bool) {
        let columns = program.program.columns, rows = program.program.rows
        var day = Array(repeating: -1, count: columns.count)
        for (key, column) in program.shiftColumns { day[column] = key.day }
        for (key, positions) in program.breakColumns { for column in positions.joined() { day[column.column] = key.day } }
        let shortColumns = Set(program.shortColumns.map(\.column))
        for row in rows {
            let latest = row.terms.map { day[$0.0] }.max() ?? -1
            for (column, _) in row.terms where shortColumns.contains(column) { day[column] = latest }
        }
        var values = columns.map { $0.upper == $0.lower ? $0.lower : 0 }
        let rowDay = rows.map { $0.terms.map { day[$0.0] }.max() ?? -1 }
        var stopped = false
        for d in program.days {
            let mine = columns.indices.filter { day[$0] == d }
            guard !mine.isEmpty else { continue }
            var index: [Int: Int] = [:]
            var sub = IntegerProgram()
            for j in mine {
                index[j] = sub.addColumn(columns[j].name, cost: columns[j].cost, lower: columns[j].lower, upper: columns[j].upper,
                                         integer: columns[j].isInteger)
            }
            for (r, row) in rows.enumerated() where rowDay[r] == d {
                let known = row.terms.filter { index[$0.0] == nil }.reduce(0.0) { $0 + $1.1 * values[$1.0] }
                sub.addRow(row.name, row.terms.compactMap { term in index[term.0].map { ($0, term.1) } },
                           atLeast: row.lower.map { $0 - known }, atMost: row.upper.map { $0 - known })
            }
            let solution = try sub.solve(timeLimit: timeLimit, gap: gap, solver: solver)
            for j in mine { values[j] = solution.values[index[j]!] }
            stopped = stopped || solution.stoppedAtTimeLimit
        }
        return (values, stopped)
    }
}
