import Foundation
import JunhengCore
import SampleReport
import Testing

@testable import JunhengReports

@Suite struct SummaryRendererTests {
    static let bars = [
        BarCheck(
            area: LocalizedText(zh: "资源配置", en: "Resources"), name: LocalizedText(zh: "初中差异系数", en: "Junior CV"),
            figure: "0.52", threshold: "≤ 0.45", passes: false,
            responsibleUnits: ["县教育局", "县财政局"].map(LocalizedText.name)),
        BarCheck(
            area: LocalizedText(zh: "社会认可度", en: "Recognition"), name: LocalizedText(zh: "社会认可度", en: "Recognition"),
            figure: "88.6%", threshold: "≥ 85%", passes: true, responsibleUnits: ["县教育局"].map(LocalizedText.name)),
        BarCheck(
            area: LocalizedText(zh: "教育质量", en: "Quality"), name: LocalizedText(zh: "巩固率", en: "Retention"),
            figure: "—", threshold: "≥ 95%", passes: nil),
    ]

    @Test func one_heading_per_area_then_a_line_per_bar_and_units_below_a_failing_bar() {
        // Each bar has its own area here, so each is its own group with its own columns.
        // 资源配置: "✘" + 2 + 初中差异系数 (12) + 2 + "0.52" + 2 + "≤ 0.45"; units indented 1 + 2 = 3.
        // 教育质量: the unknown mark goes after the threshold, two spaces on.
        let expected = """
            资源配置
            ✘  初中差异系数  0.52  ≤ 0.45
               责任单位：县教育局、县财政局

            社会认可度
            ✔  社会认可度  88.6%  ≥ 85%

            教育质量
            ?  巩固率  —  ≥ 95%  无法判定

            """
        #expect(SummaryRenderer().render(Self.bars) == expected)
    }

    @Test func columns_align_within_an_area() {
        let area = LocalizedText(zh: "资源配置", en: "Resources")
        let bars = [
            BarCheck(
                area: area, name: LocalizedText(verbatim: "小学差异系数"), figure: "0.38", threshold: "≤ 0.50", passes: true),
            BarCheck(
                area: area, name: LocalizedText(verbatim: "巩固率"), figure: "100.0%", threshold: "≥ 95%", passes: false,
                responsibleUnits: ["县教育局"].map(LocalizedText.name)),
        ]
        // Name column 12 (小学差异系数), figure column 6 (100.0%): 巩固率 (6) gets 6 + 2 spaces, 0.38 gets 2 + 2.
        let expected = """
            资源配置
            ✔  小学差异系数  0.38    ≤ 0.50
            ✘  巩固率        100.0%  ≥ 95%
               责任单位：县教育局

            """
        #expect(SummaryRenderer().render(bars) == expected)
    }

