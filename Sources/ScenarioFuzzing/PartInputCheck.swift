import ContactCenter
import Experiments
import Foundation
import Scenario

extension ScenarioInputCheck {
    /// The scenario of which `part` inputs are results: two hours, one call type, one group.
    static let partScenario = """
        name: fuzzed part
        horizon: 2h
        interval: 1h
        replications: 1
        call_types:
          - id: calls
            arrivals: {per_hour: 20}
            handle_time: {distribution: exponential, mean: 180}
            patience: {distribution: exponential, mean: 120}
        agent_groups:
          - id: team
            skills: [calls]
            agents: 2

        """

    /// Reads `bytes` as the results of replication 0 of ``partScenario`` and merges them as
    /// the one shard of a run, with the checksums of the record and of results.bin made
    /// right (as `ccsim run --shard 1/1` writes them), so that the fuzzer reaches past the
    /// checksums into what a part made on purpose, or by a ccsim bug, could hold: the
    /// reader, the merge's checks and the summary.
    static func checkPart(_ bytes: Data) -> String {
        do {
            let model = try ScenarioLoader.parse(yaml: partScenario, fileName: "fuzz-part.yaml").model
            let header = RunPartHeader(ccsimVersion: "fuzz", scenario: partScenario, seed: 1, replications: 1,
                                       shard: Shard(index: 1, count: 1))
            let files = try RunPart(header: header, results: [ReplicationResult(binary: bytes)]).files()
            let part = try RunPart.read(json: files[0].contents, results: files[1].contents, name: "fuzz-part")
            var accumulator = RunAccumulator(model: model)
            try RunMerge.add(part, name: "fuzz-part", to: &accumulator)
            return "merged \(accumulator.finalSummary(seed: 1).replications) replication"
        } catch {
            return "refused: \(error)"
        }
    }
}
