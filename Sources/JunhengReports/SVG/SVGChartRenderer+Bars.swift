import JunhengCore

/// Horizontal bars: one per point, in the order given, grouped under a heading per series when there is
/// more than one, with whiskers for intervals, failing points in the warning colour, the value at the end
/// of each bar, and references as dashed vertical lines behind the bars.
extension SVGChartRenderer {
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
        let valueTexts = points.map { $0.text(chart.format) }
        let widestValue = valueTexts.map { TextWidth.ems($0) * font }.max() ?? 0
        let rightPad = widestValue + 12
        let leftPad = hasNegative ? widestValue + 10 : 0
        let referenceLabels = chart.references.map { referenceLabel($0, format: chart.format) }
        let top = 10 + Double(chart.references.count) * 16

        let values = Self.plottedValues(chart)
        let plotLeft = gutter + leftPad
        let plotRight = width - rightPad
        let scale = ChartScale(covering: values, tickCount: 5, includeZero: true, from: plotLeft, to: plotRight)

        // Rows, top to bottom.
        var body = ""
        var cursor = top
        for (seriesIndex, series) in chart.series.enumerated() {
            body += seriesGroup(series, index: seriesIndex)
            if grouped {
                body +=
                    text(
                        series.name.text(language), x: 4, y: cursor + 17, size: font, colour: ChartStyle.textColour,
                        className: "group", name: isName(series.name)) + "\n"
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
                body += text(
                    label, x: gutter - 8, y: centre + font * 0.35, anchor: "end", className: "label",
                    name: isName(point.label))
                body += "<rect class=\"" + (point.fails ? "bar fail" : "bar") + "\" x=\""
                body += Text.coordinate(min(zero, end)) + "\" y=\"" + Text.coordinate(centre - barHeight / 2)
                body += "\" width=\"" + Text.coordinate(abs(end - zero)) + "\" height=\"" + Text.coordinate(barHeight)
                body += "\" fill=\"\(colour)\"/>"
                var labelEnd = end
                if let interval = point.interval, interval.lowerBound.isFinite, interval.upperBound.isFinite {
                    let low = scale.position(interval.lowerBound)
                    let high = scale.position(interval.upperBound)
                    body += "<g class=\"whisker\">"
                    body += whisker(
                        .horizontal, from: low, to: high, at: centre, cap: 5, colour: ChartStyle.whiskerColour)
                    body += "</g>"
                    labelEnd = point.value < 0 ? min(end, low) : max(end, high)
                }
                let valueText = point.text(chart.format)
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
                    legend += whisker(
                        .horizontal, from: x, to: x + 14, at: y - 4, cap: 4, colour: ChartStyle.whiskerColour)
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
}
