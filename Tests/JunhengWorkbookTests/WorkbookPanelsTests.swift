import Foundation
import JunhengCore
import JunhengReports
import Testing

@testable import JunhengWorkbook

/// A section's panels become one sheet, named after the section, their tables one under another.
@Suite struct WorkbookPanelsTests {
    static func panel(_ id: String, _ rows: [(String, Double)]) -> ReportPanel {
        let table = ReportTable(
            id: id, title: LocalizedText(zh: "题 \(id)", en: "Q \(id)"),
            columns: [
                ReportColumn(key: "option", label: LocalizedText(zh: "选项", en: "Option")),
                ReportColumn(key: "count", label: LocalizedText(zh: "人数", en: "Count"), format: .integer),
            ],
            rows: rows.map { [.text($0.0), .number($0.1)] }, notes: [LocalizedText(verbatim: "note \(id)")])
        return ReportPanel(id: id, title: table.title, tables: [table])
    }

    @Test func panelsAreStackedOnOneSheet() throws {
        let folder = try WorkbookWriterTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let section = ReportSection(
            id: "s", title: LocalizedText(zh: "逐题统计：测试", en: "Questions"),
            panels: [Self.panel("1", [("是", 3), ("否", 1)]), Self.panel("2", [("甲", 2)])])
        try WorkbookWriter().write(
            ReportDocument(title: LocalizedText(verbatim: "t"), sections: [section]), to: folder + "/p.xlsx")
        let workbook = try WorkbookWriterTests.member(folder + "/p.xlsx", "xl/workbook.xml")
        let names = workbook.matches(of: #/<sheet name="([^"]*)"/#).map { String($0.1) }
        #expect(names == ["总览", "逐题统计：测试"])
        let sheet = try WorkbookWriterTests.member(folder + "/p.xlsx", "xl/worksheets/sheet2.xml")
        // Row 1 the section's title, row 3 the first table's title, 4 its header, 5–6 its rows, 7 its note,
        // 8 blank, 9 the second table's title, 10 header, 11 its row, 12 its note.
        let rows = sheet.matches(of: #/<row r="(\d+)"/#).map { Int($0.1)! }
        #expect(rows == [1, 3, 4, 5, 6, 7, 9, 10, 11, 12])
        // Counts are numbers in the column's format (0), not text.
        #expect(sheet.contains("<c r=\"B5\" s=\"") && sheet.contains("<v>3</v></c>"))
        #expect(sheet.contains("<c r=\"B11\" s=\""))
        #expect(!sheet.contains("autoFilter"))
    }
}
