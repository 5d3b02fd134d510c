public import JunhengCore
import JunhengPlan
import JunhengReports

/// The short terminal summary of a county evaluation, in the language of the run: every requirement of
/// the plan and every 社会认可度 bar with its figure and status, the counts of all the plan's requirements,
/// the current stage and the 问责 list, the sheet's contradictions and problems, what could not be
/// computed, the files not used, and the files written.
public struct CountySummaryText: Sendable {
    public var language: Language

    public init(language: Language = .zh) {
        self.language = language
    }

    func t(_ zh: String, _ en: String) -> String { LocalizedText(zh: zh, en: en).text(language) }

    public func render(_ evaluation: CountyEvaluation, written: [String]) -> String {
        let plan = evaluation.plan
        var out = evaluation.document.title.text(language) + "\n\n"
        out += SummaryRenderer(language: language).render(evaluation.bars)
        out += "\n" + t("附件2 ", "Annex 2: ") + plan.countsSentence.text(language) + t("。", ".") + "\n"
        let recognition = evaluation.bars.filter { $0.area.zh == CountyEvaluation.satisfactionArea.zh }
        if !recognition.isEmpty {
            let met = recognition.filter { $0.passes == true }.count
            let failed = recognition.filter { $0.passes == false }.count
            out +=
                t(
                    "社会认可度 \(recognition.count) 项：达标 \(met) 项，未达标 \(failed) 项。",
                    "Social recognition, \(recognition.count) bars: \(met) met, \(failed) failed.") + "\n"
        }
        out += accountability(plan)
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

    /// The stage and the 问责 list of 附件3: the open requirements' codes by status.
    func accountability(_ plan: PlanAssessment) -> String {
        var out = "\n"
        if let position = plan.position { out += position.sentence.text(language) + "\n" }
        let open = plan.open
        guard !open.isEmpty else {
            return out + t("附件2 各项要求均已达标。", "Every requirement of Annex 2 is met.") + "\n"
        }
        out +=
            t(
                "问责清单（附件3）：仍有 \(open.count) 项未达标、待核实或无数据：",
                "Accountability list (Annex 3): \(open.count) requirements still failed, pending or without data:")
            + "\n"
        let separator = language == .zh ? "、" : ", "
        for status in [RequirementStatus.failed, .pending, .noData] {
            let codes = open.filter { $0.status == status }.map(\.code)
            guard !codes.isEmpty else { continue }
            let label = status.label.text(language) + (language == .zh ? "：" : ": ")
            for line in TextWrap.lines(label + codes.joined(separator: separator), width: 114) {
                out += "  " + line + "\n"
            }
        }
        out += t("各责任单位的情况见 junheng units。", "Per responsible unit: junheng units.") + "\n"
        return out
    }
}
