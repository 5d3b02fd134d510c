import JunhengCore

/// The short terminal summary of every bar: ✔/✘ (or ? when it cannot be judged), area, name, figure,
/// threshold, and the responsible units (责任单位) of every failing bar.
///
/// ```
/// ✔  资源配置    小学差异系数：生均教学仪器设备值  0.38    ≤ 0.50
/// ✘  社会认可度  社会认可度                        82.4%   ≥ 85%   责任单位：县教育局、县财政局
/// 共 2 项：达标 1 项，未达标 1 项
/// ```
///
/// Rendering a whole document ends with the counts line; rendering a list of bars writes only the bar
/// lines, for callers that print their own counts (``counts(_:)``).
public struct SummaryRenderer: Sendable {
    public var language: Language

    public init(language: Language = .zh) {
        self.language = language
    }

    /// Every bar of every section, in document order, then the counts.
    public func render(_ document: ReportDocument) -> String {
        let bars = document.sections.flatMap(\.bars)
        return render(bars) + Self.counts(bars).text(language) + "\n"
    }

    /// The given bars, one a line (no counts line).
    public func render(_ bars: [BarCheck]) -> String {
        let rows: [[String]] = bars.map { bar in
            var row = [
                Self.mark(bar.passes), bar.area.text(language), bar.name.text(language), bar.figure, bar.threshold,
            ]
            if bar.passes == false, !bar.responsibleUnits.isEmpty {
                row.append(responsibleUnits(bar.responsibleUnits))
            } else if bar.passes == nil {
                row.append(ReportLabels.unknown.text(language))
            }
            return row
        }
        var widths: [Int] = []
        for row in rows {
            for (index, text) in row.enumerated() {
                if index == widths.count { widths.append(0) }
                widths[index] = max(widths[index], TextWidth.columns(text))
            }
        }
        var out = ""
        for row in rows {
            let line = row.enumerated().map { index, text in
                index == row.count - 1
                    ? text : text + String(repeating: " ", count: widths[index] - TextWidth.columns(text))
            }.joined(separator: "  ")
            out += line + "\n"
        }
        return out
    }

    /// "责任单位：县教育局、县财政局" / "Responsible units: 县教育局, 县财政局".
    func responsibleUnits(_ units: [String]) -> String {
        let colon = language == .zh ? "：" : ": "
        return ReportLabels.responsibleUnits.text(language) + colon
            + units.joined(separator: ReportLabels.listSeparator(language))
    }

    /// ✔ passes, ✘ fails, ? cannot be judged.
    static func mark(_ passes: Bool?) -> String {
        switch passes {
        case true?: "✔"
        case false?: "✘"
        case nil: "?"
        }
    }

    /// How many bars meet, fail, and cannot be judged: "共 27 项：达标 22 项，未达标 4 项，无法判定 1 项".
    public static func counts(_ bars: [BarCheck]) -> LocalizedText {
        ReportLabels.counts(
            total: bars.count, met: bars.filter { $0.passes == true }.count,
            failed: bars.filter { $0.passes == false }.count, unknown: bars.filter { $0.passes == nil }.count)
    }
}
