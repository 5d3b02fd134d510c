public import JunhengCore

/// The short terminal summary of every bar, grouped by area: the area as a heading, then per bar
/// ✔/✘ (or ? when it cannot be judged), name, figure, threshold, and, on the line below a failing
/// bar, its responsible units (责任单位).
///
/// ```
/// 资源配置
/// ✔  小学差异系数：生均教学仪器设备值  0.38  ≤ 0.50
///
/// 社会认可度
/// ✘  社会认可度  82.4%  ≥ 85%
///    责任单位：县教育局、县财政局
/// ```
///
/// It fits a terminal of ``width`` columns (CJK characters count two, ``TextWidth``). The columns are
/// aligned within each area, so a wide figure in one area (教育质量) does not push another area's
/// columns right. The name column gets what the figure and up to ``thresholdShare`` columns of
/// threshold leave (at least ``minimumNameColumns``); the threshold takes the rest. A name or
/// threshold too long for its column wraps onto the next lines of that column (``TextWrap``); the
/// units wrap under the name. A line is longer than ``width`` only when the figures alone leave less
/// than the minimum name and threshold columns.
///
/// Rendering a whole document ends with the counts line; rendering a list of bars writes only the bar
/// lines, for callers that print their own counts (``counts(_:)``).
public struct SummaryRenderer: Sendable {
    public var language: Language
    /// The width in columns that no line exceeds. The default, 118, fits a 120-column terminal with
    /// room to spare for a terminal that draws ✔/✘ two columns wide.
    public var width: Int

    /// The threshold columns kept free when the names are long; a longer threshold wraps.
    public static let thresholdShare = 20
    /// The narrowest the name column gets, however wide the figures.
    public static let minimumNameColumns = 24
    /// The narrowest the threshold column gets.
    public static let minimumThresholdColumns = 12

    static let gap = "  "

    public init(language: Language = .zh, width: Int = 118) {
        self.language = language
        self.width = width
    }

    /// Every bar of every section, in document order, then the counts (``counts(of:)``).
    public func render(_ document: ReportDocument) -> String {
        let bars = document.sections.flatMap(\.bars)
        return render(bars) + Self.counts(of: document).map { $0.text(language) + "\n" }.joined()
    }

    /// The counts lines of a document: one line when one section has bars, else one line a section, named,
    /// so that lists of different kinds are never added up into one figure (the county report's 50
    /// requirements of 附件2 and its 社会认可度 bars: "附件2 …：共 50 项：…" and "社会认可度：共 4 项：…").
    public static func counts(of document: ReportDocument) -> [LocalizedText] {
        let sections = document.sections.filter { !$0.bars.isEmpty }
        guard sections.count > 1 else { return [counts(document.sections.flatMap(\.bars))] }
        return sections.map { section in
            let line = counts(section.bars)
            let label = section.countsLabel ?? section.title
            return LocalizedText(zh: label.zh + "：" + line.zh, en: label.en + ": " + line.en)
        }
    }

    /// The given bars under their area headings (a blank line between areas), one line each plus
    /// continuation lines for long names or thresholds and the units of a failing bar; no counts line.
    public func render(_ bars: [BarCheck]) -> String {
        var groups: [(area: String, bars: [BarCheck])] = []
        for bar in bars {
            let area = bar.area.text(language)
            if groups.last?.area == area {
                groups[groups.count - 1].bars.append(bar)
            } else {
                groups.append((area, [bar]))
            }
        }
        return groups.map { group in
            (group.area.isEmpty ? "" : group.area + "\n") + render(group: group.bars)
        }.joined(separator: "\n")
    }

