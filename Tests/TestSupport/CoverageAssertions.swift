import Statistics
import XCTest

extension XCTestCase {
    /// Fails unless the confidence interval `ci` exists and contains the exact value.
    public func assertCovers(_ ci: ConfidenceInterval?, _ exact: Double, _ what: String,
                      file: StaticString = #filePath, line: UInt = #line) throws {
        let ci = try XCTUnwrap(ci, what, file: file, line: line)
        XCTAssert(ci.low <= exact && exact <= ci.high,
                  "\(what): exact \(exact), simulated \(ci.mean) [\(ci.low), \(ci.high)]", file: file, line: line)
    }
}
