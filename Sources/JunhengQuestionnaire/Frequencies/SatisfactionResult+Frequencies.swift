import JunhengCore
public import JunhengReports

extension SatisfactionResult {
    /// The tables `junheng frequencies` prints: what was read and screened (the summary, with every
    /// caveat as a row, and the screening counts of `junheng satisfaction`), every question's table (and
    /// cross-tab, and answers with `--answers`), then the excluded rows and the answers that were not
    /// options. With `csv`, the questions are one long table (a line per option), which a spreadsheet
    /// filters better than a table per question.
    ///
    /// - Precondition: the run was asked for frequencies (``SatisfactionSettings/frequencies``).
    public func frequencyTables(csv: Bool = false) -> [ReportTable] {
        guard let frequencies else { preconditionFailure("a run asked for frequencies") }
        var tables = [frequencySummaryTable(frequencies), screeningTable()]
        tables += csv ? [frequencies.longTable()] + frequencies.answersTables() : frequencies.tables()
        if !excludedRows.isEmpty { tables.append(excludedRowsTable()) }
        if answerProblemCount > 0 { tables.append(answerProblemsTable()) }
        return tables
    }

    /// The questionnaire, each export with its download mode, rows = used + excluded + skipped, and each
    /// caveat as a row (CSV writes rows, not notes).
    func frequencySummaryTable(_ frequencies: FrequencyResult) -> ReportTable {
        func row(_ label: LocalizedText, _ value: LocalizedText, fails: Bool? = nil) -> [ReportCell] {
            [.label(label), ReportCell(.text(value), fails: fails)]
        }
        func count(_ zh: String, _ en: String, _ value: Int) -> [ReportCell] {
            row(LocalizedText(zh: zh, en: en), LocalizedText(verbatim: "\(value)"))
        }
        var rows: [[ReportCell]] = []
        if frequencies.partial {
            rows.append(row(LocalizedText(zh: "结果", en: "Result"), Self.partialLabel, fails: true))
        }
        rows.append(
            row(
                LocalizedText(zh: "问卷", en: "Questionnaire"),
                LocalizedText(zh: "\(survey.title.zh) (\(survey.id))", en: "\(survey.title.en) (\(survey.id))")))
        for file in files {
            rows.append(
                row(
                    LocalizedText(zh: "导出文件", en: "Export"),
                    LocalizedText(
                        zh: "\(file.file)：\(file.detection.mode.label.zh)，\(file.rows) 行",
                        en: "\(file.file): \(file.detection.mode.rawValue) mode, \(file.rows) rows")))
        }
        rows += [
            count("数据行", "Rows", frequencies.rows), count("有效问卷", "Used", frequencies.used),
            count("剔除问卷", "Excluded", frequencies.excluded),
        ]
        if frequencies.skipped > 0 { rows.append(count("跳过的行", "Skipped rows", frequencies.skipped)) }
        if let by = frequencies.by {
            rows.append(row(LocalizedText(zh: "交叉分组", en: "Cross-tab by"), by.label(in: survey)))
        }
        for caveat in frequencies.caveats {
            rows.append(row(LocalizedText(zh: "注意", en: "Caveat"), caveat, fails: true))
        }
        var notes = [
            LocalizedText(
                zh: "映射、下载方式判断与筛查（重复、过快、不属于调查对象"
                    + (survey.items.isEmpty ? "" : "、计分题均未作答") + "）与 junheng satisfaction 相同；"
                    + "各题只统计有效问卷。数据行 = 有效 + 剔除 + 跳过。",
                en: "Mapping, download modes and screening (duplicates, speeders, respondents outside the groups"
                    + (survey.items.isEmpty ? "" : ", no scored answer") + ") are those of junheng satisfaction; "
                    + "only used responses are counted. Rows = used + excluded + skipped.")
        ]
        if settings.keepAll {
            notes.append(LocalizedText(zh: "已用 --keep-all 关闭筛查。", en: "Screening turned off with --keep-all."))
        }
        if let note = frequencies.otherTextsNote { notes.append(note) }
        if frequencies.listsAnswers {
            notes.append(
                LocalizedText(
                    zh: "填空题的回答原文已列出（--answers）：属个人信息，请勿外传。",
                    en: "Free-text answers are listed (--answers): they are personal data; do not pass them on."))
        }
        return ReportTable(
            id: "frequencies-summary",
            title: LocalizedText(zh: "逐题统计汇总", en: "Frequencies: what was read") + frequencies.partialSuffix,
            columns: [
                ReportColumn(key: "item", label: LocalizedText(zh: "项目", en: "Item")),
                ReportColumn(key: "value", label: LocalizedText(zh: "值", en: "Value")),
            ],
            rows: rows, notes: notes)
    }
}
