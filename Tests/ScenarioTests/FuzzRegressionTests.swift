import Foundation
import ScenarioFuzzing
import XCTest

/// The inputs that once crashed, hung or exhausted memory (from hostile testing and from
/// `Scripts/fuzz.sh`, which copies each new crash into `Tests/FuzzRegressions/`), and
/// the example scenarios, through the fuzzer's check: each must end in a scenario or a
/// clean error, quickly.
final class FuzzRegressionTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testEveryRegressionInputEndsCleanly() throws {
        let folder = Self.root.appendingPathComponent("Tests/FuzzRegressions")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertGreaterThanOrEqual(files.count, 10)
        for file in files {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            let start = Date()
            let outcome = ScenarioInputCheck.check(data)
            XCTAssertFalse(outcome.isEmpty, file)
            XCTAssertLessThan(Date().timeIntervalSince(start), 10, "\(file): \(outcome)")
        }
    }

    func testTheExamplesLoad() throws {
        let folder = Self.root.appendingPathComponent("Scenarios")
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".yaml") {
            let outcome = ScenarioInputCheck.check(try Data(contentsOf: folder.appendingPathComponent(file)))
            XCTAssertFalse(outcome.hasPrefix("refused"), "\(file): \(outcome)")
        }
    }

    func testRosterInputsReachTheLoaders() throws {
        let folder = Self.root.appendingPathComponent("Tests/FuzzRegressions")
        func outcome(_ name: String) throws -> String { ScenarioInputCheck.check(try Data(contentsOf: folder.appendingPathComponent(name))) }
        XCTAssertEqual(try outcome("shifts-seed.yaml"), "1 templates, 1 contracts")
        XCTAssertEqual(try outcome("agents-seed.csv"), "2 agents")
        for hostile in ["shifts-starts-every-second.yaml", "shifts-cost-1e30.yaml", "shifts-contract-min-1e9.yaml",
                        "shifts-contract-min-above-max.yaml"] {
            let result = try outcome(hostile)
            XCTAssertTrue(result.hasPrefix("refused: "), "\(hostile): \(result)")
        }
    }
}
