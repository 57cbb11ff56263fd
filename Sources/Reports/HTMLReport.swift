import ContactCenter
import Experiments
import Foundation
import Statistics

/// The self-contained HTML report of a run: one file with inline CSS and SVG charts, no
/// scripts, fonts or network, so it opens from a mail attachment. It is also
/// well-formed XML, and every number in its tables carries its exact value in `data-`
/// attributes (`data-subject`, `data-kpi`, `data-mean`, `data-ci-low`, `data-ci-high`),
/// the same as in `summary.json`.
public enum HTMLReport {
    /// Agents per interval drawn against the simulated ones in the staffing chart, in
    /// place of the Erlang reference: a roster's requirement and its plan.
    public struct StaffingLine: Sendable {
        public var name: String
        /// One value per interval.
        public var agents: [Double]

        public init(name: String, agents: [Double]) {
            self.name = name
            self.agents = agents
        }
    }

    /// A table of the command's own, shown after the targets (a roster's shifts).
    public struct Section: Sendable {
        public var id: String
        public var title: String
        public var note: String
        public var header: [String]
        public var rows: [[String]]

        public init(id: String, title: String, note: String, header: [String], rows: [[String]]) {
            self.id = id
            self.title = title
            self.note = note
            self.header = header
            self.rows = rows
        }
    }

    /// The report of `summary`, whose run took `runSeconds` of wall time; the staffing
    /// chart compares the simulated agents with `staffing` if given, else with an Erlang
    /// calculator's requirement; `sections` come after the targets.
    public static func render(_ summary: RunSummary, runSeconds: Double, staffing: [StaffingLine]? = nil,
                              sections: [Section] = []) -> String {
        let s = summary
        var body = header(s, runSeconds: runSeconds)
        body += targets(s)
        body += sections.map(render).joined()
        body += "<h2>Charts</h2>\n" + charts(s, staffing: staffing)
        body += "<h2>KPIs</h2>\n" + kpiTable(s) + groupTable(s) + resourceTable(s) + followUpTable(s)
        body += "<h2>Per interval</h2>\n" + intervalTables(s)
        return HTMLPage.wrap(title: "\(s.model.name) — ccsim report", body: body)
    }

    // MARK: Header, targets and sections

    private static func render(_ section: Section) -> String {
        "<h2>\(HTMLPage.escape(section.title))</h2>\n<p>\(HTMLPage.escape(section.note))</p>\n<table id=\"\(HTMLPage.escape(section.id))\"><tr>"
            + section.header.enumerated().map { "<th\($0.offset == 0 ? " class=\"name\"" : "")>\(HTMLPage.escape($0.element))</th>" }.joined()
            + "</tr>" + section.rows.map { row in
                "<tr>" + row.enumerated().map { "<td\($0.offset == 0 ? " class=\"name\"" : "")>\(HTMLPage.escape($0.element))</td>" }.joined() + "</tr>"
            }.joined() + "</table>\n"
    }

    private static func header(_ s: RunSummary, runSeconds: Double) -> String {
        let t = s.model.timing
        let rows: [(String, String)] = [
            ("Scenario", s.model.name), ("Seed", String(s.seed)), ("Replications", String(s.replications)),
            ("ccsim version", ccsimVersion), ("Run time", String(format: "%.2f s", runSeconds)),
            ("Simulated period", "\(hours(t.horizon)) h, warm-up \(hours(t.warmup)) h, intervals of \(NumberFormat.decimal(t.intervalLength / 60)) min"),
            ("Trunk lines", s.model.trunks.map(String.init) ?? "unlimited"),
            ("Confidence level", "\(NumberFormat.decimal(s.confidenceLevel * 100)) %"),
        ]
        return "<h1>\(HTMLPage.escape(s.model.name))</h1>\n<dl class=\"meta\">"
            + rows.map { "<dt>\(HTMLPage.escape($0.0))</dt><dd>\(HTMLPage.escape($0.1))</dd>" }.joined() + "</dl>\n"
    }

