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
        if let document = plan.document {
            issued = issued + LocalizedText.name(document) + LocalizedText(verbatim: " ")
        }
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
        LocalizedText(zh: "县级方案附件2 ", en: "The plan's Annex 2: ")
            + assessment.countsSentence(
                rule: LocalizedText(
                    zh: "按县级方案判定，C1–C14 为每校达到", en: "judged by the plan, C1–C14 with every school at the standard"))
    }

    /// A satisfaction or 逐题统计 section with short, distinct workbook sheet names: the questionnaire's
    /// short name (the 卷 in its title's brackets, else its id) and what the table holds.
    static func named(_ section: ReportSection, _ survey: Questionnaire, frequencies: Bool = false) -> ReportSection {
        var section = section
        let short = shortName(survey)
        if !section.bars.isEmpty {
            section.countsLabel =
                LocalizedText(zh: "社会认可度·\(short.zh)（", en: "Social recognition, \(short.en) (")
                + Citation.nationalMeasures
                + LocalizedText(zh: "：满意度 ≥ 85%，一票否决）", en: ": satisfaction ≥ 85 %, a veto)")
        }
        if frequencies {
            section.sheetName = LocalizedText(zh: "逐题统计-", en: "Questions-") + short
            return section
        }
        for index in section.tables.indices {
            let id = section.tables[index].id
            let what: LocalizedText =
                if id.hasSuffix("-by-year") {
                    LocalizedText(zh: "历年", en: "by year")
                } else if id.hasSuffix("-township") {
                    LocalizedText(zh: "按乡镇", en: "township")
                } else if id.hasSuffix("-group") {
                    LocalizedText(zh: "按对象", en: "group")
                } else if id.hasSuffix("-school") {
                    LocalizedText(zh: "按学校", en: "school")
                } else if id.hasSuffix("-item") {
                    LocalizedText(zh: "按题目", en: "item")
                } else if id.hasSuffix("-dimension") {
                    LocalizedText(zh: "按维度", en: "dimension")
                } else if id.hasSuffix("-grade") {
                    LocalizedText(zh: "按年级", en: "grade")
                } else if id.hasSuffix("screening") {
                    LocalizedText(zh: "剔除", en: "screened")
                } else {
                    section.tables[index].title
                }
            section.tables[index].sheetName =
                LocalizedText(zh: "满意度-", en: "Rates-") + short + LocalizedText(verbatim: "-") + what
        }
        return section
    }

    /// Short workbook sheet names for the resource and monitoring tables, whose titles are longer than
    /// Excel's 31 characters in English.
    static let sheetNames: [String: LocalizedText] = [
        "resources-summary": LocalizedText(zh: "资源配置概况", en: "Resources summary"),
        "resources-balance": LocalizedText(zh: "资源配置指标与差异系数", en: "Indicators and CVs"),
        "resources-schools": LocalizedText(zh: "学校资源配置达标情况", en: "Schools and standards"),
        "resources-gaps": LocalizedText(zh: "指标缺口测算", en: "Indicator gaps"),
        "resources-funding": LocalizedText(zh: "资金缺口汇总", en: "Funding gap"),
        "resources-guarantees": LocalizedText(zh: "政府保障程度", en: "Guarantees"),
        "resources-guarantee-schools": LocalizedText(zh: "政府保障程度不达标的学校", en: "Guarantees by school"),
        "resources-excluded": LocalizedText(zh: "未计入指标的学校", en: "Schools left out"),
        "resources-warnings": LocalizedText(zh: "学校基础数据的问题", en: "Roster problems"),
        "monitoring-results": LocalizedText(zh: "质量监测结果", en: "Monitoring results"),
        "monitoring-trend-mean": LocalizedText(zh: "质量监测历年变化-平均分", en: "Monitoring by year-mean"),
        "monitoring-trend-share": LocalizedText(zh: "质量监测历年变化-Ⅲ级以上", en: "Monitoring by year-III+"),
        "monitoring-trend-icc": LocalizedText(zh: "质量监测历年变化-差异率", en: "Monitoring by year-ICC"),
        "monitoring-schools": LocalizedText(zh: "质量监测分校结果", en: "Monitoring by school"),
    ]

    /// The section with the short sheet names of ``sheetNames`` on its tables.
    static func named(_ section: ReportSection) -> ReportSection {
        var section = section
        for index in section.tables.indices {
            if let name = sheetNames[section.tables[index].id] { section.tables[index].sheetName = name }
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
