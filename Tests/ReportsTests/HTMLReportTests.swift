import ContactCenter
import Experiments
import Foundation
import Reports
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The HTML report, checked without a browser: it parses as XML, holds every chart,
/// needs nothing from the network, and its numbers are those of `summary.json`.
final class HTMLReportTests: XCTestCase {
    static let model = CenterModel(
        name: "Two types & three intervals",
        timing: Timing(warmup: 0, horizon: 3 * 1800, intervalLength: 1800),
        trunks: 60,
        callTypes: [
            CallType(id: "sales", arrivalRates: [0.05, 0.1, 0.08], handleTime: .exponential(mean: 200),
                     patience: .exponential(mean: 90), serviceLevel: ServiceLevelTarget(seconds: 20, target: 0.8),
                     selfService: SelfService(fraction: 0.2, duration: .exponential(mean: 60))),
            CallType(id: "service", arrivalRates: [0.04, 0.06, 0.02], handleTime: .lognormal(mean: 300, cv: 0.7),
                     afterCallWork: .constant(30), patience: .exponential(mean: 150),
                     serviceLevel: ServiceLevelTarget(seconds: 30, target: 0.7),
                     targets: ServiceTargets(abandonFraction: 0.1, asa: 60)),
        ],
        agentGroups: [
            AgentGroup(id: "front", skills: [0, 1], staffing: [20, 30, 25]),
            AgentGroup(id: "back", skills: [1], staffing: [5, 5, 5]),
        ],
        ivr: IVR(ports: 12, announcement: 5, menu: .exponential(mean: 20)),
        seats: 32)

    func summary() throws -> RunSummary {
        RunSummary(model: Self.model, seed: 3, results: try ReplicationRunner.run(model: Self.model, seed: 3, replications: 5))
    }

    func testReportIsWellFormedAndSelfContained() throws {
        let html = HTMLReport.render(try summary(), runSeconds: 1.5)
        let document = try ParsedReport(html)
        XCTAssertEqual(document.svgIDs, [
            "chart-calls", "chart-service-level-0", "chart-service-level-1", "chart-agents", "chart-resources",
            "chart-occupancy", "chart-queue", "chart-waits",
        ])
        XCTAssertFalse(html.contains("<script"))
        XCTAssertFalse(html.contains("http://") && html.replacingOccurrences(of: "http://www.w3.org/", with: "").contains("http://"))
        XCTAssertFalse(html.contains("https://"))
        XCTAssertTrue(html.contains("Two types &amp; three intervals"))
        XCTAssertTrue(document.text.contains("✓ met") || document.text.contains("✗ missed") || document.text.contains("? unsure"))
    }

