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
            + "<title id=\"" + id + "\">" + HTMLEscaping.escape(chart.title.text(language)) + "</title>\n"
    }

    func empty(_ chart: ReportChart) -> String {
        let height = 60.0
        return open(chart, height: height) + "<text x=\"" + Text.coordinate(width / 2) + "\" y=\"34.0\" "
            + "text-anchor=\"middle\" fill=\"" + ChartStyle.mutedTextColour + "\">"
            + HTMLEscaping.escape(ReportLabels.noData.text(language)) + "</text>\n</svg>"
    }

    func text(
        _ content: String, x: Double, y: Double, anchor: String = "start", size: Double? = nil,
        colour: String = ChartStyle.textColour, className: String? = nil, halo: Bool = false
    ) -> String {
        var out = "<text"
        if let className { out += " class=\"\(className)\"" }
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
        out += point.label.text(language) + ": " + NumberText.format(point.value, format)
        if let interval = point.interval {
            out += " [" + NumberText.format(interval.lowerBound, format) + ", "
            out += NumberText.format(interval.upperBound, format) + "]"
        }
        if point.fails { out += " · " + ReportLabels.fails.text(language) }
        return "<title>" + HTMLEscaping.escape(out) + "</title>"
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

    // MARK: - Bars

    func bars(_ chart: ReportChart) -> String {
        let font = ChartStyle.fontSize
        let small = ChartStyle.smallFontSize
        let grouped = chart.series.count > 1
        let rowHeight = 24.0
        let barHeight = 14.0
        let headingHeight = grouped ? 24.0 : 0
        let points = chart.series.flatMap(\.points)
        let hasNegative = points.contains { $0.value < 0 || ($0.interval?.lowerBound ?? 0) < 0 }

        // Label gutter from the widest category label (CJK ≈ 1 em, ASCII ≈ 0.55 em), at most 40 %.
        let widestLabel = points.map { TextWidth.ems($0.label.text(language)) * font }.max() ?? 0
        let gutter = min(max(widestLabel + 14, 48), width * 0.4)
        let valueTexts = points.map { NumberText.format($0.value, chart.format) }
        let widestValue = valueTexts.map { TextWidth.ems($0) * font }.max() ?? 0
        let rightPad = widestValue + 12
        let leftPad = hasNegative ? widestValue + 10 : 0
        let referenceLabels = chart.references.map { referenceLabel($0, format: chart.format) }
        let top = 10 + Double(chart.references.count) * 16

        var values = points.map(\.value)
        for point in points {
            if let interval = point.interval { values += [interval.lowerBound, interval.upperBound] }
        }
        values += chart.references.map(\.value)
        let plotLeft = gutter + leftPad
        let plotRight = width - rightPad
        let scale = ChartScale(covering: values, tickCount: 5, includeZero: true, from: plotLeft, to: plotRight)

        // Rows, top to bottom.
        var body = ""
        var cursor = top
        for (seriesIndex, series) in chart.series.enumerated() {
            body += "<g class=\"series\" data-series=\"\(seriesIndex)\" data-series-name=\""
            body += HTMLEscaping.escape(series.name.text(language)) + "\">\n"
            if grouped {
                body +=
                    text(
                        series.name.text(language), x: 4, y: cursor + 17, size: font, colour: ChartStyle.textColour,
                        className: "group") + "\n"
                body +=
                    line(
                        x1: 4, y1: cursor + headingHeight - 2, x2: width - 4, y2: cursor + headingHeight - 2,
                        colour: ChartStyle.gridColour) + "\n"
                cursor += headingHeight
            }
            for point in series.points {
                let centre = cursor + rowHeight / 2
                let colour = point.fails ? ChartStyle.failColour : ChartStyle.barColour
                let zero = scale.position(0)
                // A value that is not a number gets no bar, only its "—".
                let end = point.value.isFinite ? scale.position(point.value) : zero
                body += "<g class=\"point\"" + pointAttributes(point, series: seriesIndex) + ">"
                body += tooltip(point, series: grouped ? series : nil, format: chart.format)
                let label = Text.fit(point.label.text(language), maxWidth: gutter - 12, fontSize: font)
                body += text(label, x: gutter - 8, y: centre + font * 0.35, anchor: "end", className: "label")
                body += "<rect class=\"" + (point.fails ? "bar fail" : "bar") + "\" x=\""
                body += Text.coordinate(min(zero, end)) + "\" y=\"" + Text.coordinate(centre - barHeight / 2)
                body += "\" width=\"" + Text.coordinate(abs(end - zero)) + "\" height=\"" + Text.coordinate(barHeight)
                body += "\" fill=\"\(colour)\"/>"
                var labelEnd = end
                if let interval = point.interval, interval.lowerBound.isFinite, interval.upperBound.isFinite {
                    let low = scale.position(interval.lowerBound)
                    let high = scale.position(interval.upperBound)
                    body += "<g class=\"whisker\">"
                    body += line(
                        x1: low, y1: centre, x2: high, y2: centre, colour: ChartStyle.whiskerColour, width: 1.2)
                    body += line(
                        x1: low, y1: centre - 5, x2: low, y2: centre + 5, colour: ChartStyle.whiskerColour, width: 1.2)
                    body += line(
                        x1: high, y1: centre - 5, x2: high, y2: centre + 5, colour: ChartStyle.whiskerColour,
                        width: 1.2)
                    body += "</g>"
                    labelEnd = point.value < 0 ? min(end, low) : max(end, high)
                }
                let valueText = NumberText.format(point.value, chart.format)
                if point.value < 0 {
                    body += text(
                        valueText, x: labelEnd - 5, y: centre + small * 0.35, anchor: "end", size: small,
                        colour: point.fails ? ChartStyle.failColour : ChartStyle.textColour, className: "value",
                        halo: true)
                } else {
                    body += text(
                        valueText, x: labelEnd + 5, y: centre + small * 0.35, size: small,
                        colour: point.fails ? ChartStyle.failColour : ChartStyle.textColour, className: "value",
                        halo: true)
                }
                body += "</g>\n"
                cursor += rowHeight
            }
            body += "</g>\n"
        }
        let plotTop = top
        let plotBottom = cursor

        // Grid and axis under the bars.
        let tickFormat = Text.tickFormat(chart.format, step: scale.step)
        var grid = "<g class=\"axis\">\n"
        for tick in scale.ticks {
            let x = scale.position(tick)
            grid += line(
                x1: x, y1: plotTop, x2: x, y2: plotBottom,
                colour: tick == 0 ? ChartStyle.axisColour : ChartStyle.gridColour)
            grid +=
                text(
                    NumberText.format(tick, tickFormat), x: x, y: plotBottom + 16, anchor: "middle", size: small,
                    colour: ChartStyle.mutedTextColour) + "\n"
        }
        grid += "</g>\n"

        // References (drawn under the bars, labelled at the top).
        var references = ""
        if !chart.references.isEmpty {
            references += "<g class=\"references\">\n"
            for (index, reference) in chart.references.enumerated() {
                let x = scale.position(reference.value)
                let labelY = 10 + Double(index) * 16 + small * 0.9
                let labelWidth = TextWidth.ems(referenceLabels[index]) * small
                let anchor = x + labelWidth / 2 > width - 2 ? "end" : x - labelWidth / 2 < 2 ? "start" : "middle"
                references += "<g class=\"ref\" data-value=\"" + NumberText.exact(reference.value) + "\">"
                references += line(
                    x1: x, y1: labelY + 3, x2: x, y2: plotBottom, colour: ChartStyle.referenceColour, width: 1.5,
                    dash: "5 4")
                references += text(
                    referenceLabels[index], x: x, y: labelY, anchor: anchor, size: small,
                    colour: ChartStyle.referenceColour, halo: true)
                references += "</g>\n"
            }
            references += "</g>\n"
        }

        // Legend, only for what needs explaining.
        var legendItems: [(swatch: String, label: String)] = []
        if points.contains(where: \.fails) {
            legendItems.append(("fail", ReportLabels.fails.text(language)))
        }
        if points.contains(where: { $0.interval != nil }) {
            legendItems.append(("whisker", ReportLabels.interval95.text(language)))
        }
        var height = plotBottom + 28
        var legend = ""
        if !legendItems.isEmpty {
            legend += "<g class=\"legend\">"
            var x = plotLeft
            let y = plotBottom + 38
            for item in legendItems {
                if item.swatch == "fail" {
                    legend += "<rect x=\"" + Text.coordinate(x) + "\" y=\"" + Text.coordinate(y - 9)
                    legend += "\" width=\"12.0\" height=\"10.0\" fill=\"" + ChartStyle.failColour + "\"/>"
                } else {
                    legend += line(
                        x1: x, y1: y - 4, x2: x + 14, y2: y - 4, colour: ChartStyle.whiskerColour, width: 1.2)
                    legend += line(x1: x, y1: y - 8, x2: x, y2: y, colour: ChartStyle.whiskerColour, width: 1.2)
                    legend += line(
                        x1: x + 14, y1: y - 8, x2: x + 14, y2: y, colour: ChartStyle.whiskerColour, width: 1.2)
                }
                legend += text(item.label, x: x + 18, y: y, size: small, colour: ChartStyle.mutedTextColour)
                x += 18 + TextWidth.ems(item.label) * small + 18
            }
            legend += "</g>\n"
            height += 18
        }

        // The reference lines go under the bars, so a value label (with its white halo) that ends near a
        // line stays readable; the dashes still show in the gaps between the bars.
        return open(chart, height: height) + grid + references + body + legend + "</svg>"
    }

    // MARK: - Lines

    /// The x-axis categories: every point label once, each series' labels kept in its own order. A label
    /// not seen yet goes right after the series' previous label (or, for a series' first labels, right
    /// before its first known one, else at the end), so `2018, 2024` and `2018, 2021, 2024` merge to
    /// `2018, 2021, 2024`.
    static func categories(_ series: [ReportChart.Series], language: Language) -> [String] {
        var categories: [String] = []
        for one in series {
            let labels = one.points.map { $0.label.text(language) }
            var previous: Int?
            for (position, label) in labels.enumerated() {
                if let index = categories.firstIndex(of: label) {
                    previous = index
                    continue
                }
                let index: Int
                if let previous {
                    index = previous + 1
                } else if let known = labels[(position + 1)...].lazy.compactMap({ categories.firstIndex(of: $0) }).first
                {
                    index = known
                } else {
                    index = categories.count
                }
                categories.insert(label, at: index)
                previous = index
            }
        }
        return categories
    }

    func lines(_ chart: ReportChart) -> String {
        let font = ChartStyle.fontSize
        let small = ChartStyle.smallFontSize
        let points = chart.series.flatMap(\.points)
        let categories = Self.categories(chart.series, language: language)

        var values = points.map(\.value)
        for point in points {
            if let interval = point.interval { values += [interval.lowerBound, interval.upperBound] }
        }
        values += chart.references.map(\.value)
        let plotTop = 24.0
        let plotHeight = 200.0
        let plotBottom = plotTop + plotHeight
        let yScale = ChartScale(
            covering: values, tickCount: 4, includeZero: false, from: plotBottom, to: plotTop)
        let tickFormat = Text.tickFormat(chart.format, step: yScale.step)
        let tickTexts = yScale.ticks.map { NumberText.format($0, tickFormat) }
        let plotLeft = (tickTexts.map { TextWidth.ems($0) * small }.max() ?? 0) + 16
        // Reference labels go right of the plot, level with their line, so they never sit on a point's
        // value label: the plot leaves them room.
        let referenceTexts = chart.references.map { referenceLabel($0, format: chart.format) }
        let referenceRoom = referenceTexts.map { TextWidth.ems($0) * small + 10 }.max() ?? 0
        let plotRight = width - max(20, referenceRoom)
        let slot = (plotRight - plotLeft) / Double(max(categories.count, 1))
        func x(_ category: Int) -> Double { plotLeft + (Double(category) + 0.5) * slot }

        var out = "<g class=\"axis\">\n"
        for (index, tick) in yScale.ticks.enumerated() {
            let y = yScale.position(tick)
            out += line(x1: plotLeft, y1: y, x2: plotRight, y2: y, colour: ChartStyle.gridColour)
            out +=
                text(
                    tickTexts[index], x: plotLeft - 6, y: y + small * 0.35, anchor: "end", size: small,
                    colour: ChartStyle.mutedTextColour) + "\n"
        }
        out += line(x1: plotLeft, y1: plotBottom, x2: plotRight, y2: plotBottom, colour: ChartStyle.axisColour)
        for (index, category) in categories.enumerated() {
            out +=
                text(
                    Text.fit(category, maxWidth: slot - 4, fontSize: font), x: x(index), y: plotBottom + 18,
                    anchor: "middle", className: "category") + "\n"
        }
        out += "</g>\n"

        if !chart.references.isEmpty {
            out += "<g class=\"references\">\n"
            for (index, reference) in chart.references.enumerated() {
                let y = yScale.position(reference.value)
                out += "<g class=\"ref\" data-value=\"" + NumberText.exact(reference.value) + "\">"
                out += line(
                    x1: plotLeft, y1: y, x2: plotRight, y2: y, colour: ChartStyle.referenceColour, width: 1.5,
                    dash: "5 4")
                out += text(
                    referenceTexts[index], x: plotRight + 4, y: y + small * 0.35, size: small,
                    colour: ChartStyle.referenceColour, halo: true)
                out += "</g>\n"
            }
            out += "</g>\n"
        }

        // Every point's place, and whether its value label goes below it to clear a neighbour's label.
        let placed: [[(category: Int, point: ReportChart.Point)]] = chart.series.map { series in
            series.points.compactMap { point in
                categories.firstIndex(of: point.label.text(language)).map { ($0, point) }
            }
        }
        var below: Set<[Int]> = []
        for category in categories.indices {
            var here: [(series: Int, index: Int, y: Double)] = []
            for (seriesIndex, positions) in placed.enumerated() {
                for (index, position) in positions.enumerated()
                where position.category == category && position.point.value.isFinite {
                    here.append((seriesIndex, index, yScale.position(position.point.value)))
                }
            }
            here.sort { ($0.y, $0.series, $0.index) < ($1.y, $1.series, $1.index) }
            // Top to bottom: a label above its point would touch the label or the point just above it.
            var lastLabel: Double?
            var lastPoint: Double?
            for item in here {
                let above = item.y - 8
                let touchesLabel = lastLabel.map { above - $0 < small + 1 } ?? false
                let touchesPoint = lastPoint.map { item.y - $0 < small + 12 } ?? false
                if touchesLabel || touchesPoint {
                    below.insert([item.series, item.index])
                    lastLabel = item.y + 8 + small
                } else {
                    lastLabel = above
                }
                lastPoint = item.y
            }
        }

        for (seriesIndex, series) in chart.series.enumerated() {
            let colour = ChartStyle.seriesColours[seriesIndex % ChartStyle.seriesColours.count]
            let dash = ChartStyle.seriesDashes[
                (seriesIndex / ChartStyle.seriesColours.count) % ChartStyle.seriesDashes.count]
            out += "<g class=\"series\" data-series=\"\(seriesIndex)\" data-series-name=\""
            out += HTMLEscaping.escape(series.name.text(language)) + "\">\n"
            // The line, broken where a category has no point (or not a number) in this series.
            let positions = placed[seriesIndex]
            let drawn = positions.filter { $0.point.value.isFinite }
            var path = ""
            var previous: Int?
            for (category, point) in drawn {
                let command = previous.map { category == $0 + 1 || category == $0 } == true ? "L" : "M"
                path += (path.isEmpty ? "" : " ") + command + Text.coordinate(x(category)) + " "
                path += Text.coordinate(yScale.position(point.value))
                previous = category
            }
            if drawn.count > 1, path.contains("L") {
                out += "<path d=\"" + path + "\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2.0\""
                out += dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\""
                out += "/>\n"
            }
            for (index, (category, point)) in positions.enumerated() {
                let cx = x(category)
                let cy = yScale.position(point.value)
                // A label below a point near the axis would sit on the category labels: it goes to the
                // right of its point instead.
                let isBelow = below.contains([seriesIndex, index])
                let beside = isBelow && cy + 8 + small > plotBottom - 2
                let labelX = beside ? cx + 7 : cx
                let labelY = beside ? cy + small * 0.35 : isBelow ? cy + 8 + small : cy - 8
                out += "<g class=\"point\"" + pointAttributes(point, series: seriesIndex) + ">"
                out += tooltip(point, series: series, format: chart.format)
                guard point.value.isFinite else {
                    out += "</g>\n"
                    continue
                }
                if let interval = point.interval, interval.lowerBound.isFinite, interval.upperBound.isFinite {
                    let low = yScale.position(interval.lowerBound)
                    let high = yScale.position(interval.upperBound)
                    out += "<g class=\"whisker\">"
                    out += line(x1: cx, y1: low, x2: cx, y2: high, colour: colour, width: 1.2)
                    out += line(x1: cx - 4, y1: low, x2: cx + 4, y2: low, colour: colour, width: 1.2)
                    out += line(x1: cx - 4, y1: high, x2: cx + 4, y2: high, colour: colour, width: 1.2)
                    out += "</g>"
                }
                out += "<circle cx=\"" + Text.coordinate(cx) + "\" cy=\"" + Text.coordinate(cy) + "\" r=\"4.0\" fill=\""
                out += (point.fails ? ChartStyle.failColour : colour) + "\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>"
                out += text(
                    NumberText.format(point.value, chart.format), x: labelX, y: labelY,
                    anchor: beside ? "start" : "middle", size: small,
                    colour: point.fails ? ChartStyle.failColour : ChartStyle.textColour, className: "value", halo: true)
                out += "</g>\n"
            }
            out += "</g>\n"
        }

        // Legend: one swatch per series, wrapped into rows.
        var legend = "<g class=\"legend\">\n"
        var legendX = plotLeft
        var legendY = plotBottom + 44
        for (seriesIndex, series) in chart.series.enumerated() {
            let colour = ChartStyle.seriesColours[seriesIndex % ChartStyle.seriesColours.count]
            let dash = ChartStyle.seriesDashes[
                (seriesIndex / ChartStyle.seriesColours.count) % ChartStyle.seriesDashes.count]
            let name = series.name.text(language)
            let itemWidth = 26 + TextWidth.ems(name) * small + 16
            if legendX + itemWidth > width - 4, legendX > plotLeft {
                legendX = plotLeft
                legendY += 18
            }
            legend += line(
                x1: legendX, y1: legendY - 4, x2: legendX + 20, y2: legendY - 4, colour: colour, width: 2, dash: dash)
            legend += "<circle cx=\"" + Text.coordinate(legendX + 10) + "\" cy=\"" + Text.coordinate(legendY - 4)
            legend += "\" r=\"3.0\" fill=\"\(colour)\"/>"
            legend += text(name, x: legendX + 26, y: legendY, size: small, colour: ChartStyle.textColour) + "\n"
            legendX += itemWidth
        }
        legend += "</g>\n"
        let height = legendY + 10

        return open(chart, height: height) + out + legend + "</svg>"
    }
}
