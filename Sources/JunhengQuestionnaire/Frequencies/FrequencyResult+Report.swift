public import JunhengCore
public import JunhengReports
import JunhengStatistics

/// The frequency tables in the neutral report model: one table and one small bar chart per question
/// (问卷星's default report), the cross-tabs with their χ² tests, the free-text answers when asked
/// for, and one long table of everything for CSV and the workbook.
extension FrequencyResult {
    // MARK: - The report section

    /// The county report's 逐题统计 section of this questionnaire: a panel per question with its small
    /// bar chart and its table (问卷星's default report), with a breakdown its cross-tab too; free-text
    /// answers never (the report shows aggregates only).
    public func section() -> ReportSection {
        ReportSection(
            id: "frequencies-" + survey.id,
            title: LocalizedText(zh: "逐题统计：\(survey.title.zh)", en: "Question by question: \(survey.title.en)")
                + partialSuffix,
            panels: panels(), notes: notes())
    }

    /// A panel per question, in questionnaire order: its chart (none for free text), its table, and its
    /// cross-tab with the χ² test. A matrix or a cross-tab takes the page's width.
    public func panels() -> [ReportPanel] {
        let charts = Dictionary(uniqueKeysWithValues: charts().map { ($0.id, $0) })
        return questions.map { question in
            // A free-text question's cross-tab is only its answer counts by group: left to the CLI.
            let crossTabs = question.type == .text ? [] : crossTabs(question)
            return ReportPanel(
                id: "frequencies-\(survey.id)-\(question.id)", title: title(question),
                chart: charts["frequencies-\(survey.id)-\(question.id)"], tables: [table(question)] + crossTabs,
                wide: question.type == .matrix || !crossTabs.isEmpty)
        }
    }

    /// Every question's table, in questionnaire order, each followed by its cross-tab and (with
    /// `--answers`) its free-text answers.
    public func tables() -> [ReportTable] {
        var tables: [ReportTable] = []
        for question in questions {
            tables.append(table(question))
            if by != nil { tables += crossTabs(question) }
            if let answers = question.answers { tables.append(answersTable(question, answers)) }
        }
        return tables
    }

    /// One bar chart per question with options: each option's share of those who answered. A matrix
    /// with positive options has one bar per row, its positive share (its table has every option); one
    /// without has a group of bars per row. Free-text questions have none.
    public func charts() -> [ReportChart] {
        questions.compactMap { question -> ReportChart? in
            let series: [ReportChart.Series]
            var title = self.title(question)
            switch question.type {
            case .text: return nil
            case .matrix:
                let options = survey.question(id: question.id)?.options ?? []
                if options.contains(where: \.positive) {
                    let points = question.rows.map { row in
                        ReportChart.Point(
                            label: LocalizedText(verbatim: row.text), value: row.counts.positiveShare ?? .nan)
                    }
                    series = [ReportChart.Series(name: LocalizedText(verbatim: question.text), points: points)]
                    let positive = options.filter(\.positive).map(\.text)
                    title =
                        title
                        + LocalizedText(
                            zh: "：各行肯定比例（" + positive.joined(separator: "、") + "）",
                            en: ": positive share by row (" + positive.joined(separator: ", ") + ")")
                } else {
                    series = question.rows.map { row in
                        ReportChart.Series(name: LocalizedText(verbatim: row.text), points: points(row.counts))
                    }
                }
            case .single, .scale, .multiple:
                series = [
                    ReportChart.Series(name: LocalizedText(verbatim: question.text), points: points(question.counts))
                ]
            }
            return ReportChart(
                id: "frequencies-\(survey.id)-\(question.id)", title: title, kind: .bars, series: series,
                format: .percent(1))
        }
    }

