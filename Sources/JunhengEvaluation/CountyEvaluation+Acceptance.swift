import JunhengCore
import JunhengPlan
import JunhengReports
import JunhengResources

extension CountyEvaluation {
    static let acceptanceArea =
        LocalizedText(zh: "A1 资源配置：国家验收（", en: "A1 resources: national acceptance (") + Citation.nationalMeasures
        + LocalizedText(zh: "）", en: ")")

    /// The national acceptance verdict of each stage, beside the plan's C1–C14: a bar per stage for the
    /// summary, and a table setting the two rules side by side with the codes each rule fails.
    static func acceptanceSection(
        resources: ResourceReport?, plan: PlanAssessment, caveat: LocalizedText?
    ) -> ReportSection {
        let rule = plan.plan.acceptance ?? .national
        let verdicts = SchoolStage.allCases.map { stage in resources?.acceptance(stage) }
        var bars: [BarCheck] = []
        var rows: [[ReportCell]] = []
        for (stage, verdict) in zip(SchoolStage.allCases, verdicts) {
            let limit = stage == .primary ? rule.primaryCVLimit : rule.juniorCVLimit
            let standard = LocalizedText(
                zh:
                    "每校 \(rule.indicatorsMet) 项达标且余项 ≥ \(NumberText.plain(rule.missedFloor * 100))%；差异系数 ≤ \(NumberText.format(limit, .decimal(2)))",
                en:
                    "each school \(rule.indicatorsMet) met and the rest ≥ \(NumberText.plain(rule.missedFloor * 100))%; CV ≤ \(NumberText.format(limit, .decimal(2)))"
            )
            let figure = verdict.map { acceptanceFigure($0) } ?? LocalizedText(verbatim: "—")
            bars.append(
                BarCheck(
                    area: acceptanceArea,
                    name: LocalizedText(
                        zh: "\(stage.rawValue)资源配置国家验收", en: "\(stage.label.en) resources, national rule"),
                    figure: figure, threshold: standard, passes: verdict?.passes,
                    undeterminedVerdict: verdict?.label ?? LocalizedText(zh: "无数据", en: "no data"),
                    responsibleUnits: []))
            let planCodes = plan.requirements.filter { assessment in
                assessment.requirement.parts.contains { part in
                    part.computation?.includesCV == true && part.computation?.resourceIndicator?.stage == stage
                }
            }
            let failing = planCodes.filter { $0.status == .failed }.map(\.code)
            rows.append([
                .label(stage.label), .integer(verdict?.schools ?? 0), .integer(verdict?.schoolsMeeting ?? 0),
                .number(
                    verdict?.cvMax, fails: verdict?.cvMax.map { $0 > limit + 1e-12 },
                    threshold: ReportThreshold(.atMost, limit)),
                .number(limit),
                ReportCell(
                    .text(verdict?.label ?? LocalizedText(zh: "无数据", en: "no data")),
                    fails: verdict?.passes.map { !$0 }),
                ReportCell(
                    .text(
                        failing.isEmpty
                            ? LocalizedText(zh: "全部达标", en: "all met")
                            : LocalizedText(
                                zh: "未达标：" + failing.joined(separator: "、"),
                                en: "failed: " + failing.joined(separator: ", "))),
                    fails: failing.isEmpty ? false : true),
            ])
        }
        var notes = [
            LocalizedText(zh: "国家验收标准（", en: "The national rule (") + rule.source
                + LocalizedText(zh: "）：“", en: "): “") + rule.text + LocalizedText(zh: "”。", en: "”."),
            LocalizedText(
                zh:
                    "县级方案附件2 的 C1–C14 按“每校达到”判定：一所学校一项指标未达到标准，该项即为未达标；国家验收允许每校一项指标在标准的 \(NumberText.plain(rule.missedFloor * 100))% 以上。两种判定因此可能不同，各自注明。",
                en:
                    "The plan's C1–C14 are judged as every school at the standard: one school below it fails the requirement; the national rule lets each school miss one indicator by up to \(NumberText.plain(100 - rule.missedFloor * 100))%. The two verdicts can therefore differ, and each is named."
            ),
        ]
        if let caveat { notes.append(caveat) }
        let table = ReportTable(
            id: "acceptance",
            title: LocalizedText(zh: "资源配置的两种判定", en: "Resources under the two rules"),
            columns: [
                ReportColumn(key: "stage", label: LocalizedText(zh: "学段", en: "Stage")),
                ReportColumn(key: "schools", label: LocalizedText(zh: "计入学校", en: "Schools"), format: .integer),
                ReportColumn(
                    key: "schools_meeting",
                    label: LocalizedText(
                        zh: "\(rule.indicatorsMet) 项达标且余项 ≥ \(NumberText.plain(rule.missedFloor * 100))% 的学校",
                        en: "Schools meeting the school rule"), format: .integer),
                ReportColumn(key: "cv_max", label: LocalizedText(zh: "最大差异系数", en: "Largest CV"), format: .decimal(3)),
                ReportColumn(key: "cv_limit", label: LocalizedText(zh: "上限", en: "Limit"), format: .decimal(2)),
                ReportColumn(key: "status", label: LocalizedText(zh: "国家验收", en: "National rule")),
                ReportColumn(
                    key: "plan", label: LocalizedText(zh: "县级方案（每校达到）C1–C14", en: "The plan (every school), C1–C14")),
            ], rows: rows, notes: notes, sheetName: LocalizedText(zh: "两种判定", en: "Two rules"))
        var section = ReportSection(
            id: "acceptance",
            title: LocalizedText(zh: "资源配置：国家验收与县级方案", en: "Resources: the national rule and the plan"),
            bars: bars, tables: [table])
        section.countsLabel =
            LocalizedText(zh: "资源配置国家验收（", en: "Resources, national acceptance (") + rule.source
            + LocalizedText(zh: "，按学段）", en: ", by stage)")
        return section
    }

    /// `28/28 校 · 最大差异系数 0.174`.
    static func acceptanceFigure(_ verdict: AcceptanceVerdict) -> LocalizedText {
        guard verdict.schools > 0 else { return LocalizedText(verbatim: "—") }
        let cv = verdict.cvMax.map {
            NumberText.format(
                $0, .decimal(3), threshold: ReportThreshold(.atMost, verdict.cvLimit),
                fails: $0 > verdict.cvLimit + 1e-12)
        }
        return LocalizedText(
            zh: "\(verdict.schoolsMeeting)/\(verdict.schools) 校" + (cv.map { " · 最大差异系数 \($0)" } ?? ""),
            en: "\(verdict.schoolsMeeting)/\(verdict.schools) schools" + (cv.map { " · largest CV \($0)" } ?? ""))
    }

    /// One sentence for the report's first lines and the terminal: each stage's national verdict.
    static func acceptanceSentence(_ resources: ResourceReport?, rule: AcceptanceRule) -> LocalizedText {
        let parts = SchoolStage.allCases.map { stage -> LocalizedText in
            guard let verdict = resources?.acceptance(stage) else {
                return stage.label + LocalizedText(zh: "无数据", en: " no data")
            }
            return LocalizedText(zh: stage.rawValue, en: stage.label.en + " ") + verdict.label
                + LocalizedText(zh: "（", en: " (") + acceptanceFigure(verdict) + LocalizedText(zh: "）", en: ")")
        }
        return LocalizedText(zh: "国家验收（", en: "National acceptance (") + rule.source
            + LocalizedText(zh: "）：", en: "): ")
            + parts[0] + LocalizedText(zh: "；", en: "; ") + parts[1] + LocalizedText(zh: "。", en: ".")
    }
}
