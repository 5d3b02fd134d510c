import JunhengCore
public import JunhengReports

extension SatisfactionResult {
    // MARK: - Tables

    /// The tables `junheng satisfaction` prints: the summary, the `--by` table (or overall), the
    /// screening counts, every excluded row, and the answers that were not options.
    public func tables() -> [ReportTable] {
        var tables = [summaryTable()]
        if !by.isEmpty {
            tables.append(
                cellTable(id: "satisfaction-by-" + by.map(\.rawValue).joined(separator: "-"), keys: by, cells: groups))
        }
        tables.append(screeningTable())
        if !excludedRows.isEmpty { tables.append(excludedRowsTable()) }
        if answerProblemCount > 0 { tables.append(answerProblemsTable()) }
        if weighted != nil || !sampleChecks.isEmpty { tables.append(checksTable()) }
        return tables
    }

    /// A table of cells under `keys`, with an overall row at the bottom.
    public func cellTable(id: String, keys: [GroupingKey], cells: [SatisfactionCell]) -> ReportTable {
        var title = LocalizedText(
            zh: "\(survey.title.zh)：满意度（按" + keys.map(\.label.zh).joined(separator: "、") + "）",
            en: "\(survey.title.en): satisfaction by " + keys.map(\.label.en).joined(separator: ", "))
        title = title + itemsQualifier
        if partial { title = title + LocalizedText(zh: "——部分结果", en: " — partial") }
        var columns = keys.map { ReportColumn(key: $0.rawValue, label: $0.label) }
        columns += Self.rateColumns(threshold: settings.threshold)
        var rows = cells.map { cell in cell.label.map(ReportCell.label) + rateCells(cell) }
        let overallLabel =
            [ReportCell.label(LocalizedText(zh: "全部", en: "All") + itemsQualifier)]
            + Array(repeating: ReportCell.empty, count: max(0, keys.count - 1))
        rows.append(overallLabel + rateCells(overall))
        var cellNotes = [
            Self.methodNote,
            LocalizedText(
                zh: "有效答卷人少于 \(settings.minN) 的单元格标注“样本不足”，结果仅供参考。",
                en: "Cells with fewer than \(settings.minN) respondents are flagged as small samples."),
        ]
        if (cells + [overall]).contains(where: { $0.intervalMethod == .respondentWilson }) {
            cellNotes.append(Self.fallbackNote)
        }
        cellNotes += caveats
        return ReportTable(id: id, title: title, columns: columns, rows: rows, notes: cellNotes)
    }

    static func rateColumns(threshold: Double) -> [ReportColumn] {
        let bar = NumberText.format(threshold, .percent(0))
        return [
            ReportColumn(key: "respondents", label: LocalizedText(zh: "有效答卷人", en: "Respondents"), format: .integer),
            ReportColumn(key: "answered", label: LocalizedText(zh: "有效回答", en: "Answered"), format: .integer),
            ReportColumn(key: "positive", label: LocalizedText(zh: "肯定回答", en: "Positive"), format: .integer),
            ReportColumn(key: "rate", label: LocalizedText(zh: "满意度", en: "Rate"), format: .percent(1)),
            ReportColumn(key: "ci_low", label: LocalizedText(zh: "95%下限", en: "95% low"), format: .percent(1)),
            ReportColumn(key: "ci_high", label: LocalizedText(zh: "95%上限", en: "95% high"), format: .percent(1)),
            ReportColumn(key: "meets", label: LocalizedText(zh: "≥\(bar)", en: "≥ \(bar)")),
            ReportColumn(key: "flag", label: LocalizedText(zh: "备注", en: "Note")),
        ]
    }

    func rateCells(_ cell: SatisfactionCell) -> [ReportCell] {
        let fails = cell.meetsThreshold.map { !$0 }
        return [
            .integer(cell.respondents), .integer(cell.answered), .integer(cell.positive),
            .number(cell.rate, fails: fails), .number(cell.ci95?.lowerBound), .number(cell.ci95?.upperBound),
            cell.meetsThreshold.map(ReportCell.verdict) ?? .empty,
            flagCell(cell),
        ]
    }

