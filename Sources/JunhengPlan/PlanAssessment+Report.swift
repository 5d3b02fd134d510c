public import JunhengCore
public import JunhengReports

/// The plan's parts of the county report: every requirement as a bar with its status, the requirement
/// table with the rule that judged it and its notes, the schools and subjects behind each failing
/// verdict, the sheet's contradictions, and the responsible units' table (督查通报). The timeline, the
/// overdue list and 附件3 are in `PlanAssessment+Timeline.swift`; the places of the sheet's problems go
/// to the report's last section (``sheetIssuesTable()``).
extension PlanAssessment {
    /// The sections, in report order: the units (督查通报) and the timeline with the overdue list first,
    /// right under the report's summary of every bar, then the requirements in detail.
    public func reportSections() -> [ReportSection] {
        [unitsSection(), timelineSection(), requirementsSection()]
    }

    // MARK: - Requirements

    /// One bar per requirement, grouped by the plan's areas (A1 资源配置 …).
    public func bars() -> [BarCheck] {
        requirements.map { assessment in
            let requirement = assessment.requirement
            return BarCheck(
                area: plan.area(of: requirement)?.label ?? LocalizedText(verbatim: requirement.area),
                name: requirement.label, figure: assessment.figure, threshold: assessment.standard,
                passes: assessment.status.passes, undeterminedVerdict: assessment.status.label,
                responsibleUnits: requirement.units.map(plan.unitLabel),
                value: assessment.parts.count == 1 ? assessment.parts[0].value : nil)
        }
    }

    static func statusCell(_ status: RequirementStatus) -> ReportCell {
        ReportCell(.text(status.label), fails: status == .failed ? true : (status == .met ? false : nil))
    }

    static func sourceLabel(_ source: PartAssessment.Source) -> LocalizedText {
        switch source {
        case .computed: LocalizedText(zh: "计算", en: "computed")
        case .sheet: LocalizedText(zh: "填报", en: "sheet")
        case .none: LocalizedText(zh: "—", en: "—")
        }
    }

    static func joined(_ texts: [LocalizedText], separator: String = " ") -> LocalizedText {
        texts.enumerated().reduce(LocalizedText(verbatim: "")) { result, item in
            result + LocalizedText(verbatim: item.offset == 0 ? "" : separator) + item.element
        }
    }

    func list(_ items: [String]) -> LocalizedText {
        LocalizedText(zh: items.joined(separator: "、"), en: items.joined(separator: ", "))
    }

    /// The rule that judged a part, with its source: `附件2 C1：每校达到；差异系数按教督〔2017〕6号`.
    /// C1–C14 are judged by the plan's reading, every school at the standard (the national acceptance
    /// rule is the report's other verdict).
    public static func rule(_ part: RequirementPart) -> LocalizedText {
        let citation = Citation.annex2(part.code)
        let scope: LocalizedText =
            switch part.scope {
            case .eachSchool: LocalizedText(zh: "：每校达到", en: ": every school")
            case .eachSubject: LocalizedText(zh: "：每科达到", en: ": every subject")
            case .county:
                part.isJudgement
                    ? LocalizedText(zh: "：结论附佐证材料", en: ": a verdict with evidence")
                    : LocalizedText(zh: "：全县数值", en: ": the county's figure")
            }
        let cv =
            part.computation?.includesCV == true
            ? LocalizedText(zh: "；差异系数上限按", en: "; the CV limit per ") + Citation.nationalMeasures
            : LocalizedText(verbatim: "")
        return citation + scope + cv
    }

    /// The 说明 of a part: where its figure comes from, the sheet's own note, and every caveat.
    func explanation(_ part: PartAssessment) -> LocalizedText {
        var notes: [LocalizedText] = []
        switch part.source {
        case .computed:
            let from =
                part.part.computation.map { [.monitoringGrade4, .monitoringGrade8].contains($0) } == true
                ? LocalizedText(zh: "由质量监测结果计算", en: "computed from the monitoring results")
                : LocalizedText(zh: "由学校基础数据计算", en: "computed from the school roster")
            notes.append(from + LocalizedText(zh: "。", en: "."))
        case .sheet:
            notes.append(LocalizedText(zh: "县级指标填报表填报。", en: "Given in the county indicator sheet."))
        case .none:
            notes.append(
                LocalizedText(zh: "填报表中没有这一项。", en: "The indicator sheet does not give it."))
        }
        if let note = part.sheetNote {
            notes.append(LocalizedText(zh: "填报说明：\(note)", en: "Sheet note: \(ProperName.mark(note))"))
        }
        return Self.joined(notes + part.notes)
    }

