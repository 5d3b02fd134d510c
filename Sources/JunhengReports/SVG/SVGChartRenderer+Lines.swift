import JunhengCore

/// Lines across ordered categories (e.g. years): one line per series with a marker and a value label at
/// each point, references dashed and labelled to the right of the plot, and a legend.
extension SVGChartRenderer {
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
        let categories = Self.categories(chart.series, language: language)

        let values = Self.plottedValues(chart)
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
        // When several series carry intervals, each series is moved a few pixels aside (dodged), so whiskers
        // of one year do not hide each other; without intervals every point sits on its category.
        let withIntervals = chart.series.filter { $0.points.contains { $0.interval != nil } }.count
        func dodge(_ series: Int) -> Double {
            guard withIntervals > 1 else { return 0 }
            let step = min(6, slot / Double(2 * chart.series.count))
            return (Double(series) - Double(chart.series.count - 1) / 2) * step
        }

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
        let names = Set(chart.series.flatMap(\.points).filter { isName($0.label) }.map { $0.label.text(language) })
        for (index, category) in categories.enumerated() {
            out +=
                text(
                    Text.fit(category, maxWidth: slot - 4, fontSize: font), x: x(index), y: plotBottom + 18,
                    anchor: "middle", className: "category", name: names.contains(category)) + "\n"
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
            let (colour, dash) = Self.seriesStyle(seriesIndex)
            out += seriesGroup(series, index: seriesIndex)
            // The line, broken where a category has no point (or not a number) in this series.
            let positions = placed[seriesIndex]
            let drawn = positions.filter { $0.point.value.isFinite }
            var path = ""
            var previous: Int?
            for (category, point) in drawn {
                let command = previous.map { category == $0 + 1 || category == $0 } == true ? "L" : "M"
                path += (path.isEmpty ? "" : " ") + command + Text.coordinate(x(category) + dodge(seriesIndex)) + " "
                path += Text.coordinate(yScale.position(point.value))
                previous = category
            }
            if drawn.count > 1, path.contains("L") {
                out += "<path d=\"" + path + "\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2.0\""
                out += dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\""
                out += "/>\n"
            }
            for (index, (category, point)) in positions.enumerated() {
                let cx = x(category) + dodge(seriesIndex)
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
                    out += whisker(.vertical, from: low, to: high, at: cx, cap: 4, colour: colour)
                    out += "</g>"
                }
                out += "<circle cx=\"" + Text.coordinate(cx) + "\" cy=\"" + Text.coordinate(cy) + "\" r=\"4.0\" fill=\""
                out += (point.fails ? ChartStyle.failColour : colour) + "\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>"
                out += text(
                    point.text(chart.format), x: labelX, y: labelY,
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
            let (colour, dash) = Self.seriesStyle(seriesIndex)
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
            legend +=
                text(
                    name, x: legendX + 26, y: legendY, size: small, colour: ChartStyle.textColour,
                    name: isName(series.name)) + "\n"
            legendX += itemWidth
        }
        legend += "</g>\n"
        let height = legendY + 10

        return open(chart, height: height) + out + legend + "</svg>"
    }
}
