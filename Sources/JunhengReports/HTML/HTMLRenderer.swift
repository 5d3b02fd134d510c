import Foundation
public import JunhengCore

/// Renders a ``ReportDocument`` as one self-contained HTML5 file: inline CSS, inline SVG charts, no
/// script, no external font or image, so it opens anywhere, offline, and prints.
///
/// The page has the title, a summary of every bar (figure, standard, 达标/未达标, and 责任单位 for a
/// failing bar), then each section with its charts and tables. Every piece of text is escaped.
///
/// Structure a test can rely on:
/// - every bar is a `<tr class="bar" data-bar="SECTION/INDEX" data-passes="true|false|unknown">`, with
///   `data-value` on its figure cell when ``BarCheck/value`` is set;
/// - every chart is a `<figure class="chart" id="chart-ID" data-chart="ID" data-kind="bars|lines">`
///   (see ``SVGChartRenderer`` for the points inside);
/// - every table is a `<table data-table="ID">`, each row `data-row="N"`, each cell `data-key="COLUMN"`,
///   and each number cell `data-value` with the unrounded value (``NumberText/exact(_:)``), plus
///   `data-fails="true|false"` when the cell is judged;
/// - every panel is an `<article class="panel" data-panel="ID">` in a `<div class="panels">`, holding its
///   chart (`<figure class="chart">`, drawn narrower) and tables.
///
/// The same document always gives the same bytes: no dates, no random ids.
public struct HTMLRenderer: Sendable {
    public var language: Language

    public init(language: Language = .zh) {
        self.language = language
    }

