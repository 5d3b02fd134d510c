import JunhengCore
import JunhengIngest
public import JunhengReports

/// What `junheng survey check` shows before any rate is computed: each file's mode, how every column
/// was mapped, the columns nothing matched, the questions no column matched, and every problem.
extension SatisfactionResult {
    public func checkTables() -> [ReportTable] {
        var tables: [ReportTable] = []
        for file in files {
            let rows = file.mapping.columns.map { column -> [ReportCell] in
                let (target, kind) = describe(column.assignment)
                return [
                    .integer(column.index + 1), .text(column.header), .text(target), .label(kind),
                    .text(column.method?.rawValue ?? ""), .number(column.similarity),
                ]
            }
            var notes = [
                LocalizedText(
                    zh: "下载方式：\(file.detection.mode.label)（\(file.detection.mode.rawValue)）— \(file.detection.reason)",
                    en: "Mode: \(file.detection.mode.rawValue) — \(file.detection.reason)"),
                LocalizedText(
                    zh: "表头在第 \(file.headerLine) 行；数据行 \(file.rows)，有效 \(file.used)。",
                    en: "Header on line \(file.headerLine); rows \(file.rows), used \(file.used)."),
            ]
            let unmapped = file.mapping.unmapped
            if !unmapped.isEmpty {
                notes.append(
                    LocalizedText(
                        zh: "未对应的列 \(unmapped.count) 个："
                            + unmapped.map { "第\($0.index + 1)列 \($0.header)" }.joined(separator: "；"),
                        en: "\(unmapped.count) unmapped columns: "
                            + unmapped.map { "column \($0.index + 1) \($0.header)" }.joined(separator: "; ")))
            }
            if !file.mapping.missingQuestions.isEmpty {
                let names = file.mapping.missingQuestions.map {
                    "\(survey.questions[$0].number). \(survey.questions[$0].id)"
                }
                notes.append(
                    LocalizedText(
                        zh: "问卷中找不到对应列的题目：" + names.joined(separator: "，"),
                        en: "Questions with no column: " + names.joined(separator: ", ")))
            }
            tables.append(
                ReportTable(
                    id: "survey-check-mapping",
                    title: LocalizedText(
                        zh: "列对应：\(file.file) → \(survey.id)", en: "Column mapping: \(file.file) → \(survey.id)"),
                    columns: [
                        ReportColumn(key: "column", label: LocalizedText(zh: "列", en: "Column"), format: .integer),
                        ReportColumn(key: "header", label: LocalizedText(zh: "表头", en: "Header")),
                        ReportColumn(key: "target", label: LocalizedText(zh: "对应", en: "Mapped to")),
                        ReportColumn(key: "kind", label: LocalizedText(zh: "类别", en: "Kind")),
                        ReportColumn(key: "method", label: LocalizedText(zh: "方式", en: "Method")),
                        ReportColumn(
                            key: "similarity", label: LocalizedText(zh: "相似度", en: "Similarity"), format: .decimal(2)),
                    ], rows: rows, notes: notes))
        }
        if answerProblemCount > 0 { tables.append(answerProblemsTable()) }
        if !ingestProblems.isEmpty {
            tables.append(
                ReportTable(
                    id: "survey-check-ingest", title: LocalizedText(zh: "读取问题", en: "Reading problems"),
                    columns: [
                        ReportColumn(key: "place", label: LocalizedText(zh: "位置", en: "Place")),
                        ReportColumn(key: "kind", label: LocalizedText(zh: "类别", en: "Kind")),
                        ReportColumn(key: "message", label: LocalizedText(zh: "说明", en: "Message")),
                    ],
                    rows: ingestProblems.map {
                        [.text($0.location.description), .text($0.kind.rawValue), .label($0.message)]
                    }))
        }
        tables.append(screeningTable())
        if !excludedRows.isEmpty { tables.append(excludedRowsTable()) }
        return tables
    }

    func describe(_ assignment: WjxColumnAssignment) -> (String, LocalizedText) {
        switch assignment {
        case .metadata(let field):
            return (field.rawValue, LocalizedText(zh: "元数据", en: "metadata"))
        case .answer(let q):
            let question = survey.questions[q]
            return (
                "\(question.number). \(question.id)", LocalizedText(verbatim: question.type.label + roleLabel(question))
            )
        case .option(let q, let o):
            let question = survey.questions[q]
            return (
                "\(question.number). \(question.id) = \(question.options[o].text)",
                LocalizedText(zh: "选项列(0/1)", en: "option column (0/1)")
            )
        case .matrixRow(let q, let r):
            let question = survey.questions[q]
            return (
                "\(question.number). \(question.id).\(question.rows[r].id)", LocalizedText(zh: "矩阵行", en: "matrix row")
            )
        case .unmapped(let reason):
            return ("—", LocalizedText(zh: "未对应：\(reason)", en: "unmapped: \(reason)"))
        }
    }

    private func roleLabel(_ question: Question) -> String {
        switch question.role {
        case .group: "·身份"
        case .township: "·乡镇"
        case .school: "·学校"
        case .grade: "·年级"
        case .scored: "·计分"
        case .info: ""
        }
    }
}
