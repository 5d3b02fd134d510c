import JunhengCore
import JunhengReports
import JunhengStatistics

/// The cross-tabs (交叉分析, `--by`) in the report model: a question's answers per group, with shares
/// within the group, and the χ² test of independence under it.
extension FrequencyResult {

    /// The cross-tab of a question (of each row of a matrix): one line per group, with shares within
    /// the group, and the χ² test under it.
    func crossTabs(_ question: QuestionFrequencies) -> [ReportTable] {
        // The question that makes the groups is not crossed with itself (its χ² would be meaningless).
        guard let by, question.id != breakdownQuestionID else { return [] }
        switch question.type {
        case .text:
            return [crossTab(question, by: by, row: nil, groups: question.groups, test: nil)]
        case .matrix:
            return question.rows.map { row in
                crossTab(question, by: by, row: row, groups: row.groups, test: row.test)
            }
        case .single, .scale, .multiple:
            return [crossTab(question, by: by, row: nil, groups: question.groups, test: question.test)]
        }
    }

    private func crossTab(
        _ question: QuestionFrequencies, by: FrequencyBreakdown, row: MatrixRowFrequencies?,
        groups: [GroupFrequencies], test: CrossTabTest?
    ) -> ReportTable {
        let byLabel = by.label(in: survey)
        let source = survey.question(id: question.id)
        let options = question.type == .text ? [] : (source?.options.map(\.label) ?? [])
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
            var cells: [ReportCell] = [.label(groupLabel(group.key)), .integer(group.counts.answered)]
            cells += optionCells(group.counts)
            if rated { cells.append(.number(group.counts.positiveShare)) }
            return cells
        }
        let suffix = row.map { LocalizedText(verbatim: "—") + rowLabel(question, $0) } ?? LocalizedText(verbatim: "")
        let title =
            LocalizedText(verbatim: "\(question.number). ") + label(question) + suffix
            + LocalizedText(zh: "：按\(byLabel.zh)交叉", en: " by \(byLabel.en)") + partialSuffix
        let idSuffix = row.map { "-\($0.id)" } ?? ""
        return ReportTable(
            id: "frequencies-\(survey.id)-\(question.id)\(idSuffix)-by-\(by.argument)", title: title, columns: columns,
            rows: rows, notes: test.map { [Self.testNote($0)] } ?? [])
    }

    /// A p-value as the notes write it: `< 0.001`, or `= 0.123`.
    static func pText(_ p: Double) -> String {
        p < 0.001 ? "< 0.001" : "= " + NumberText.fixed(p, places: 3)
    }

    /// The χ² test in a sentence: the method, the statistic, df, p and Cramér's V; under small expected
    /// counts a caution, and for a 2 × 2 table Yates' corrected test and Fisher's exact p beside it.
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
            let p = pText(result.pValue)
            let v = NumberText.fixed(result.cramersV, places: 3)
            var zh =
                "Pearson χ² 独立性检验（未作连续性校正）：χ² = \(statistic)，自由度 \(result.degreesOfFreedom)，p \(p)；"
                + "Cramér's V = \(v)（未填分组不计）。"
            var en =
                "Pearson's χ² test of independence (no continuity correction): χ² = \(statistic), "
                + "df = \(result.degreesOfFreedom), p \(p); Cramér's V = \(v) (respondents without a group left out)."
            if result.isFlagged {
                zh += "注意：\(result.smallExpectedCells) 个格的期望频数小于 5，上述 p 值仅为近似。"
                en +=
                    " Caution: \(result.smallExpectedCells) cells have an expected count under 5; this p-value is approximate."
                if let (yates, fisher) = test.smallTableAlternatives {
                    let corrected = NumberText.fixed(yates.statistic, places: 2)
                    zh +=
                        "四格表：Yates 连续性校正 χ² = \(corrected)，p \(pText(yates.pValue))；"
                        + "Fisher 精确检验（双侧）p \(pText(fisher))。"
                    en +=
                        " For this 2 × 2 table: Yates-corrected χ² = \(corrected), p \(pText(yates.pValue)); "
                        + "Fisher's exact test (two-sided) p \(pText(fisher))."
                } else {
                    zh += "表大于 2×2，不做精确检验：可合并人数少的组或选项。"
                    en += " The table is larger than 2 × 2, so no exact test is given: merge small groups or options."
                }
            }
            return LocalizedText(zh: zh, en: en)
        }
    }
}