    @Test func a_long_name_wraps_in_its_column_without_starting_a_line_with_punctuation() {
        let bar = BarCheck(
            area: LocalizedText(verbatim: "A1"), name: LocalizedText(verbatim: "小学 B3 每百名学生拥有体育、艺术专任教师数"),
            figure: "0.13", threshold: "≤ 0.50", passes: true)
        // Width 44: mark 1 + figure 4 + three gaps 6 = 11; the name gets 44 − 11 − 6 (threshold) = 27 columns.
        // "小学 B3 每百名学生拥有体" is 4 + 1 + 2 + 1 + 8 × 2 = 24; "育、" (4) would make 28, and 、 may not
        // start a line, so 育、 moves down. The last space (after 小学 B3, 7 columns) is too early to break at
        // (7 < ⅔ × 27). The first line pads the name to 27: 3 spaces + 2 before the figure.
        let expected = """
            A1
            ✔  小学 B3 每百名学生拥有体     0.13  ≤ 0.50
               育、艺术专任教师数

            """
        let text = SummaryRenderer(width: 44).render([bar])
        #expect(text == expected)
        for line in text.split(separator: "\n") { #expect(TextWidth.columns(String(line)) <= 44) }
    }

    @Test func a_long_threshold_wraps_in_its_column() {
        let bar = BarCheck(
            area: LocalizedText(verbatim: "A2"), name: LocalizedText(verbatim: "B11 办学规模"), figure: "40/43",
            threshold: "小学、初中 ≤ 2000 人;九年一贯制 ≤ 2500 人", passes: false)
        // Width 40: fixed = 1 + 5 + 6 = 12; the name needs only 12 (B11 办学规模 = 3 + 1 + 8); the threshold
        // gets 40 − 12 − 12 = 16. "小学、初中 ≤" is 10 + 1 + 1 = 12; " 2000" would make 17 > 16, so the
        // line breaks at that space. "2000 人;九年一贯" is 4 + 1 + 3 + 4 × 2 = 16; 制 would make 18, and the
        // line's last space (after 2000, 4 columns) is too early (4 < ⅔ × 16), so it breaks before 制.
        // Continuation lines start under the threshold: 1 + 2 + 12 + 2 + 5 + 2 = 24 spaces.
        let indent = String(repeating: " ", count: 24)
        let expected = """
            A2
            ✘  B11 办学规模  40/43  小学、初中 ≤
            \(indent)2000 人;九年一贯
            \(indent)制 ≤ 2500 人

            """
        #expect(SummaryRenderer(width: 40).render([bar]) == expected)
    }

    @Test func english_labels() {
        let text = SummaryRenderer(language: .en).render(Self.bars)
        #expect(text.contains("✘  Junior CV  0.52  ≤ 0.45\n   Responsible units: 县教育局, 县财政局\n"))
        #expect(text.hasSuffix("  unknown\n"))
        #expect(text.hasPrefix("Resources\n"))
        #expect(SummaryRenderer.counts(Self.bars).en == "3 bars: 1 met, 1 failed, 1 unknown")
    }

    @Test func a_document_lists_the_bars_of_every_section_then_the_counts() {
        let document = SampleDocument.make()
        let bars = document.sections.flatMap(\.bars)
        for language in [Language.zh, .en] {
            let text = SummaryRenderer(language: language).render(document)
            let lines = text.split(separator: "\n")  // blank lines between areas dropped
            // The sample's names, figures and thresholds all fit 118 columns and its unit lists are under
            // 80 columns: one line per bar, one heading per area (4), one units line per failing bar with
            // units, and the counts of each of the 4 sections with bars.
            let unitLines = bars.filter { $0.passes == false && !$0.responsibleUnits.isEmpty }.count
            #expect(lines.count == 27 + 4 + unitLines + 4)
            #expect(lines.filter { $0.hasPrefix("✘") }.count == 4)
            #expect(lines.filter { $0.hasPrefix("   ") }.count == unitLines)
            #expect(text.components(separatedBy: "\n\n").count == 4)
            for line in lines { #expect(TextWidth.columns(String(line)) <= 118, "\(line)") }
        }
        // Each section counted on its own line: resources 14 CVs + 2 school rules, of which the junior
        // equipment CV (0.4731 > 0.45) and the junior schools (7/8) fail; the 6 guarantee bars, of which junior
        // class size (56 > 50) fails; quality 3 subjects + retention, grade 8 mathematics failing (0.157 ≥
        // 0.15) and retention unknown; recognition 1, met.
        #expect(
            SummaryRenderer().render(document).hasSuffix(
                "\n一、资源配置：共 16 项：达标 14 项，未达标 2 项\n二、政府保障程度：共 6 项：达标 5 项，未达标 1 项\n"
                    + "三、教育质量：共 4 项：达标 2 项，未达标 1 项，无法判定 1 项\n四、社会认可度：共 1 项：达标 1 项，未达标 0 项\n"))
    }

    @Test func no_line_is_wider_than_asked() {
        let bars = SampleDocument.make().sections.flatMap(\.bars)
        for width in [60, 80, 100] {
            for language in [Language.zh, .en] {
                let text = SummaryRenderer(language: language, width: width).render(bars)
                for line in text.split(separator: "\n") {
                    #expect(TextWidth.columns(String(line)) <= width, "\(width): \(line)")
                }
            }
        }
    }

    @Test func no_bars() {
        #expect(SummaryRenderer().render([BarCheck]()) == "")
        let empty = ReportDocument(title: LocalizedText(verbatim: "D"), sections: [])
        #expect(SummaryRenderer().render(empty) == "共 0 项：达标 0 项，未达标 0 项\n")
        #expect(SummaryRenderer(language: .en).render(empty) == "0 bars: 0 met, 0 failed\n")
    }
}
