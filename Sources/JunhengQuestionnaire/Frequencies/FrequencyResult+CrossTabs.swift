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
}
