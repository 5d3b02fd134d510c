import JunhengCore
import Testing

@testable import JunhengReports

/// Proper names in an English page (``ProperName``): each marked name becomes `lang="zh"`.
extension HTMLRendererTests {
    /// In English a proper name is marked `lang="zh"` wherever text is shown (a cell, a title, a bar, a chart
    /// label and its tooltip), never inside an attribute; the Chinese page carries no marks.
    @Test func englishPagesMarkChineseNames() {
        let school = LocalizedText.name("城关镇第一小学")
        let document = ReportDocument(
            title: LocalizedText(zh: "报告", en: "Report"),
            sections: [
                ReportSection(
                    id: "s", title: LocalizedText(zh: "学校", en: "Schools: ") + school,
                    bars: [
                        BarCheck(
                            area: LocalizedText(zh: "资源", en: "Resources ") + school, name: school,
                            figure: LocalizedText(verbatim: "1/2"), threshold: LocalizedText(verbatim: "≥ 1"),
                            passes: false, responsibleUnits: [LocalizedText(zh: "县教育局", en: "County Education Bureau")])
                    ],
                    charts: [
                        ReportChart(
                            id: "c", title: LocalizedText(zh: "图", en: "Chart"), kind: .bars,
                            series: [
                                ReportChart.Series(
                                    name: LocalizedText(verbatim: "s"), points: [.init(label: school, value: 1)])
                            ],
                            format: .decimal(1))
                    ],
                    tables: [
                        ReportTable(
                            id: "t", title: LocalizedText(verbatim: "T"),
                            columns: [ReportColumn(key: "name", label: LocalizedText(zh: "学校", en: "School"))],
                            rows: [[.text("城关镇第一小学")], [.text("Town 7")]])
                    ])
            ])
        let english = HTMLRenderer(language: .en).render(document)
        #expect(english.contains("<h2>Schools: <span lang=\"zh\">城关镇第一小学</span></h2>"))
        #expect(english.contains("<td class=\"name\"><span lang=\"zh\">城关镇第一小学</span></td>"))
        #expect(english.contains("data-key=\"name\"><span lang=\"zh\">城关镇第一小学</span></td>"))
        #expect(english.contains("data-key=\"name\">Town 7</td>"))
        #expect(english.contains("data-area=\"Resources 城关镇第一小学\""))
        #expect(english.contains("<text class=\"label\" lang=\"zh\""))
        #expect(english.contains("<title lang=\"zh\">城关镇第一小学: 1.0</title>"))
        #expect(!english.unicodeScalars.contains { $0.value == 0xE000 || $0.value == 0xE001 })
        let chinese = HTMLRenderer(language: .zh).render(document)
        #expect(!chinese.contains("lang=\"zh\">"))
        #expect(chinese.contains("<td class=\"name\">城关镇第一小学</td>"))
    }
}
