import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The elements of each SVG chart of a report, for tests of the charts' contents and
/// geometry: per chart id, its elements in order with their attributes and text.
struct SVGElements {
    struct Element {
        let name: String
        let attributes: [String: String]
        var text = ""

        var classes: [String] { (attributes["class"] ?? "").split(separator: " ").map(String.init) }
        func number(_ attribute: String) -> Double? { attributes[attribute].flatMap(Double.init) }
    }

    /// Chart id → its elements.
    private(set) var charts: [String: [Element]] = [:]
    /// Chart ids in the order of the report.
    private(set) var ids: [String] = []

    init(_ html: String) throws {
        let collector = Collector()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = collector
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
        charts = collector.charts
        ids = collector.ids
    }

    /// The elements of chart `id` with class `name`.
    func elements(of id: String, withClass name: String) -> [Element] {
        (charts[id] ?? []).filter { $0.classes.contains(name) }
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var charts: [String: [Element]] = [:]
        var ids: [String] = []
        var current: String?
        var open: [Int] = []  // indices, in the current chart, of the elements not yet closed

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            if name == "svg", let id = attributes["id"] { current = id; ids.append(id); charts[id] = [] }
            guard let current else { return }
            charts[current]!.append(Element(name: name, attributes: attributes))
            open.append(charts[current]!.count - 1)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            guard current != nil else { return }
            open.removeLast()
            if name == "svg" { current = nil }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard let current, let last = open.last else { return }
            charts[current]![last].text += string
        }
    }
}