    /// Sentences under the section: who was counted, and what shares mean.
    public func notes() -> [LocalizedText] {
        var notes = [
            LocalizedText(
                zh: "数据行 \(rows)，有效 \(used)，剔除 \(excluded)" + (skipped > 0 ? "，跳过 \(skipped)" : "")
                    + "（筛查同满意度）。比例 = 选该项人数 / 本题作答人数。",
                en: "Rows \(rows), used \(used), excluded \(excluded)" + (skipped > 0 ? ", skipped \(skipped)" : "")
                    + " (screened as for satisfaction). "
                    + "Share = respondents choosing the option / respondents answering the question.")
        ]
        notes += caveats
        if let otherTextsNote { notes.append(otherTextsNote) }
        if listsAnswers {
            notes.append(
                LocalizedText(
                    zh: "含填空题的原始回答（--answers），属个人信息，请勿外传。",
                    en: "Free-text answers are listed (--answers): they are personal data; do not pass them on."))
        }
        return notes
    }

    /// Why the typed "other" texts are not counted, when an export was downloaded without them.
    var otherTextsNote: LocalizedText? {
        guard !otherTextsKnown else { return nil }
        return LocalizedText(
            zh: "按选项序号或按分数下载的文件不含“其他”选项的填写内容，其他填写数未知。",
            en: "Option-number and score downloads do not keep the texts typed for \"other\": "
                + "their count is unknown.")
    }

    // MARK: - One question

    func title(_ question: QuestionFrequencies) -> LocalizedText {
        LocalizedText(
            zh: "\(question.number). \(question.text)（\(question.type.label.zh)）",
            en: "\(question.number). \(question.text) (\(question.type.label.en))") + partialSuffix
    }

    /// `——部分结果` after every title of a partial result.
    var partialSuffix: LocalizedText {
        partial ? LocalizedText(zh: "——部分结果", en: " — partial") : LocalizedText(verbatim: "")
    }

    private func points(_ counts: FrequencyCounts) -> [ReportChart.Point] {
        counts.options.map { ReportChart.Point(label: LocalizedText(verbatim: $0.text), value: $0.share ?? 0) }
    }

    static let optionColumn = ReportColumn(key: "option", label: LocalizedText(zh: "选项", en: "Option"))
    static let countColumn = ReportColumn(key: "count", label: LocalizedText(zh: "人数", en: "Count"), format: .integer)
    static let shareColumn = ReportColumn(
        key: "share", label: LocalizedText(zh: "比例", en: "Share"), format: .percent(1))
    static let otherColumn = ReportColumn(
        key: "other_texts", label: LocalizedText(zh: "其中填写“其他”", en: "Typed \"other\""), format: .integer)

    /// The question's own table: each option, then answered, skipped and (when any) invalid answers.
    func table(_ question: QuestionFrequencies) -> ReportTable {
        let id = "frequencies-\(survey.id)-\(question.id)"
        switch question.type {
        case .text:
            return ReportTable(
                id: id, title: title(question),
                columns: [
                    ReportColumn(key: "item", label: LocalizedText(zh: "项目", en: "Item")), Self.countColumn,
                ],
                rows: totalRows(question.counts, columns: 2), notes: countNotes(question.counts, question: question))
        case .matrix:
            return matrixTable(question, id: id)
        case .single, .scale, .multiple:
            let showOther = question.counts.otherTexts.map { $0 > 0 } ?? false
            var columns = [Self.optionColumn, Self.countColumn, Self.shareColumn]
            if showOther { columns.append(Self.otherColumn) }
            var rows = question.counts.options.map { option -> [ReportCell] in
                var row: [ReportCell] = [.text(option.text), .integer(option.count), .number(option.share)]
                if showOther { row.append(option.otherTexts.map(ReportCell.integer) ?? .empty) }
                return row
            }
            rows += totalRows(question.counts, columns: columns.count)
            return ReportTable(
                id: id, title: title(question), columns: columns, rows: rows,
                notes: countNotes(question.counts, question: question))
        }
    }

