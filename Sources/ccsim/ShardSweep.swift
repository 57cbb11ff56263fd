import ArgumentParser
import Experiments
import Foundation
import Reports
import Scenario

extension SweepCommand {
    /// `ccsim sweep FILE --vary … --shard K/N --out PART`: the shard's grid points, each
    /// with its scenario as simulated and its replications' results, as `PART/part.json`.
    func runShard(_ shard: Shard) throws {
        let base = try scenarioOptions.load(file)
        let output = OutputDirectory(path: out ?? "", replaceExisting: study.force)
        try output.checkWritable()
        let grid = SweepRange.grid(vary.compactMap(SweepRange.init(parsing:)))
        guard shard.count <= grid.count else {
            throw ValidationError("--shard \(shard): \(shard.count) shards of \(grid.count) points leave some empty; use at most \(grid.count) shards")
        }
        let seed = study.runs.seed(for: base)
        let replications = study.runs.replications(for: base)
        let share = shard.share(of: grid.count)
        let progress = ProgressReporter(total: share.count, unit: "points")
        var points: [SweepPart.Point] = []
        for index in share {
            let extra = try grid[index].map { try ScenarioOverride(parsing: "\($0.key)=\($0.value)") }
            let text = try ScenarioLoader.rewrite(scenarioOptions.load(file, extra: extra), overrides: [])
            let model = try ScenarioLoader.parse(yaml: text, fileName: file).model
            let results = try ReplicationRunner.run(model: model, seed: seed, replications: replications, threads: study.runs.threads)
            points.append(SweepPart.Point(index: index, settings: grid[index], scenario: text, results: results))
            progress.report(points.count)
        }
        progress.finish()
        let header = RunPartHeader(format: SweepPart.format, ccsimVersion: Reports.ccsimVersion,
                                   scenario: try ScenarioLoader.rewrite(base, overrides: []), seed: seed,
                                   replications: replications, shard: shard)
        let part = SweepPart(header: header, source: file, vary: vary, pointCount: grid.count, points: points)
        try output.write(try part.files())
        print("shard \(shard): points \(share.lowerBound + 1)–\(share.upperBound) of \(grid.count) (seed \(seed)), "
            + "scenario \(header.scenarioHash)\nwrote \(output.path)/part.json")
    }
}
