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
                        "shifts-contract-min-above-max.yaml", "agents-colliding-ids.csv"] {
            let result = try outcome(hostile)
            XCTAssertTrue(result.hasPrefix("refused: "), "\(hostile): \(result)")
        }
    }

    /// An export shaped like a real one (hourly, nights and zero rows left out, starts
    /// with +08:00) is forecast; a calendar of dates without factors is read.
    func testExportShapedInputsReachTheForecast() throws {
        let folder = Self.root.appendingPathComponent("Tests/FuzzRegressions")
        func outcome(_ name: String) throws -> String { ScenarioInputCheck.check(try Data(contentsOf: folder.appendingPathComponent(name))) }
        XCTAssertEqual(try outcome("history-export-seed.csv"), "forecast 2 call types")
        XCTAssertEqual(try outcome("calendar-dates-seed.csv"), "4 events")
    }

    /// A replication's results as a part holds them (`part-seed.bin`: replication 0 of
    /// the fuzzer's part scenario, as `ccsim run --shard 1/1` wrote it) merge; the same
    /// with a count made −1 (sealed again, as a ccsim bug would write it) is refused.
    func testPartInputsReachTheMerge() throws {
        let seed = try Data(contentsOf: Self.root.appendingPathComponent("Tests/FuzzRegressions/part-seed.bin"))
        XCTAssertEqual(ScenarioInputCheck.check(seed), "merged 1 replication")
        var negative = seed
        // "part\n", then the result's replication, 7 numbers and the number of counters: the first arrivals.
        negative.replaceSubrange(69..<77, with: withUnsafeBytes(of: Int64(-1).littleEndian) { Data($0) })
        let outcome = ScenarioInputCheck.check(negative)
        XCTAssertTrue(outcome.hasPrefix("refused: fuzz-part: replication 0 holds a negative count"), outcome)
    }
}
