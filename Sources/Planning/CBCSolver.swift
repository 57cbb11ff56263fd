import CCBC
import Synchronization

/// The solvers that ``IntegerProgram/solve(timeLimit:gap:solver:)`` can use.
public enum MIPSolver: String, CaseIterable, Sendable {
    /// GLPK, the GNU Linear Programming Kit: branch and cut behind an error hook.
    case glpk
    /// COIN-OR CBC (branch and cut on the Clp simplex) through its C interface.
    case cbc
}

/// CBC's solve runs its command-line driver (`CbcMain1`), which keeps state in statics:
/// one CBC solve at a time in the process.
private let cbcSolves = Mutex(())

extension IntegerProgram {
    /// Solves the LP relaxation with Clp, then the integer program with CBC (its default
    /// preprocessing, cuts and heuristics, one thread, silent) to within `gap` of the
    /// optimum or for at most `seconds` of wall-clock time, keeping the best integer
    /// solution found. The lower bound is the larger of the LP relaxation's optimum and
    /// CBC's best possible objective, and never above the objective.
    /// - Throws: ``PlanningError`` when the program is malformed; infeasible
    ///   (`isInfeasible`) when its LP relaxation has no optimum or CBC proves that no
    ///   integer solution exists; otherwise when CBC finds no integer solution in time.
    func solveWithCBC(timeLimit seconds: Double, gap: Double, start: [Double]? = nil, nodes: Int? = nil) throws -> Solution {
        try check()
        return try cbcSolves.withLock { _ in
            let relaxation = try CBCModel(self, integer: false).solveRelaxation()
            guard columns.contains(where: \.isInteger) else { return relaxation }
            let model = CBCModel(self, integer: true)
            model.set("seconds", max(seconds, 0))
            model.set("timeMode", "elapsed")
            model.set("ratioGap", max(gap, 0))
            if let start, start.count == columns.count { model.start(from: start) }
            if let nodes { model.set("maxNodes", "\(max(nodes, 0))") }
            return rounded(try model.solveInteger(relaxationBound: relaxation.objective))
        }
    }

    /// The solution with integer columns at their nearest whole number (CBC leaves them
    /// within its integer tolerance, 3.0000000000000004; GLPK rounds them) and the
    /// objective of those values.
    private func rounded(_ solution: Solution) -> Solution {
        var solution = solution
        solution.values = zip(columns, solution.values).map { $0.isInteger ? $1.rounded() : $1 }
        solution.objective = zip(columns, solution.values).reduce(0) { $0 + $1.0.cost * $1.1 }
        solution.lowerBound = min(solution.lowerBound, solution.objective)
        return solution
    }

    /// The constraint matrix by columns (CBC's compressed sparse column form), each row's
    /// terms merged and zero coefficients left out.
    fileprivate func columnMajorMatrix() -> (starts: [CoinBigIndex], rows: [Int32], values: [Double]) {
        var byColumn = [[(Int32, Double)]](repeating: [], count: columns.count)
        for (i, row) in rows.enumerated() {
            for (column, coefficient) in Self.merged(row.terms) where coefficient != 0 {
                byColumn[column].append((Int32(i), coefficient))
            }
        }
        var starts: [CoinBigIndex] = [0]
        starts.reserveCapacity(columns.count + 1)
        for entries in byColumn { starts.append(starts[starts.count - 1] + CoinBigIndex(entries.count)) }
        let entries = byColumn.joined()
        return (starts, entries.map(\.0), entries.map(\.1))
    }
}

/// One CBC model holding an ``IntegerProgram``, deleted with this object.
private final class CBCModel {
    /// What CBC takes for an infinite bound (`COIN_DBL_MAX`).
    static let infinity = Double.greatestFiniteMagnitude

    let model: UnsafeMutableRawPointer
    let columnCount: Int

