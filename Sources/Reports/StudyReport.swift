import ContactCenter
import Experiments
import Foundation
import Statistics

/// One point of a sweep or a capacity search: the settings that define it and its run.
public struct StudyPoint: Sendable {
    /// `(key, value)` in the order of the varied keys (`seats`, `140`).
    public var settings: [(key: String, value: String)]
    public var summary: RunSummary
    /// For a capacity search: the targets it misses (empty: it meets them all).
    public var failures: [String]?

    public init(settings: [(key: String, value: String)], summary: RunSummary, failures: [String]? = nil) {
        self.settings = settings
        self.summary = summary
        self.failures = failures
    }
}

/// The outputs of `ccsim sweep` and `ccsim capacity`: a table, a CSV (one row per
/// point: the settings, then every centre-wide KPI with its interval), JSON and an
/// HTML report with the KPI curves against the varied amount.
public enum StudyReport {
    /// Centre-wide KPIs, in CSV column order (all call types together, then resources).
    static let kpis: [KPI] = IntervalsCSV.callTypeKPIs + IntervalsCSV.resourceKPIs
    /// Columns of the printed table.
    static let tableKPIs: [(KPI, String, Int, Double)] = [
        (.serviceLevel, "SL %", 1, 100), (.abandonFraction, "aband. %", 2, 100), (.asa, "ASA s", 1, 1),
        (.blockedFraction, "blocked %", 2, 100), (.ivrBlockedFraction, "IVR blocked %", 2, 100),
        (.occupancy, "occ. %", 1, 100), (.seatLostAgentMinutes, "seat-lost min", 0, 1),
    ]

    static func estimate(_ point: StudyPoint, _ kpi: KPI) -> ConfidenceInterval? {
        point.summary.total[kpi] ?? point.summary.resources[kpi]
    }

    /// The printed table: one row per point.
    public static func table(_ points: [StudyPoint], chosen: Int? = nil) -> String {
        guard let first = points.first else { return "" }
        let shown = tableKPIs.filter { kpi, _, _, _ in points.contains { estimate($0, kpi) != nil } }
        var rows = [first.settings.map(\.key) + shown.map(\.1) + (first.failures == nil ? [] : ["targets"])]
        for (i, point) in points.enumerated() {
            var row = point.settings.map(\.value)
            row += shown.map { kpi, _, decimals, scale in
                estimate(point, kpi).map { NumberFormat.estimate($0.mean * scale, $0.halfWidth * scale, decimals: decimals) } ?? "–"
            }
            if let failures = point.failures {
                row.append((failures.isEmpty ? "met" : "missed: " + Set(failures.map { $0.components(separatedBy: " ").first ?? $0 }).sorted().joined(separator: ", "))
                           + (chosen == i ? "  ← smallest" : ""))
            }
            rows.append(row)
        }
        return TextTable.layout(rows)
    }

