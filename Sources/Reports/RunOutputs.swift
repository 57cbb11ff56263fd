import Experiments
import Foundation

/// The files of a run's `--out` folder, as `ccsim run` and `ccsim merge` write them.
public enum RunOutputs {
    /// Their names, as the commands report them.
    public static let names = "summary.json, intervals.csv, agent_groups.csv"

    /// `summary.json`, `intervals.csv` and `agent_groups.csv` of `summary`.
    public static func files(_ summary: RunSummary) throws -> [(name: String, contents: Data)] {
        [("summary.json", try SummaryJSON.encode(summary)),
         ("intervals.csv", Data(IntervalsCSV.callTypes(summary).utf8)),
         ("agent_groups.csv", Data(IntervalsCSV.groups(summary).utf8))]
    }
}
