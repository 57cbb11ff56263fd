import Planning
import XCTest

/// GLPK through `IntegerProgram`, on instances whose optimum is known.
final class IntegerProgramTests: XCTestCase {
    /// Set covering: cover elements 1…5 with six weighted sets; GLPK's optimum must equal
    /// the cheapest cover found by enumerating all 64 subsets, and the LP bound lie below it.
    func testSetCoveringOptimumMatchesBruteForce() throws {
        let sets: [(cost: Double, elements: Set<Int>)] = [
            (3, [1, 2, 3]), (2, [2, 4]), (3, [3, 4, 5]), (2, [1, 5]), (1, [4]), (2, [2, 3]),
        ]
        var program = IntegerProgram()
        let columns = sets.indices.map { program.addColumn("set\($0)", cost: sets[$0].cost, upper: 1) }
        for element in 1...5 {
            program.addRow("cover\(element)", sets.indices.filter { sets[$0].elements.contains(element) }.map { (columns[$0], 1) },
                           atLeast: 1)
        }
        let solution = try program.solve()
        var best = Double.infinity
        for mask in 0..<(1 << sets.count) {
            let chosen = sets.indices.filter { mask & (1 << $0) != 0 }
            let covered = chosen.reduce(into: Set<Int>()) { $0.formUnion(sets[$1].elements) }
            if covered == Set(1...5) { best = min(best, chosen.reduce(0) { $0 + sets[$1].cost }) }
        }
        XCTAssertEqual(solution.objective, best, accuracy: 1e-9)
        XCTAssertLessThanOrEqual(solution.lowerBound, solution.objective + 1e-9)
        XCTAssertTrue(solution.values.allSatisfy { $0 == $0.rounded() })
    }

    func testInfeasibleProgramsAreReported() {
        var program = IntegerProgram()
        let x = program.addColumn("x", cost: 1, upper: 2)
        program.addRow("too much", [(x, 1)], atLeast: 3)
        XCTAssertThrowsError(try program.solve()) { error in
            XCTAssertTrue("\(error)".contains("cannot be covered"), "\(error)")
        }
    }
}
