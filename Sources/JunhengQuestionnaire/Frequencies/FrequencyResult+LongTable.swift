import JunhengCore
public import JunhengReports
import JunhengStatistics

/// The free-text answers (only with `--answers`) and the one long table of `--format csv`.
extension FrequencyResult {

    /// The free-text answers of every text question, when they were kept (`--answers`).
    public func answersTables() -> [ReportTable] {
        questions.compactMap { question in question.answers.map { answersTable(question, $0) } }
    }

    func answersTable(_ question: QuestionFrequencies, _ answers: [TextAnswer]) -> ReportTable {
        ReportTable(
            id: "frequencies-\(survey.id)-\(question.id)-answers",
            title: LocalizedText(
                zh: "\(question.number). \(question.text)：回答原文",
                en: "\(question.number). \(label(question).en): answers"),
            columns: [
                ReportColumn(key: "file", label: LocalizedText(zh: "文件", en: "File")),
                ReportColumn(key: "line", label: LocalizedText(zh: "行", en: "Line"), format: .integer),
                ReportColumn(key: "column", label: LocalizedText(zh: "列", en: "Column"), format: .integer),
                ReportColumn(key: "answer", label: LocalizedText(zh: "回答", en: "Answer")),
            ],
            rows: answers.map { [.text($0.file), .integer($0.line), .integer($0.column), .text($0.text)] },
            notes: [LocalizedText(zh: "个人信息，请勿外传。", en: "Personal data: do not pass on.")])
    }

