import JunhengCore
import JunhengIngest
public import JunhengReports

/// What `junheng survey check` shows before any rate is computed: each file's mode, how every column
/// was mapped, the columns nothing matched, the questions no column matched, and every problem.
extension SatisfactionResult {
    public func checkTables() -> [ReportTable] {
        var tables: [ReportTable] = [fitTable()]
        for file in files {
            let rows = file.mapping.columns.map { column -> [ReportCell] in
                let (target, kind) = describe(column.assignment)
                return [
                    .integer(column.index + 1), .text(column.header), .label(target), .label(kind),
                    .text(column.method?.rawValue ?? ""), .number(column.similarity),
                ]
            }
            var notes = [
                LocalizedText(
                    zh:
                        "下载方式：\(file.detection.mode.label.zh)（\(file.detection.mode.rawValue)）— \(file.detection.reason.zh)",
                    en: "Mode: \(file.detection.mode.rawValue) — \(file.detection.reason.en)"),
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
        if files.contains(where: { $0.detection.mode != .text }) { tables.append(optionNumberTable()) }
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

    /// How well each export fits this questionnaire, and the folder's questionnaire it fits best when that
    /// is another (``ExportFit``): the first thing `survey check` shows.
    func fitTable() -> ReportTable {
        var rows: [[ReportCell]] = []
        for file in files {
            guard let fit = file.fit else { continue }
            var fits = [fit]
            if let other = file.bestOther, other.score > fit.score { fits.append(other) }
            for fit in fits {
                rows.append([
                    .text(file.file), .text(fit.survey), .text(fit.mode.rawValue),
                    .text("\(fit.foundItems)/\(fit.scoredItems)"), .text("\(fit.mappedColumns)/\(fit.questionColumns)"),
                    .number(fit.sampledAnswers > 0 ? fit.answerShare : nil),
                    ReportCell(
                        .text(fit.isPoor ? LocalizedText(zh: "不相符", en: "poor") : LocalizedText(zh: "相符", en: "good")),
                        fails: fit.isPoor),
                ])
            }
        }
        let floors = LocalizedText(
            zh: "相符的下限：计分题 ≥ 80%，有效回答 ≥ 90%，题目列 ≥ 50%；低于任一项即不相符，satisfaction 拒绝计算"
                + "（--allow-partial 可继续，结果标为“部分结果”）。",
            en: "A fit is good with scored items ≥ 80 %, valid answers ≥ 90 % and question columns ≥ 50 %; below any, "
                + "satisfaction refuses (--allow-partial goes on and labels the result partial).")
        return ReportTable(
            id: "survey-check-fit", title: LocalizedText(zh: "问卷匹配度", en: "How the export fits"),
            columns: [
                ReportColumn(key: "file", label: LocalizedText(zh: "文件", en: "File")),
                ReportColumn(key: "survey", label: LocalizedText(zh: "问卷", en: "Questionnaire")),
                ReportColumn(key: "mode", label: LocalizedText(zh: "下载方式", en: "Mode")),
                ReportColumn(key: "items", label: LocalizedText(zh: "计分题", en: "Scored items")),
                ReportColumn(key: "columns", label: LocalizedText(zh: "题目列", en: "Question columns")),
                ReportColumn(
                    key: "answers", label: LocalizedText(zh: "有效回答", en: "Valid answers"), format: .percent(1)),
                ReportColumn(key: "fit", label: LocalizedText(zh: "结论", en: "Fit")),
            ],
            rows: rows, notes: [floors])
    }

    /// The number → option table an 按选项序号 (or scoreless 按分数) download is read with: an option left
    /// out of the questionnaire file shifts every later number unless the file gives `number:`.
    func optionNumberTable() -> ReportTable {
        let rows = survey.questions.filter { [.single, .scale, .matrix].contains($0.type) }.map { question in
            let pairs = zip(question.optionNumbers, question.options).map { "\($0)=\($1.text)" }
            return [
                ReportCell.text("\(question.number). \(question.id)"),
                .label(LocalizedText(zh: pairs.joined(separator: "，"), en: pairs.joined(separator: ", "))),
            ]
        }
        return ReportTable(
            id: "survey-check-option-numbers",
            title: LocalizedText(zh: "选项序号（按选项序号下载时所用）", en: "Option numbers (as an option-number download is read)"),
            columns: [
                ReportColumn(key: "question", label: LocalizedText(zh: "题目", en: "Question")),
                ReportColumn(key: "numbers", label: LocalizedText(zh: "序号=选项", en: "Number=option")),
            ],
            rows: rows,
            notes: [
                LocalizedText(
                    zh: "序号取自问卷文件中选项的顺序；问卷文件若少写了一个选项，其后的序号都会错位，请在选项上写明 `number:`（见 surveys/README.md）。",
                    en: "Numbers follow the options' order in the questionnaire file; an option left out of the file "
                        + "shifts every later number, unless the options say `number:` (see surveys/README.md).")
            ])
    }

    func describe(_ assignment: WjxColumnAssignment) -> (LocalizedText, LocalizedText) {
        switch assignment {
        case .metadata(let field):
            return (field.label, LocalizedText(zh: "元数据", en: "metadata"))
        case .answer(let q):
            let question = survey.questions[q]
            return (
                LocalizedText(verbatim: "\(question.number). \(question.id)"), question.type.label + roleLabel(question)
            )
        case .option(let q, let o):
            let question = survey.questions[q]
            return (
                LocalizedText(verbatim: "\(question.number). \(question.id) = \(question.options[o].text)"),
                LocalizedText(zh: "选项列(0/1)", en: "option column (0/1)")
            )
        case .matrixRow(let q, let r):
            let question = survey.questions[q]
            return (
                LocalizedText(verbatim: "\(question.number). \(question.id).\(question.rows[r].id)"),
                LocalizedText(zh: "矩阵行", en: "matrix row")
            )
        case .unmapped(let reason):
            return (
                LocalizedText(verbatim: "—"),
                reason.zh.isEmpty
                    ? LocalizedText(zh: "未对应", en: "unmapped")
                    : LocalizedText(zh: "未对应：\(reason.zh)", en: "unmapped: \(reason.en)")
            )
        }
    }

    private func roleLabel(_ question: Question) -> LocalizedText {
        switch question.role {
        case .group: LocalizedText(zh: "·身份", en: " · identity")
        case .township: LocalizedText(zh: "·乡镇", en: " · township")
        case .school: LocalizedText(zh: "·学校", en: " · school")
        case .grade: LocalizedText(zh: "·年级", en: " · grade")
        case .scored: LocalizedText(zh: "·计分", en: " · scored")
        case .info: LocalizedText(verbatim: "")
        }
    }
}
