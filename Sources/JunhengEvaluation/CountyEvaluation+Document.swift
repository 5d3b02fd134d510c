public import JunhengCore
public import JunhengPlan
import JunhengQuestionnaire
import JunhengReports
import JunhengResources

extension CountyEvaluation {
    /// `蒙城县义务教育优质均衡发展评估报告（2024年）`: the county from the plan, then the year.
    static func title(_ plan: CountyPlan, year: Int?) -> LocalizedText {
        let county = plan.county ?? LocalizedText(zh: "县域", en: "County")
        return LocalizedText(
            zh: "\(county.zh)义务教育优质均衡发展评估报告" + (year.map { "（\($0)年）" } ?? ""),
            en: "\(county.en): evaluation of high-quality balanced compulsory education"
                + (year.map { ", \($0)" } ?? ""))
    }

    /// The lines under the title: the plan and who issued it, the date on the timeline, the counts of the
    /// plan's requirements and the rule they are judged by, the national acceptance verdict, the registry
    /// check, and what the report leaves out.
    static func subtitle(_ assessment: PlanAssessment, resources: ResourceReport?, names: CountyNames)
        -> [LocalizedText]
    {
        let plan = assessment.plan
        var issued = LocalizedText(zh: "依据：", en: "Under: ")
        if let issuer = plan.issuer { issued = issued + issuer + LocalizedText(zh: " ", en: ", ") }
        if let document = plan.document { issued = issued + LocalizedText(verbatim: document + " ") }
        issued = issued + LocalizedText(zh: "《", en: "“") + plan.title + LocalizedText(zh: "》", en: "”")
        var lines = [issued]
        if let position = assessment.position { lines.append(position.sentence) }
        lines.append(countsLine(assessment) + LocalizedText(zh: "。", en: "."))
        lines.append(acceptanceSentence(resources, rule: plan.acceptance ?? .national))
        lines.append(names.summary)
        lines.append(
            LocalizedText(
                zh: "报告只列汇总数字，不含答卷原文、IP 地址或填写内容；数据文件、数据问题及其位置见最后一节“数据来源与数据问题”。",
                en:
                    "The report shows aggregates only: no answer rows, IP addresses or free text. The data files, their problems and their places are in the last section, Data sources and problems."
            ))
        return lines
    }

    /// `县级方案附件2 共 50 项（按县级方案判定，C1–C14 为每校达到）：达标 22 项，…`: the count line, naming its
    /// rule.
    public static func countsLine(_ assessment: PlanAssessment) -> LocalizedText {
        LocalizedText(zh: "县级方案附件2 ", en: "The plan's 附件2: ")
            + assessment.countsSentence(
                rule: LocalizedText(
                    zh: "按县级方案判定，C1–C14 为每校达到", en: "judged by the plan, C1–C14 with every school at the standard"))
    }

    /// A satisfaction or 逐题统计 section with short, distinct workbook sheet names: the questionnaire's
    /// short name (the 卷 in its title's brackets, else its id) and what the table holds.
    static func named(_ section: ReportSection, _ survey: Questionnaire, frequencies: Bool = false) -> ReportSection {
        var section = section
        let short = shortName(survey)
        if frequencies {
            section.sheetName = LocalizedText(zh: "逐题统计-", en: "Questions-") + short
            return section
        }
        for index in section.tables.indices {
            let id = section.tables[index].id
            let what: LocalizedText =
                if id.hasSuffix("-township") {
                    LocalizedText(zh: "按乡镇", en: "by township")
                } else if id.hasSuffix("-group") {
                    LocalizedText(zh: "按对象", en: "by group")
                } else if id.hasSuffix("-school") {
                    LocalizedText(zh: "按学校", en: "by school")
                } else if id.hasSuffix("-item") {
                    LocalizedText(zh: "按题目", en: "by item")
                } else if id.hasSuffix("-dimension") {
                    LocalizedText(zh: "按维度", en: "by dimension")
                } else if id.hasSuffix("-grade") {
                    LocalizedText(zh: "按年级", en: "by grade")
                } else if id.hasSuffix("screening") {
                    LocalizedText(zh: "剔除", en: "screened out")
                } else {
                    section.tables[index].title
                }
            section.tables[index].sheetName =
                LocalizedText(zh: "满意度-", en: "Satisfaction-") + short
                + LocalizedText(zh: "-", en: " ") + what
        }
        return section
    }

    /// `社会公众卷` from `…调查问卷（社会公众卷）`; the questionnaire's id when its title has no bracket.
    static func shortName(_ survey: Questionnaire) -> LocalizedText {
        func inside(_ title: String) -> String? {
            guard let open = title.lastIndex(where: { $0 == "（" || $0 == "(" }),
                let close = title.lastIndex(where: { $0 == "）" || $0 == ")" }), open < close
            else { return nil }
            let text = String(title[title.index(after: open)..<close])
            return text.isEmpty || text.count > 12 ? nil : text
        }
        return LocalizedText(zh: inside(survey.title.zh) ?? survey.id, en: inside(survey.title.en) ?? survey.id)
    }
}
