public import JunhengCore
public import JunhengReports

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
                            label: rowLabel(question, row), value: row.counts.positiveShare ?? .nan)
                    }
                    series = [ReportChart.Series(name: label(question), points: points)]
                    let positive = options.filter(\.positive).map(\.label)
                    title =
                        title
                        + LocalizedText(
                            zh: "：各行肯定比例（" + positive.map(\.zh).joined(separator: "、") + "）",
                            en: ": positive share by row (" + positive.map(\.en).joined(separator: ", ") + ")")
                } else {
                    series = question.rows.map { row in
                        ReportChart.Series(name: rowLabel(question, row), points: points(question, row.counts))
                    }
                }
            case .single, .scale, .multiple:
                series = [
                    ReportChart.Series(name: label(question), points: points(question, question.counts))
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
        LocalizedText(verbatim: "\(question.number). ") + label(question)
            + LocalizedText(zh: "（\(question.type.label.zh)）", en: " (\(question.type.label.en))") + partialSuffix
    }

    /// `——部分结果` after every title of a partial result.
    var partialSuffix: LocalizedText {
        partial ? LocalizedText(zh: "——部分结果", en: " — partial") : LocalizedText(verbatim: "")
    }

    private func points(_ question: QuestionFrequencies, _ counts: FrequencyCounts) -> [ReportChart.Point] {
        counts.options.enumerated().map { index, option in
            ReportChart.Point(label: optionLabel(question, index), value: option.share ?? 0)
        }
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
            var rows = question.counts.options.enumerated().map { index, option -> [ReportCell] in
                var row: [ReportCell] = [
                    .label(optionLabel(question, index)), .integer(option.count), .number(option.share),
                ]
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
        for (option, count) in screenedOptions(of: question.id) {
            notes.append(screenedNote(question, option: option, count: count))
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
        let positive = options.filter(\.positive).map(\.label)
        let excluded = options.filter(\.excluded).map(\.label)
        let percent = NumberText.format(share, .percent(1))
        var zh = "肯定比例（" + positive.map(\.zh).joined(separator: "、") + "）\(percent)"
        var en = "Positive share (" + positive.map(\.en).joined(separator: ", ") + ") \(percent)"
        if !excluded.isEmpty {
            zh += "，不含“" + excluded.map(\.zh).joined(separator: "、") + "”"
            en += ", leaving out " + excluded.map(\.en).joined(separator: ", ")
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
        columns += optionColumns(options.map(\.label))
        if rated {
            columns.append(
                ReportColumn(
                    key: "positive_share", label: LocalizedText(zh: "肯定比例", en: "Positive"), format: .percent(1)))
            columns.append(
                ReportColumn(key: "mean_score", label: LocalizedText(zh: "平均分", en: "Mean score"), format: .decimal(2)))
        }
        let rows = question.rows.map { row -> [ReportCell] in
            var cells: [ReportCell] = [
                .label(rowLabel(question, row)), .integer(row.counts.answered), .integer(row.counts.skipped),
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
                    zh: "肯定比例与平均分不含“\(first.text)”。",
                    en: "The positive share and mean score leave out \(first.label.en)."))
        }
        return ReportTable(id: id, title: title(question), columns: columns, rows: rows, notes: notes)
    }

    /// A count and a share column per option.
    func optionColumns(_ options: [LocalizedText]) -> [ReportColumn] {
        options.enumerated().flatMap { index, text in
            [
                ReportColumn(key: "count_\(index + 1)", label: text, format: .integer),
                ReportColumn(key: "share_\(index + 1)", label: LocalizedText(verbatim: "%"), format: .percent(1)),
            ]
        }
    }

    func optionCells(_ counts: FrequencyCounts) -> [ReportCell] {
        counts.options.flatMap { [ReportCell.integer($0.count), .number($0.share)] }
    }
}
