import Foundation
import Planning
import XCTest

/// CBC and GLPK through `IntegerProgram` on small programs whose optima were worked out
/// by hand (and checked by enumeration): both solvers must find them.
final class CBCSolverTests: XCTestCase {
    /// Solves with each solver, checks that the solution satisfies every bound and row and
    /// that the objective is the known optimum, with a bound at most the objective.
    @discardableResult
    func assertOptimum(_ program: IntegerProgram, _ optimum: Double, file: StaticString = #filePath,
                       line: UInt = #line) throws -> [MIPSolver: IntegerProgram.Solution] {
        var solutions: [MIPSolver: IntegerProgram.Solution] = [:]
        for solver in MIPSolver.allCases {
            let solution = try program.solve(gap: 0, solver: solver)
            XCTAssertEqual(solution.objective, optimum, accuracy: 1e-6, "\(solver)", file: file, line: line)
            XCTAssertLessThanOrEqual(solution.lowerBound, solution.objective + 1e-9, "\(solver)", file: file, line: line)
            XCTAssertFalse(solution.stoppedAtTimeLimit, "\(solver)", file: file, line: line)
            assertFeasible(program, solution.values, "\(solver)", file: file, line: line)
            let cost = zip(program.columns, solution.values).reduce(0) { $0 + $1.0.cost * $1.1 }
            XCTAssertEqual(cost, solution.objective, accuracy: 1e-6, "\(solver): objective of the values", file: file, line: line)
            solutions[solver] = solution
        }
        return solutions
    }

    func assertFeasible(_ program: IntegerProgram, _ values: [Double], _ label: String, file: StaticString, line: UInt) {
        XCTAssertEqual(values.count, program.columns.count, label, file: file, line: line)
        guard values.count == program.columns.count else { return }
        for (column, value) in zip(program.columns, values) {
            XCTAssertGreaterThanOrEqual(value, column.lower - 1e-6, "\(label) \(column.name)", file: file, line: line)
            XCTAssertLessThanOrEqual(value, (column.upper ?? .infinity) + 1e-6, "\(label) \(column.name)", file: file, line: line)
            if column.isInteger {
                XCTAssertEqual(value, value.rounded(), accuracy: 1e-6, "\(label) \(column.name)", file: file, line: line)
            }
        }
        for row in program.rows {
            let activity = row.terms.reduce(0) { $0 + $1.1 * values[$1.0] }
            XCTAssertGreaterThanOrEqual(activity, (row.lower ?? -.infinity) - 1e-6, "\(label) \(row.name)", file: file, line: line)
            XCTAssertLessThanOrEqual(activity, (row.upper ?? .infinity) + 1e-6, "\(label) \(row.name)", file: file, line: line)
        }
    }

    /// min 8a + 6b + 5c with 5a + 4b + 3c ≥ 17, 0 ≤ a, b, c ≤ 4 integers.
    static func knapsack() -> IntegerProgram {
        var program = IntegerProgram()
        let a = program.addColumn("a", cost: 8, upper: 4)
        let b = program.addColumn("b", cost: 6, upper: 4)
        let c = program.addColumn("c", cost: 5, upper: 4)
        program.addRow("weight", [(a, 5), (b, 4), (c, 3)], atLeast: 17)
        return program
    }

