public import JunhengCore
import JunhengPlan
import JunhengRegistry
import JunhengReports

/// The short terminal summary of a county evaluation, in the language of the run: every requirement of
/// the plan and every 社会认可度 bar with its figure and status, the counts of the plan's requirements and
/// the rule they are judged by, the national acceptance verdict, the registry check, the current stage
/// and the overdue list, the sheet's contradictions and problems, what could not be computed, the files
/// not used, and the files written.
public struct CountySummaryText: Sendable {
    public var language: Language

    public init(language: Language = .zh) {
        self.language = language
    }

    func t(_ zh: String, _ en: String) -> String { LocalizedText(zh: zh, en: en).text(language) }

    public func render(_ evaluation: CountyEvaluation, written: [String]) -> String {
        let plan = evaluation.plan
        var out = evaluation.document.title.text(language) + "\n"
        out += evaluation.document.subtitle.first.map { $0.text(language) + "\n" } ?? ""
        out += "\n" + SummaryRenderer(language: language).render(evaluation.bars)
        out += "\n" + CountyEvaluation.countsLine(plan).text(language) + t("。", ".") + "\n"
        out +=
            CountyEvaluation.acceptanceSentence(evaluation.resources, rule: plan.plan.acceptance ?? .national)
            .text(language) + "\n"
        let recognition = evaluation.bars.filter { $0.area.zh == CountyEvaluation.satisfactionArea.zh }
        if !recognition.isEmpty {
            let met = recognition.filter { $0.passes == true }.count
            let failed = recognition.filter { $0.passes == false }.count
            out +=
                t(
                    "社会认可度 \(recognition.count) 项：达标 \(met) 项，未达标 \(failed) 项。",
                    "Social recognition, \(recognition.count) bars: \(met) met, \(failed) failed.") + "\n"
        }
        out += names(evaluation.names)
        out += overdue(plan)
        if !plan.contradictions.isEmpty {
            out += "\n" + t("填报值与计算值不一致：", "The sheet against the computation:") + "\n"
            for contradiction in plan.contradictions {
                out += "  - \(contradiction.location): \(contradiction.code) \(contradiction.message.text(language))\n"
            }
        }
        if !plan.issues.isEmpty {
            out += "\n" + t("县级指标填报表中的问题：", "Problems in the indicator sheet:") + "\n"
            for issue in plan.issues { out += "  - " + issue.line(language) + "\n" }
        }
        if !evaluation.problems.isEmpty {
            out += "\n" + t("无法计算的部分：", "Not computed:") + "\n"
            for problem in evaluation.problems {
                out += "  - \(problem.area.text(language)): \(problem.message.text(language))\n"
            }
        }
        if !evaluation.folder.unplaced.isEmpty {
            out += "\n" + t("未使用的文件：", "Files not used:") + "\n"
            for file in evaluation.folder.unplaced { out += "  - \(file.path): \(file.reason.text(language))\n" }
        }
        out += "\n" + t("已写出：", "Written:") + "\n"
        for path in written { out += "  \(path)\n" }
        return out
    }

    /// The registry check: one line when every name agrees, else each name at its place.
    func names(_ names: CountyNames) -> String {
        var out = names.summary.text(language) + "\n"
        for problem in names.registryProblems { out += "  - " + problem.line(language) + "\n" }
        for finding in names.all { out += "  - " + finding.line(language) + "\n" }
        return out
    }

    /// The stage and the overdue list: each requirement past its deadline with the deadline and its
    /// units; before the first deadline, a line saying nothing is due yet.
    func overdue(_ plan: PlanAssessment) -> String {
        var out = "\n"
        guard let position = plan.position else {
            return out + t("未指定日期（--as-of），不列逾期清单。", "No date given (--as-of): no overdue list.") + "\n"
        }
        out += position.sentence.text(language) + "\n"
        let items = plan.overdue
        guard !items.isEmpty else {
            if let first = plan.firstDeadline, first.deadline >= position.asOf {
                return out
                    + t(
                        "逾期清单：空。截至 \(position.asOf) 还没有到期的要求（最早的期限：“\(first.name.zh)” \(first.deadline)）。",
                        "Overdue list: empty. Nothing is due yet as of \(position.asOf) (the first deadline: \(first.name.en), \(first.deadline))."
                    )
                    + "\n"
            }
            return out + t("逾期清单：空，没有已过期限仍未完成的要求。", "Overdue list: empty; no requirement is past its deadline.") + "\n"
        }
        out +=
            t(
                "逾期清单：\(items.count) 项已过期限仍未完成（期限见县级方案实施步骤）：",
                "Overdue list: \(items.count) requirements past their deadline (deadlines from the plan's timeline):")
            + "\n"
        for item in items {
            let line =
                "\(item.code) \(item.assessment.status.label.text(language))"
                + t("，期限 \(item.deadline)（\(item.stage.name.zh)）", ", due \(item.deadline) (\(item.stage.name.en))")
                + t("，责任单位：", "; units: ")
                + plan.plan.unitList(item.assessment.requirement.units).text(language)
            for (index, wrapped) in TextWrap.lines(line, width: 112).enumerated() {
                out += (index == 0 ? "  " : "    ") + wrapped + "\n"
            }
        }
        return out
    }
}
