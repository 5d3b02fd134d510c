import JunhengCore
import Testing

@testable import JunhengReports

@Suite struct TableRendererTests {
    static let table = ReportTable(
        id: "t", title: LocalizedText(zh: "各校", en: "Schools"),
        columns: [
            ReportColumn(key: "school", label: LocalizedText(zh: "学校", en: "School")),
            ReportColumn(key: "change", label: LocalizedText(zh: "变化", en: "Change"), format: .decimal(1)),
        ],
        rows: [
            [.text("=1+1"), .number(-3.5)],
            [.text("城关中学"), .number(2.25)],
        ])

    @Test func csv_has_a_bom_crlf_and_neutralises_formulas_but_not_negative_numbers() {
        let csv = TableRenderer().csv(Self.table)
        #expect(csv == "\u{FEFF}学校,变化\r\n'=1+1,-3.5\r\n城关中学,2.3\r\n")  // 2.25 → 2.3: 四舍五入, half away from zero
    }

    @Test func csv_field_guard() {
        #expect(TableRenderer.csvField("=1+1") == "'=1+1")
        #expect(TableRenderer.csvField("+1") == "'+1")
        #expect(TableRenderer.csvField("-1+2") == "'-1+2")
        #expect(TableRenderer.csvField("@SUM(A1)") == "'@SUM(A1)")
        #expect(TableRenderer.csvField("\tx") == "'\tx")
        #expect(TableRenderer.csvField("-") == "'-")
        #expect(TableRenderer.csvField("-inf") == "'-inf")
        #expect(TableRenderer.csvField("-0x1p3") == "'-0x1p3")
        #expect(TableRenderer.csvField("-3.5") == "-3.5")
        #expect(TableRenderer.csvField("-1e-3") == "-1e-3")
        #expect(TableRenderer.csvField("-2.5%") == "-2.5%")
        #expect(TableRenderer.csvField("-.5") == "-.5")
        #expect(TableRenderer.csvField("a,b") == "\"a,b\"")
        #expect(TableRenderer.csvField("=\"x\"") == "\"'=\"\"x\"\"\"")
        #expect(TableRenderer.csvField("say \"hi\"") == "\"say \"\"hi\"\"\"")
    }

    @Test func markdown_escapes_pipes_newlines_and_tags() {
        let table = ReportTable(
            id: "m", title: LocalizedText(verbatim: "M"),
            columns: [ReportColumn(key: "a", label: LocalizedText(verbatim: "A"))],
            rows: [[.text("a|b\nc")], [.text("<script>")]])
        #expect(TableRenderer().markdown(table) == "### M\n\n| A |\n| --- |\n| a\\|b c |\n| &lt;script> |\n")
    }

    @Test func terminal_aligns_chinese_by_display_width() {
        let expected = """
            各校
            学校      变化
            --------  ----
            =1+1      -3.5
            城关中学  2.3

            """
        #expect(TableRenderer().terminal(Self.table) == expected)
    }

    @Test func english_headers() {
        #expect(TableRenderer(language: .en).csv(Self.table).hasPrefix("\u{FEFF}School,Change\r\n"))
    }
}