    /// 本题作答 / 跳过或未答 / 无效回答 / 文件中无此题, as rows under the options (count in column 2).
    private func totalRows(_ counts: FrequencyCounts, columns: Int) -> [[ReportCell]] {
        func row(_ zh: String, _ en: String, _ value: Int) -> [ReportCell] {
            [.label(LocalizedText(zh: zh, en: en)), .integer(value)]
                + Array(repeating: ReportCell.empty, count: max(0, columns - 2))
        }
        var rows = [row("本题作答", "Answered", counts.answered), row("跳过或未答", "Skipped or blank", counts.skipped)]
        if counts.invalid > 0 { rows.append(row("无效回答（不是选项）", "Invalid (not an option)", counts.invalid)) }
        if counts.notInFile > 0 { rows.append(row("导出文件中无此题", "Not in the export", counts.notInFile)) }
        return rows
    }

    /// The figures that go with a table: mean ticked, positive share, mean score, other texts.
    private func countNotes(_ counts: FrequencyCounts, question: QuestionFrequencies) -> [LocalizedText] {
        var notes: [LocalizedText] = []
        if let mean = counts.meanTicked {
            let text = NumberText.fixed(mean, places: 2)
            notes.append(
                LocalizedText(
                    zh: "多选题：比例之和可超过 100%；作答者平均选 \(text) 项。",
                    en: "Multiple choice: the shares may add up past 100 %; each respondent ticked \(text) on average.")
            )
        }
        if let share = counts.positiveShare {
            notes.append(scaleNote(share: share, mean: counts.meanScore, question: question.id))
        }
        if let others = counts.otherTexts, others > 0 {
            notes.append(
                LocalizedText(
                    zh: "有 \(others) 个回答填写了“其他”内容，已计入所选选项。",
                    en: "\(others) answers typed an \"other\" text; each counts for its option."))
        }
        if question.type == .text {
            notes.append(
                LocalizedText(
                    zh: "填空题只统计非空回答数；回答原文仅在加 --answers 时列出。",
                    en: "Free text: only non-empty answers are counted; the texts are listed with --answers only."))
        }
        return notes
    }

    private func scaleNote(share: Double, mean: Double?, question id: String) -> LocalizedText {
        let options = survey.question(id: id)?.options ?? []
        let positive = options.filter(\.positive).map(\.text)
        let excluded = options.filter(\.excluded).map(\.text)
        let percent = NumberText.format(share, .percent(1))
        var zh = "肯定比例（" + positive.joined(separator: "、") + "）\(percent)"
        var en = "Positive share (" + positive.joined(separator: ", ") + ") \(percent)"
        if !excluded.isEmpty {
            zh += "，不含“" + excluded.joined(separator: "、") + "”"
            en += ", leaving out " + excluded.joined(separator: ", ")
        }
        if let mean {
            zh += "；平均分 " + NumberText.fixed(mean, places: 2)
            en += "; mean score " + NumberText.fixed(mean, places: 2)
        }
        return LocalizedText(zh: zh + "。", en: en + ".")
    }

    /// A matrix: one line per row, each option's count and share side by side.
    private func matrixTable(_ question: QuestionFrequencies, id: String) -> ReportTable {
        let options = survey.question(id: question.id)?.options ?? []
        let rated = options.contains(where: \.positive)
        var columns = [
            ReportColumn(key: "row", label: LocalizedText(zh: "行", en: "Row")),
            ReportColumn(key: "answered", label: LocalizedText(zh: "作答", en: "Answered"), format: .integer),
            ReportColumn(key: "skipped", label: LocalizedText(zh: "跳过或未答", en: "Skipped"), format: .integer),
        ]
        columns += optionColumns(options.map(\.text))
        if rated {
            columns.append(
                ReportColumn(
                    key: "positive_share", label: LocalizedText(zh: "肯定比例", en: "Positive"), format: .percent(1)))
            columns.append(
                ReportColumn(key: "mean_score", label: LocalizedText(zh: "平均分", en: "Mean score"), format: .decimal(2)))
        }
        let rows = question.rows.map { row -> [ReportCell] in
            var cells: [ReportCell] = [
                .text(row.text), .integer(row.counts.answered), .integer(row.counts.skipped),
            ]
            cells += optionCells(row.counts)
            if rated { cells += [.number(row.counts.positiveShare), .number(row.counts.meanScore)] }
            return cells
        }
        var notes = [
            LocalizedText(
                zh: "本题作答 \(question.counts.answered) 人（至少答了一行），跳过或未答 \(question.counts.skipped) 人。",
                en: "\(question.counts.answered) respondents answered at least one row; "
                    + "\(question.counts.skipped) skipped.")
        ]
        if rated, let first = options.first(where: \.excluded) {
            notes.append(
                LocalizedText(
                    zh: "肯定比例与平均分不含“\(first.text)”。", en: "The positive share and mean score leave out \(first.text)."))
        }
        return ReportTable(id: id, title: title(question), columns: columns, rows: rows, notes: notes)
    }