    public func render(_ document: ReportDocument) -> String {
        var ids = UniqueIdentifiers()
        var out = "<!DOCTYPE html>\n<html lang=\"" + (language == .zh ? "zh-CN" : "en") + "\">\n<head>\n"
        out += "<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"junheng\">\n"
        out += "<title>" + HTMLEscaping.escape(document.title.text(language)) + "</title>\n"
        out += "<style>\n" + HTMLStyle.css + "\n" + pageFooter(document) + "</style>\n</head>\n<body>\n<main>\n"

        out += "<header class=\"report\">\n<h1>" + escape(document.title) + "</h1>\n"
        for line in document.subtitle { out += "<p class=\"subtitle\">" + escape(line) + "</p>\n" }
        out += "</header>\n"

        let sectionIDs = document.sections.map { ids.make("section-" + HTMLEscaping.identifier($0.id)) }
        let summaryID = ids.make("summary")
        out += contents(document, sectionIDs: sectionIDs, summaryID: summaryID)
        out += summary(document, id: summaryID)
        for (index, section) in document.sections.enumerated() {
            out += self.section(section, id: sectionIDs[index], ids: &ids)
        }

        out += "<footer>" + escape(ReportLabels.generatedBy) + "</footer>\n"
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    // MARK: - Pieces

    /// The printed page's footer: the report's title (it names the county) at the left, the page number
    /// and the page count at the right (CSS page-margin boxes; a browser that lacks them prints none).
    func pageFooter(_ document: ReportDocument) -> String {
        let page =
            language == .zh
            ? "\"第 \" counter(page) \" 页，共 \" counter(pages) \" 页\""
            : "\"Page \" counter(page) \" of \" counter(pages)"
        return "@page {\n  @bottom-left { content: " + HTMLEscaping.cssString(document.title.text(language))
            + "; font-size: 8pt; color: #5f6770; }\n"
            + "  @bottom-right { content: \(page); font-size: 8pt; color: #5f6770; }\n}\n"
    }

    /// Element content: the text escaped, each Chinese proper name in an English page inside
    /// `<span lang="zh">` (``ProperName``). Not for attribute values.
    func escape(_ text: LocalizedText) -> String {
        Self.markup(text.markedText(language))
    }

    /// Element content, as ``escape(_:)-(LocalizedText)``.
    func escape(_ text: String) -> String {
        Self.markup(text)
    }

    /// `text` escaped, its marked names (``ProperName``) as `<span lang="zh">…</span>`.
    static func markup(_ text: String) -> String {
        let escaped = HTMLEscaping.escape(text)
        guard ProperName.isMarked(escaped) else { return ProperName.strip(escaped) }
        return escaped.replacingOccurrences(of: ProperName.start, with: "<span lang=\"zh\">")
            .replacingOccurrences(of: ProperName.end, with: "</span>")
    }

    func contents(_ document: ReportDocument, sectionIDs: [String], summaryID: String) -> String {
        var out = "<nav class=\"contents\"><strong>" + escape(ReportLabels.contents) + "</strong>\n<ul>\n"
        out += "<li><a href=\"#\(summaryID)\">" + escape(ReportLabels.summaryHeading) + "</a></li>\n"
        for (index, section) in document.sections.enumerated() {
            out += "<li><a href=\"#" + escape(sectionIDs[index]) + "\">" + escape(section.title) + "</a></li>\n"
        }
        return out + "</ul>\n</nav>\n"
    }

    /// The badge of a verdict: 达标 (green), 未达标 (red), 无法判定 (yellow).
    func badge(_ passes: Bool?) -> String {
        badge(passes, ReportLabels.verdict(passes))
    }

    /// The badge of a verdict with its word (待核实 and 无数据 are yellow, like 无法判定).
    func badge(_ passes: Bool?, _ verdict: LocalizedText) -> String {
        let kind = passes.map { $0 ? "pass" : "fail" } ?? "unknown"
        return "<span class=\"badge \(kind)\">" + escape(verdict) + "</span>"
    }

    func counts(_ bars: [BarCheck], text: LocalizedText? = nil) -> String {
        "<p class=\"counts\" data-total=\"\(bars.count)\" data-met=\"\(bars.filter { $0.passes == true }.count)\" "
            + "data-failed=\"\(bars.filter { $0.passes == false }.count)\" "
            + "data-unknown=\"\(bars.filter { $0.passes == nil }.count)\">"
            + escape(text ?? SummaryRenderer.counts(bars)) + "</p>\n"
    }

    /// The summary's counts: one line, or one a section with bars (``SummaryRenderer/counts(of:)``).
    func counts(_ document: ReportDocument) -> String {
        let sections = document.sections.filter { !$0.bars.isEmpty }
        guard sections.count > 1 else { return counts(document.sections.flatMap(\.bars)) }
        return zip(sections, SummaryRenderer.counts(of: document)).map { counts($0.bars, text: $1) }.joined()
    }

    // MARK: - Summary of every bar

    func summary(_ document: ReportDocument, id: String) -> String {
        let all = document.sections.flatMap(\.bars)
        var out = "<section id=\"\(id)\" class=\"summary\" data-section=\"summary\">\n<h2>"
        out += escape(ReportLabels.summaryHeading) + "</h2>\n" + counts(document)
        guard !all.isEmpty else { return out + "</section>\n" }
        out += "<div class=\"table-wrap\"><table class=\"bars\" data-table=\"bars\">\n"
        // Fixed column widths (HTMLStyle): a wide name, a narrow figure, a moderate wrapping standard.
        out += "<colgroup><col class=\"name\"><col class=\"figure\"><col class=\"threshold\">"
        out += "<col class=\"verdict\"><col class=\"units\"></colgroup>\n<thead><tr>"
        out += "<th>" + escape(ReportLabels.bar) + "</th><th class=\"num\">" + escape(ReportLabels.figure) + "</th>"
        out += "<th>" + escape(ReportLabels.threshold) + "</th><th>" + escape(ReportLabels.verdict) + "</th>"
        out += "<th>" + escape(ReportLabels.responsibleUnits) + "</th></tr></thead>\n<tbody>\n"
        var area: String?
        for section in document.sections {
            for (index, bar) in section.bars.enumerated() {
                let barArea = bar.area.text(language)
                if barArea != area {
                    area = barArea
                    out += "<tr class=\"group\"><th colspan=\"5\">" + escape(bar.area) + "</th></tr>\n"
                }
                out += row(bar, key: section.id + "/" + String(index))
            }
        }
        return out + "</tbody>\n</table></div>\n</section>\n"
    }

    func row(_ bar: BarCheck, key: String) -> String {
        let passes = bar.passes.map { $0 ? "true" : "false" } ?? "unknown"
        let kind = bar.passes.map { $0 ? "pass" : "fail" } ?? "unknown"
        var out = "<tr class=\"bar \(kind)\" data-bar=\"" + escape(key) + "\" data-area=\""
        out += HTMLEscaping.escape(bar.area.text(language))
        out += "\" data-passes=\"\(passes)\">"
        out += "<td class=\"name\">" + escape(bar.name) + "</td>"
        out += "<td class=\"num figure" + (bar.passes == false ? " fail" : "") + "\""
        if let value = bar.value { out += " data-value=\"" + NumberText.exact(value) + "\"" }
        out += ">" + figureParts(bar.figureText.markedText(language)) + "</td>"
        out += "<td class=\"threshold\">" + escape(bar.thresholdText) + "</td>"
        out += "<td class=\"verdict\">" + badge(bar.passes, bar.verdict) + "</td>"
        out += "<td class=\"units\">"
        if bar.passes == false {
            out += bar.responsibleUnits.map(escape).joined(separator: escape(ReportLabels.listSeparator(language)))
        }
        return out + "</td></tr>\n"
    }

    /// A figure, escaped; a figure of several parts ("水平Ⅲ · Ⅲ+ 60.0% · 差异率 0.101") becomes one line
    /// a part (HTMLStyle: `td .part`), so no line ends with a dangling "·"; a part wider than its column
    /// wraps inside its own line (an English "lowest 6200 yuan per student" wraps in its cell instead of
    /// running over the next one). The separators stay in the text (hidden on the page), so copied text
    /// reads as before.
    func figureParts(_ figure: String) -> String {
        let parts = figure.components(separatedBy: " · ")
        guard parts.count > 1 else { return escape(figure) }
        return parts.map { "<span class=\"part\">" + escape($0) + "</span>" }
            .joined(separator: "<span class=\"sep\"> · </span>")
    }

    // MARK: - Sections

    func section(_ section: ReportSection, id: String, ids: inout UniqueIdentifiers) -> String {
        var out = "<section id=\"" + escape(id) + "\" data-section=\"" + escape(section.id) + "\">\n"
        out += "<h2>" + escape(section.title) + "</h2>\n"
        if !section.bars.isEmpty { out += counts(section.bars) }
        let charts = SVGChartRenderer(language: language)
        for chart in section.charts {
            let chartID = ids.make("chart-" + HTMLEscaping.identifier(chart.id))
            out += "<figure class=\"chart\" id=\"" + escape(chartID) + "\" data-chart=\"" + escape(chart.id)
            out += "\" data-kind=\"" + (chart.kind == .bars ? "bars" : "lines") + "\">\n"
            out += "<figcaption>" + escape(chart.title) + "</figcaption>\n"
            out += charts.render(chart) + "\n</figure>\n"
        }
        if !section.panels.isEmpty {
            out += "<div class=\"panels\">\n"
            for panel in section.panels { out += self.panel(panel, ids: &ids) }
            out += "</div>\n"
        }
        for table in section.tables {
            out += self.table(table, id: ids.make("table-" + HTMLEscaping.identifier(table.id)))
        }
        for note in section.notes { out += "<p class=\"note\">" + escape(note) + "</p>\n" }
        return out + "</section>\n"
    }

    /// The width a panel's chart is drawn at: half the page's, so its labels stay readable when the
    /// figure is scaled to a column of the grid.
    static let panelChartWidth = 520.0

    /// A panel's first table with at most this many columns sits beside the chart (in a wide panel).
    static let pairedTableColumns = 5

    /// One panel: its title, its chart (without a caption: the title says it) and its tables (a table
    /// titled like the panel shows no caption either).
    func panel(_ panel: ReportPanel, ids: inout UniqueIdentifiers) -> String {
        let id = ids.make("panel-" + HTMLEscaping.identifier(panel.id))
        var out = "<article class=\"panel" + (panel.wide ? " wide" : "") + "\" id=\"" + escape(id)
        out += "\" data-panel=\"" + escape(panel.id) + "\">\n<h3>" + escape(panel.title) + "</h3>\n"
        // The chart and the first table lead; side by side when the table is narrow (`pair`).
        let pair = panel.chart != nil && (panel.tables.first?.columns.count ?? 99) <= Self.pairedTableColumns
        out += "<div class=\"lead" + (pair ? " pair" : "") + "\">\n"
        if let chart = panel.chart {
            let chartID = ids.make("chart-" + HTMLEscaping.identifier(chart.id))
            out += "<figure class=\"chart\" id=\"" + escape(chartID) + "\" data-chart=\"" + escape(chart.id)
            out += "\" data-kind=\"" + (chart.kind == .bars ? "bars" : "lines") + "\">\n"
            out += SVGChartRenderer(language: language, width: Self.panelChartWidth).render(chart) + "\n</figure>\n"
        }
        for (index, table) in panel.tables.enumerated() {
            var shown = table
            if table.title == panel.title { shown.title = LocalizedText(verbatim: "") }
            out += self.table(shown, id: ids.make("table-" + HTMLEscaping.identifier(table.id)))
            if index == 0 { out += "</div>\n" }
        }
        if panel.tables.isEmpty { out += "</div>\n" }
        for note in panel.notes { out += "<p class=\"note\">" + escape(note) + "</p>\n" }
        return out + "</article>\n"
    }

    /// Tables with this many columns or more are set smaller and tighter (`table.wide`), so they fit
    /// the page instead of scrolling sideways.
    static let wideTableColumns = 10

    /// Tables with this many columns or fewer take the width they need (at least 40 %), not the whole
    /// page, so a count does not sit a page-width away from its label (`table.narrow`).
    static let narrowTableColumns = 3

    /// A text column whose longest text is at most this wide (in em) never wraps (`short`): school
    /// names, townships, 学段. A wider one (`long`: 指标, 题目, 责任单位) wraps but keeps a minimum
    /// width (HTMLStyle), so the browser never squeezes it to a character or two a line.
    static let shortTextEms = 12.0

    /// A header at most this wide (in em: six Chinese characters) never wraps.
    static let shortHeaderEms = 6.0
    /// In a wide table, where every column counts, only headers of up to three characters never wrap.
    static let shortWideHeaderEms = 3.0

    /// The layout class of each column: "num" for numbers, "short" or "long" for text (see
    /// ``shortTextEms``), judged from the widest text the column shows.
    func columnClasses(_ table: ReportTable) -> [String] {
        table.columns.enumerated().map { index, column in
            if column.format != .text { return "num" }
            var widest = 0.0
            for row in table.rows where index < row.count {
                let shown: String
                switch row[index].value {
                case .empty: shown = ""
                case .text(let text): shown = text.text(language)
                case .number: shown = NumberText.cell(row[index], format: column.format, language: language)
                case .bool(let meets): shown = ReportLabels.verdict(meets).text(language)
                }
                widest = max(widest, TextWidth.ems(shown))
            }
            return widest <= Self.shortTextEms ? "short" : "long"
        }
    }

    func table(_ table: ReportTable, id: String) -> String {
        let layout = columnClasses(table)
        var out = "<div class=\"table-wrap\"><table id=\"" + escape(id) + "\""
        let wide = table.columns.count >= Self.wideTableColumns
        if wide {
            out += " class=\"wide\""
        } else if table.columns.count <= Self.narrowTableColumns {
            out += " class=\"narrow\""
        }
        out += " data-table=\"" + escape(table.id) + "\">\n"
        if !table.title.text(language).isEmpty { out += "<caption>" + escape(table.title) + "</caption>\n" }
        out += "<thead><tr>"
        let headerLimit = wide ? Self.shortWideHeaderEms : Self.shortHeaderEms
        for (index, column) in table.columns.enumerated() {
            // A header of a few characters (学段, 编号, 差异系数) stays on one line; longer ones wrap.
            let header = TextWidth.ems(column.label.text(language)) <= headerLimit ? " nowrap" : ""
            out += "<th class=\"" + layout[index] + header + "\" data-key=\"" + escape(column.key)
            out += "\">" + escape(column.label) + "</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for (rowIndex, row) in table.rows.enumerated() {
            out += "<tr data-row=\"\(rowIndex)\">"
            for (index, cell) in row.enumerated() {
                let column = index < table.columns.count ? table.columns[index] : nil
                out += self.cell(cell, column: column, layout: index < layout.count ? layout[index] : nil)
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table></div>\n"
        for note in table.notes { out += "<p class=\"note\">" + escape(note) + "</p>\n" }
        return out
    }

    func cell(_ cell: ReportCell, column: ReportColumn?, layout: String? = nil) -> String {
        let format = column?.format ?? .text
        var classes: [String] = []
        if let layout, layout != "num" { classes.append(layout) }
        var attributes = ""
        if let column { attributes += " data-key=\"" + escape(column.key) + "\"" }
        let content: String
        switch cell.value {
        case .empty:
            content = ""
        case .text(let text):
            content = figureParts(text.markedText(language))
        case .number(let value):
            classes.append("num")
            attributes += " data-value=\"" + NumberText.exact(value) + "\""
            content = escape(NumberText.format(value, NumberText.format(of: cell, column: format)))
        case .bool(let meets):
            classes.append("verdict")
            attributes += " data-value=\"\(meets)\""
            content = badge(meets)
        }
        if let fails = cell.fails {
            if fails { classes.append("fail") }
            attributes += " data-fails=\"\(fails)\""
        }
        let classAttribute = classes.isEmpty ? "" : " class=\"" + classes.joined(separator: " ") + "\""
        return "<td" + classAttribute + attributes + ">" + content + "</td>"
    }
}

/// Hands out HTML ids, adding `-2`, `-3` … when the model repeats one, so anchors stay unique.
struct UniqueIdentifiers {
    private var used: Set<String> = []

    mutating func make(_ base: String) -> String {
        var candidate = base
        var counter = 2
        while used.contains(candidate) {
            candidate = base + "-" + String(counter)
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }
}