    /// Loads the program's columns and rows; with `integer` false every column is
    /// continuous, so that `Cbc_solve` solves the LP relaxation with Clp alone.
    init(_ program: IntegerProgram, integer: Bool) {
        model = Cbc_newModel()
        columnCount = program.columns.count
        Cbc_setLogLevel(model, 0)
        set("log", "0")
        set("slog", "0")
        let (starts, rowIndices, values) = program.columnMajorMatrix()
        let columnLower = program.columns.map(\.lower)
        let columnUpper = program.columns.map { $0.upper ?? Self.infinity }
        let costs = program.columns.map(\.cost)
        let rowLower = program.rows.map { $0.lower ?? -Self.infinity }
        let rowUpper = program.rows.map { $0.upper ?? Self.infinity }
        Cbc_loadProblem(model, Int32(program.columns.count), Int32(program.rows.count), starts, rowIndices, values,
                        columnLower, columnUpper, costs, rowLower, rowUpper)
        Cbc_setObjSense(model, 1)
        for (j, column) in program.columns.enumerated() where integer && column.isInteger {
            Cbc_setInteger(model, Int32(j))
        }
    }

    deinit { Cbc_deleteModel(model) }

    /// Hands CBC a solution to start from (its value of every column).
    func start(from values: [Double]) {
        let indices = (0..<Int32(columnCount)).map { $0 }
        Cbc_setMIPStartI(model, Int32(columnCount), indices, values)
    }

    /// Passes `-name value` to CBC's driver, as on its command line.
    func set(_ name: String, _ value: String) { Cbc_setParameter(model, name, value) }

    func set(_ name: String, _ value: Double) { set(name, "\(value)") }

    /// Solves a model loaded with `integer: false`: the LP relaxation's optimum, as a
    /// solution whose bound is its own objective.
    func solveRelaxation() throws -> IntegerProgram.Solution {
        Cbc_solve(model)
        guard Cbc_isProvenOptimal(model) != 0, let solution = Cbc_getColSolution(model) else {
            throw PlanningError("the linear relaxation has no optimum (CBC status \(Cbc_status(model))): "
                + "the requirements cannot be covered by the shift templates within their limits", isInfeasible: true)
        }
        let objective = Cbc_getObjValue(model)
        return IntegerProgram.Solution(values: Array(UnsafeBufferPointer(start: solution, count: columnCount)),
                                       objective: objective, lowerBound: objective, stoppedAtTimeLimit: false)
    }

    /// Runs CBC's branch and cut on a model loaded with `integer: true`.
    func solveInteger(relaxationBound: Double) throws -> IntegerProgram.Solution {
        let status = Cbc_solve(model)
        if Cbc_isProvenInfeasible(model) != 0 {
            throw PlanningError("CBC proved that no integer solution exists: "
                + "the requirements cannot be covered by whole shifts within the templates' limits", isInfeasible: true)
        }
        let objective = Cbc_getObjValue(model)
        guard Cbc_isAbandoned(model) == 0, let best = Cbc_bestSolution(model), objective.isFinite,
              abs(objective) < 1e50 else {
            throw PlanningError("CBC found no integer solution (status \(status), \(Cbc_secondaryStatus(model)); \(columnCount) columns)")
        }
        let values = Array(UnsafeBufferPointer(start: best, count: columnCount))
        return IntegerProgram.Solution(values: values, objective: objective,
                                       lowerBound: bound(relaxation: relaxationBound, objective: objective),
                                       stoppedAtTimeLimit: Cbc_isSecondsLimitReached(model) != 0)
    }

    /// The larger of the LP relaxation's optimum and CBC's best possible objective
    /// (ignored when CBC has none), at most the objective.
    private func bound(relaxation: Double, objective: Double) -> Double {
        let possible = Cbc_getBestPossibleObjValue(model)
        let best = possible.isFinite && abs(possible) < 1e50 ? max(relaxation, possible) : relaxation
        return min(best, objective)
    }
}