    /// The 备注 cell: a partial result, a small sample, and an interval by the fallback.
    func flagCell(_ cell: SatisfactionCell) -> ReportCell {
        var flags: [LocalizedText] = partial ? [Self.partialLabel] : []
        if cell.belowMinN {
            flags.append(LocalizedText(zh: "样本不足(n<\(settings.minN))", en: "small sample (n<\(settings.minN))"))
        }
        if cell.intervalMethod == .respondentWilson {
            flags.append(LocalizedText(zh: "区间按答卷人数(Wilson)", en: "interval: Wilson on respondents"))
        }
        guard !flags.isEmpty else { return .empty }
        return ReportCell(
            .text(
                LocalizedText(zh: flags.map(\.zh).joined(separator: "；"), en: flags.map(\.en).joined(separator: "; "))),
            fails: partial ? true : nil)
    }

    /// Under a table with a cell whose interval is the fallback: what it is.
    static let fallbackNote = LocalizedText(
        zh: "标“区间按答卷人数(Wilson)”的单元格，每位答卷人的肯定比例都等于该单元格的满意度（如全部满意），"
            + "以答卷人为群的区间会退化为一个点；此时改用以答卷人数为样本量的 Wilson 区间（设计效应取最保守的 m̄）。",
        en: "Where a cell says \"interval: Wilson on respondents\", every respondent is at the cell's rate (e.g. all "
            + "positive), so the respondent-clustered interval would be a single point; the Wilson interval on the "
            + "number of respondents is shown instead (the most cautious design effect, m̄).")

    func notes() -> [LocalizedText] {
        var notes = [Self.methodNote]
        if overall.intervalMethod == .respondentWilson { notes.append(Self.fallbackNote) }
        notes.append(
            LocalizedText(
                zh: "数据行 \(rows)，有效 \(used)，剔除 \(excluded)" + exclusionSummary(.zh)
                    + (skipped > 0 ? "，跳过 \(skipped)" : "") + "。",
                en: "rows \(rows), used \(used), excluded \(excluded)" + exclusionSummary(.en)
                    + (skipped > 0 ? ", skipped \(skipped)" : "") + "."))
        if settings.keepAll {
            notes.append(LocalizedText(zh: "已用 --keep-all 关闭筛查。", en: "Screening turned off with --keep-all."))
        }
        if answerProblemCount > 0 {
            notes.append(
                LocalizedText(
                    zh: "\(answerProblemCount) 个回答不是该题选项，未计入。",
                    en: "\(answerProblemCount) answers were not options and were not counted."))
        }
        return notes
    }

    func exclusionSummary(_ language: Language) -> String {
        let counts = exclusionCounts
        let parts = ExclusionReason.allCases.compactMap { reason -> String? in
            guard let count = counts[reason] else { return nil }
            return "\(reason.label.text(language)) \(count)"
        }
        guard !parts.isEmpty else { return "" }
        return language == .zh ? "（" + parts.joined(separator: "，") + "）" : " (" + parts.joined(separator: ", ") + ")"
    }