    /// A count and a share column per option.
    private func optionColumns(_ options: [String]) -> [ReportColumn] {
        options.enumerated().flatMap { index, text in
            [
                ReportColumn(key: "count_\(index + 1)", label: LocalizedText(verbatim: text), format: .integer),
                ReportColumn(key: "share_\(index + 1)", label: LocalizedText(verbatim: "%"), format: .percent(1)),
            ]
        }
    }

    private func optionCells(_ counts: FrequencyCounts) -> [ReportCell] {
        counts.options.flatMap { [ReportCell.integer($0.count), .number($0.share)] }
    }

    // MARK: - Cross-tabs

    /// The cross-tab of a question (of each row of a matrix): one line per group, with shares within
    /// the group, and the χ² test under it.
    func crossTabs(_ question: QuestionFrequencies) -> [ReportTable] {
        // The question that makes the groups is not crossed with itself (its χ² would be meaningless).
        guard let by, question.id != breakdownQuestionID else { return [] }
        switch question.type {
        case .text:
            return [crossTab(question, by: by, rowText: nil, groups: question.groups, test: nil)]
        case .matrix:
            return question.rows.map { row in
                crossTab(question, by: by, rowText: row.text, groups: row.groups, test: row.test)
            }
        case .single, .scale, .multiple:
            return [crossTab(question, by: by, rowText: nil, groups: question.groups, test: question.test)]
        }
    }

    private func crossTab(
        _ question: QuestionFrequencies, by: FrequencyBreakdown, rowText: String?, groups: [GroupFrequencies],
        test: CrossTabTest?
    ) -> ReportTable {
        let byLabel = by.label(in: survey)
        let source = survey.question(id: question.id)
        let options = question.type == .text ? [] : (source?.options.map(\.text) ?? [])
        let rated = source?.options.contains(where: \.positive) ?? false
        var columns = [
            ReportColumn(key: "group", label: byLabel),
            ReportColumn(key: "answered", label: LocalizedText(zh: "作答", en: "Answered"), format: .integer),
        ]
        columns += optionColumns(options)
        if rated {
            columns.append(
                ReportColumn(
                    key: "positive_share", label: LocalizedText(zh: "肯定比例", en: "Positive"), format: .percent(1)))
        }
        let rows = groups.map { group -> [ReportCell] in
            var cells: [ReportCell] = [.text(group.key), .integer(group.counts.answered)]
            cells += optionCells(group.counts)
            if rated { cells.append(.number(group.counts.positiveShare)) }
            return cells
        }
        let suffix = rowText.map { "—\($0)" } ?? ""
        let title =
            LocalizedText(
                zh: "\(question.number). \(question.text)\(suffix)：按\(byLabel.zh)交叉",
                en: "\(question.number). \(question.text)\(suffix) by \(byLabel.en)") + partialSuffix
        let idSuffix = rowText.flatMap { text in question.rows.first { $0.text == text }?.id }.map { "-\($0)" } ?? ""
        return ReportTable(
            id: "frequencies-\(survey.id)-\(question.id)\(idSuffix)-by-\(by.argument)", title: title, columns: columns,
            rows: rows, notes: test.map { [Self.testNote($0)] } ?? [])
    }

