import JunhengCore
import Testing

@testable import JunhengReports

@Suite struct SummaryRendererTests {
    static let bars = [
        BarCheck(
            area: LocalizedText(zh: "资源配置", en: "Resources"), name: LocalizedText(zh: "初中差异系数", en: "Junior CV"),
            figure: "0.52", threshold: "≤ 0.45", passes: false, responsibleUnits: ["县教育局", "县财政局"]),
        BarCheck(
            area: LocalizedText(zh: "社会认可度", en: "Recognition"), name: LocalizedText(zh: "社会认可度", en: "Recognition"),
            figure: "88.6%", threshold: "≥ 85%", passes: true, responsibleUnits: ["县教育局"]),
        BarCheck(
            area: LocalizedText(zh: "教育质量", en: "Quality"), name: LocalizedText(zh: "巩固率", en: "Retention"),
            figure: "—", threshold: "≥ 95%", passes: nil),
    ]

    @Test func one_aligned_line_per_bar() {
        // Column widths (CJK = 2): area 10 (社会认可度), name 12 (初中差异系数), figure 5 (88.6%), threshold 6.
        let expected = """
            ✘  资源配置    初中差异系数  0.52   ≤ 0.45  责任单位：县教育局、县财政局
            ✔  社会认可度  社会认可度    88.6%  ≥ 85%
            ?  教育质量    巩固率        —      ≥ 95%   无法判定

            """
        #expect(SummaryRenderer().render(Self.bars) == expected)
    }

    @Test func english_labels() {
        let text = SummaryRenderer(language: .en).render(Self.bars)
        #expect(text.contains("Junior CV    0.52   ≤ 0.45  Responsible units: 县教育局, 县财政局\n"))
        #expect(text.hasSuffix("  unknown\n"))
        #expect(SummaryRenderer.counts(Self.bars).en == "3 bars: 1 met, 1 failed, 1 unknown")
    }

    @Test func a_document_lists_the_bars_of_every_section_then_the_counts() {
        let document = SampleDocument.make()
        let lines = SummaryRenderer().render(document).split(separator: "\n")
        #expect(lines.count == 27 + 1)
        #expect(lines.filter { $0.hasPrefix("✘") }.count == 4)
        #expect(lines.last == "共 27 项：达标 22 项，未达标 4 项，无法判定 1 项")
    }

    @Test func no_bars() {
        #expect(SummaryRenderer().render([BarCheck]()) == "")
        let empty = ReportDocument(title: LocalizedText(verbatim: "D"), sections: [])
        #expect(SummaryRenderer().render(empty) == "共 0 项：达标 0 项，未达标 0 项\n")
        #expect(SummaryRenderer(language: .en).render(empty) == "0 bars: 0 met, 0 failed\n")
    }
}
