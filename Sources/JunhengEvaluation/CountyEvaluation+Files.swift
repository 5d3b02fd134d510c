import Foundation
import JunhengCore
import JunhengReports

extension CountyEvaluation {
    /// The last section: which file was read as what, which were not used and why, and area problems.
    static func filesSection(folder: CountyDataFolder, problems: [Problem]) -> ReportSection {
        let name = { (path: String) in (path as NSString).lastPathComponent }
        var rows: [[ReportCell]] = folder.placed.map { file in
            [
                .text(name(file.path)), .label(file.kind.label), .text(file.survey ?? ""),
                ReportCell(.text(LocalizedText(zh: "已使用", en: "used")), fails: false),
            ]
        }
        rows += folder.unplaced.map { file in
            [
                .text(name(file.path)), .label(LocalizedText(zh: "未识别", en: "not placed")), .label(file.reason),
                ReportCell(.text(LocalizedText(zh: "未使用", en: "not used")), fails: true),
            ]
        }
        let files = ReportTable(
            id: "data-files", title: LocalizedText(zh: "数据文件", en: "Data files"),
            columns: [
                ReportColumn(key: "file", label: LocalizedText(zh: "文件", en: "File")),
                ReportColumn(key: "kind", label: LocalizedText(zh: "识别为", en: "Read as")),
                ReportColumn(key: "detail", label: LocalizedText(zh: "说明", en: "Detail")),
                ReportColumn(key: "status", label: LocalizedText(zh: "状态", en: "Status")),
            ], rows: rows)
        var tables = [files]
        if !problems.isEmpty {
            tables.append(
                ReportTable(
                    id: "data-problems", title: LocalizedText(zh: "无法计算的部分", en: "What could not be computed"),
                    columns: [
                        ReportColumn(key: "area", label: LocalizedText(zh: "领域", en: "Area")),
                        ReportColumn(key: "problem", label: LocalizedText(zh: "问题", en: "Problem")),
                    ],
                    rows: problems.map { [.label($0.area), ReportCell(.text($0.message), fails: true)] }))
        }
        return ReportSection(
            id: "data", title: LocalizedText(zh: "数据来源", en: "Data sources"), tables: tables)
    }
}
