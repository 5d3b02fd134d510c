import Foundation
import JunhengCollection
import JunhengCore
import JunhengQuestionnaire
import JunhengReports
import JunhengWorkbook

/// The responses as an Excel workbook (`/admin/{id}/export.xlsx`), through the workbook writer (the one door
/// to libxlsxwriter): a sheet with the same cells as the CSV export (问卷星's 按选项文本 layout, every cell as
/// text), and a sheet of the deleted test responses (who, when, how many, which numbers).
enum CollectedWorkbook {
    static func xlsx(
        survey: Questionnaire, responses: [CollectedResponse], countyColumn: Bool, deletions: [DeletionRecord],
        language: Language
    ) throws -> Data {
        let rows = CollectedExport.rows(survey: survey, responses: responses, countyColumn: countyColumn)
        let header = rows[0]
        let answers = ReportTable(
            id: "responses", title: LocalizedText(zh: "答卷", en: "Responses"),
            columns: header.enumerated().map {
                ReportColumn(key: "c\($0.offset)", label: LocalizedText(verbatim: $0.element))
            },
            rows: rows.dropFirst().map { $0.map(ReportCell.text) })
        let deleted = deletions.reduce(0) { $0 + $1.count }
        let record = ReportTable(
            id: "deleted", title: LocalizedText(zh: "已删除的测试答卷", en: "Deleted test responses"),
            columns: [
                ReportColumn(key: "when", label: LocalizedText(zh: "时间", en: "When")),
                ReportColumn(key: "by", label: LocalizedText(zh: "操作人", en: "By")),
                ReportColumn(key: "count", label: LocalizedText(zh: "份数", en: "How many"), format: .integer),
                ReportColumn(key: "ids", label: LocalizedText(zh: "序号", en: "Numbers")),
            ],
            rows: deletions.map { record in
                [
                    .text(WjxTextLayout.timestamp(record.deletedAt)), .text(record.deletedBy),
                    ReportCell(.number(Double(record.count))), .text(DeletionIDs.text(record.ids)),
                ]
            },
            notes: [
                LocalizedText(
                    zh: "共删除测试答卷 \(deleted) 份；答卷表不含它们。",
                    en: "\(deleted) test responses deleted in all; the responses sheet leaves them out.")
            ])
        let document = ReportDocument(
            title: LocalizedText(zh: "\(survey.title.zh) 答卷", en: "\(survey.title.en) responses"),
            sections: [
                ReportSection(
                    id: "export", title: LocalizedText(zh: "答卷", en: "Responses"), tables: [answers, record])
            ])
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("junheng-\(UUID().uuidString).xlsx")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try WorkbookWriter().write(document, to: path, language: language)
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }
}