    private static func targets(_ s: RunSummary) -> String {
        var rows = ""
        for (type, kpis) in zip(s.model.callTypes, s.callTypes) {
            for target in type.kpiTargets {
                let verdict = Verdict(kpis[target.kpi], target: target)
                rows += "<tr><td class=\"name\">\(HTMLPage.escape(type.id))</td><td>\(HTMLPage.escape(describe(target, of: type)))</td>"
                    + cell(kpis[target.kpi], subject: "call_types.\(type.id)", kpi: target.kpi)
                    + "<td class=\"name \(verdict.cssClass)\">\(verdict.symbol) \(verdict.text)</td></tr>"
            }
        }
        guard !rows.isEmpty else { return "<p>The scenario sets no target.</p>\n" }
        return "<h2>Targets</h2>\n<p>Met: the whole confidence interval is on the right side of the target. "
            + "Missed: it is entirely on the wrong side. Unsure: it straddles the target (run more replications).</p>\n"
            + "<table id=\"targets\"><tr><th class=\"name\">call type</th><th>target</th><th>result</th>"
            + "<th class=\"name\">verdict</th></tr>\(rows)</table>\n"
    }

    /// `80 % within 20 s`, `abandon_fraction ≤ 5 %`, `asa ≤ 30 s`.
    private static func describe(_ target: KPITarget, of type: CallType) -> String {
        switch target.kpi {
        case .serviceLevel: return "\(percent(target.value)) within \(NumberFormat.duration(type.serviceLevel.seconds))"
        case .asa: return "ASA ≤ \(NumberFormat.decimal(target.value)) s"
        case .abandonFraction: return "abandoned ≤ \(percent(target.value))"
        case .answerRate: return "answer rate ≥ \(percent(target.value))"
        default: return target.description
        }
    }

    /// Whether a target is met with confidence.
    struct Verdict {
        let symbol: String, text: String, cssClass: String

        init(_ ci: ConfidenceInterval?, target: KPITarget) {
            switch target.judge(ci) {
            case .met: (symbol, text, cssClass) = ("✓", "met", "met")
            case .missed: (symbol, text, cssClass) = ("✗", "missed", "missed")
            case .unsure: (symbol, text, cssClass) = ("?", "unsure", "unsure")
            case nil: (symbol, text, cssClass) = ("–", "no calls offered", "unsure")
            }
        }
    }

    // MARK: Charts

    private static func charts(_ run: RunSummary, staffing: [StaffingLine]?) -> String {
        let labels = run.intervals.map { run.model.timing.label($0.start) }
        var out = SVGChart.render(SVGChart.BarChart(
            id: "chart-calls", title: "Calls per interval (all call types, mean of replications)",
            xLabels: labels, yLabel: "calls",
            stacks: [("answered", KPI.answered), ("self-served", .selfServed), ("abandoned", .abandoned),
                     ("blocked", .blocked), ("IVR blocked", .ivrBlocked), ("unserved", .unserved), ("closed", .closed)]
                .filter { _, kpi in run.intervals.contains { ($0.total[kpi]?.mean ?? 0) > 0 } }
                .map { name, kpi in SVGChart.Series(name: name, values: run.intervals.map { $0.total[kpi]?.mean }) }))
        let s = openHoursOnly(run)
        for (k, type) in s.model.callTypes.enumerated() {
            out += SVGChart.render(SVGChart.LineChart(
                id: "chart-service-level-\(k)", title: "Service level per interval: \(type.id) (with \(percent(s.confidenceLevel)) band)",
                xLabels: labels, yLabel: "answered within \(NumberFormat.duration(type.serviceLevel.seconds)) / offered",
                series: [series(type.id, s.intervals.map { $0.callTypes[k][.serviceLevel] }, band: true)],
                references: type.serviceLevel.target.map { [SVGChart.ReferenceLine(value: $0, label: "target \(percent($0))")] } ?? [],
                yRange: 0...1))
        }
        out += staffingChart(s, labels: labels, staffing: staffing)
        out += resourceChart(s, labels: labels)
        out += SVGChart.render(SVGChart.LineChart(
            id: "chart-occupancy", title: "Occupancy per agent group", xLabels: labels, yLabel: "busy / logged in",
            series: s.model.agentGroups.enumerated().map { g, group in
                series(group.id, s.intervals.map { $0.groups[g][.occupancy] }, band: false)
            }, yRange: 0...1))
        out += SVGChart.render(SVGChart.LineChart(
            id: "chart-queue", title: "Mean number of waiting calls per interval", xLabels: labels, yLabel: "calls waiting",
            series: s.model.callTypes.enumerated().map { k, type in
                series(type.id, s.intervals.map { $0.callTypes[k][.meanQueue] }, band: false)
            }))
        return out + waitCharts(s)
    }

