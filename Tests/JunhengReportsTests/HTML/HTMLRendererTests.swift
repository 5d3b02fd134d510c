import Foundation
import HTMLProbe
import JunhengCore
import SampleReport
import Testing

@testable import JunhengReports

@Suite struct HTMLRendererTests {
    let document = SampleDocument.make()

    // MARK: - Escaping

    /// A document whose every user-supplied piece of text is hostile.
    static func hostileDocument() -> ReportDocument {
        let script = "<script>alert(1)</script>"
        let quotes = "\"&'"
        let label = LocalizedText(verbatim: script)
        return ReportDocument(
            title: LocalizedText(verbatim: "报告 " + script),
            subtitle: [LocalizedText(verbatim: quotes)],
            sections: [
                ReportSection(
                    id: "x\" onload=\"alert(1)", title: label,
                    bars: [
                        BarCheck(
                            area: label, name: label, figure: script, threshold: quotes, passes: false,
                            responsibleUnits: [script, quotes].map(LocalizedText.name))
                    ],
                    charts: [
                        ReportChart(
                            id: "c<1>", title: label, kind: .bars,
                            series: [
                                ReportChart.Series(name: label, points: [ReportChart.Point(label: label, value: 1)])
                            ],
                            references: [ReportChart.Reference(label: label, value: 0.5)]),
                        ReportChart(
                            id: "c2", title: label, kind: .lines,
                            series: [
                                ReportChart.Series(
                                    name: label,
                                    points: [
                                        ReportChart.Point(label: LocalizedText(verbatim: quotes), value: 1),
                                        ReportChart.Point(label: label, value: 2),
                                    ])
                            ]),
                    ],
                    tables: [
                        ReportTable(
                            id: "t'1", title: label,
                            columns: [ReportColumn(key: "k\"", label: label), ReportColumn(key: "n", label: label)],
                            rows: [[.text(script), .text(quotes)]], notes: [label])
                    ], notes: [LocalizedText(verbatim: quotes)])
            ])
    }

    @Test func escapesEveryUserSuppliedText() {
        let html = HTMLRenderer().render(Self.hostileDocument())
        #expect(!html.contains("<script"))
        #expect(!html.contains("alert(1)</"))
        #expect(!html.contains("\"&'"))
        #expect(!html.contains("onload=\"alert"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&quot;&amp;&#39;"))
        // The only tags are the renderer's own: no element named after user text.
        #expect(!html.contains("<c<1>"))
    }

    @Test func escapeReplacesEachSpecialCharacter() {
        #expect(HTMLEscaping.escape("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&#39;f")
        #expect(HTMLEscaping.escape("学校\u{0}名") == "学校\u{FFFD}名")
        #expect(HTMLEscaping.escape("城关第一小学") == "城关第一小学")
    }

    // MARK: - Self-contained

    @Test func isSelfContained() {
        let html = HTMLRenderer().render(document)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("src="))
        #expect(!html.contains("@import"))
        #expect(!html.contains("url("))
        // The one URL is the SVG namespace, which browsers never fetch.
        let urls = html.matches(of: #/https?://[^"\s]*/#).map { String($0.0) }
        #expect(Set(urls) == ["http://www.w3.org/2000/svg"])
        #expect(html.contains("\"Noto Sans CJK SC\""))
        #expect(html.contains("\"Microsoft YaHei\""))
    }

    // MARK: - Structure

    @Test func everyChartIsPresentOnce() {
        let html = HTMLRenderer().render(document)
        let charts = document.sections.flatMap(\.charts)
        #expect(charts.count == 8)
        for chart in charts {
            #expect(HTMLProbe.count("data-chart=\"\(chart.id)\"", in: html) == 1, "chart \(chart.id)")
            let figure = HTMLProbe.element(html, marker: "data-chart=\"\(chart.id)\"", end: "</figure>")
            #expect(figure?.contains("<svg") == true)
            #expect(html.contains("<figure class=\"chart\" id=\"chart-\(chart.id)\" data-chart=\"\(chart.id)\""))
        }
        #expect(HTMLProbe.count("<figure class=\"chart\"", in: html) == charts.count)
        #expect(HTMLProbe.count("<svg", in: html) == charts.count)
    }

