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

    /// The report: for each main KPI (and each KPI with a target), its curve (with
    /// confidence band) against the first varied key — one line per value of the second
    /// key, if any — with the targets and the chosen amount marked; then the table.
    /// The curves show the figure the targets are judged on: with `scope`
    /// ``TargetScope/interval``, a targeted KPI's curve is its worst interval's value
    /// among those starting in `window` (``RunSummary/judgedEstimate(of:over:window:)``),
    /// the other KPIs' the whole period's.
    public static func html(title: String, description: String, points: [StudyPoint],
                            targets: [KPITarget] = [], scope: TargetScope = .day, window: Range<Double>? = nil,
                            chosen: Int? = nil, runSeconds: Double) -> String {
        guard let first = points.first else { return HTMLPage.wrap(title: title, body: "<p>No points.</p>") }
        var body = "<h1>\(HTMLPage.escape(title))</h1>\n<p>\(HTMLPage.escape(description))</p>\n"
            + "<dl class=\"meta\"><dt>Replications per point</dt><dd>\(first.summary.replications), seed \(first.summary.seed) "
            + "(common random numbers across points)</dd><dt>ccsim version</dt><dd>\(ccsimVersion)</dd>"
            + "<dt>Run time</dt><dd>\(String(format: "%.2f s", runSeconds))</dd></dl>\n<h2>Curves</h2>\n"
        let curves = Curves(points: points, chosen: chosen)
        for kpi in chartedKPIs(points, targets: targets) {
            let judged = scope == .interval ? targets.filter { $0.kpi == kpi } : []
            body += judged.isEmpty
                ? curves.wholePeriod(kpi, targets: targets.filter { $0.kpi == kpi }, scope: scope)
                : curves.worstInterval(kpi, targets: judged, window: window)
        }
        body += "<h2>Points</h2>\n<pre>\(HTMLPage.escape(table(points, chosen: chosen)))</pre>\n"
        return HTMLPage.wrap(title: title, body: body)
    }

    /// The KPIs drawn: those of the table that are not 0 everywhere, and every KPI with a target.
    static func chartedKPIs(_ points: [StudyPoint], targets: [KPITarget]) -> [KPI] {
        var kpis = tableKPIs.map(\.0).filter { kpi in
            points.contains { (estimate($0, kpi)?.high ?? 0) != 0 } || targets.contains { $0.kpi == kpi }
        }
        for target in targets where !kpis.contains(target.kpi) { kpis.append(target.kpi) }
        return kpis
    }

    /// The curves of a study's report against its first varied key.
    struct Curves {
        let points: [StudyPoint]
        let chosen: Int?
        let key: String
        /// The values of the first key, in increasing order.
        let xs: [Double]
        /// The points by value of the second key (`""` without one), in increasing order.
        let groups: [(value: String, points: [StudyPoint])]

        init(points: [StudyPoint], chosen: Int?) {
            self.points = points
            self.chosen = chosen
            key = points[0].settings[0].key
            xs = Array(Set(points.map(Self.x))).sorted()
            let byValue = Dictionary(grouping: points, by: { $0.settings.count > 1 ? $0.settings[1].value : "" })
            groups = byValue.keys.sorted { (Double($0) ?? 0) < (Double($1) ?? 0) }.map { ($0, byValue[$0]!) }
        }

        static func x(_ point: StudyPoint) -> Double { Double(point.settings[0].value) ?? 0 }

        /// The whole period's estimate of `kpi` at each point.
        func wholePeriod(_ kpi: KPI, targets: [KPITarget], scope: TargetScope) -> String {
            let period = scope == .interval ? " over the whole period" : ""
            return chart(id: "chart-\(kpi.rawValue)", title: "\(kpi.rawValue)\(period) against \(key) (with 95% band)",
                         kpi: kpi, series: series(kpi.rawValue, qualifier: nil) { estimate($0, kpi) }, targets: targets)
        }

        /// The worst interval's estimate of `kpi` at each point, for each of its targets,
        /// and the interval each point's worst is.
        func worstInterval(_ kpi: KPI, targets: [KPITarget], window: Range<Double>?) -> String {
            let timing = points[0].summary.model.timing
            let within = window.map { " starting \(timing.label($0.lowerBound))–\(timing.label($0.upperBound))" } ?? ""
            var lines: [SVGChart.Series] = []
            var worst: [String] = []
            for target in targets {
                let name = "worst interval" + (targets.count > 1 ? " for \(target)" : "")
                lines += series(name, qualifier: name) {
                    $0.summary.judgedEstimate(of: target, over: .interval, window: window)?.estimate
                }
                worst += points.map { point in
                    let place = point.summary.judgedEstimate(of: target, over: .interval, window: window)?.interval
                        .map { timing.label($0.start) } ?? "no calls"
                    return "\(point.settings.map(\.value).joined(separator: ", ")): \(place)"
                        + (targets.count > 1 ? " (\(target))" : "")
                }
            }
            return chart(id: "chart-\(kpi.rawValue)",
                         title: "\(kpi.rawValue) in the worst interval\(within) against \(key) (with 95% band)",
                         kpi: kpi, series: lines, targets: targets)
                + "<p class=\"note\">The worst interval of each point (\(HTMLPage.escape(key))): "
                + HTMLPage.escape(worst.joined(separator: "; ")) + ".</p>\n"
        }

        /// One line per value of the second key: `value` at each x, with its band, named
        /// `name` without a second key, else by the second key's value and `qualifier`.
        private func series(_ name: String, qualifier: String?,
                            _ value: (StudyPoint) -> ConfidenceInterval?) -> [SVGChart.Series] {
            groups.map { group in
                let byX = Dictionary(group.points.map { (Self.x($0), value($0)) }, uniquingKeysWith: { first, _ in first })
                let label = group.value.isEmpty ? name : "\(group.points[0].settings[1].key) = \(group.value)"
                    + (qualifier.map { " (\($0))" } ?? "")
                return SVGChart.Series(name: label, values: xs.map { byX[$0]??.mean },
                                       band: xs.map { x in (byX[x] ?? nil).map { (low: $0.low, high: $0.high) } })
            }
        }

        private func chart(id: String, title: String, kpi: KPI, series: [SVGChart.Series], targets: [KPITarget]) -> String {
            let references = targets.map { SVGChart.ReferenceLine(value: $0.value, label: "target \($0)") }
            let markers = chosen.map { [(x: Self.x(points[$0]), label: "smallest: \(points[$0].settings[0].value)")] } ?? []
            return SVGChart.render(SVGChart.LineChart(
                id: id, title: title, xLabels: xs.map(NumberFormat.decimal), xValues: xs, yLabel: kpi.rawValue,
                series: series, references: references, verticalMarkers: markers, exactValues: true))
        }
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