    /// The summary with the intervals when every call type is closed emptied, so that
    /// the line charts leave a gap there instead of drawing across the closed hours.
    static func openHoursOnly(_ s: RunSummary) -> RunSummary {
        guard let open = s.model.openIntervalMask else { return s }
        var shown = s
        shown.intervals = s.intervals.map { interval in
            guard !open[interval.index] else { return interval }
            var closed = interval
            closed.callTypes = closed.callTypes.map { _ in KPISummary() }
            closed.groups = closed.groups.map { _ in KPISummary() }
            (closed.total, closed.resources) = (KPISummary(), KPISummary())
            return closed
        }
        return shown
    }

    private static func staffingChart(_ s: RunSummary, labels: [String], staffing: [StaffingLine]?) -> String {
        var lines = [SVGChart.Series(name: "logged in (simulated)", values: s.intervals.map { interval in
            interval.groups.contains { $0[.agents] != nil } ? interval.groups.reduce(0.0) { $0 + ($1[.agents]?.mean ?? 0) } : nil
        })]
        var title = "Agents per interval"
        if let staffing {
            lines += staffing.map { line in SVGChart.Series(name: line.name, values: s.intervals.map { line.agents[$0.index] }) }
            title += ": staffed vs required"
        } else if let reference = StaffingReference.required(for: s.model) {
            lines.append(SVGChart.Series(name: "required (\(reference.method))",
                                         values: s.intervals.map { reference.agents[$0.index].map(Double.init) }))
            title += ": staffed vs required"
        }
        return SVGChart.render(SVGChart.LineChart(id: "chart-agents", title: title, xLabels: labels,
                                                  yLabel: "agents", series: lines))
    }

    /// Trunk lines, IVR ports and seats in use per interval, against their capacities.
    private static func resourceChart(_ s: RunSummary, labels: [String]) -> String {
        var series = [SVGChart.Series(name: "trunk lines busy", values: s.intervals.map { $0.resources[.trunksBusy]?.mean })]
        var references: [SVGChart.ReferenceLine] = []
        if let ivr = s.model.ivr {
            series.append(SVGChart.Series(name: "IVR ports busy", values: s.intervals.map { $0.resources[.ivrPortsBusy]?.mean }))
            references.append(SVGChart.ReferenceLine(value: Double(ivr.ports), label: "\(ivr.ports) IVR ports"))
        }
        series.append(SVGChart.Series(name: "seats in use", values: s.intervals.map { $0.resources[.seatsInUse]?.mean }))
        if let seats = s.model.seats {
            references.append(SVGChart.ReferenceLine(value: Double(seats), label: "\(seats) seats"))
        }
        // Compared as doubles: a mean of any size (read from a part) is no trap.
        let busiest = (series.flatMap { $0.values.compactMap { $0 } }.max() ?? 0).rounded(.towardZero)
        if let trunks = s.model.trunks, Double(trunks) <= 2 * busiest {
            references.append(SVGChart.ReferenceLine(value: Double(trunks), label: "\(trunks) lines"))
        }
        return SVGChart.render(SVGChart.LineChart(
            id: "chart-resources", title: "Trunk lines, IVR ports and seats in use per interval (mean)",
            xLabels: labels, yLabel: "in use", series: series, references: references))
    }

    /// The distribution of the wait of offered calls: P(wait ≤ t) per call type; the
    /// contacts of other channels, which wait hours rather than seconds, in a chart of
    /// their own.
    private static func waitCharts(_ s: RunSummary) -> String {
        let voice = s.model.callTypes.indices.filter { s.model.callTypes[$0].channel.isVoice }
        let others = s.model.callTypes.indices.filter { !s.model.callTypes[$0].channel.isVoice }
        return (voice.isEmpty ? "" : waitChart(s, types: voice, id: "chart-waits",
                                               title: "Waiting-time distribution (offered calls, all replications)"))
            + (others.isEmpty ? "" : waitChart(s, types: others, id: "chart-waits-other-channels",
                                               title: "Waiting-time distribution of e-mail, SMS, web and chat contacts"))
    }