    @Test func everyTableIsPresentWithItsCells() throws {
        let html = HTMLRenderer().render(document)
        for table in document.sections.flatMap(\.tables) {
            let element = try #require(
                HTMLProbe.element(html, marker: "data-table=\"\(table.id)\"", end: "</table>"), "table \(table.id)")
            let headers = HTMLProbe.tags("th", in: element)
            #expect(headers.map { $0["data-key"] } == table.columns.map(\.key))
            let cells = HTMLProbe.tags("td", in: element)
            let modelCells = table.rows.flatMap { $0 }
            #expect(cells.count == modelCells.count, "table \(table.id)")
            let keys = table.rows.flatMap { row in row.indices.map { table.columns[$0].key } }
            for (index, (cell, attributes)) in zip(modelCells, cells).enumerated() {
                #expect(attributes["data-key"] == keys[index])
                switch cell.value {
                case .number(let value):
                    // The unrounded model value, not the rounded text on screen.
                    #expect(attributes["data-value"].flatMap(Double.init) == value, "\(table.id) cell \(index)")
                case .bool(let meets):
                    #expect(attributes["data-value"] == String(meets))
                case .empty, .text:
                    #expect(attributes["data-value"] == nil)
                }
                #expect(attributes["data-fails"] == cell.fails.map(String.init))
                let classes = (attributes["class"] ?? "").split(separator: " ")
                #expect(classes.contains("fail") == (cell.fails == true))
            }
        }
    }

    @Test func chartPointsCarryTheModelValues() throws {
        let html = HTMLRenderer().render(document)
        for chart in document.sections.flatMap(\.charts) {
            let figure = try #require(HTMLProbe.element(html, marker: "data-chart=\"\(chart.id)\"", end: "</figure>"))
            let points = HTMLProbe.tags("g", in: figure).filter { $0["class"] == "point" }
            let model = chart.series.enumerated().flatMap { index, series in series.points.map { (index, $0) } }
            #expect(points.count == model.count, "chart \(chart.id)")
            for ((series, point), attributes) in zip(model, points) {
                #expect(attributes["data-series"] == String(series))
                #expect(attributes["data-label"] == HTMLEscaping.escape(point.label.zh))
                #expect(attributes["data-value"].flatMap(Double.init) == point.value)
                #expect(attributes["data-low"].flatMap(Double.init) == point.interval?.lowerBound)
                #expect(attributes["data-high"].flatMap(Double.init) == point.interval?.upperBound)
                #expect((attributes["data-fails"] == "true") == point.fails)
            }
            let references = HTMLProbe.tags("g", in: figure).filter { $0["class"] == "ref" }
            #expect(references.compactMap { $0["data-value"].flatMap(Double.init) } == chart.references.map(\.value))
        }
    }

    @Test func everyBarIsSummarisedWithItsVerdict() throws {
        let html = HTMLRenderer().render(document)
        let summary = try #require(HTMLProbe.element(html, marker: "data-section=\"summary\"", end: "</section>"))
        let rows = HTMLProbe.tags("tr", in: summary).filter { $0["data-bar"] != nil }
        let bars = document.sections.flatMap { section in
            section.bars.enumerated().map { (section.id + "/" + String($0.offset), $0.element) }
        }
        #expect(bars.count == 27)
        #expect(rows.map { $0["data-bar"] } == bars.map(\.0))
        for ((_, bar), attributes) in zip(bars, rows) {
            #expect(attributes["data-passes"] == bar.passes.map(String.init) ?? "unknown")
        }
        let figures = HTMLProbe.tags("td", in: summary).filter { ($0["class"] ?? "").hasPrefix("num figure") }
        #expect(figures.map { $0["data-value"].flatMap(Double.init) } == bars.map(\.1.value))
        // The sample has 27 bars (14 CVs + 2 school rules, 6 guarantee, 3 subjects + retention, recognition):
        // 4 fail (junior equipment CV 0.4731 > 0.45, junior schools 7/8, junior class size 56 > 50, grade 8
        // mathematics 校际差异率 0.157 ≥ 0.15), 1 is unknown (retention), so 27 − 4 − 1 = 22 meet.
        // Counted a section a line (never one figure over lists of different kinds): resources 16 (2 fail),
        // guarantee 6 (1 fails), quality 4 (1 fails, 1 unknown), recognition 1.
        #expect(summary.contains("data-total=\"16\" data-met=\"14\" data-failed=\"2\" data-unknown=\"0\""))
        #expect(summary.contains("data-total=\"6\" data-met=\"5\" data-failed=\"1\" data-unknown=\"0\""))
        #expect(summary.contains("data-total=\"4\" data-met=\"2\" data-failed=\"1\" data-unknown=\"1\""))
        #expect(summary.contains("data-total=\"1\" data-met=\"1\" data-failed=\"0\" data-unknown=\"0\""))
        #expect(summary.contains("三、教育质量：共 4 项：达标 2 项，未达标 1 项，无法判定 1 项"))
        #expect(!summary.contains("共 27 项"))
    }

    @Test func failingBarsNameTheirResponsibleUnitsAndPassingBarsDoNot() throws {
        let html = HTMLRenderer().render(document)
        let summary = try #require(HTMLProbe.element(html, marker: "data-section=\"summary\"", end: "</section>"))
        let classSize = try #require(
            HTMLProbe.element(String(summary), marker: "data-bar=\"guarantee/2\"", end: "</tr>"))
        #expect(classSize.contains("<span class=\"badge fail\">未达标</span>"))
        #expect(classSize.contains("<td class=\"units\">县教育局、县自然资源和规划局、县发展改革委、县财政局、各乡镇(街道)</td>"))
        let recognition = try #require(
            HTMLProbe.element(String(summary), marker: "data-bar=\"recognition/0\"", end: "</tr>"))
        #expect(recognition.contains("<span class=\"badge pass\">达标</span>"))
        #expect(recognition.contains("<td class=\"units\"></td>"))
        let retention = try #require(HTMLProbe.element(String(summary), marker: "data-bar=\"quality/3\"", end: "</tr>"))
        #expect(retention.contains("<span class=\"badge unknown\">无法判定</span>"))
    }

    // MARK: - Determinism and language

    @Test func rendersTheSameBytesTwice() {
        let first = HTMLRenderer().render(document)
        let second = HTMLRenderer().render(SampleDocument.make())
        #expect(first == second)
        #expect(HTMLRenderer(language: .en).render(document) == HTMLRenderer(language: .en).render(document))
    }

    @Test func chineseByDefaultEnglishOnRequest() {
        let chinese = HTMLRenderer().render(document)
        let english = HTMLRenderer(language: .en).render(document)
        #expect(chinese.contains("<h2>达标情况总览</h2>"))
        #expect(chinese.contains("<h2>一、资源配置</h2>"))
        #expect(chinese.contains("<th>责任单位</th>"))
        #expect(english.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(english.contains("<h2>Summary of every bar</h2>"))
        #expect(english.contains("<h2>1. Resource allocation</h2>"))
        #expect(english.contains("<th>Responsible units</th>"))
        #expect(english.contains("<span class=\"badge fail\">fails</span>"))
        #expect(!english.contains("未达标"))
        #expect(!english.contains("达标情况总览"))
    }

    @Test func repeatedIdentifiersStayUniqueAnchors() {
        let table = ReportTable(id: "t", title: LocalizedText(verbatim: "T"), columns: [])
        let doc = ReportDocument(
            title: LocalizedText(verbatim: "D"),
            sections: [
                ReportSection(id: "s", title: LocalizedText(verbatim: "S"), tables: [table]),
                ReportSection(id: "s", title: LocalizedText(verbatim: "S"), tables: [table]),
            ])
        let html = HTMLRenderer().render(doc)
        #expect(html.contains("id=\"section-s\""))
        #expect(html.contains("id=\"section-s-2\""))
        #expect(html.contains("id=\"table-t\""))
        #expect(html.contains("id=\"table-t-2\""))
    }

    /// Writes the sample report where the render check can find it: `$JUNHENG_RENDER_OUT` if set,
    /// else a temporary folder (then scripts/render-check.sh can be run on it; the workbook tests write the .xlsx).
    @Test func writesTheSampleReportForTheRenderCheck() throws {
        let folder =
            ProcessInfo.processInfo.environment["JUNHENG_RENDER_OUT"]
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("junheng-render-check").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for language in Language.allCases {
            let path = folder + "/report-\(language.rawValue).html"
            try HTMLRenderer(language: language).render(document).write(toFile: path, atomically: true, encoding: .utf8)
            let back = try String(contentsOfFile: path, encoding: .utf8)
            #expect(back == HTMLRenderer(language: language).render(document))
        }
    }
}

