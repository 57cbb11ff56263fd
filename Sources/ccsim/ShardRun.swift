import ArgumentParser
import Experiments
import Foundation
import Reports
import Scenario

extension RunCommand {
    /// `ccsim run FILE --shard K/N --out PART`: the shard's replications of the scenario as
    /// simulated (its text after `--set` and `--variant`), written as `PART/part.json`.
    func runShard(_ shard: Shard) throws {
        let loaded = try scenarioOptions.load(file)
        let text = try ScenarioLoader.rewrite(loaded, overrides: [])
        // The model the merge will read: the part's own text, parsed the same way.
        let scenario = try ScenarioLoader.parse(yaml: text, fileName: file)
        let output = OutputDirectory(path: out ?? "", replaceExisting: force)
        try output.checkWritable()
        let seed = runs.seed(for: loaded)
        let total = runs.replications(for: loaded)
        guard shard.count <= total else {
            throw ValidationError("--shard \(shard): \(shard.count) shards of \(total) replications leave some empty; use at most \(total) shards")
        }
        let range = shard.share(of: total)
        let progress = ProgressReporter(total: range.count)
        let results = try ReplicationRunner.run(model: scenario.model, seed: seed, replications: range.count,
                                                firstReplication: range.lowerBound, threads: runs.threads,
                                                progress: progress.report)
        progress.finish()
        let header = RunPartHeader(ccsimVersion: Reports.ccsimVersion, scenario: text, seed: seed,
                                   replications: total, shard: shard)
        try output.write(try RunPart(header: header, results: results).files())
        print("shard \(shard): replications \(range.lowerBound)–\(range.upperBound - 1) of \(total) (seed \(seed)), "
            + "scenario \(header.scenarioHash)\nwrote \(output.path)/part.json")
    }
}