    /// One area's bars, with columns aligned among them.
    func render(group bars: [BarCheck]) -> String {
        let gap = Self.gap
        let markWidth = bars.map { TextWidth.columns(Self.mark($0.passes)) }.max() ?? 1
        let figureWidth = bars.map { TextWidth.columns($0.figureText.text(language)) }.max() ?? 0
        let longestThreshold = bars.map { TextWidth.columns($0.thresholdText.text(language)) }.max() ?? 0
        let longestName = bars.map { TextWidth.columns($0.name.text(language)) }.max() ?? 0
        // An unknown bar's 无法判定 (or 待核实, 无数据) follows its threshold: keep room for it.
        let noteWidth =
            bars.filter { $0.passes == nil }.map { gap.count + TextWidth.columns($0.verdict.text(language)) }.max()
            ?? 0
        let fixed = markWidth + figureWidth + 3 * gap.count + noteWidth
        let nameWidth = min(
            longestName, max(width - fixed - min(longestThreshold, Self.thresholdShare), Self.minimumNameColumns))
        let thresholdWidth = min(
            longestThreshold, max(width - fixed - nameWidth, Self.minimumThresholdColumns))
        let nameIndent = String(repeating: " ", count: markWidth + gap.count)

        var out = ""
        for bar in bars {
            let names = Self.wrapped(bar.name.text(language), width: nameWidth)
            let thresholds = Self.wrapped(bar.thresholdText.text(language), width: thresholdWidth)
            for index in 0..<max(names.count, thresholds.count) {
                let first = index == 0
                var line = first ? Self.pad(Self.mark(bar.passes), markWidth) : String(repeating: " ", count: markWidth)
                line += gap + Self.pad(index < names.count ? names[index] : "", nameWidth)
                line += gap + Self.pad(first ? bar.figureText.text(language) : "", figureWidth)
                line += gap + Self.pad(index < thresholds.count ? thresholds[index] : "", thresholdWidth)
                if first, bar.passes == nil { line += gap + bar.verdict.text(language) }
                out += Self.trimmingTrailingSpaces(line) + "\n"
            }
            if bar.passes == false, !bar.responsibleUnits.isEmpty {
                let room = max(width - nameIndent.count, Self.minimumThresholdColumns)
                for line in TextWrap.lines(responsibleUnits(bar.responsibleUnits), width: room) {
                    out += nameIndent + line + "\n"
                }
            }
        }
        return out
    }

    /// `text` wrapped to `width` columns; at least one (possibly empty) line.
    static func wrapped(_ text: String, width: Int) -> [String] {
        let lines = TextWrap.lines(text, width: width)
        return lines.isEmpty ? [""] : lines
    }

    /// `text` followed by spaces up to `columns` terminal columns.
    static func pad(_ text: String, _ columns: Int) -> String {
        text + String(repeating: " ", count: max(columns - TextWidth.columns(text), 0))
    }

    static func trimmingTrailingSpaces(_ line: String) -> String {
        var line = Substring(line)
        while line.last == " " { line = line.dropLast() }
        return String(line)
    }

    /// "责任单位：县教育局、县财政局" / "Responsible units: County Education Bureau, County Finance Bureau".
    func responsibleUnits(_ units: [LocalizedText]) -> String {
        let colon = language == .zh ? "：" : ": "
        return ReportLabels.responsibleUnits.text(language) + colon
            + units.map { $0.text(language) }.joined(separator: ReportLabels.listSeparator(language))
    }

    /// ✔ passes, ✘ fails, ? cannot be judged.
    static func mark(_ passes: Bool?) -> String {
        switch passes {
        case true?: "✔"
        case false?: "✘"
        case nil: "?"
        }
    }

    /// How many bars meet, fail, and cannot be judged: "共 27 项：达标 22 项，未达标 4 项，无法判定 1 项";
    /// undetermined bars that name their verdict are counted under it ("待核实 2 项，无数据 3 项").
    public static func counts(_ bars: [BarCheck]) -> LocalizedText {
        var undetermined: [(verdict: LocalizedText, count: Int)] = []
        for bar in bars where bar.passes == nil {
            if let index = undetermined.firstIndex(where: { $0.verdict == bar.verdict }) {
                undetermined[index].count += 1
            } else {
                undetermined.append((bar.verdict, 1))
            }
        }
        return ReportLabels.counts(
            total: bars.count, met: bars.filter { $0.passes == true }.count,
            failed: bars.filter { $0.passes == false }.count, undetermined: undetermined)
    }
}