extension HTMLRendererTests {
    @Test func an_empty_document_still_renders_a_page() {
        let html = HTMLRenderer().render(ReportDocument(title: LocalizedText(zh: "空", en: "Empty"), sections: []))
        #expect(html.contains("<h1>空</h1>"))
        #expect(html.contains("共 0 项：达标 0 项，未达标 0 项"))
        #expect(html.hasSuffix("</html>\n"))
    }
}

// MARK: - Layout

extension HTMLRendererTests {
    @Test func theBarsTableHasFixedColumnsAndAWrappingStandard() throws {
        let html = HTMLRenderer().render(document)
        let table = try #require(HTMLProbe.element(html, marker: "<table class=\"bars\"", end: "</thead>"))
        let columns = HTMLProbe.tags("col", in: table).map { $0["class"] }
        #expect(columns == ["name", "figure", "threshold", "verdict", "units"])
        #expect(HTMLStyle.css.contains("table.bars { table-layout: fixed;"))
        // The standard wraps (it used to be nowrap and took the width from the names); the badge does not.
        #expect(!HTMLStyle.css.contains("td.threshold, td.verdict { white-space: nowrap; }"))
        #expect(HTMLStyle.css.contains("td.verdict { white-space: nowrap; }"))
        // The five widths add up to the whole table.
        let widths = HTMLStyle.css.matches(of: #/table\.bars col\.[a-z]+ \{ width: ([0-9]+)%; \}/#).map { Int($0.1)! }
        #expect(widths.count == 5)
        #expect(widths.reduce(0, +) == 100)
    }

    /// Each part of a figure is a line of its own (`td .part { display: block }`), the " · " kept in the text
    /// but hidden, so no line of a narrow column ends with a dangling "·".
    @Test func aFigureOfSeveralPartsIsALineAPart() {
        let renderer = HTMLRenderer()
        let parts = renderer.figureParts("水平Ⅲ · Ⅲ+ 60.0% · 差异率 0.101")
        #expect(
            parts == "<span class=\"part\">水平Ⅲ</span><span class=\"sep\"> · </span><span class=\"part\">Ⅲ+ 60.0%</span>"
                + "<span class=\"sep\"> · </span><span class=\"part\">差异率 0.101</span>")
        // The text a reader copies (or a test reading text) is unchanged.
        #expect(parts.replacing(#/<[^>]*>/#, with: "") == "水平Ⅲ · Ⅲ+ 60.0% · 差异率 0.101")
        #expect(renderer.figureParts("0.52") == "0.52")
        #expect(
            renderer.figureParts("<b> · &")
                == "<span class=\"part\">&lt;b&gt;</span><span class=\"sep\"> · </span><span class=\"part\">&amp;</span>"
        )
        // A part wider than its column wraps inside its own line (an English C27 ran over the next column).
        #expect(HTMLStyle.css.contains("td .part { display: block; white-space: normal; }"))
        #expect(HTMLStyle.css.contains("td .sep { display: none; }"))
    }

    /// The printed footer names the report (and so its county) and numbers the pages; the title cannot end
    /// the CSS string or the style element.
    @Test func thePrintedFooterCarriesTheTitleAndThePageNumber() {
        let document = ReportDocument(title: LocalizedText(zh: "蒙城县报告\"</style>", en: "Report"), sections: [])
        let zh = HTMLRenderer(language: .zh).render(document)
        #expect(zh.contains("@bottom-left { content: \"蒙城县报告\\\"\\3C /style>\";"))
        #expect(zh.contains("@bottom-right { content: \"第 \" counter(page) \" 页，共 \" counter(pages) \" 页\";"))
        #expect(HTMLProbe.count("</style>", in: zh) == 1)
        let en = HTMLRenderer(language: .en).render(document)
        #expect(en.contains("@bottom-right { content: \"Page \" counter(page) \" of \" counter(pages);"))
    }

    @Test func shortTextColumnsKeepToOneLineAndLongOnesWrapWithAMinimumWidth() {
        let table = ReportTable(
            id: "t", title: LocalizedText(verbatim: "T"),
            columns: [
                ReportColumn(key: "school", label: LocalizedText(verbatim: "学校")),
                ReportColumn(key: "units", label: LocalizedText(verbatim: "责任单位")),
                ReportColumn(key: "n", label: LocalizedText(verbatim: "补齐缺口后差异系数"), format: .decimal(2)),
                ReportColumn(key: "ok", label: LocalizedText(verbatim: "结论")),
            ],
            rows: [
                // 石桥镇九年一贯制学校: 10 em ≤ 12, short. The units: 14 characters = 14 em > 12, long.
                [.text("石桥镇九年一贯制学校"), .text("县教育局、县财政局、县委编办"), .number(0.1264), .verdict(true)],
                [.text("城关小学"), .empty, .number(0.2), .verdict(false)],
            ])
        let renderer = HTMLRenderer()
        #expect(renderer.columnClasses(table) == ["short", "long", "num", "short"])
        let html = renderer.table(table, id: "table-t")
        let headers = HTMLProbe.tags("th", in: html[...]).map { $0["class"] }
        // 学校, 责任单位 and 结论 are at most 6 em: one line. 补齐缺口后差异系数 (9 em) may wrap.
        #expect(headers == ["short nowrap", "long nowrap", "num", "short nowrap"])
        let cells = HTMLProbe.tags("td", in: html[...]).map { $0["class"] }
        #expect(cells == ["short", "long", "num", "short verdict", "short", "long", "num", "short verdict fail"])
        // Four columns: not a wide table.
        #expect(!html.contains("class=\"wide\""))
        #expect(HTMLStyle.css.contains("td.num, td.short { white-space: nowrap; }"))
        #expect(HTMLStyle.css.contains("th.long { min-width: 9em; }"))
    }

    @Test func tablesOfTenColumnsOrMoreAreSetSmallerAndThreeOrFewerNarrower() {
        let labels = (0..<8).map { "C\($0)" } + ["在校生", "达标项数"]
        let columns = labels.map { ReportColumn(key: $0, label: LocalizedText(verbatim: $0), format: .integer) }
        let wide = ReportTable(id: "w", title: LocalizedText(verbatim: "W"), columns: columns, rows: [])
        let html = HTMLRenderer().table(wide, id: "table-w")
        #expect(html.contains("<table id=\"table-w\" class=\"wide\" data-table=\"w\">"))
        // In a wide table only headers of up to 3 em keep to one line: 在校生 (3 em) does, 达标项数 (4 em) wraps.
        let headers = HTMLProbe.tags("th", in: html[...]).map { $0["class"] }
        #expect(headers.suffix(2) == ["num nowrap", "num"])
        let middle = ReportTable(
            id: "m", title: LocalizedText(verbatim: "M"), columns: Array(columns.prefix(9)), rows: [])
        #expect(HTMLRenderer().table(middle, id: "table-m").contains("<table id=\"table-m\" data-table=\"m\">"))
        let narrow = ReportTable(
            id: "n", title: LocalizedText(verbatim: "N"), columns: Array(columns.prefix(3)), rows: [])
        #expect(
            HTMLRenderer().table(narrow, id: "table-n").contains(
                "<table id=\"table-n\" class=\"narrow\" data-table=\"n\">"))
        #expect(HTMLStyle.css.contains("table.wide { font-size: 13px; }"))
        #expect(HTMLStyle.css.contains("table.narrow { width: auto; min-width: 40%; }"))
    }
}