    /// Every target of a call type is in the report's targets table and in
    /// `summary.json`'s `targets`, with the same verdict.
    func testTargetsBesidesTheServiceLevel() throws {
        let s = try summary()
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: SummaryJSON.encode(s)) as? [String: Any])
        let targets = try XCTUnwrap((json["targets"] as? [String: Any])?["service"] as? [[String: Any]])
        XCTAssertEqual(targets.map { $0["kpi"] as? String }, ["service_level", "abandon_fraction", "asa"])
        XCTAssertEqual(targets.map { $0["relation"] as? String }, [">=", "<=", "<="])
        let html = HTMLReport.render(s, runSeconds: 1)
        for (target, entry) in zip(s.model.callTypes[1].kpiTargets, targets) {
            let verdict = target.verdict(s.callTypes[1][target.kpi])
            XCTAssertEqual(entry["verdict"] as? String, verdict)
            XCTAssertEqual(entry["intervals_missed"] as? Int,
                           s.intervals.filter { target.isMissed(by: $0.callTypes[1][target.kpi], confident: true) }.count)
        }
        XCTAssertTrue(html.contains("abandoned ≤ 10 %") && html.contains("ASA ≤ 60 s"))
        XCTAssertEqual(try ParsedReport(html).cells.filter { $0.subject == "call_types.service" && $0.kpi == "asa" }.count, 2,
                       "in the targets table and the KPI table")
    }

    /// Contacts that wait hours get a waiting-time chart of their own, and their
    /// thresholds read as hours.
    func testOtherChannelsHaveTheirOwnWaitingChart() throws {
        var model = Self.model
        model.callTypes.append(CallType(id: "mail", arrivalRates: [0.01, 0.01, 0.01], handleTime: .exponential(mean: 300),
                                        serviceLevel: ServiceLevelTarget(seconds: 4 * 3600, target: 0.95), channel: .email))
        model.agentGroups[1].skills.append(2)
        let s = RunSummary(model: model, seed: 3, results: try ReplicationRunner.run(model: model, seed: 3, replications: 5))
        let html = HTMLReport.render(s, runSeconds: 1)
        let ids = try ParsedReport(html).svgIDs
        XCTAssertEqual(ids.suffix(2), ["chart-waits", "chart-waits-other-channels"])
        XCTAssertTrue(html.contains("95 % within 4 h"))
        XCTAssertTrue(SummaryTable.render(s).contains("95/4h"))
        XCTAssertTrue(SummaryTable.render(s).contains("voice calls"))
        XCTAssertNil(try summary().voice, "a centre of calls only has no separate voice total")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: SummaryJSON.encode(s)) as? [String: Any])
        let voiceSL = try XCTUnwrap(((json["voice"] as? [String: Any])?["service_level"] as? [String: Any])?["mean"] as? Double)
        XCTAssertEqual(voiceSL, try XCTUnwrap(s.voice?[.serviceLevel]?.mean), accuracy: 1e-12)
        XCTAssertTrue(try ParsedReport(html).cells.contains { $0.subject == "voice" && $0.kpi == "service_level" })
    }

    /// A command's own sections come after the targets, as tables.
    func testSectionsAreTables() throws {
        let section = HTMLReport.Section(id: "roster", title: "Roster", note: "Cost 17 & more", header: ["shift", "team"],
                                         rows: [["early@08:00", "3"], ["late@14:00", "2"]])
        let html = HTMLReport.render(try summary(), runSeconds: 1, sections: [section])
        _ = try ParsedReport(html)
        XCTAssertTrue(html.contains("<table id=\"roster\">"))
        XCTAssertTrue(html.contains("Cost 17 &amp; more"))
        XCTAssertTrue(html.contains("<td class=\"name\">late@14:00</td><td>2</td>"))
        XCTAssertLessThan(try XCTUnwrap(html.range(of: "id=\"targets\"")).lowerBound, try XCTUnwrap(html.range(of: "id=\"roster\"")).lowerBound)
    }

    /// A roster's report draws its requirement and plan in the staffing chart instead
    /// of the Erlang calculator's line.
    func testStaffingLinesReplaceTheErlangReference() throws {
        let lines = [HTMLReport.StaffingLine(name: "required by the roster", agents: [21, 31, 26])]
        let html = HTMLReport.render(try summary(), runSeconds: 1, staffing: lines)
        XCTAssertTrue(try ParsedReport(html).svgIDs.contains("chart-agents"))
        XCTAssertTrue(html.contains("required by the roster"))
        XCTAssertFalse(html.contains("for the pooled load"))
        XCTAssertTrue(HTMLReport.render(try summary(), runSeconds: 1).contains("for the pooled load"))
    }

    func testNumbersEqualSummaryJSON() throws {
        let s = try summary()
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: SummaryJSON.encode(s)) as? [String: Any])
        let cells = try ParsedReport(HTMLReport.render(s, runSeconds: 1)).cells
        var compared = 0
        for cell in cells where !cell.subject.hasPrefix("intervals.") {
            let path = cell.subject.split(separator: ".").map(String.init) + [cell.kpi]
            var node: Any? = json
            for key in path { node = (node as? [String: Any])?[key] }
            let estimate = try XCTUnwrap(node as? [String: Any], "\(cell.subject).\(cell.kpi) missing from summary.json")
            for (value, key) in [(cell.mean, "mean"), (cell.low, "ci_low"), (cell.high, "ci_high")] {
                let expected = try XCTUnwrap((estimate[key] as? NSNumber)?.doubleValue)
                // Equal but for the last digit that JSON text round trips may change.
                XCTAssertEqual(value, expected, accuracy: 1e-14 * max(1, abs(expected)), "\(cell.subject).\(cell.kpi) \(key)")
            }
            compared += 1
        }
        XCTAssertGreaterThan(compared, 30)
        let intervalCells = cells.filter { $0.subject.hasPrefix("intervals.") }
        XCTAssertEqual(Set(intervalCells.map(\.subject)).count, 3 * 2, "one row per interval and call type")
        let first = try XCTUnwrap(intervalCells.first { $0.subject == "intervals.0.call_types.sales" && $0.kpi == "service_level" })
        XCTAssertEqual(first.mean, s.intervals[0].callTypes[0][.serviceLevel]?.mean)
    }
}

/// What the tests read from a report: chart ids, table cells with exact values, text.
struct ParsedReport {
    struct Cell { let subject: String, kpi: String, mean: Double, low: Double, high: Double }
    private(set) var svgIDs: [String] = []
    private(set) var cells: [Cell] = []
    private(set) var text = ""

    init(_ html: String) throws {
        let delegate = Collector()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = delegate
        guard parser.parse() else {
            throw parser.parserError ?? CocoaError(.fileReadCorruptFile)
        }
        svgIDs = delegate.svgIDs
        cells = delegate.cells
        text = delegate.text
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var svgIDs: [String] = []
        var cells: [Cell] = []
        var text = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            if name == "svg", let id = attributes["id"] { svgIDs.append(id) }
            if name == "td", let subject = attributes["data-subject"], let kpi = attributes["data-kpi"],
               let mean = attributes["data-mean"].flatMap(Double.init),
               let low = attributes["data-ci-low"].flatMap(Double.init),
               let high = attributes["data-ci-high"].flatMap(Double.init) {
                cells.append(Cell(subject: subject, kpi: kpi, mean: mean, low: low, high: high))
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    }
}
