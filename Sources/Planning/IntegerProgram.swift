import CGLPK
import CGLPKGuard

/// A mixed-integer linear program, minimised with GLPK or COIN-OR CBC (``MIPSolver``):
/// columns with bounds, costs and integrality; rows as sparse linear combinations with bounds.
public struct IntegerProgram: Sendable {
    public struct Column: Sendable {
        public var name: String
        public var cost: Double
        public var lower: Double
        public var upper: Double?
        public var isInteger: Bool
    }

    public struct Row: Sendable {
        public var name: String
        /// (column index, coefficient)
        public var terms: [(Int, Double)]
        public var lower: Double?
        public var upper: Double?
    }

    public private(set) var columns: [Column] = []
    public private(set) var rows: [Row] = []

    public init() {}

    /// Adds a column and returns its index.
    @discardableResult
    public mutating func addColumn(_ name: String, cost: Double, lower: Double = 0, upper: Double? = nil,
                                   integer: Bool = true) -> Int {
        columns.append(Column(name: name, cost: cost, lower: lower, upper: upper, isInteger: integer))
        return columns.count - 1
    }

    /// Fixes column `column` at `value` (both bounds).
    public mutating func fix(_ column: Int, at value: Double) {
        columns[column].lower = value
        columns[column].upper = value
    }

    /// Adds the row `lower ≤ Σ coefficient·column ≤ upper`.
    public mutating func addRow(_ name: String, _ terms: [(Int, Double)], atLeast lower: Double? = nil,
                                atMost upper: Double? = nil) {
        rows.append(Row(name: name, terms: terms, lower: lower, upper: upper))
    }

    /// What the solver found: the integer optimum, a lower bound and the gap.
    public struct Solution: Sendable {
        public var values: [Double]
        public var objective: Double
        /// No integer solution costs less: with GLPK the optimum of the LP relaxation; with
        /// CBC the larger of that and CBC's own best possible bound.
        public var lowerBound: Double
        /// (objective − bound) / |objective|.
        public var gap: Double { objective == 0 ? 0 : (objective - lowerBound) / abs(objective) }
        /// Whether the search stopped at the time limit (the solution may then depend on
        /// the machine's speed) rather than at the gap.
        public var stoppedAtTimeLimit: Bool
    }

    /// Solves the LP relaxation, then the integer program (with GLPK: branch and cut with
    /// GLPK's Gomory, MIR and cover cuts; with CBC: its default preprocessing, cuts and
    /// heuristics, one solve at a time in the process; both silent) to within `gap` of the
    /// optimum or for at most `seconds`, keeping the best integer solution found.
    /// The program is checked first (finite numbers, consistent bounds, columns that
    /// exist), and GLPK runs behind an error hook, so nothing handed to it can abort the
    /// process.
    /// - Parameter solver: the solver to use, GLPK unless told. CBC also reports a program
    ///   whose relaxation is feasible but that it proves has no integer solution as
    ///   infeasible, where GLPK reports that it found no integer solution.
    /// - Parameter start: with CBC, a solution to start from (a value per column), which
    ///   CBC takes as its first incumbent when it is feasible; GLPK ignores it.
    /// - Parameter nodes: with CBC, the most branch-and-bound nodes (0: the root alone), so
    ///   that the search stops at the same point on any machine; GLPK ignores it.
    /// - Throws: ``PlanningError`` when the program is malformed or infeasible, or the solver fails.
    public func solve(timeLimit seconds: Double = 60, gap: Double = 0.02, solver: MIPSolver = .glpk,
                      start: [Double]? = nil, nodes: Int? = nil) throws -> Solution {
        if solver == .cbc { return try solveWithCBC(timeLimit: seconds, gap: gap, start: start, nodes: nodes) }
        try check()
        glp_term_out(GLP_OFF)
        guard let problem = glp_create_prob() else { throw PlanningError("GLPK could not create a problem") }
        var environmentFreed = false
        defer { if !environmentFreed { glp_delete_prob(problem) } }
        glp_set_obj_dir(problem, GLP_MIN)
        load(into: problem)
        var simplex = glp_smcp()
        glp_init_smcp(&simplex)
        simplex.presolve = GLP_ON
        var options = glp_iocp()
        glp_init_iocp(&options)
        options.tm_lim = Int32(min(max(seconds, 0) * 1000, Double(Int32.max)))
        options.mip_gap = gap
        options.gmi_cuts = GLP_ON
        options.mir_cuts = GLP_ON
        options.cov_cuts = GLP_ON
        var lpStatus: Int32 = -1, status: Int32 = -1
        guard ccsim_glpk_solve(problem, &simplex, &options, 1, &lpStatus, &status) == 0 else {
            environmentFreed = true  // GLPK's environment, and the problem in it, are gone
            throw PlanningError("GLPK stopped on an internal error; the program it was given is reported as a bug")
        }
        guard lpStatus == 0, glp_get_status(problem) == GLP_OPT else {
            throw PlanningError("the linear relaxation has no optimum (GLPK status \(glp_get_status(problem))): "
                + "the requirements cannot be covered by the shift templates within their limits", isInfeasible: true)
        }
        let bound = glp_get_obj_val(problem)
        let mipStatus = glp_mip_status(problem)
        guard status == 0 || status == GLP_ETMLIM || status == GLP_EMIPGAP, mipStatus == GLP_OPT || mipStatus == GLP_FEAS else {
            throw PlanningError("GLPK found no integer solution (status \(status), \(mipStatus))")
        }
        let values = (1...max(columns.count, 1)).prefix(columns.count).map { glp_mip_col_val(problem, Int32($0)) }
        return Solution(values: values, objective: glp_mip_obj_val(problem), lowerBound: bound,
                        stoppedAtTimeLimit: status == GLP_ETMLIM)
    }