    private static func waitChart(_ s: RunSummary, types: [Int], id: String, title: String) -> String {
        let longest = types.map { k in
            max(2 * s.model.callTypes[k].serviceLevel.seconds, 1.5 * (s.callTypes[k][.waitP95]?.mean ?? 0))
        }.max() ?? 60
        let step = [0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600].first { $0 >= longest / 60 } ?? longest / 60
        let ts = stride(from: 0.0, through: longest, by: step).map { $0 }
        return SVGChart.render(SVGChart.LineChart(
            id: id, title: title,
            xLabels: ts.map { longest > Timing.secondsPerHour ? NumberFormat.duration($0) : NumberFormat.decimal(($0 * 10).rounded() / 10) },
            xValues: ts,
            yLabel: "share waiting at most t (s)",
            series: types.map { k in
                SVGChart.Series(name: s.model.callTypes[k].id, values: ts.map { s.callTypeWaits[k].fraction(atOrBelow: $0) })
            }, yRange: 0...1,
            verticalMarkers: Set(types.map { s.model.callTypes[$0].serviceLevel.seconds }).sorted().map {
                (x: $0, label: NumberFormat.duration($0))
            }))
    }

    private static func series(_ name: String, _ cis: [ConfidenceInterval?], band: Bool) -> SVGChart.Series {
        SVGChart.Series(name: name, values: cis.map { $0?.mean },
                        band: band ? cis.map { $0.map { (low: $0.low, high: $0.high) } } : nil)
    }

    // MARK: Tables

    private static let tableKPIs: [KPI] = [
        .arrivals, .blockedFraction, .abandonFraction, .serviceLevel, .pWait, .asa, .meanWait, .waitP90, .aht, .occupancy,
    ]

    private static func kpiTable(_ s: RunSummary) -> String {
        var out = "<table id=\"kpis\"><tr><th class=\"name\">call type</th>"
            + tableKPIs.map { "<th>\($0.rawValue)</th>" }.joined() + "</tr>"
        let subjects = zip(s.model.callTypes.map { ("call_types.\($0.id)", $0.id) }, s.callTypes)
            + (s.voice.map { [(("voice", "voice calls"), $0)] } ?? []) + [(("total", "total"), s.total)]
        for ((subject, name), kpis) in subjects {
            out += "<tr><td class=\"name\">\(HTMLPage.escape(name))</td>"
                + tableKPIs.map { cell(kpis[$0], subject: subject, kpi: $0) }.joined() + "</tr>"
        }
        return out + "</table>\n"
    }

    private static func groupTable(_ s: RunSummary) -> String {
        var out = "<table id=\"groups\"><tr><th class=\"name\">agent group</th><th class=\"name\">skills</th>"
            + "<th>agents</th><th>occupancy</th></tr>"
        for (group, kpis) in zip(s.model.agentGroups, s.groups) {
            let skills = group.skills.map { s.model.callTypes[$0].id }.joined(separator: ", ")
            out += "<tr><td class=\"name\">\(HTMLPage.escape(group.id))</td><td class=\"name\">\(HTMLPage.escape(skills))</td>"
                + cell(kpis[.agents], subject: "agent_groups.\(group.id)", kpi: .agents)
                + cell(kpis[.occupancy], subject: "agent_groups.\(group.id)", kpi: .occupancy) + "</tr>"
        }
        return out + "</table>\n"
    }

    /// Trunks, IVR and seats: one row per KPI, with the capacity it is measured against
    /// (the cells' subjects are the sections `trunks`, `ivr` and `seats` of summary.json).
    private static func resourceTable(_ s: RunSummary) -> String {
        var rows: [(section: String, capacity: String, kpi: KPI, ci: ConfidenceInterval?)] = []
        let lines = s.model.trunks.map(String.init) ?? "unlimited"
        rows += [KPI.trunksBusy, .trunkOccupancy].map { ("trunks", lines, $0, s.resources[$0]) }
        rows.append(("trunks", lines, .blockedFraction, s.total[.blockedFraction]))
        if let ivr = s.model.ivr {
            let ports = "\(ivr.ports) ports, \(ivr.whenFull == .block ? "blocks" : "waits") when full"
            rows += [KPI.ivrPortsBusy, .ivrPortOccupancy].map { ("ivr", ports, $0, s.resources[$0]) }
            rows += [KPI.ivrBlockedFraction, .selfServiceRate, .ivrWait, .responseTime].map { ("ivr", ports, $0, s.total[$0]) }
        }
        let seats = s.model.seats.map(String.init) ?? "unlimited"
        rows += [KPI.seatsInUse, .seatOccupancy, .seatLostAgentMinutes].filter { s.resources[$0] != nil }
            .map { ("seats", seats, $0, s.resources[$0]) }
        return "<table id=\"resources\"><tr><th class=\"name\">resource</th><th class=\"name\">capacity</th>"
            + "<th class=\"name\">KPI</th><th>value</th></tr>"
            + rows.filter { $0.ci != nil }.map { row in
                "<tr><td class=\"name\">\(row.section)</td><td class=\"name\">\(HTMLPage.escape(row.capacity))</td>"
                    + "<td class=\"name\">\(row.kpi.rawValue)</td>" + cell(row.ci, subject: row.section, kpi: row.kpi) + "</tr>"
            }.joined() + "</table>\n"
    }

