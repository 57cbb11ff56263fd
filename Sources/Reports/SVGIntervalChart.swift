import Foundation

extension SVGChart {
    /// One row per estimate: a point and its interval, on a horizontal axis with a zero line.
    struct IntervalChart {
        var id: String
        var title: String
        var xLabel: String
        var rows: [(label: String, mean: Double, low: Double, high: Double)]
    }

    /// The columns of an interval chart, left to right: the row labels (right-aligned,
    /// shortened in the middle to fit), the plot, and the values (`mean [low, high]`,
    /// left-aligned), with a gap between them, so that no text overlaps a bar.
    struct IntervalLayout {
        /// A generous width of one character of the charts' 11 px text.
        static let characterWidth = 7.0
        static let gap = 14.0
        static let padding = 8.0
        /// The narrowest plot; row labels are shortened to leave it.
        static let minimumPlot = 300.0

        let labels: ClosedRange<Double>
        let plot: ClosedRange<Double>
        let values: ClosedRange<Double>
        /// The most characters of a row label that fit in its column.
        let labelCharacters: Int

        init(labels: [String], values: [String]) {
            let cw = Self.characterWidth
            let valueWidth = Double(values.map(\.count).max() ?? 0) * cw
            let right = width - margin.right
            self.values = (right - valueWidth)...right
            let plotRight = self.values.lowerBound - Self.gap
            let room = max(cw, plotRight - Self.minimumPlot - Self.gap - Self.padding)
            labelCharacters = max(1, Int(min(Double(labels.map(\.count).max() ?? 1) * cw, room) / cw))
            self.labels = Self.padding...(Self.padding + Double(labelCharacters) * cw)
            plot = (self.labels.upperBound + Self.gap)...plotRight
        }

        /// `text`, shortened to `labelCharacters` by an ellipsis in the middle (the
        /// end, which tells subjects apart, keeps more).
        func fit(_ text: String) -> String {
            guard text.count > labelCharacters else { return text }
            let kept = max(labelCharacters - 1, 0)
            let head = kept / 3
            return String(text.prefix(head)) + "…" + String(text.suffix(kept - head))
        }
    }

    static func render(_ chart: IntervalChart) -> String {
        let rowHeight = 26.0
        let chartHeight = margin.top + Double(chart.rows.count) * rowHeight + 44
        let valueTexts = chart.rows.map { String(format: "%.4g [%.4g, %.4g]", $0.mean, $0.low, $0.high) }
        let layout = IntervalLayout(labels: chart.rows.map(\.label), values: valueTexts)
        let (left, right) = (layout.plot.lowerBound, layout.plot.upperBound)
        let axis = ChartAxis(covering: chart.rows.flatMap { [$0.low, $0.high] },
                             intervals: max(2, min(6, Int((right - left) / 70))))
        let (low, high) = (axis.range.lowerBound, axis.range.upperBound)
        func x(_ v: Double) -> Double { left + (v - low) / (high - low) * (right - left) }
        var body = "<line x1=\"\(f(x(0)))\" y1=\"\(f(margin.top))\" x2=\"\(f(x(0)))\" "
            + "y2=\"\(f(chartHeight - 40))\" stroke=\"#333\" stroke-dasharray=\"4 3\"/>"
            + "<text x=\"\(f(x(0)))\" y=\"\(f(margin.top - 4))\" text-anchor=\"middle\" class=\"small\">0</text>"
        for (i, row) in chart.rows.enumerated() {
            let y = margin.top + (Double(i) + 0.5) * rowHeight
            body += rowLabel(row.label, layout: layout, y: y)
                + intervalBar(x(row.low), x(row.mean), x(row.high), y: y, style: row.low > 0 || row.high < 0 ? 0 : 1)
                + "<text class=\"small value-label\" x=\"\(f(layout.values.lowerBound))\" y=\"\(f(y + 4))\">"
                + "\(HTMLPage.escape(valueTexts[i]))</text>"
        }
        let axisY = chartHeight - 40
        body += "<line x1=\"\(f(left))\" y1=\"\(f(axisY))\" x2=\"\(f(right))\" y2=\"\(f(axisY))\" stroke=\"#444\"/>"
        for tick in axis.ticks {
            body += "<line x1=\"\(f(x(tick)))\" y1=\"\(f(axisY))\" x2=\"\(f(x(tick)))\" y2=\"\(f(axisY + 4))\" stroke=\"#444\"/>"
                + "<text x=\"\(f(x(tick)))\" y=\"\(f(axisY + 15))\" text-anchor=\"middle\" class=\"small tick\">\(axis.label(tick))</text>"
        }
        body += "<text x=\"\(f((left + right) / 2))\" y=\"\(f(axisY + 30))\" text-anchor=\"middle\" class=\"small\">"
            + "\(HTMLPage.escape(chart.xLabel)) (solid, circle: interval excludes 0; dashed, square: it does not)</text>"
        return "<figure class=\"chart\"><svg id=\"\(chart.id)\" xmlns=\"http://www.w3.org/2000/svg\" "
            + "viewBox=\"0 0 \(f(width)) \(f(chartHeight))\" role=\"img\" aria-labelledby=\"\(chart.id)-title\">"
            + "<title id=\"\(chart.id)-title\">\(HTMLPage.escape(chart.title))</title>"
            + "<text x=\"\(f(margin.left))\" y=\"20\" class=\"chart-title\">\(HTMLPage.escape(chart.title))</text>"
            + body + "</svg></figure>\n"
    }

    /// A row's label, right-aligned in its column; the whole label as a tooltip when shortened.
    private static func rowLabel(_ label: String, layout: IntervalLayout, y: Double) -> String {
        let shown = layout.fit(label)
        let text = "<text class=\"small row-label\" x=\"\(f(layout.labels.upperBound))\" y=\"\(f(y + 4))\" "
            + "text-anchor=\"end\">\(HTMLPage.escape(shown))</text>"
        return shown == label ? text : "<g><title>\(HTMLPage.escape(label))</title>\(text)</g>"
    }

    /// An interval from `low` to `high` with end caps and a marker at `mean` (x
    /// positions), solid (style 0) or dashed (style 1).
    private static func intervalBar(_ low: Double, _ mean: Double, _ high: Double, y: Double, style: Int) -> String {
        let c = colour(style)
        return "<line class=\"interval\" x1=\"\(f(low))\" y1=\"\(f(y))\" x2=\"\(f(high))\" y2=\"\(f(y))\" "
            + "stroke=\"\(c)\" stroke-width=\"2\"\(style == 1 ? " stroke-dasharray=\"4 2\"" : "")/>"
            + "<line x1=\"\(f(low))\" y1=\"\(f(y - 5))\" x2=\"\(f(low))\" y2=\"\(f(y + 5))\" stroke=\"\(c)\" stroke-width=\"2\"/>"
            + "<line x1=\"\(f(high))\" y1=\"\(f(y - 5))\" x2=\"\(f(high))\" y2=\"\(f(y + 5))\" stroke=\"\(c)\" stroke-width=\"2\"/>"
            + marker(x: mean, y: y, style: style)
    }
}
