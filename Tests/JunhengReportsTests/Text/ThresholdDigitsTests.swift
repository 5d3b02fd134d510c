import JunhengCore
import Testing

@testable import JunhengReports

/// Issue 9, case 8, in every renderer: a CV of 0.45004 against ≤ 0.45 (fails) in a 4-decimal column is
/// written 0.45004, never 0.4500 next to 未达标; 0.30001 far from the bar stays 0.3000; a school value of
/// 4.4996 against ≥ 4.5 (missed) in a 2-decimal column is written 4.4996, never 4.50.
@Suite struct ThresholdDigitsTests {
    static let table = ReportTable(
        id: "cv", title: LocalizedText(zh: "差异系数", en: "CV"),
        columns: [
            ReportColumn(key: "name", label: LocalizedText(zh: "指标", en: "Indicator")),
            ReportColumn(key: "cv", label: LocalizedText(zh: "差异系数", en: "CV"), format: .decimal(4)),
            ReportColumn(key: "value", label: LocalizedText(zh: "生均面积", en: "Area"), format: .decimal(2)),
        ],
        rows: [
            [
                .text("B4"), .number(0.45004, fails: true, threshold: ReportThreshold(.atMost, 0.45)),
                .number(4.4996, fails: true, threshold: ReportThreshold(.atLeast, 4.5)),
            ],
            [
                .text("B5"), .number(0.30001, fails: false, threshold: ReportThreshold(.atMost, 0.45)),
                .number(4.5004, fails: false, threshold: ReportThreshold(.atLeast, 4.5)),
            ],
        ])

    @Test func terminal() {
        #expect(
            TableRenderer().terminal(Self.table)
                == "差异系数\n指标  差异系数  生均面积\n----  --------  --------\nB4    0.45004   4.4996\nB5    0.3000    4.50\n")
    }

    @Test func markdownAndCSV() {
        let markdown = TableRenderer().markdown(Self.table)
        #expect(markdown.contains("| B4 | 0.45004 | 4.4996 |"))
        #expect(markdown.contains("| B5 | 0.3000 | 4.50 |"))
        #expect(TableRenderer().csv(Self.table) == "\u{FEFF}指标,差异系数,生均面积\r\nB4,0.45004,4.4996\r\nB5,0.3000,4.50\r\n")
    }

    @Test func html() {
        let html = HTMLRenderer().table(Self.table, id: "cv")
        #expect(html.contains(">0.45004</td>"))
        #expect(html.contains(">4.4996</td>"))
        #expect(html.contains(">0.3000</td>"))
    }

    @Test func chartLabels() {
        let point = ReportChart.Point(
            label: LocalizedText(verbatim: "B4"), value: 0.45004, fails: true, threshold: ReportThreshold(.atMost, 0.45)
        )
        let chart = ReportChart(
            id: "c", title: LocalizedText(zh: "差异系数", en: "CV"), kind: .bars,
            series: [ReportChart.Series(name: LocalizedText(zh: "差异系数", en: "CV"), points: [point])],
            format: .decimal(3))
        let svg = SVGChartRenderer().render(chart)
        #expect(svg.contains(">0.45004</text>"))
        #expect(!svg.contains(">0.450</text>"))
    }
}