    /// Follow-up work per kind: tasks, the share done in time against the target.
    private static func followUpTable(_ s: RunSummary) -> String {
        guard !s.model.followUps.isEmpty else { return "" }
        let kpis: [KPI] = [.followUps, .followUpRate, .followUpsLate, .followUpsUndone, .followUpCompletionTime]
        var out = "<table id=\"follow-ups\"><tr><th class=\"name\">follow-up</th><th>deadline</th><th>target</th>"
            + kpis.map { "<th>\($0.rawValue)</th>" }.joined() + "<th class=\"name\">verdict</th></tr>"
        for (followUp, summary) in zip(s.model.followUps, s.followUps) {
            let verdict = followUp.target.map { Verdict(summary[.followUpRate], target: KPITarget(kpi: .followUpRate, relation: .atLeast, value: $0)) }
            out += "<tr><td class=\"name\">\(HTMLPage.escape(followUp.id))</td><td>\(hours(followUp.deadline)) h</td>"
                + "<td>\(followUp.target.map(percent) ?? "–")</td>"
                + kpis.map { cell(summary[$0], subject: "follow_ups.\(followUp.id)", kpi: $0) }.joined()
                + "<td class=\"name \(verdict?.cssClass ?? "")\">\(verdict.map { "\($0.symbol) \($0.text)" } ?? "")</td></tr>"
        }
        return out + "</table>\n"
    }

    private static let intervalKPIs: [KPI] = [.arrivals, .serviceLevel, .abandonFraction, .asa, .waitP90, .occupancy]

    private static func intervalTables(_ s: RunSummary) -> String {
        var out = ""
        for (k, type) in s.model.callTypes.enumerated() {
            out += "<h3>\(HTMLPage.escape(type.id))</h3>\n<table class=\"intervals\"><tr><th class=\"name\">interval</th>"
                + intervalKPIs.map { "<th>\($0.rawValue)</th>" }.joined() + "</tr>"
            for interval in s.intervals {
                let subject = "intervals.\(interval.index).call_types.\(type.id)"
                out += "<tr><td class=\"name\">\(s.model.timing.label(interval.start))–\(s.model.timing.label(interval.end))</td>"
                    + intervalKPIs.map { cell(interval.callTypes[k][$0], subject: subject, kpi: $0) }.joined() + "</tr>"
            }
            out += "</table>\n"
        }
        return out
    }

    /// A table cell: the mean and its interval, readable, with exact values in attributes.
    private static func cell(_ ci: ConfidenceInterval?, subject: String, kpi: KPI) -> String {
        guard let ci else { return "<td>–</td>" }
        let text = kpi.isShare
            ? String(format: "%.1f ± %.1f %%", ci.mean * 100, ci.halfWidth * 100)
            : String(format: "%.1f ± %.1f", ci.mean, ci.halfWidth)
        return "<td data-subject=\"\(HTMLPage.escape(subject))\" data-kpi=\"\(kpi.rawValue)\" data-mean=\"\(ci.mean)\" "
            + "data-ci-low=\"\(ci.low)\" data-ci-high=\"\(ci.high)\">\(text)</td>"
    }

    private static func percent(_ x: Double) -> String { "\(NumberFormat.decimal((x * 1000).rounded() / 10)) %" }
    private static func hours(_ seconds: Double) -> String { NumberFormat.decimal(seconds / Timing.secondsPerHour) }
}
