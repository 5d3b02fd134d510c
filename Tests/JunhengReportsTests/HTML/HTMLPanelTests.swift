import Foundation
import HTMLProbe
import JunhengCore
import Testing

@testable import JunhengReports

/// Panels: a chart with its tables as one block, in a grid; a narrow first table beside the chart in a
/// wide panel; a table titled like its panel without a caption; everything escaped.
@Suite struct HTMLPanelTests {
    static func table(_ id: String, title: String, columns: Int) -> ReportTable {
        ReportTable(
            id: id, title: LocalizedText(verbatim: title),
            columns: (0..<columns).map { ReportColumn(key: "c\($0)", label: LocalizedText(verbatim: "C\($0)")) },
            rows: [(0..<columns).map { _ in ReportCell.text("<b>x</b>") }])
    }

    static func chart(_ id: String) -> ReportChart {
        ReportChart(
            id: id, title: LocalizedText(verbatim: "chart"), kind: .bars,
            series: [
                ReportChart.Series(
                    name: LocalizedText(verbatim: "s"),
                    points: [ReportChart.Point(label: LocalizedText(verbatim: "<i>是</i>"), value: 0.75)])
            ], format: .percent(1))
    }

    static func render(_ panels: [ReportPanel]) -> String {
        HTMLRenderer().render(
            ReportDocument(
                title: LocalizedText(verbatim: "t"),
                sections: [ReportSection(id: "f", title: LocalizedText(verbatim: "逐题统计"), panels: panels)]))
    }

    @Test func aPanelHoldsItsChartAndTables() throws {
        let html = Self.render([
            ReportPanel(
                id: "q1", title: LocalizedText(verbatim: "1. 题"), chart: Self.chart("q1"),
                tables: [
                    Self.table("q1", title: "1. 题", columns: 3), Self.table("q1-by", title: "1. 题：交叉", columns: 8),
                ],
                wide: true),
            ReportPanel(
                id: "q2", title: LocalizedText(verbatim: "2. 题"), tables: [Self.table("q2", title: "2", columns: 2)]),
        ])
        #expect(HTMLProbe.count("<div class=\"panels\">", in: html) == 1)
        let first = try #require(HTMLProbe.element(html, marker: "data-panel=\"q1\"", end: "</article>"))
        #expect(html.contains("<article class=\"panel wide\" id=\"panel-q1\" data-panel=\"q1\">"))
        #expect(first.contains("<div class=\"lead pair\">"))
        #expect(first.contains("data-chart=\"q1\""))
        #expect(first.contains("data-table=\"q1\""))
        #expect(first.contains("data-table=\"q1-by\""))
        // The table titled like its panel has no caption; the cross-tab keeps its own.
        #expect(HTMLProbe.count("<caption>", in: String(first)) == 1)
        #expect(first.contains("<caption>1. 题：交叉</caption>"))
        // The chart is drawn at the panel's width, and its point can be read back.
        #expect(first.contains("viewBox=\"0 0 520.0 "))
        #expect(first.contains("data-label=\"&lt;i&gt;是&lt;/i&gt;\" data-value=\"0.75\""))
        #expect(!html.contains("<b>x</b>"))
        // A panel without a chart has no pair.
        let second = try #require(HTMLProbe.element(html, marker: "data-panel=\"q2\"", end: "</article>"))
        #expect(second.contains("<div class=\"lead\">"))
        #expect(html.contains("<article class=\"panel\" id=\"panel-q2\" data-panel=\"q2\">"))
    }

    /// A first table too wide to sit beside the chart goes under it.
    @Test func aWideTableGoesUnderTheChart() throws {
        let html = Self.render([
            ReportPanel(
                id: "m", title: LocalizedText(verbatim: "矩阵"), chart: Self.chart("m"),
                tables: [Self.table("m", title: "矩阵", columns: 12)], wide: true)
        ])
        #expect(html.contains("<div class=\"lead\">"))
        #expect(!html.contains("lead pair"))
    }
}