    /// A start and a node limit: CBC stopped at the root (nodes 0) from the feasible start
    /// a = 4 (cost 32) returns a feasible solution at most as dear as the start, with a
    /// bound at least the LP's 25.6; the same call twice gives the same solution.
    func testStartAndNodeLimit() throws {
        let program = Self.knapsack()
        let first = try program.solve(gap: 0, solver: .cbc, start: [4, 0, 0], nodes: 0)
        XCTAssertLessThanOrEqual(first.objective, 32 + 1e-9)
        XCTAssertGreaterThanOrEqual(first.lowerBound, 25.6 - 1e-6)
        XCTAssertLessThanOrEqual(first.lowerBound, first.objective + 1e-9)
        assertFeasible(program, first.values, "root from a start", file: #filePath, line: #line)
        let again = try program.solve(gap: 0, solver: .cbc, start: [4, 0, 0], nodes: 0)
        XCTAssertEqual(again.values, first.values)
    }

    /// min 8a + 6b + 5c with 5a + 4b + 3c ≥ 17, 0 ≤ a, b, c ≤ 4 integers. The LP takes b = 4
    /// (the cheapest weight, 1.5 a unit) and a = 0.2: 25.6. Whole items: a = 1, b = 3
    /// (weight 17, cost 26); nothing cheaper reaches 17 (b = 4 needs one more item: ≥ 29;
    /// b = 2, c = 3: 27; a = 2, b = 1, c = 1: 27).
    func testKnapsackCover() throws {
        let program = Self.knapsack()
        let solutions = try assertOptimum(program, 26)
        for (solver, solution) in solutions {
            XCTAssertEqual(solution.values, [1, 3, 0], "\(solver)")
            XCTAssertGreaterThanOrEqual(solution.lowerBound, 25.6 - 1e-6, "\(solver): at least the LP bound")
        }
        XCTAssertEqual(solutions[.glpk]?.lowerBound ?? 0, 25.6, accuracy: 1e-6, "GLPK's bound is the LP relaxation's")
    }

    /// Six 4-hour periods round the clock needing 2, 4, 6, 5, 3, 1 agents; a shift covers
    /// the period it starts in and the next. Periods 0, 2 and 4 share no shift, so at least
    /// 2 + 6 + 3 = 11 shifts; shifts (0, 4, 2, 3, 0, 2) reach that.
    func testShiftCovering() throws {
        let required: [Double] = [2, 4, 6, 5, 3, 1]
        var program = IntegerProgram()
        let shifts = required.indices.map { program.addColumn("start\($0)", cost: 1) }
        for period in required.indices {
            program.addRow("period\(period)", [(shifts[(period + 5) % 6], 1), (shifts[period], 1)], atLeast: required[period])
        }
        let solutions = try assertOptimum(program, 11)
        XCTAssertEqual(solutions[.cbc]?.lowerBound ?? 0, 11, accuracy: 1e-6, "the LP bound is tight here")
    }

    /// min 3x + 2y + 4z + 2w with x + y + z + w = 7.5, x − y = 1, 2 ≤ y + z ≤ 4, x ≤ 2,
    /// y ≤ 4, z ≤ 5 integers and 0 ≤ w ≤ 2.5 continuous. With w = 7.5 − x − y − z and
    /// x = y + 1 the cost is y + 2z + 16, with z ≥ 4 − 2y (w ≤ 2.5) and y ≤ 1 (x ≤ 2):
    /// y = 1, z = 2, so x = 2, w = 2.5 and the cost 21 (18 if x's upper bound were lost).
    func testEqualityRowsAndUpperBounds() throws {
        var program = IntegerProgram()
        let x = program.addColumn("x", cost: 3, upper: 2)
        let y = program.addColumn("y", cost: 2, upper: 4)
        let z = program.addColumn("z", cost: 4, upper: 5)
        let w = program.addColumn("w", cost: 2, upper: 2.5, integer: false)
        program.addRow("total", [(x, 1), (y, 1), (z, 1), (w, 1)], atLeast: 7.5, atMost: 7.5)
        program.addRow("difference", [(x, 1), (y, -1)], atLeast: 1, atMost: 1)
        program.addRow("range", [(y, 1), (z, 1)], atLeast: 2, atMost: 4)
        program.addRow("free", [(x, 1), (w, -3)])
        for (solver, solution) in try assertOptimum(program, 21) {
            XCTAssertEqual(solution.values[0], 2, accuracy: 1e-6, "\(solver)")
            XCTAssertEqual(solution.values[1], 1, accuracy: 1e-6, "\(solver)")
            XCTAssertEqual(solution.values[2], 2, accuracy: 1e-6, "\(solver)")
            XCTAssertEqual(solution.values[3], 2.5, accuracy: 1e-6, "\(solver)")
        }
    }

    /// A column named twice in a row is added up, as with GLPK: 0.5y + 0.5y ≥ 3.
    func testDuplicateTermsAreMerged() throws {
        var program = IntegerProgram()
        let y = program.addColumn("y", cost: 1)
        program.addRow("twice", [(y, 0.5), (y, 0.5)], atLeast: 3)
        let solutions = try assertOptimum(program, 3)
        XCTAssertEqual(solutions[.cbc]?.values, [3])
    }

    /// Only continuous columns: the LP optimum, min x + y with x + 2y ≥ 3, x ≥ 0.5: x = 0.5, y = 1.25.
    func testContinuousProgramIsItsRelaxation() throws {
        var program = IntegerProgram()
        let x = program.addColumn("x", cost: 1, lower: 0.5, integer: false)
        let y = program.addColumn("y", cost: 1, integer: false)
        program.addRow("r", [(x, 1), (y, 2)], atLeast: 3)
        try assertOptimum(program, 1.75)
    }

    /// x ≤ 2 and x ≥ 3: the relaxation already has no solution; both solvers say so.
    func testInfeasibleProgramIsReportedByBoth() {
        var program = IntegerProgram()
        let x = program.addColumn("x", cost: 1, upper: 2)
        program.addRow("too much", [(x, 1)], atLeast: 3)
        for solver in MIPSolver.allCases {
            XCTAssertThrowsError(try program.solve(solver: solver), "\(solver)") { error in
                XCTAssertEqual((error as? PlanningError)?.isInfeasible, true, "\(solver): \(error)")
            }
        }
    }

    /// 2x − 2y = 1 has a relaxed solution but no integer one: both fail; CBC proves it
    /// infeasible.
    func testIntegerInfeasibleProgramFails() {
        var program = IntegerProgram()
        let x = program.addColumn("x", cost: 1, upper: 10)
        let y = program.addColumn("y", cost: 1, upper: 10)
        program.addRow("odd", [(x, 2), (y, -2)], atLeast: 1, atMost: 1)
        for solver in MIPSolver.allCases {
            XCTAssertThrowsError(try program.solve(solver: solver), "\(solver)") { error in
                XCTAssertTrue(error is PlanningError, "\(solver): \(error)")
                if solver == .cbc { XCTAssertEqual((error as? PlanningError)?.isInfeasible, true, "\(error)") }
            }
        }
    }

    /// A malformed program is refused before CBC sees it.
    func testMalformedProgramIsRefused() {
        var program = IntegerProgram()
        let x = program.addColumn("x", cost: 1)
        program.addRow("r", [(x, 1), (x + 5, 1)], atLeast: 1)
        XCTAssertThrowsError(try program.solve(solver: .cbc)) { error in
            XCTAssertEqual((error as? PlanningError)?.isInfeasible, false, "\(error)")
        }
    }

    /// Costs, bounds and coefficients beyond ``IntegerProgram/largestMagnitude`` (where CBC
    /// aborts or answers wrongly) are refused before either solver sees them.
    func testHugeNumbersAreRefusedBeforeTheSolver() {
        for (cost, coefficient, bound) in [(1e30, 1.0, 1.0), (1e24, 1.0, 1.0), (1.0, 1e24, 1.0), (1.0, 1.0, 1e24)] {
            var program = IntegerProgram()
            let x = program.addColumn("x", cost: cost)
            program.addRow("r", [(x, coefficient)], atLeast: bound)
            for solver in [MIPSolver.cbc, .glpk] {
                XCTAssertThrowsError(try program.solve(solver: solver)) { error in
                    XCTAssertTrue("\(error)".contains("at most 1000000000"), "\(error)")
                }
            }
        }
        var program = IntegerProgram()
        let x = program.addColumn("x", cost: 1e6)
        program.addRow("r", [(x, 1)], atLeast: 3)
        XCTAssertEqual(try program.solve(solver: .cbc).objective, 3e6)
    }

    /// A market-split program (equal halves of five random weight sums over 50 binaries) that
    /// CBC cannot settle in a second: it stops near the time limit, with a solution marked
    /// as stopped there or with an error that is not a proof of infeasibility.
    func testTimeLimitStopsTheSearch() {
        var program = IntegerProgram()
        var state: UInt32 = 12345
        var weights: [[Double]] = []
        for j in 0..<50 {
            program.addColumn("x\(j)", cost: Double(1 + j % 7), upper: 1)
            weights.append((0..<5).map { _ in
                state = state &* 1_103_515_245 &+ 12345
                return Double((state >> 16) % 100)
            })
        }
        for k in 0..<5 {
            let half = (weights.reduce(0) { $0 + $1[k] } / 2).rounded(.down)
            program.addRow("split\(k)", weights.indices.map { ($0, weights[$0][k]) }, atLeast: half, atMost: half)
        }
        let start = Date()
        do {
            let solution = try program.solve(timeLimit: 1, gap: 0, solver: .cbc)
            XCTAssertTrue(solution.stoppedAtTimeLimit)
        } catch {
            XCTAssertEqual((error as? PlanningError)?.isInfeasible, false, "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
    }

    /// ccsim writes JSON on standard output: CBC must print nothing there, whatever the
    /// outcome (min 3x + 2y with 2x + 3y ≥ 7: y = 3, cost 6; 2z = 1 has no integer solution).
    func testCBCPrintsNothingOnStandardOutput() throws {
        var feasible = IntegerProgram()
        let x = feasible.addColumn("x", cost: 3, upper: 5)
        let y = feasible.addColumn("y", cost: 2, upper: 5)
        feasible.addRow("r", [(x, 2), (y, 3)], atLeast: 7)
        var infeasible = IntegerProgram()
        let z = infeasible.addColumn("z", cost: 1, upper: 10)
        infeasible.addRow("odd", [(z, 2)], atLeast: 1, atMost: 1)
        var solved: Result<IntegerProgram.Solution, any Error>?
        var failed: Result<IntegerProgram.Solution, any Error>?
        let printed = try capturingStandardOutput {
            solved = Result { try feasible.solve(gap: 0, solver: .cbc) }
            failed = Result { try infeasible.solve(solver: .cbc) }
        }
        XCTAssertEqual(printed, "")
        XCTAssertEqual(try solved?.get().objective ?? 0, 6, accuracy: 1e-9)
        XCTAssertThrowsError(try failed?.get())
    }

    func testSolverNames() {
        XCTAssertEqual(MIPSolver.allCases.map(\.rawValue), ["glpk", "cbc"])
        XCTAssertEqual(MIPSolver(rawValue: "cbc"), .cbc)
    }

    /// What `body` writes on file descriptor 1 (C's and Swift's standard output).
    func capturingStandardOutput(_ body: () throws -> Void) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cbc-stdout-\(UUID().uuidString)").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: nil))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        fflush(nil)
        let saved = dup(1)
        dup2(handle.fileDescriptor, 1)
        do {
            defer {
                fflush(nil)
                dup2(saved, 1)
                close(saved)
                try? handle.close()
            }
            try body()
        }
        return try String(contentsOfFile: path, encoding: .utf8)
    }
}
