import Foundation

/// Inline SVG charts drawn from data, for the self-contained HTML report: line charts
/// (optionally with a confidence band and reference lines), stacked bar charts, and
/// interval charts (a point and its confidence interval per row, against zero; in
/// `SVGIntervalChart.swift`). Value axes have nice ticks (``ChartAxis``).
///
/// Series are told apart by colour (the Okabe–Ito palette, readable with the common
/// colour-vision deficiencies) and also by dash pattern, marker shape or hatching, and
/// every chart has a text legend, so colour is never the only cue.
enum SVGChart {
    /// Okabe–Ito colours.
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442"]
    static let dashes = ["", "7 4", "2 3", "9 3 2 3", "4 2", "1 2"]
    static let width = 760.0
    static let height = 300.0
    static let margin = (left: 64.0, right: 16.0, top: 36.0, bottom: 64.0)

    /// One line of a line chart: a value per x position (nil: a gap).
    struct Series {
        var name: String
        var values: [Double?]
        /// Lower and upper bounds drawn as a shaded band around the line.
        var band: [(low: Double, high: Double)?]? = nil
    }

    /// A horizontal reference line (a target) with its label.
    struct ReferenceLine {
        var value: Double
        var label: String
    }

    /// A line chart over categorical x positions (planning intervals) or numeric x values.
    struct LineChart {
        var id: String
        var title: String
        var xLabels: [String]
        var xValues: [Double]? = nil
        var yLabel: String
        var series: [Series]
        var references: [ReferenceLine] = []
        var yRange: ClosedRange<Double>? = nil
        /// A vertical marker (e.g. a service-level threshold) at this x value, with a label.
        var verticalMarkers: [(x: Double, label: String)] = []
        /// Whether each line carries its exact values in a `data-values` attribute
        /// (separated by spaces, `-` for a gap), as the report's tables do: for charts
        /// of few points, such as a study's curves.
        var exactValues = false
    }

    /// Stacked bars, one stack per x position.
    struct BarChart {
        var id: String
        var title: String
        var xLabels: [String]
        var yLabel: String
        var stacks: [Series]
    }

    // MARK: Drawing

