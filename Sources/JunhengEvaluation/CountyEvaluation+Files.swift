import Foundation
import JunhengCore
import JunhengPlan
import JunhengRegistry
import JunhengReports

extension CountyEvaluation {
    /// The kinds of file read as tables (their rows are counted).
    static let tableKinds: Set<CountyDataFolder.Kind> = [
        .surveyExport, .roster, .unitCosts, .monitoringStudents, .monitoringSummary, .indicatorSheet, .registry,
        .linkList,
    ]

    /// The last section, 数据来源与数据问题: every file read (its path, what it was read as, its rows and
    /// SHA-256), the files not used and why, every name the registry check did not accept, the indicator
    /// sheet's problems at their places, and what could not be computed. Everything that names a file or a
    /// place is here, so the body above reads as a report.
    static func filesSection(
        folder: CountyDataFolder, plan: PlanAssessment, names: CountyNames, problems: [Problem]
    ) -> ReportSection {
        var rows: [[ReportCell]] = []
        for file in folder.placed {
            let facts = DataFileFacts.of(file.path, table: tableKinds.contains(file.kind))
            let detail: LocalizedText =
                if let rows = facts.rows {
                    LocalizedText(zh: "\(rows) 行", en: "\(rows) rows")
                        + ((facts.skipped ?? 0) > 0
                            ? LocalizedText(zh: "（另跳过 \(facts.skipped!) 行）", en: " (\(facts.skipped!) skipped)")
                            : LocalizedText(verbatim: ""))
                } else {
                    LocalizedText(verbatim: "")
                }
            rows.append([
                .text(file.path),
                .label(
                    file.kind.label
                        + (file.survey.map { LocalizedText(zh: "（\($0)）", en: " (\(ProperName.mark($0)))") }
                            ?? LocalizedText(verbatim: ""))),
                .label(detail), .text(facts.sha256 ?? ""),
                ReportCell(.text(LocalizedText(zh: "已使用", en: "used")), fails: false),
            ])
        }
        rows += folder.unplaced.map { file in
            [
                .text(file.path), .label(LocalizedText(zh: "未识别", en: "not placed")), .label(file.reason),
                .text(DataFileFacts.of(file.path, table: false).sha256 ?? ""),
                ReportCell(.text(LocalizedText(zh: "未使用", en: "not used")), fails: true),
            ]
        }
        let files = ReportTable(
            id: "data-files", title: LocalizedText(zh: "数据文件", en: "Data files"),
            columns: [
                ReportColumn(key: "file", label: LocalizedText(zh: "文件", en: "File")),
                ReportColumn(key: "kind", label: LocalizedText(zh: "识别为", en: "Read as")),
                ReportColumn(key: "detail", label: LocalizedText(zh: "行数或说明", en: "Rows or detail")),
                ReportColumn(key: "sha256", label: LocalizedText(zh: "SHA-256", en: "SHA-256")),
                ReportColumn(key: "status", label: LocalizedText(zh: "状态", en: "Status")),
            ], rows: rows,
            notes: [
                LocalizedText(zh: "数据文件夹：\(folder.root)", en: "Data folder: \(ProperName.mark(folder.root))"),
                LocalizedText(zh: "县级方案：\(plan.plan.file)", en: "County plan: \(ProperName.mark(plan.plan.file))")
                    + (plan.plan.document.map { LocalizedText(zh: "（\($0)）", en: " (\(ProperName.mark($0)))") }
                        ?? LocalizedText(verbatim: "")),
                LocalizedText(
                    zh: "行数为数据行（表头以下，不含读取时跳过的空行、标题行和合计行）；SHA-256 可用来核对文件未被改动。",
                    en:
                        "Rows are data rows (below the header, without the blank, title and total rows the reader skips); the SHA-256 shows a file is unchanged."
                ),
            ], sheetName: LocalizedText(zh: "数据文件", en: "Data files"))
        var tables = [files, namesTable(names)]
        if let sheet = plan.sheetIssuesTable() { tables.append(sheet) }
        if !problems.isEmpty {
            tables.append(
                ReportTable(
                    id: "data-problems", title: LocalizedText(zh: "无法计算的部分", en: "What could not be computed"),
                    columns: [
                        ReportColumn(key: "area", label: LocalizedText(zh: "领域", en: "Area")),
                        ReportColumn(key: "problem", label: LocalizedText(zh: "问题", en: "Problem")),
                    ],
                    rows: problems.map { [.label($0.area), ReportCell(.text($0.message), fails: true)] },
                    sheetName: LocalizedText(zh: "无法计算的部分", en: "Not computed")))
        }
        return ReportSection(
            id: "data", title: LocalizedText(zh: "数据来源与数据问题", en: "Data sources and problems"), tables: tables)
    }

    /// The registry check: one row per name not accepted, at its place, with the suggestion; with none,
    /// one line saying what was checked.
    static func namesTable(_ names: CountyNames) -> ReportTable {
        var rows: [[ReportCell]] = names.registryProblems.map { problem in
            [
                .text(problem.location?.description ?? ""), .label(LocalizedText(zh: "学校名录", en: "registry")),
                ReportCell(.text(problem.message), fails: true),
            ]
        }
        rows += names.all.map { finding in
            [
                .text(finding.location.description), .text(finding.name),
                ReportCell(.text(finding.message), fails: true),
            ]
        }
        var notes = [names.summary]
        if let registry = names.registry {
            notes.append(
                LocalizedText(zh: "学校名录：\(registry.file)", en: "School registry: \(ProperName.mark(registry.file))"))
        }
        notes.append(
            LocalizedText(
                zh: "核对的文件："
                    + (names.sources.isEmpty
                        ? "无" : names.sources.map { ($0.file as NSString).lastPathComponent }.joined(separator: "、")),
                en: "Files checked: "
                    + (names.sources.isEmpty
                        ? "none"
                        : names.sources.map { ProperName.mark(($0.file as NSString).lastPathComponent) }.joined(
                            separator: ", "))))
        return ReportTable(
            id: "data-names", title: LocalizedText(zh: "学校和乡镇名称核对", en: "School and township names"),
            columns: [
                ReportColumn(key: "place", label: LocalizedText(zh: "位置", en: "Place")),
                ReportColumn(key: "name", label: LocalizedText(zh: "名称", en: "Name")),
                ReportColumn(key: "problem", label: LocalizedText(zh: "问题", en: "Problem")),
            ], rows: rows, notes: notes, sheetName: LocalizedText(zh: "名称核对", en: "Names"))
    }
}