    /// One row per point: the settings, then `kpi`, `kpi_ci_low`, `kpi_ci_high` per KPI.
    public static func csv(_ points: [StudyPoint]) -> String {
        guard let first = points.first else { return "" }
        var header = first.settings.map(\.key)
        for kpi in kpis { header += [kpi.rawValue, kpi.rawValue + "_ci_low", kpi.rawValue + "_ci_high"] }
        var lines = [header.map(NumberFormat.csvField).joined(separator: ",")]
        for point in points {
            var cells = point.settings.map { NumberFormat.csvField($0.value) }
            for kpi in kpis {
                cells += estimate(point, kpi).map { [$0.mean, $0.low, $0.high].map(NumberFormat.decimal) } ?? ["", "", ""]
            }
            lines.append(cells.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: JSON

    /// `{"points": [{"settings": {key: value}, "total": {kpi: estimate}, "resources": {…},
    /// "call_types": {id: {…}}, "failures": […], "meets": …}], …extra}` with keys sorted;
    /// `pointsKey` names the list (`points` for a sweep, `curve` for a capacity search).
    public static func json(_ points: [StudyPoint], pointsKey: String = "points",
                            extra: [String: JSONValue] = [:]) throws -> Data {
        var document = extra
        document[pointsKey] = .array(points.map(pointJSON))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        var data = try encoder.encode(JSONValue.object(document))
        data.append(0x0A)
        return data
    }

    static func pointJSON(_ point: StudyPoint) -> JSONValue {
        func estimates(_ s: KPISummary) -> JSONValue {
            .object(Dictionary(uniqueKeysWithValues: s.estimates.map { kpi, ci in
                (kpi.rawValue, JSONValue.object(["mean": .number(ci.mean), "ci_low": .number(ci.low), "ci_high": .number(ci.high)]))
            }))
        }
        var object: [String: JSONValue] = [
            "settings": .object(Dictionary(uniqueKeysWithValues: point.settings.map { ($0.key, JSONValue.number(Double($0.value) ?? .nan)) })),
            "total": estimates(point.summary.total), "resources": estimates(point.summary.resources),
            "call_types": .object(Dictionary(uniqueKeysWithValues: zip(point.summary.model.callTypes, point.summary.callTypes)
                .map { ($0.id, estimates($1)) })),
        ]
        if let failures = point.failures {
            object["failures"] = .array(failures.map(JSONValue.text))
            object["meets"] = .flag(failures.isEmpty)
        }
        return .object(object)
    }

    // MARK: HTML

    /// The report: for each main KPI, its curve (with confidence band) against the first
    /// varied key — one line per value of the second key, if any — with the targets and
    /// the chosen amount marked; then the table.
    public static func html(title: String, description: String, points: [StudyPoint],
                            targets: [KPITarget] = [], chosen: Int? = nil, runSeconds: Double) -> String {
        guard let first = points.first else { return HTMLPage.wrap(title: title, body: "<p>No points.</p>") }
        let key = first.settings[0].key
        let groups = Dictionary(grouping: points, by: { $0.settings.count > 1 ? $0.settings[1].value : "" })
        let groupKeys = groups.keys.sorted { (Double($0) ?? 0) < (Double($1) ?? 0) }
        let xs = Array(Set(points.map { Double($0.settings[0].value) ?? 0 })).sorted()
        var body = "<h1>\(HTMLPage.escape(title))</h1>\n<p>\(HTMLPage.escape(description))</p>\n"
            + "<dl class=\"meta\"><dt>Replications per point</dt><dd>\(first.summary.replications), seed \(first.summary.seed) "
            + "(common random numbers across points)</dd><dt>ccsim version</dt><dd>\(ccsimVersion)</dd>"
            + "<dt>Run time</dt><dd>\(String(format: "%.2f s", runSeconds))</dd></dl>\n<h2>Curves</h2>\n"
        for (kpi, _, _, _) in tableKPIs where points.contains(where: { (estimate($0, kpi)?.high ?? 0) != 0 })
            || targets.contains(where: { $0.kpi == kpi }) {
            let series = groupKeys.map { g -> SVGChart.Series in
                let byX = Dictionary(uniqueKeysWithValues: groups[g]!.map { (Double($0.settings[0].value) ?? 0, estimate($0, kpi)) })
                let name = g.isEmpty ? kpi.rawValue : "\(first.settings[1].key) = \(g)"
                return SVGChart.Series(name: name, values: xs.map { byX[$0]??.mean },
                                       band: xs.map { x in (byX[x] ?? nil).map { (low: $0.low, high: $0.high) } })
            }
            let references = targets.filter { $0.kpi == kpi }.map {
                SVGChart.ReferenceLine(value: $0.value, label: "target \($0)")
            }
            let markers = chosen.map { [(x: Double(points[$0].settings[0].value) ?? 0, label: "smallest: \(points[$0].settings[0].value)")] } ?? []
            body += SVGChart.render(SVGChart.LineChart(
                id: "chart-\(kpi.rawValue)", title: "\(kpi.rawValue) against \(key) (with 95% band)",
                xLabels: xs.map(NumberFormat.decimal), xValues: xs, yLabel: kpi.rawValue, series: series,
                references: references, verticalMarkers: markers))
        }
        body += "<h2>Points</h2>\n<pre>\(HTMLPage.escape(table(points, chosen: chosen)))</pre>\n"
        return HTMLPage.wrap(title: title, body: body)
    }

    /// The answer of a capacity search in words: the smallest amount, or what is still
    /// missed at the largest amount tried.
    public static func capacityVerdict(_ search: CapacitySearch, resource: String, current: Int?, maximum: Int) -> String {
        if let smallest = search.smallest {
            return "smallest \(resource): \(smallest)" + (current.map { " (the scenario has \($0))" } ?? "")
        }
        let missed = search.curve.last?.failures.prefix(6).joined(separator: ", ") ?? ""
        return "no amount up to \(maximum) meets the targets; at \(search.curve.last?.amount ?? maximum) still missed: \(missed)"
            + ((search.curve.last?.failures.count ?? 0) > 6 ? ", …" : "")
    }
}