    /// Everything in one table, a line per option (per matrix row, per group): for `--format csv`. Each
    /// line carries its question's accounting (answered + skipped + invalid + not in the export = used
    /// responses). Free-text questions have one line with their count. With `--by`, each line also
    /// carries its question's (its matrix row's) χ² test: statistic, df, p, Cramér's V, Yates' χ² and p
    /// and Fisher's exact p where given, and the test in words (``testNote(_:)``), as every other
    /// format does.
    public func longTable() -> ReportTable {
        var columns = [
            ReportColumn(key: "number", label: LocalizedText(zh: "题号", en: "No."), format: .integer),
            ReportColumn(key: "question", label: LocalizedText(zh: "题目", en: "Question")),
            ReportColumn(key: "type", label: LocalizedText(zh: "题型", en: "Type")),
            ReportColumn(key: "row", label: LocalizedText(zh: "矩阵行", en: "Row")),
        ]
        if let by { columns.append(ReportColumn(key: "group", label: by.label(in: survey))) }
        columns += [
            ReportColumn(key: "answered", label: LocalizedText(zh: "本题作答", en: "Answered"), format: .integer),
            ReportColumn(key: "skipped", label: LocalizedText(zh: "跳过或未答", en: "Skipped"), format: .integer),
            ReportColumn(key: "invalid", label: LocalizedText(zh: "无效回答", en: "Invalid"), format: .integer),
            ReportColumn(
                key: "not_in_file", label: LocalizedText(zh: "导出中无此题", en: "Not in the export"), format: .integer),
            Self.optionColumn, Self.countColumn, Self.shareColumn,
        ]
        if by != nil {
            columns += [
                ReportColumn(key: "chi2", label: LocalizedText(zh: "χ²", en: "χ²"), format: .decimal(4)),
                ReportColumn(key: "df", label: LocalizedText(zh: "自由度", en: "df"), format: .integer),
                ReportColumn(key: "p", label: LocalizedText(zh: "p 值", en: "p"), format: .text),
                ReportColumn(
                    key: "cramers_v", label: LocalizedText(zh: "Cramér's V", en: "Cramér's V"), format: .decimal(4)),
                ReportColumn(
                    key: "yates_chi2", label: LocalizedText(zh: "Yates 校正 χ²", en: "Yates χ²"), format: .decimal(4)),
                ReportColumn(key: "yates_p", label: LocalizedText(zh: "Yates 校正 p", en: "Yates p"), format: .text),
                ReportColumn(
                    key: "fisher_p", label: LocalizedText(zh: "Fisher 精确 p", en: "Fisher's exact p"), format: .text),
                ReportColumn(key: "test", label: LocalizedText(zh: "检验", en: "Test")),
            ]
        }
        // A partial result says so on every line, and an option whose respondents were screened out on
        // its own: CSV keeps rows, not titles or notes.
        let hasNotes = partial || screenedOut.values.contains { !$0.isEmpty }
        if hasNotes { columns.append(ReportColumn(key: "note", label: LocalizedText(zh: "备注", en: "Note"))) }
        let partialNote = LocalizedText(zh: "部分结果", en: "partial")
        var rows: [[ReportCell]] = []
        for question in questions {
            let head: [ReportCell] = [
                .integer(question.number), .label(label(question)),
                .label(question.type.label),
            ]
            func add(_ row: MatrixRowFrequencies?, _ group: String?, _ counts: FrequencyCounts, _ test: CrossTabTest?) {
                var prefix = head + [row.map { ReportCell.label(rowLabel(question, $0)) } ?? .empty]
                if by != nil {
                    prefix.append(
                        group.map { ReportCell.label(groupLabel($0)) } ?? .label(LocalizedText(zh: "全部", en: "All")))
                }
                // answered + skipped + invalid + not in the export = the used responses (of the group).
                prefix += [.integer(counts.answered), .integer(counts.skipped), .integer(counts.invalid)]
                prefix.append(.integer(counts.notInFile))
                let suffix = by == nil ? [] : Self.testCells(question.id == breakdownQuestionID ? nil : test)
                func note(_ option: Int?) -> [ReportCell] {
                    guard hasNotes else { return [] }
                    var texts = partial ? [partialNote] : []
                    if row == nil, group == nil, let option, let count = screenedOut[question.id]?[option] {
                        texts.append(screenedNote(question, option: option, count: count))
                    }
                    guard !texts.isEmpty else { return [.empty] }
                    let text = texts.dropFirst().reduce(texts[0]) { $0 + LocalizedText(verbatim: " ") + $1 }
                    return [ReportCell(.text(text), fails: partial ? true : nil)]
                }
                if question.type == .text {
                    rows.append(
                        prefix + [
                            .label(LocalizedText(zh: "（非空回答）", en: "(non-empty)")), .integer(counts.answered), .empty,
                        ] + suffix + note(nil))
                    return
                }
                for (index, option) in counts.options.enumerated() {
                    rows.append(
                        prefix + [.label(optionLabel(question, index)), .integer(option.count), .number(option.share)]
                            + suffix
                            + note(index))
                }
            }
            if question.type == .matrix {
                for row in question.rows {
                    add(row, nil, row.counts, row.test)
                    for group in row.groups { add(row, group.key, group.counts, row.test) }
                }
            } else {
                add(nil, nil, question.counts, question.test)
                for group in question.groups { add(nil, group.key, group.counts, question.test) }
            }
        }
        return ReportTable(
            id: "frequencies-\(survey.id)",
            title: LocalizedText(zh: "逐题统计：\(survey.title.zh)", en: "Frequencies: \(survey.title.en)")
                + partialSuffix,
            columns: columns, rows: rows, notes: notes())
    }

    /// The χ² columns of a long-table line: statistic, df, p, Cramér's V, Yates' χ² and p, Fisher's p, and
    /// the test in words (empty for a question without a test, such as free text or the grouping question).
    static func testCells(_ test: CrossTabTest?) -> [ReportCell] {
        guard let test else { return Array(repeating: .empty, count: 8) }
        let result = test.test
        let alternatives = test.smallTableAlternatives
        return [
            .number(result?.statistic), result.map { .integer($0.degreesOfFreedom) } ?? .empty,
            .number(result?.pValue), .number(result?.cramersV), .number(alternatives?.yates.statistic),
            .number(alternatives?.yates.pValue), .number(alternatives?.fisherP), .label(testNote(test)),
        ]
    }
}