    func summaryTable() -> ReportTable {
        let columns = [
            ReportColumn(key: "item", label: LocalizedText(zh: "项目", en: "Item")),
            ReportColumn(key: "value", label: LocalizedText(zh: "值", en: "Value")),
        ]
        func row(_ zh: String, _ en: String, _ value: String, fails: Bool? = nil) -> [ReportCell] {
            [.label(LocalizedText(zh: zh, en: en)), ReportCell(.text(LocalizedText(verbatim: value)), fails: fails)]
        }
        let rowCount = self.rows
        var rows: [[ReportCell]] = []
        if partial {
            rows.append([
                .label(LocalizedText(zh: "结果", en: "Result")),
                ReportCell(.text(Self.partialLabel), fails: true),
            ])
        }
        rows += [
            [
                .label(LocalizedText(zh: "问卷", en: "Questionnaire")),
                .label(LocalizedText(zh: "\(survey.title.zh) (\(survey.id))", en: "\(survey.title.en) (\(survey.id))")),
            ]
        ]
        for file in files {
            rows.append([
                .label(LocalizedText(zh: "导出文件", en: "Export")),
                .label(
                    LocalizedText(
                        zh: "\(file.file)：\(file.detection.mode.label.zh)，\(file.rows) 行",
                        en: "\(file.file): \(file.detection.mode.rawValue) mode, \(file.rows) rows")),
            ])
        }
        rows += [
            row("数据行", "Rows", "\(rowCount)"),
            row("有效问卷", "Used", "\(used)"),
            row("剔除问卷", "Excluded", "\(excluded)"),
        ]
        if skipped > 0 { rows.append(row("跳过的行", "Skipped rows", "\(skipped)")) }
        rows += [
            [
                .label(LocalizedText(zh: "总体满意度", en: "Overall rate") + itemsQualifier),
                ReportCell(
                    .text(LocalizedText(verbatim: overall.rate.map { NumberText.format($0, .percent(1)) } ?? "—")),
                    fails: overall.meetsThreshold.map { !$0 }),
            ],
            row(
                "95%区间", "95% interval",
                overall.ci95.map {
                    NumberText.format($0.lowerBound, .percent(1)) + " – "
                        + NumberText.format($0.upperBound, .percent(1))
                } ?? "—"),
            row(
                "是否达到 \(NumberText.format(settings.threshold, .percent(0)))",
                "Meets \(NumberText.format(settings.threshold, .percent(0)))",
                "", fails: overall.meetsThreshold.map { !$0 }),
        ]
        rows[rows.count - 1][1] = overall.meetsThreshold.map(ReportCell.verdict) ?? .text("—")
        // Each caveat as a row too: CSV writes rows, not notes.
        for caveat in caveats {
            rows.append([.label(LocalizedText(zh: "注意", en: "Caveat")), ReportCell(.text(caveat), fails: true)])
        }
        return ReportTable(
            id: "satisfaction-summary", title: LocalizedText(zh: "社会认可度调查汇总", en: "Social recognition survey summary"),
            columns: columns, rows: rows, notes: notes())
    }

    func screeningTable() -> ReportTable {
        let counts = exclusionCounts
        let notRun = Set(screens.filter(\.couldNotRun).map(\.screen))
        // The same-submission screen runs only when several exports are read together.
        let submissionsScreened = screens.contains { $0.screen == .submission } || counts[.sameSubmission] != nil
        let reasons = ExclusionReason.allCases.filter { $0 != .sameSubmission || submissionsScreened }
        var rows = reasons.map { reason in
            // A screen that could not run has no count: 0 would say it ran and found none.
            let screen: ScreenStatus.Screen? =
                switch reason {
                case .speeder: .speeder
                case .duplicate: .answersAndIP
                case .sameSubmission: .submission
                default: nil
                }
            if let screen, notRun.contains(screen), counts[reason] == nil {
                return [
                    ReportCell.label(reason.label),
                    ReportCell(.text(LocalizedText(zh: "未能筛查", en: "not screened")), fails: true),
                ]
            }
            return [ReportCell.label(reason.label), .integer(counts[reason] ?? 0)]
        }
        rows.append([.label(LocalizedText(zh: "合计", en: "Total")), .integer(excluded)])
        var notes: [LocalizedText] = []
        if let minimum = settings.minSeconds, !notRun.contains(.speeder) {
            notes.append(LocalizedText(zh: "用时下限 \(minimum) 秒。", en: "Minimum time \(minimum) s."))
        }
        notes += screens.compactMap(\.caveat)
        if settings.keepAll { notes.append(LocalizedText(zh: "筛查已关闭（--keep-all）。", en: "Screening off (--keep-all).")) }
        return ReportTable(
            id: "satisfaction-screening", title: LocalizedText(zh: "剔除问卷统计", en: "Excluded responses"),
            columns: [
                ReportColumn(key: "reason", label: LocalizedText(zh: "原因", en: "Reason")),
                ReportColumn(key: "count", label: LocalizedText(zh: "份数", en: "Count"), format: .integer),
            ], rows: rows, notes: notes)
    }