    /// Responsible units as a list, each in its English name where the plan gives one.
    func unitList(_ units: [String]) -> LocalizedText { plan.unitList(units) }

    func requirementsSection() -> ReportSection {
        var rows: [[ReportCell]] = []
        for assessment in requirements {
            for part in assessment.parts {
                rows.append([
                    .text(part.part.code),
                    .label(assessment.parts.count > 1 ? part.part.text : assessment.requirement.title),
                    .label(Self.sourceLabel(part.source)),
                    ReportCell(.text(part.figure), fails: part.status == .failed ? true : nil),
                    .label(part.standard), .label(Self.rule(part.part)), Self.statusCell(part.status),
                    .label(unitList(assessment.requirement.units)), .label(explanation(part)),
                ])
            }
        }
        var tables = [
            ReportTable(
                id: "plan-requirements", title: LocalizedText(zh: "各项要求的状态", en: "Every requirement and its status"),
                columns: [
                    ReportColumn(key: "code", label: LocalizedText(zh: "代码", en: "Code")),
                    ReportColumn(key: "requirement", label: LocalizedText(zh: "要求", en: "Requirement")),
                    ReportColumn(key: "source", label: LocalizedText(zh: "来源", en: "Source")),
                    ReportColumn(key: "figure", label: LocalizedText(zh: "数值", en: "Figure")),
                    ReportColumn(key: "standard", label: LocalizedText(zh: "标准", en: "Standard")),
                    ReportColumn(key: "rule", label: LocalizedText(zh: "判定依据", en: "Judged by")),
                    ReportColumn(key: "status", label: LocalizedText(zh: "状态", en: "Status")),
                    ReportColumn(key: "units", label: LocalizedText(zh: "责任单位", en: "Responsible units")),
                    ReportColumn(key: "notes", label: LocalizedText(zh: "说明", en: "Notes")),
                ], rows: rows,
                notes: [
                    LocalizedText(
                        zh: "来源：计算 = 由学校基础数据或质量监测结果算出；填报 = 县级指标填报表。“每校达到”的要求以最差学校的数值比较。",
                        en:
                            "Source: computed = from the school roster or the monitoring results; sheet = the county indicator sheet. A requirement every school must meet is compared at its worst school."
                    )
                ], sheetName: LocalizedText(zh: "各项要求", en: "Requirements"))
        ]
        let findings = requirements.flatMap { assessment in
            assessment.parts.flatMap { part in part.findings.map { (part.part.code, $0) } }
        }
        if !findings.isEmpty {
            tables.append(
                ReportTable(
                    id: "plan-findings",
                    title: LocalizedText(
                        zh: "未达标或无法判定的学校与学科", en: "Schools and subjects that miss or cannot be decided"),
                    columns: [
                        ReportColumn(key: "code", label: LocalizedText(zh: "代码", en: "Code")),
                        ReportColumn(key: "name", label: LocalizedText(zh: "学校或学科", en: "School or subject")),
                        ReportColumn(key: "township", label: LocalizedText(zh: "乡镇", en: "Township")),
                        ReportColumn(key: "detail", label: LocalizedText(zh: "情况", en: "Detail")),
                        ReportColumn(key: "verdict", label: LocalizedText(zh: "结论", en: "Result")),
                    ],
                    rows: findings.map { code, finding in
                        [
                            .text(code), .label(finding.label), .text(finding.township ?? ""), .label(finding.detail),
                            ReportCell(
                                .text(finding.fails ? RequirementStatus.failed.label : ReportLabels.unknown),
                                fails: finding.fails ? true : nil),
                        ]
                    }, sheetName: LocalizedText(zh: "未达标的学校与学科", en: "Schools and subjects missing")))
        }
        if !contradictions.isEmpty {
            tables.append(
                ReportTable(
                    id: "plan-contradictions",
                    title: LocalizedText(zh: "填报值与计算值不一致", en: "The sheet against the computation"),
                    columns: [
                        ReportColumn(key: "code", label: LocalizedText(zh: "代码", en: "Code")),
                        ReportColumn(key: "given", label: LocalizedText(zh: "填报", en: "Sheet")),
                        ReportColumn(key: "computed", label: LocalizedText(zh: "计算", en: "Computed")),
                    ],
                    rows: contradictions.map {
                        [.text($0.code), .label($0.given), ReportCell(.text($0.computed), fails: true)]
                    },
                    notes: [
                        LocalizedText(
                            zh: "状态以计算结果为准；填报表中的位置见“数据来源与数据问题”。",
                            en:
                                "The computed status stands; the sheet's rows are listed under Data sources and problems."
                        )
                    ], sheetName: LocalizedText(zh: "填报与计算不一致", en: "Sheet against computation")))
        }
        var notes: [LocalizedText] = []
        if sheetFile == nil {
            notes.append(
                LocalizedText(
                    zh: "数据文件夹中没有县级指标填报表（表头 指标代码, 分子, 分母, 数值, 结论, 佐证材料, 说明），不能计算的要求均为“无数据”。",
                    en:
                        "No county indicator sheet in the data folder (header 指标代码, 分子, 分母, 数值, 结论, 佐证材料, 说明): requirements that cannot be computed have no data."
                ))
        }
        var section = ReportSection(
            id: "plan", title: LocalizedText(zh: "县级方案：附件2 各项要求", en: "The county plan: every requirement of Annex 2"),
            bars: bars(), tables: tables, notes: notes)
        section.countsLabel = LocalizedText(
            zh: "县级方案附件2（按县级方案判定，C1–C14 为每校达到）",
            en: "The plan's Annex 2 (judged by the plan, C1–C14 with every school at the standard)")
        return section
    }

