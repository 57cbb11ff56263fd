import ContactCenter
import Experiments
import Foundation
import Statistics

/// The outputs of `ccsim compare`: a table of the main KPIs of A and B with the paired
/// difference B − A, the same as JSON (every KPI), and a self-contained HTML report
/// with a chart of the differences and their intervals.
public enum ComparisonReport {
    /// KPIs shown in the table and the report, in order (those a subject defines).
    static let shownKPIs: [KPI] = [
        .serviceLevel, .abandonFraction, .asa, .waitP90, .blockedFraction, .ivrBlockedFraction, .responseTime,
        .callersServedFraction, .occupancy, .trunksBusy, .ivrPortsBusy, .seatsInUse, .seatLostAgentMinutes,
        .followUpRate,
    ]

    /// The differences worth showing: the main KPIs of every subject but the agent
    /// groups, leaving out those that are 0 in every replication of both runs.
    static func shown(_ c: PairedComparison) -> [PairedComparison.Difference] {
        c.differences.filter {
            shownKPIs.contains($0.kpi) && !$0.subject.hasPrefix("agent_groups.")
                && !($0.a.low == 0 && $0.a.high == 0 && $0.b.low == 0 && $0.b.high == 0)
        }
    }

    /// The readable table.
    public static func table(_ c: PairedComparison, nameA: String, nameB: String) -> String {
        var out = "A: \(nameA)\nB: \(nameB)\n\(c.replications) paired replications, seed \(c.seed) "
            + "(common random numbers), \(NumberFormat.decimal(c.confidenceLevel * 100))% confidence intervals\n\n"
        var rows = [["subject", "KPI", "A", "B", "B − A", ""]]
        for d in shown(c) {
            rows.append([d.subject, d.kpi.rawValue, format(d.a), format(d.b), format(d.difference),
                         d.isSignificant ? "significant" : ""])
        }
        out += TextTable.layout(rows)
        return out + "\nsignificant: the interval of the paired difference excludes 0.\n"
    }

    private static func format(_ ci: ConfidenceInterval) -> String {
        String(format: "%.4g ± %.2g", ci.mean, ci.halfWidth)
    }

    // MARK: JSON

    /// `{"a", "b", "seed", "replications", "confidence_level", "differences": [{"subject",
    /// "kpi", "a", "b", "difference", "significant"}]}`, every KPI, keys sorted.
    public static func json(_ c: PairedComparison, nameA: String, nameB: String) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        var data = try encoder.encode(Document(
            a: nameA, b: nameB, seed: c.seed, replications: c.replications, confidenceLevel: c.confidenceLevel,
            differences: c.differences.map {
                Row(subject: $0.subject, kpi: $0.kpi.rawValue, a: .init($0.a), b: .init($0.b),
                    difference: .init($0.difference), significant: $0.isSignificant)
            }))
        data.append(0x0A)
        return data
    }

    struct Document: Encodable {
        let a: String, b: String, seed: UInt64, replications: Int, confidenceLevel: Double, differences: [Row]
        enum CodingKeys: String, CodingKey {
            case a, b, seed, replications, confidenceLevel = "confidence_level", differences
        }
    }

    struct Row: Encodable {
        let subject: String, kpi: String
        let a: SummaryJSON.Estimate, b: SummaryJSON.Estimate, difference: SummaryJSON.Estimate
        let significant: Bool
    }

    // MARK: HTML

    /// The report: header, one chart of paired differences per main KPI, the table.
    public static func html(_ c: PairedComparison, nameA: String, nameB: String, runSeconds: Double) -> String {
        let differences = shown(c)
        var body = "<h1>Comparison</h1>\n<dl class=\"meta\"><dt>A</dt><dd>\(HTMLPage.escape(nameA))</dd><dt>B</dt><dd>\(HTMLPage.escape(nameB))</dd>"
            + "<dt>Replications</dt><dd>\(c.replications) paired (common random numbers, seed \(c.seed))</dd>"
            + "<dt>ccsim version</dt><dd>\(ccsimVersion)</dd>"
            + "<dt>Run time</dt><dd>\(String(format: "%.2f s", runSeconds))</dd></dl>\n"
            + "<p>Each chart shows B − A per subject with its \(NumberFormat.decimal(c.confidenceLevel * 100))% interval, "
            + "paired by replication. A difference is significant when its interval excludes 0.</p>\n<h2>Paired differences</h2>\n"
        for kpi in shownKPIs {
            let rows = differences.filter { $0.kpi == kpi }
            guard !rows.isEmpty else { continue }
            body += SVGChart.render(SVGChart.IntervalChart(
                id: "chart-difference-\(kpi.rawValue)", title: "B − A: \(kpi.rawValue)", xLabel: "difference B − A",
                rows: rows.map { ($0.subject, $0.difference.mean, $0.difference.low, $0.difference.high) }))
        }
        body += "<h2>Table</h2>\n<table id=\"differences\"><tr><th class=\"name\">subject</th><th class=\"name\">KPI</th>"
            + "<th>A</th><th>B</th><th>B − A</th><th class=\"name\">significant</th></tr>"
        for d in differences {
            body += "<tr><td class=\"name\">\(HTMLPage.escape(d.subject))</td><td class=\"name\">\(d.kpi.rawValue)</td>"
                + "<td>\(HTMLPage.escape(format(d.a)))</td><td>\(HTMLPage.escape(format(d.b)))</td>"
                + "<td data-subject=\"\(HTMLPage.escape(d.subject))\" data-kpi=\"\(d.kpi.rawValue)\" data-mean=\"\(d.difference.mean)\" "
                + "data-ci-low=\"\(d.difference.low)\" data-ci-high=\"\(d.difference.high)\">\(HTMLPage.escape(format(d.difference)))</td>"
                + "<td class=\"name\">\(d.isSignificant ? "✓ yes" : "no")</td></tr>"
        }
        body += "</table>\n"
        return HTMLPage.wrap(title: "\(nameA) vs \(nameB)", body: body)
    }

}
