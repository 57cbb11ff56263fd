import Foundation
import XCTest

/// `ccsim run --shard K/N` and `ccsim merge`: the merged outputs are the unsharded
/// run's, byte for byte, whatever the order of the parts; parts that do not belong
/// together are refused, naming the part.
final class ShardMergeTests: CLITestCase {
    private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    private func shard(_ k: Int, of n: Int, extra: [String] = []) throws -> String {
        let part = path("part\(k)-\(n)\(extra.isEmpty ? "" : "-x")")
        let outcome = try CCSimProcess.run(["run", scenario, "--shard", "\(k)/\(n)", "--out", part, "--threads", "1"] + extra)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        return part
    }

    func testMergedPartsEqualTheSingleRunByteForByte() throws {
        let single = path("single")
        XCTAssertEqual(try CCSimProcess.run(["run", scenario, "--out", single, "--variant", "busier"]).status, 0)
        let parts = try (1...3).map { try shard($0, of: 3, extra: ["--variant", "busier"]) }
        let merged = path("merged")
        let outcome = try CCSimProcess.run(["merge", parts[2], parts[0], parts[1] + "/part.json", "--out", merged,
                                            "--report", merged + ".html"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        for name in ["summary.json", "intervals.csv", "agent_groups.csv"] {
            let a = try Data(contentsOf: URL(fileURLWithPath: single + "/" + name))
            let b = try Data(contentsOf: URL(fileURLWithPath: merged + "/" + name))
            XCTAssertEqual(a, b, "\(name) differs from the single run's")
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: merged + ".html"))
    }

    func testPartsThatDoNotBelongTogetherAreRefused() throws {
        let parts = try (1...2).map { try shard($0, of: 2) }
        let foreign = try shard(2, of: 2, extra: ["--set", "seats=30"])
        let reseeded = path("reseeded")
        XCTAssertEqual(try CCSimProcess.run(["run", scenario, "--shard", "1/2", "--seed", "9", "--out", reseeded]).status, 0)
        let other = try shard(1, of: 4)
        let garbage = path("garbage.json")
        try Data("{\"header\": 1}".utf8).write(to: URL(fileURLWithPath: garbage))
        let damaged = path("damaged")
        try FileManager.default.copyItem(atPath: parts[1], toPath: damaged)
        let results = URL(fileURLWithPath: damaged + "/results.bin")
        try Data(try Data(contentsOf: results).dropLast(9)).write(to: results)
        let cases: [([String], String)] = [
            ([parts[0], damaged], "results.bin: the record of replication 3 is cut short"),
            ([parts[0]], "shard 2/2 missing"),
            ([parts[0], parts[1], parts[1]], "are both shard 2/2"),
            ([parts[0], foreign], "another scenario, or other --set or --variant"),
            ([parts[1], reseeded], "seed 9 differs"),
            ([parts[0], other], "number of shards 4 differs"),
            ([parts[0], garbage], "not a part written by `ccsim run --shard`"),
            ([parts[0], path("absent")], "no such part"),
        ]
        for (arguments, message) in cases {
            let outcome = try CCSimProcess.run(["merge"] + arguments + ["--out", path("merged")])
            XCTAssertEqual(outcome.status, 65, "\(arguments): \(outcome.stderr)")
            XCTAssertTrue(outcome.stderr.contains(message), "\(arguments): \(outcome.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: path("merged")), "nothing written")
        }
    }

    func testMergedSweepPartsEqualTheSingleSweep() throws {
        let grid = ["--vary", "seats=30..40:5", "--vary", "agent_groups.team.agents=15..17", "--replications", "3"]
        let single = try CCSimProcess.run(["sweep", scenario, "--out", path("single.csv")] + grid)
        XCTAssertEqual(single.status, 0, single.stderr)
        let parts = try (1...4).map { k -> String in
            let part = path("sweep\(k)")
            let outcome = try CCSimProcess.run(["sweep", scenario, "--shard", "\(k)/4", "--out", part] + grid)
            XCTAssertEqual(outcome.status, 0, outcome.stderr)
            return part
        }
        let merged = try CCSimProcess.run(["merge"] + parts.reversed() + ["--out", path("merged.csv")])
        XCTAssertEqual(merged.status, 0, merged.stderr)
        XCTAssertEqual(merged.stdout, single.stdout, "the same table")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path("merged.csv"))),
                       try Data(contentsOf: URL(fileURLWithPath: path("single.csv"))))
        let otherGrid = path("other")
        XCTAssertEqual(try CCSimProcess.run(["sweep", scenario, "--shard", "4/4", "--out", otherGrid, "--vary", "seats=30..45:5",
                                             "--vary", "agent_groups.team.agents=15..17", "--replications", "3"]).status, 0)
        let mixed = try CCSimProcess.run(["merge", parts[0], parts[1], parts[2], otherGrid, "--out", path("mixed.csv")])
        XCTAssertEqual(mixed.status, 65)
        XCTAssertTrue(mixed.stderr.contains("points"), mixed.stderr)
        let run = try shard(1, of: 2)
        let kinds = try CCSimProcess.run(["merge", parts[0], run, "--out", path("kinds.csv")])
        XCTAssertEqual(kinds.status, 65)
        XCTAssertTrue(kinds.stderr.contains("cannot be merged together"), kinds.stderr)
    }

    func testShardOptionsAreChecked() throws {
        for arguments in [["--shard", "0/3", "--out", path("p")], ["--shard", "4/3", "--out", path("p")],
                          ["--shard", "1/3"], ["--shard", "1/3", "--out", path("p"), "--json"]] {
            let outcome = try CCSimProcess.run(["run", scenario] + arguments)
            XCTAssertEqual(outcome.status, 64, "\(arguments): \(outcome.stderr)")
        }
        let tooMany = try CCSimProcess.run(["run", scenario, "--shard", "1/5", "--out", path("p")])
        XCTAssertNotEqual(tooMany.status, 0, "5 shards of 4 replications")
        XCTAssertTrue(tooMany.stderr.contains("leave some empty"), tooMany.stderr)
    }
}