    /// The χ² test in a sentence.
    static func testNote(_ test: CrossTabTest) -> LocalizedText {
        switch test {
        case .notApplicable:
            return LocalizedText(
                zh: "多选题不做 χ² 检验（一人可选多项，各格不独立）。",
                en: "No χ² test for a multiple choice (one respondent may tick several options).")
        case .undefined(.empty):
            return LocalizedText(zh: "无作答，不做 χ² 检验。", en: "No answers: no χ² test.")
        case .undefined(.noDegreesOfFreedom):
            return LocalizedText(
                zh: "只有一组或只有一个选项有人选，不做 χ² 检验（自由度为 0）。",
                en: "One group, or one option chosen: no χ² test (df = 0).")
        case .tested(let result):
            let statistic = NumberText.fixed(result.statistic, places: 2)
            let p = result.pValue < 0.001 ? "< 0.001" : "= " + NumberText.fixed(result.pValue, places: 3)
            var zh = "χ² 独立性检验：χ² = \(statistic)，自由度 \(result.degreesOfFreedom)，p \(p)（未填分组不计）。"
            var en =
                "χ² test of independence: χ² = \(statistic), df = \(result.degreesOfFreedom), p \(p) "
                + "(respondents without a group left out)."
            if result.isFlagged {
                zh += "注意：\(result.smallExpectedCells) 个格的期望频数小于 5，p 值仅供参考。"
                en +=
                    " Caution: \(result.smallExpectedCells) cells have an expected count under 5; the p-value is approximate."
            }
            return LocalizedText(zh: zh, en: en)
        }
    }

    // MARK: - Free-text answers and the long table

    /// The free-text answers of every text question, when they were kept (`--answers`).
    public func answersTables() -> [ReportTable] {
        questions.compactMap { question in question.answers.map { answersTable(question, $0) } }
    }

    private func answersTable(_ question: QuestionFrequencies, _ answers: [TextAnswer]) -> ReportTable {
        ReportTable(
            id: "frequencies-\(survey.id)-\(question.id)-answers",
            title: LocalizedText(
                zh: "\(question.number). \(question.text)：回答原文", en: "\(question.number). \(question.text): answers"),
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
    /// responses). Free-text questions have one line with their count.
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
        // A partial result says so on every line: CSV keeps rows, not titles or notes.
        if partial { columns.append(ReportColumn(key: "note", label: LocalizedText(zh: "备注", en: "Note"))) }
        let note = ReportCell(.text(LocalizedText(zh: "部分结果", en: "partial")), fails: true)
        var rows: [[ReportCell]] = []
        for question in questions {
            let head: [ReportCell] = [
                .integer(question.number), .text(question.text),
                .label(question.type.label),
            ]
            func add(_ row: String?, _ group: String?, _ counts: FrequencyCounts) {
                var prefix = head + [row.map(ReportCell.text) ?? .empty]
                if by != nil { prefix.append(group.map(ReportCell.text) ?? .label(LocalizedText(zh: "全部", en: "All"))) }
                // answered + skipped + invalid + not in the export = the used responses (of the group).
                prefix += [.integer(counts.answered), .integer(counts.skipped), .integer(counts.invalid)]
                prefix.append(.integer(counts.notInFile))
                let suffix = partial ? [note] : []
                if question.type == .text {
                    rows.append(
                        prefix + [
                            .label(LocalizedText(zh: "（非空回答）", en: "(non-empty)")), .integer(counts.answered), .empty,
                        ] + suffix)
                    return
                }
                for option in counts.options {
                    rows.append(prefix + [.text(option.text), .integer(option.count), .number(option.share)] + suffix)
                }
            }
            if question.type == .matrix {
                for row in question.rows {
                    add(row.text, nil, row.counts)
                    for group in row.groups { add(row.text, group.key, group.counts) }
                }
            } else {
                add(nil, nil, question.counts)
                for group in question.groups { add(nil, group.key, group.counts) }
            }
        }
        return ReportTable(
            id: "frequencies-\(survey.id)",
            title: LocalizedText(zh: "逐题统计：\(survey.title.zh)", en: "Frequencies: \(survey.title.en)")
                + partialSuffix,
            columns: columns, rows: rows, notes: notes())
    }
}
