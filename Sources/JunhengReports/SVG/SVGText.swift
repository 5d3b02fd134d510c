import JunhengCore

/// Small helpers for writing SVG the same way every time.
enum SVGText {
    /// A coordinate with one fixed decimal and no negative zero: `12.5`, `0.0`.
    static func coordinate(_ value: Double) -> String {
        NumberText.fixed(value, places: 1)
    }

    /// `text` shortened with `…` so it fits `maxWidth` at `fontSize`, by the em estimate of ``TextWidth``.
    static func fit(_ text: String, maxWidth: Double, fontSize: Double) -> String {
        guard TextWidth.ems(text) * fontSize > maxWidth else { return text }
        var kept = ""
        var width = TextWidth.ems("…") * fontSize
        for character in text {
            let next = TextWidth.ems(String(character)) * fontSize
            if width + next > maxWidth { break }
            kept.append(character)
            width += next
        }
        return kept + "…"
    }

    /// The tick label format for a chart's number format at a given step.
    static func tickFormat(_ format: ReportNumberFormat, step: Double) -> ReportNumberFormat {
        switch format {
        case .percent: .percent(ChartScale.decimals(for: step * 100))
        default: .decimal(ChartScale.decimals(for: step))
        }
    }
}

/// The colours and sizes of every chart.
enum ChartStyle {
    static let fontSize = 13.0
    static let smallFontSize = 11.0
    static let fontFamily = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif"
    static let barColour = "#4a78a8"
    static let failColour = "#c8402f"
    static let referenceColour = "#d9822b"
    static let gridColour = "#e4e7eb"
    static let axisColour = "#8a929b"
    static let textColour = "#2b2f33"
    static let mutedTextColour = "#5f6770"
    static let whiskerColour = "#1f2a36"
    /// Line colours, in series order (colour-blind friendly, Okabe–Ito based).
    static let seriesColours = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#7f7f7f", "#b8a000"]
    /// Dash patterns for series beyond the palette.
    static let seriesDashes = ["", "6 3", "2 3"]
}