    func excludedRowsTable() -> ReportTable {
        ReportTable(
            id: "satisfaction-excluded-rows", title: LocalizedText(zh: "剔除问卷明细", en: "Excluded rows"),
            columns: [
                ReportColumn(key: "file", label: LocalizedText(zh: "文件", en: "File")),
                ReportColumn(key: "line", label: LocalizedText(zh: "行", en: "Line"), format: .integer),
                ReportColumn(key: "reason", label: LocalizedText(zh: "原因", en: "Reason")),
                ReportColumn(key: "detail", label: LocalizedText(zh: "说明", en: "Detail")),
            ],
            rows: excludedRows.map { row in
                [
                    .text(row.file), .integer(row.line), .label(row.reason.label),
                    .label(row.detail),
                ]
            })
    }

    func answerProblemsTable() -> ReportTable {
        var notes: [LocalizedText] = []
        if answerProblemCount > answerProblems.count {
            notes.append(
                LocalizedText(
                    zh: "仅列出前 \(answerProblems.count) 个，共 \(answerProblemCount) 个。",
                    en: "First \(answerProblems.count) of \(answerProblemCount) shown."))
        }
        return ReportTable(
            id: "satisfaction-answer-problems",
            title: LocalizedText(zh: "无效回答（不是该题选项，未计入）", en: "Answers that are not options (not counted)"),
            columns: [
                ReportColumn(key: "file", label: LocalizedText(zh: "文件", en: "File")),
                ReportColumn(key: "line", label: LocalizedText(zh: "行", en: "Line"), format: .integer),
                ReportColumn(key: "column", label: LocalizedText(zh: "列", en: "Column"), format: .integer),
                ReportColumn(key: "question", label: LocalizedText(zh: "题目", en: "Question")),
                ReportColumn(key: "value", label: LocalizedText(zh: "回答", en: "Value")),
            ],
            rows: answerProblems.map { p in
                [.text(p.file), .integer(p.line), .integer(p.column), .text(p.question), .text(p.value)]
            },
            notes: notes)
    }

    func checksTable() -> ReportTable {
        var rows: [[ReportCell]] = []
        for check in sampleChecks {
            switch check.kind {
            case .parentShare:
                rows.append([
                    .label(LocalizedText(zh: "家长占比", en: "Parents' share")),
                    .text(NumberText.format(check.value, .percent(1))),
                    .text("≥ " + NumberText.format(check.required, .percent(0))), .verdict(check.passes),
                ])
            case .sampleSize:
                rows.append([
                    .label(LocalizedText(zh: "样本量（常住人口 1.5‰）", en: "Sample size (1.5 ‰ of population)")),
                    .text(NumberText.format(check.value, .integer)),
                    .text("≥ " + NumberText.format(check.required, .integer)),
                    .verdict(check.passes),
                ])
            }
        }
        var notes: [LocalizedText] = []
        if let weighted {
            let weights = weighted.weights.keys.sorted().map { "\($0)=\(NumberText.plain(weighted.weights[$0]!))" }
            rows.append([
                .label(LocalizedText(zh: "加权满意度（按调查对象加权）", en: "Weighted rate (by group)")),
                .text(weighted.rate.map { NumberText.format($0, .percent(1)) } ?? "—"),
                .text("≥ " + NumberText.format(settings.threshold, .percent(0))),
                weighted.meetsThreshold.map(ReportCell.verdict) ?? .empty,
            ])
            notes.append(
                LocalizedText(
                    zh: "加权满意度为各调查对象满意度的加权平均（权重 \(weights.joined(separator: "，"))），不是默认的汇总满意度。",
                    en:
                        "The weighted rate is a weighted mean of group rates (weights \(weights.joined(separator: ", "))), not the default pooled rate."
                ))
            notes += weighted.notes
        }
        return ReportTable(
            id: "satisfaction-checks", title: LocalizedText(zh: "抽样检查", en: "Sample checks"),
            columns: [
                ReportColumn(key: "check", label: LocalizedText(zh: "检查", en: "Check")),
                ReportColumn(key: "value", label: LocalizedText(zh: "实际", en: "Value")),
                ReportColumn(key: "required", label: LocalizedText(zh: "要求", en: "Required")),
                ReportColumn(key: "verdict", label: LocalizedText(zh: "结论", en: "Verdict")),
            ], rows: rows, notes: notes)
    }
}