    /// The largest magnitude of a cost, bound or coefficient handed to a solver: well
    /// inside the range where the simplex's tolerances (about 1e-9 relative) still tell
    /// a feasible program from an infeasible one (CBC aborts near 1e30 and errs near 1e24).
    public static let largestMagnitude = 1e9

    /// Fails unless every number is finite and at most ``largestMagnitude``, every
    /// column's bounds are consistent, and every row's terms name existing columns with
    /// its bounds consistent.
    func check() throws {
        let bounded = { (x: Double) in x.isFinite && abs(x) <= Self.largestMagnitude }
        for column in columns {
            guard bounded(column.cost), bounded(column.lower), column.upper.map({ bounded($0) && $0 >= column.lower }) ?? true else {
                throw PlanningError("column \(column.name): cost and bounds must be finite numbers of at most "
                    + "\(Int(Self.largestMagnitude)), lower ≤ upper")
            }
        }
        for row in rows {
            let ordered = row.lower.flatMap { lower in row.upper.map { lower <= $0 } } ?? true
            guard row.lower.map(bounded) ?? true, row.upper.map(bounded) ?? true, ordered else {
                throw PlanningError("row \(row.name): bounds must be finite numbers of at most \(Int(Self.largestMagnitude)), lower ≤ upper")
            }
            guard row.terms.allSatisfy({ columns.indices.contains($0.0) && bounded($0.1) }) else {
                throw PlanningError("row \(row.name): a term names no column or has a coefficient that is not a finite number of at most \(Int(Self.largestMagnitude))")
            }
        }
    }

    /// A row's terms with the coefficients of a column named twice added up (GLPK refuses
    /// a column twice in a row), in the order of their columns: whatever order a caller
    /// lists them in (a dictionary's, say), the solver sees the same program.
    static func merged(_ terms: [(Int, Double)]) -> [(Int, Double)] {
        var position: [Int: Int] = [:]
        var merged: [(Int, Double)] = []
        for (column, coefficient) in terms {
            if let p = position[column] {
                merged[p].1 += coefficient
            } else {
                position[column] = merged.count
                merged.append((column, coefficient))
            }
        }
        return merged.sorted { $0.0 < $1.0 }
    }

    private func load(into problem: OpaquePointer) {
        if !columns.isEmpty { glp_add_cols(problem, Int32(columns.count)) }
        for (j, column) in columns.enumerated() {
            let c = Int32(j + 1)
            glp_set_obj_coef(problem, c, column.cost)
            glp_set_col_bnds(problem, c, column.upper == nil ? GLP_LO : (column.upper == column.lower ? GLP_FX : GLP_DB),
                             column.lower, column.upper ?? 0)
            glp_set_col_kind(problem, c, column.isInteger ? GLP_IV : GLP_CV)
        }
        if !rows.isEmpty { glp_add_rows(problem, Int32(rows.count)) }
        for (i, row) in rows.enumerated() {
            let r = Int32(i + 1)
            let kind: Int32 = switch (row.lower, row.upper) {
            case (nil, nil): GLP_FR
            case (_?, nil): GLP_LO
            case (nil, _?): GLP_UP
            case let (l?, u?): l == u ? GLP_FX : GLP_DB
            }
            glp_set_row_bnds(problem, r, kind, row.lower ?? 0, row.upper ?? 0)
            let terms = Self.merged(row.terms)
            var indices: [Int32] = [0] + terms.map { Int32($0.0 + 1) }
            var coefficients: [Double] = [0] + terms.map(\.1)
            glp_set_mat_row(problem, r, Int32(terms.count), &indices, &coefficients)
        }
    }
}

/// A planning problem that cannot be solved, with what is wrong.
public struct PlanningError: Error, CustomStringConvertible, Sendable {
    public let description: String
    /// Whether the plan asked for cannot exist (the templates cannot cover the
    /// requirements within their limits), rather than the solver failing.
    public let isInfeasible: Bool

    public init(_ description: String, isInfeasible: Bool = false) {
        self.description = description
        self.isInfeasible = isInfeasible
    }
}
