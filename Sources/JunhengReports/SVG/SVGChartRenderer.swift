import Foundation
public import JunhengCore

/// Draws a ``ReportChart`` as inline SVG: no script, no external font, the same bytes every time.
///
/// - `bars`: one horizontal bar per point, in the order given (sort in the model). Each series with a
///   heading when there is more than one (e.g. 小学 and 初中). A point's `interval` is drawn as a whisker,
///   failing points in the warning colour, every value written at the end of its bar, and each
///   reference as a dashed vertical line behind the bars, labelled at the top.
/// - `lines`: categories along the x axis (the point labels, in first-seen order across series, e.g.
///   years), one line per series with a marker and a value label at each point, reference lines dashed
///   and labelled to the right of the plot, and a legend.
///
/// Every point is a `<g class="point">` with `data-series`, `data-label` and `data-value` (the
/// unrounded value, ``NumberText/exact(_:)``), plus `data-low`/`data-high` for an interval and
/// `data-fails="true"` when it fails, so tests can compare a chart with the numbers it came from.
/// Reference labels are written as given, followed by the value unless the label already shows it.
public struct SVGChartRenderer: Sendable {
    public var language: Language
    /// The width of the drawing in SVG units; the figure scales down to its container.
    public var width: Double

    public init(language: Language = .zh, width: Double = 960) {
        self.language = language
        self.width = width
    }

    public func render(_ chart: ReportChart) -> String {
        let points = chart.series.flatMap(\.points)
        if points.isEmpty { return empty(chart) }
        switch chart.kind {
        case .bars: return bars(chart)
        case .lines: return lines(chart)
        }
    }

    // MARK: - Shared pieces

    typealias Text = SVGText

    func open(_ chart: ReportChart, height: Double) -> String {
        let id = HTMLEscaping.escape("chart-" + HTMLEscaping.identifier(chart.id) + "-title")
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" viewBox=\"0 0 "
            + Text.coordinate(width) + " " + Text.coordinate(height) + "\" width=\"" + Text.coordinate(width)
            + "\" height=\"" + Text.coordinate(height) + "\" role=\"img\" aria-labelledby=\"" + id
            + "\" font-family=\""
            + ChartStyle.fontFamily + "\" font-size=\"" + Text.coordinate(ChartStyle.fontSize) + "\">\n"
            + "<title id=\"" + id + "\"" + (isName(chart.title) ? " lang=\"zh\"" : "") + ">"
            + HTMLEscaping.escape(chart.title.text(language)) + "</title>\n"
    }

    func empty(_ chart: ReportChart) -> String {
        let height = 60.0
        return open(chart, height: height) + "<text x=\"" + Text.coordinate(width / 2) + "\" y=\"34.0\" "
            + "text-anchor=\"middle\" fill=\"" + ChartStyle.mutedTextColour + "\">"
            + HTMLEscaping.escape(ReportLabels.noData.text(language)) + "</text>\n</svg>"
    }

    /// Whether `text` is (or holds) a Chinese proper name in an English chart: its element then says
    /// `lang="zh"` (``ProperName``).
    func isName(_ text: LocalizedText) -> Bool {
        language == .en && ProperName.isMarked(text.markedText(language))
    }

    func text(
        _ content: String, x: Double, y: Double, anchor: String = "start", size: Double? = nil,
        colour: String = ChartStyle.textColour, className: String? = nil, halo: Bool = false, name: Bool = false
    ) -> String {
        var out = "<text"
        if let className { out += " class=\"\(className)\"" }
        if name { out += " lang=\"zh\"" }
        out += " x=\"" + Text.coordinate(x) + "\" y=\"" + Text.coordinate(y) + "\""
        if anchor != "start" { out += " text-anchor=\"\(anchor)\"" }
        if let size { out += " font-size=\"" + Text.coordinate(size) + "\"" }
        out += " fill=\"\(colour)\""
        if halo { out += " stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\" stroke-linejoin=\"round\"" }
        return out + ">" + HTMLEscaping.escape(content) + "</text>"
    }

    func line(
        x1: Double, y1: Double, x2: Double, y2: Double, colour: String, width strokeWidth: Double = 1,
        dash: String = "", className: String? = nil
    ) -> String {
        var out = "<line"
        if let className { out += " class=\"\(className)\"" }
        out += " x1=\"" + Text.coordinate(x1) + "\" y1=\"" + Text.coordinate(y1) + "\" x2=\"" + Text.coordinate(x2)
        out += "\" y2=\"" + Text.coordinate(y2) + "\" stroke=\"\(colour)\" stroke-width=\""
        out += Text.coordinate(strokeWidth) + "\""
        if !dash.isEmpty { out += " stroke-dasharray=\"\(dash)\"" }
        return out + "/>"
    }

    /// The attributes that let a test read a point back: series, label, unrounded value, interval, fails.
    func pointAttributes(_ point: ReportChart.Point, series: Int) -> String {
        var out = " data-series=\"\(series)\" data-label=\"" + HTMLEscaping.escape(point.label.text(language))
        out += "\" data-value=\"" + NumberText.exact(point.value) + "\""
        if let interval = point.interval {
            out += " data-low=\"" + NumberText.exact(interval.lowerBound) + "\" data-high=\""
            out += NumberText.exact(interval.upperBound) + "\""
        }
        if point.fails { out += " data-fails=\"true\"" }
        return out
    }