    /// The sheet's problems at their places (`FILE:LINE:COLUMN`), for the report's last section; `nil`
    /// when there are none.
    public func sheetIssuesTable() -> ReportTable? {
        let rows: [[ReportCell]] =
            issues.map { [.text($0.location.description), ReportCell(.text($0.message), fails: true)] }
            + contradictions.map {
                [
                    .text($0.location.description),
                    ReportCell(.text(LocalizedText(verbatim: $0.code + " ") + $0.message), fails: true),
                ]
            }
        guard !rows.isEmpty else { return nil }
        return ReportTable(
            id: "plan-sheet-issues", title: LocalizedText(zh: "县级指标填报表中的问题", en: "Problems in the indicator sheet"),
            columns: [
                ReportColumn(key: "place", label: LocalizedText(zh: "位置", en: "Place")),
                ReportColumn(key: "problem", label: LocalizedText(zh: "问题", en: "Problem")),
            ], rows: rows, sheetName: LocalizedText(zh: "填报表问题", en: "Sheet problems"))
    }

    // MARK: - Units

    /// 督查通报: one row per responsible unit, the units with the most failing or missing requirements first.
    public func unitsTable() -> ReportTable {
        ReportTable(
            id: "plan-units",
            title: LocalizedText(zh: "责任单位督查通报", en: "Responsible units (supervision notice)"),
            columns: [
                ReportColumn(key: "unit", label: LocalizedText(zh: "责任单位", en: "Unit")),
                ReportColumn(key: "total", label: LocalizedText(zh: "项数", en: "Requirements"), format: .integer),
                ReportColumn(key: "failed", label: LocalizedText(zh: "未达标", en: "Failed")),
                ReportColumn(key: "pending", label: LocalizedText(zh: "待核实", en: "Pending")),
                ReportColumn(key: "no_data", label: LocalizedText(zh: "无数据", en: "No data")),
                ReportColumn(key: "met", label: LocalizedText(zh: "达标", en: "Met"), format: .integer),
            ],
            rows: units.map { standing in
                let failed = standing.codes(.failed)
                return [
                    .label(plan.unitLabel(standing.unit)), .integer(standing.requirements.count),
                    ReportCell(.text(list(failed)), fails: failed.isEmpty ? nil : true),
                    .label(list(standing.codes(.pending))), .label(list(standing.codes(.noData))),
                    .integer(standing.count(.met)),
                ]
            },
            notes: [
                LocalizedText(
                    zh: "每个单位列出其负责（附件2 责任单位）的未达标、待核实、无数据的指标代码；未达标最多的单位排在最前。",
                    en:
                        "Each unit with the codes of the failed, pending and no-data requirements Annex 2 makes it responsible for; the units with the most failures come first."
                )
            ], sheetName: LocalizedText(zh: "督查通报", en: "Units"))
    }

    func unitsSection() -> ReportSection {
        ReportSection(
            id: "plan-units", title: LocalizedText(zh: "督查通报", en: "Supervision notice"), tables: [unitsTable()])
    }
}