    static func render(_ chart: LineChart) -> String {
        let n = chart.xLabels.count
        let xs = chart.xValues ?? (0..<n).map(Double.init)
        let all = chart.series.flatMap { s in
            s.values.compactMap { $0 } + (s.band ?? []).compactMap { $0 }.flatMap { [$0.low, $0.high] }
        } + chart.references.map(\.value)
        let axis = chart.yRange.map { ChartAxis(fixed: $0) } ?? ChartAxis(covering: all)
        let frame = Frame(xMin: xs.first ?? 0, xMax: max(xs.last ?? 1, (xs.first ?? 0) + 1e-9), y: axis.range)
        var body = ""
        for (i, s) in chart.series.enumerated() {
            if let band = s.band { body += bandPath(band, xs: xs, frame: frame, colour: colour(i)) }
            body += linePath(s.values, xs: xs, frame: frame, style: i, name: s.name, exact: chart.exactValues)
        }
        for (r, reference) in chart.references.enumerated() {
            let y = frame.y(reference.value)
            body += "<line class=\"reference\" x1=\"\(f(frame.left))\" y1=\"\(f(y))\" x2=\"\(f(frame.right))\" y2=\"\(f(y))\" "
                + "stroke=\"#333\" stroke-width=\"1.5\" stroke-dasharray=\"10 4\"/>"
                + "<text x=\"\(f(frame.right - 4))\" y=\"\(f(y - 4 - Double(r) * 12))\" text-anchor=\"end\" class=\"small\">"
                + "\(HTMLPage.escape(reference.label))</text>"
        }
        for marker in chart.verticalMarkers {
            let x = frame.x(marker.x)
            let nearRight = x > frame.right - 120
            body += "<line x1=\"\(f(x))\" y1=\"\(f(frame.top))\" x2=\"\(f(x))\" y2=\"\(f(frame.bottom))\" "
                + "stroke=\"#555\" stroke-width=\"1\" stroke-dasharray=\"3 3\"/>"
                + "<text x=\"\(f(nearRight ? x - 3 : x + 3))\" y=\"\(f(frame.top + 12))\" class=\"small\""
                + "\(nearRight ? " text-anchor=\"end\"" : "")>\(HTMLPage.escape(marker.label))</text>"
        }
        let axes = yAxis(axis, frame: frame, label: chart.yLabel)
            + xAxis(labels: chart.xLabels, xs: xs, frame: frame, numeric: chart.xValues != nil)
        let legend = legendItems(chart.series.map(\.name), kind: .line)
        return svg(id: chart.id, title: chart.title, content: axes + body + legend)
    }

    static func render(_ chart: BarChart) -> String {
        let n = chart.xLabels.count
        let totals = (0..<n).map { i in chart.stacks.reduce(0) { $0 + ($1.values[i] ?? 0) } }
        let axis = ChartAxis(covering: totals)
        let frame = Frame(xMin: -0.5, xMax: Double(n) - 0.5, y: axis.range)
        let barWidth = max(1, (frame.right - frame.left) / Double(max(n, 1)) * 0.8)
        var body = ""
        for i in 0..<n {
            var base = 0.0
            for (s, stack) in chart.stacks.enumerated() {
                let v = stack.values[i] ?? 0
                guard v > 0 else { continue }
                let top = frame.y(base + v), bottom = frame.y(base)
                body += "<rect x=\"\(f(frame.x(Double(i)) - barWidth / 2))\" y=\"\(f(top))\" width=\"\(f(barWidth))\" "
                    + "height=\"\(f(bottom - top))\" fill=\"url(#\(chart.id)-fill\(s))\" stroke=\"\(colour(s))\" stroke-width=\"0.5\">"
                    + "<title>\(HTMLPage.escape(stack.name)) \(HTMLPage.escape(chart.xLabels[i])): \(NumberFormat.decimal(v))</title></rect>"
                base += v
            }
        }
        let defs = "<defs>" + chart.stacks.indices.map { hatch(id: "\(chart.id)-fill\($0)", style: $0) }.joined() + "</defs>"
        let axes = yAxis(axis, frame: frame, label: chart.yLabel)
            + xAxis(labels: chart.xLabels, xs: (0..<n).map(Double.init), frame: frame, numeric: false)
        let legend = legendItems(chart.stacks.map(\.name), kind: .bar(chart.id))
        return svg(id: chart.id, title: chart.title, content: defs + axes + body + legend)
    }

    // MARK: Pieces

    /// The plotting area and the mapping of data to it.
    struct Frame {
        let xMin: Double, xMax: Double
        let y: ClosedRange<Double>
        var left: Double { margin.left }
        var right: Double { width - margin.right }
        var top: Double { margin.top }
        var bottom: Double { height - margin.bottom }
        func x(_ v: Double) -> Double { left + (v - xMin) / (xMax - xMin) * (right - left) }
        func y(_ v: Double) -> Double {
            let span = y.upperBound - y.lowerBound
            return bottom - (v - y.lowerBound) / (span > 0 ? span : 1) * (bottom - top)
        }
    }

    static func colour(_ i: Int) -> String { palette[i % palette.count] }

    private static func svg(id: String, title: String, content: String) -> String {
        "<figure class=\"chart\"><svg id=\"\(id)\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" "
            + "role=\"img\" aria-labelledby=\"\(id)-title\"><title id=\"\(id)-title\">\(HTMLPage.escape(title))</title>"
            + "<text x=\"\(f(margin.left))\" y=\"20\" class=\"chart-title\">\(HTMLPage.escape(title))</text>"
            + content + "</svg></figure>\n"
    }

    private static func linePath(_ values: [Double?], xs: [Double], frame: Frame, style: Int, name: String,
                                 exact: Bool) -> String {
        var d = ""
        var penDown = false
        var markers = ""
        for (i, v) in values.enumerated() {
            guard let v else { penDown = false; continue }
            let x = frame.x(xs[i]), y = frame.y(v)
            d += (penDown ? "L" : "M") + "\(f(x)),\(f(y)) "
            penDown = true
            if values.count <= 60 { markers += marker(x: x, y: y, style: style) }
        }
        let dash = dashes[style % dashes.count]
        let data = exact ? " data-values=\"" + values.map { $0.map { "\($0)" } ?? "-" }.joined(separator: " ") + "\"" : ""
        return "<path class=\"series\" data-series=\"\(HTMLPage.escape(name))\"\(data) d=\"\(d)\" fill=\"none\" stroke=\"\(colour(style))\" "
            + "stroke-width=\"2\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>" + markers
    }

    /// The band as one polygon per run of intervals with a value: a gap (closed hours, no
    /// calls) breaks it, as it breaks the line.
    private static func bandPath(_ band: [(low: Double, high: Double)?], xs: [Double], frame: Frame, colour: String) -> String {
        var runs: [[(Double, Double, Double)]] = [[]]
        for (i, b) in band.enumerated() {
            if let b { runs[runs.count - 1].append((xs[i], b.low, b.high)) } else if !runs[runs.count - 1].isEmpty { runs.append([]) }
        }
        let clamp = { (v: Double) in min(max(v, frame.y.lowerBound), frame.y.upperBound) }
        return runs.filter { $0.count > 1 }.map { points in
            let upper = points.map { "\(f(frame.x($0.0))),\(f(frame.y(clamp($0.2))))" }
            let lower = points.reversed().map { "\(f(frame.x($0.0))),\(f(frame.y(clamp($0.1))))" }
            return "<polygon class=\"band\" points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(colour)\" fill-opacity=\"0.18\" stroke=\"none\"/>"
        }.joined()
    }

    /// Marker shapes: circle, square, triangle, diamond, cross.
    static func marker(x: Double, y: Double, style: Int) -> String {
        let c = colour(style)
        switch style % 5 {
        case 0: return "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"2.8\" fill=\"\(c)\"/>"
        case 1: return "<rect x=\"\(f(x - 2.6))\" y=\"\(f(y - 2.6))\" width=\"5.2\" height=\"5.2\" fill=\"\(c)\"/>"
        case 2: return "<path d=\"M\(f(x)),\(f(y - 3.5)) L\(f(x + 3.2)),\(f(y + 2.5)) L\(f(x - 3.2)),\(f(y + 2.5)) Z\" fill=\"\(c)\"/>"
        case 3: return "<path d=\"M\(f(x)),\(f(y - 3.5)) L\(f(x + 3.5)),\(f(y)) L\(f(x)),\(f(y + 3.5)) L\(f(x - 3.5)),\(f(y)) Z\" fill=\"\(c)\"/>"
        default: return "<path d=\"M\(f(x - 3)),\(f(y - 3)) L\(f(x + 3)),\(f(y + 3)) M\(f(x + 3)),\(f(y - 3)) L\(f(x - 3)),\(f(y + 3))\" stroke=\"\(c)\" stroke-width=\"1.5\"/>"
        }
    }

    /// Fill patterns for bars: solid, diagonal hatching, dots, cross-hatching.
    private static func hatch(id: String, style: Int) -> String {
        let c = colour(style)
        let mark: String
        switch style % 4 {
        case 0: return "<pattern id=\"\(id)\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"\(c)\"/></pattern>"
        case 1: mark = "<path d=\"M0,6 L6,0\" stroke=\"\(c)\" stroke-width=\"2\"/>"
        case 2: mark = "<circle cx=\"3\" cy=\"3\" r=\"1.6\" fill=\"\(c)\"/>"
        default: mark = "<path d=\"M0,0 L6,6 M6,0 L0,6\" stroke=\"\(c)\" stroke-width=\"1.5\"/>"
        }
        return "<pattern id=\"\(id)\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
            + "<rect width=\"6\" height=\"6\" fill=\"\(c)\" fill-opacity=\"0.25\"/>\(mark)</pattern>"
    }

    private enum LegendKind { case line, bar(String) }

    private static func legendItems(_ names: [String], kind: LegendKind) -> String {
        var x = margin.left
        let y = height - 14
        var out = ""
        for (i, name) in names.enumerated() {
            switch kind {
            case .line:
                let dash = dashes[i % dashes.count]
                out += "<line x1=\"\(f(x))\" y1=\"\(f(y - 4))\" x2=\"\(f(x + 22))\" y2=\"\(f(y - 4))\" stroke=\"\(colour(i))\" "
                    + "stroke-width=\"2\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>" + marker(x: x + 11, y: y - 4, style: i)
            case .bar(let id):
                out += "<rect x=\"\(f(x))\" y=\"\(f(y - 10))\" width=\"22\" height=\"11\" fill=\"url(#\(id)-fill\(i))\" stroke=\"\(colour(i))\"/>"
            }
            out += "<text x=\"\(f(x + 27))\" y=\"\(f(y))\" class=\"small\">\(HTMLPage.escape(name))</text>"
            x += 36 + Double(name.count) * 6.5
        }
        return out
    }

    private static func yAxis(_ axis: ChartAxis, frame: Frame, label: String) -> String {
        var out = "<line x1=\"\(f(frame.left))\" y1=\"\(f(frame.top))\" x2=\"\(f(frame.left))\" y2=\"\(f(frame.bottom))\" stroke=\"#444\"/>"
        for tick in axis.ticks {
            let y = frame.y(tick)
            out += "<line x1=\"\(f(frame.left))\" y1=\"\(f(y))\" x2=\"\(f(frame.right))\" y2=\"\(f(y))\" stroke=\"#ddd\"/>"
                + "<text x=\"\(f(frame.left - 6))\" y=\"\(f(y + 4))\" text-anchor=\"end\" class=\"small tick\">\(axis.label(tick))</text>"
        }
        let mid = (frame.top + frame.bottom) / 2
        return out + "<text transform=\"translate(14,\(f(mid))) rotate(-90)\" text-anchor=\"middle\" class=\"small\">\(HTMLPage.escape(label))</text>"
    }

    private static func xAxis(labels: [String], xs: [Double], frame: Frame, numeric: Bool) -> String {
        var out = "<line x1=\"\(f(frame.left))\" y1=\"\(f(frame.bottom))\" x2=\"\(f(frame.right))\" y2=\"\(f(frame.bottom))\" stroke=\"#444\"/>"
        // At most 12 labels, fewer when they are long (`day 2 10:30`): about 6 px a character.
        let widest = Double(labels.map(\.count).max() ?? 5)
        let fitting = min(12, max(2, Int((frame.right - frame.left) / (widest * 6 + 12))))
        let step = numeric ? 1 : max(1, Int((Double(labels.count) / Double(fitting)).rounded(.up)))
        var lastLabelled = -Double.infinity
        for i in stride(from: 0, to: labels.count, by: step) {
            let x = frame.x(xs[i])
            // Numeric positions can crowd: label only those at least 36 px from the last one.
            if numeric && x - lastLabelled < 36 { continue }
            lastLabelled = x
            out += "<line x1=\"\(f(x))\" y1=\"\(f(frame.bottom))\" x2=\"\(f(x))\" y2=\"\(f(frame.bottom + 4))\" stroke=\"#444\"/>"
                + "<text x=\"\(f(x))\" y=\"\(f(frame.bottom + 16))\" text-anchor=\"middle\" class=\"small\">\(HTMLPage.escape(labels[i]))</text>"
        }
        return out
    }

    /// Coordinates with one decimal.
    static func f(_ v: Double) -> String { String(format: "%.1f", v) }
}