    /// The tooltip of a point: "label: value [low, high]".
    func tooltip(_ point: ReportChart.Point, series: ReportChart.Series?, format: ReportNumberFormat) -> String {
        var out = ""
        if let series { out += series.name.text(language) + " · " }
        out += point.label.text(language) + ": " + point.text(format)
        if let interval = point.interval {
            out += " [" + NumberText.format(interval.lowerBound, format) + ", "
            out += NumberText.format(interval.upperBound, format) + "]"
        }
        if point.fails { out += " · " + ReportLabels.fails.text(language) }
        let name = isName(point.label) || series.map { isName($0.name) } == true
        return "<title" + (name ? " lang=\"zh\"" : "") + ">" + HTMLEscaping.escape(out) + "</title>"
    }

    /// A reference's label, with its value appended unless the label already shows it, at this or
    /// a shorter precision ("85%达标线" already shows 85.0 %; "上限 0.5" shows 0.50).
    func referenceLabel(_ reference: ReportChart.Reference, format: ReportNumberFormat) -> String {
        let label = reference.label.text(language)
        let value = NumberText.format(reference.value, format)
        let compact = label.replacingOccurrences(of: " ", with: "")
        let written = value.replacingOccurrences(of: " ", with: "")
        if Self.shows(compact, written) || Self.shows(compact, Self.trimmingFractionZeros(written)) { return label }
        return label.isEmpty ? value : label + " " + value
    }

    /// Whether `text` contains the number `value` as a whole number: no digit or decimal point right
    /// before or after it ("85%" is in "85%达标线", "5%" is not).
    static func shows(_ text: String, _ value: String) -> Bool {
        guard !value.isEmpty else { return false }
        func isNumeric(_ character: Character?) -> Bool { character.map { $0.isNumber || $0 == "." } ?? false }
        var rest = text[...]
        while let range = rest.range(of: value) {
            let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : nil
            let after = range.upperBound < text.endIndex ? text[range.upperBound] : nil
            if !isNumeric(before) && !isNumeric(after) { return true }
            rest = text[text.index(after: range.lowerBound)...]
        }
        return false
    }

    /// "85.0%" → "85%", "0.50" → "0.5", "2500.00" → "2500"; text without a decimal point is unchanged.
    static func trimmingFractionZeros(_ value: String) -> String {
        guard let point = value.firstIndex(of: ".") else { return value }
        let digitsEnd = value[point...].dropFirst().firstIndex { !$0.isNumber } ?? value.endIndex
        var fraction = value[value.index(after: point)..<digitsEnd]
        while fraction.last == "0" { fraction = fraction.dropLast() }
        return String(value[..<point]) + (fraction.isEmpty ? "" : "." + fraction) + value[digitsEnd...]
    }

    /// Every value a chart's scale must cover: the points, their intervals and the references.
    static func plottedValues(_ chart: ReportChart) -> [Double] {
        let points = chart.series.flatMap(\.points)
        var values = points.map(\.value)
        for point in points {
            if let interval = point.interval { values += [interval.lowerBound, interval.upperBound] }
        }
        return values + chart.references.map(\.value)
    }

    /// Which way a whisker runs: along the x axis (bars, the bars' legend) or the y axis (lines).
    enum WhiskerDirection {
        case horizontal
        case vertical
    }

    /// A whisker (an interval): the line from `low` to `high` at `across`, then a cap of half-length `cap`
    /// at each end, as three `<line>`s.
    func whisker(
        _ direction: WhiskerDirection, from low: Double, to high: Double, at across: Double, cap: Double,
        colour: String
    ) -> String {
        switch direction {
        case .horizontal:
            line(x1: low, y1: across, x2: high, y2: across, colour: colour, width: 1.2)
                + line(x1: low, y1: across - cap, x2: low, y2: across + cap, colour: colour, width: 1.2)
                + line(x1: high, y1: across - cap, x2: high, y2: across + cap, colour: colour, width: 1.2)
        case .vertical:
            line(x1: across, y1: low, x2: across, y2: high, colour: colour, width: 1.2)
                + line(x1: across - cap, y1: low, x2: across + cap, y2: low, colour: colour, width: 1.2)
                + line(x1: across - cap, y1: high, x2: across + cap, y2: high, colour: colour, width: 1.2)
        }
    }

    /// The opening `<g>` of a series, with its index and name for tests.
    func seriesGroup(_ series: ReportChart.Series, index: Int) -> String {
        "<g class=\"series\" data-series=\"\(index)\" data-series-name=\""
            + HTMLEscaping.escape(series.name.text(language)) + "\">\n"
    }

    /// The colour and dash pattern of the series at `index`: the palette first, then dashed repeats.
    static func seriesStyle(_ index: Int) -> (colour: String, dash: String) {
        let colours = ChartStyle.seriesColours
        return (
            colours[index % colours.count],
            ChartStyle.seriesDashes[(index / colours.count) % ChartStyle.seriesDashes.count]
        )
    }
}
