import JunhengCore
public import JunhengReports

/// The plan's parts of the county report: every requirement as a bar with its status, the requirement
/// table with sources and caveats, the schools and subjects behind each failing verdict, the sheet's
/// problems and contradictions, the responsible units' table (督查通报), and the timeline with the 问责
/// list.
extension PlanAssessment {
    /// The sections, in report order: the units (督查通报) and the timeline with the 问责 list first, right
    /// under the report's summary of every bar, then the requirements in detail.
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

    static func joined(_ texts: [LocalizedText]) -> LocalizedText {
        texts.enumerated().reduce(LocalizedText(verbatim: "")) { result, item in
            result + LocalizedText(verbatim: item.offset == 0 ? "" : " ") + item.element
        }
    }

    func list(_ items: [String]) -> LocalizedText {
        LocalizedText(zh: items.joined(separator: "、"), en: items.joined(separator: ", "))
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
                    .label(part.standard), Self.statusCell(part.status), .label(unitList(assessment.requirement.units)),
                    .label(Self.joined(part.notes)),
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
                    ReportColumn(key: "status", label: LocalizedText(zh: "状态", en: "Status")),
                    ReportColumn(key: "units", label: LocalizedText(zh: "责任单位", en: "Responsible units")),
                    ReportColumn(key: "notes", label: LocalizedText(zh: "说明", en: "Notes")),
                ], rows: rows,
                notes: [
                    LocalizedText(
                        zh: "来源：计算 = 由学校基础数据或质量监测结果算出；填报 = 县级指标填报表。每校的要求以最差学校的数值比较。",
                        en:
                            "Source: computed = from the school roster or the monitoring results; sheet = the county indicator sheet. A requirement of every school is compared at its worst school."
                    )
                ])
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
                    }))
        }
        if !contradictions.isEmpty {
            tables.append(
                ReportTable(
                    id: "plan-contradictions",
                    title: LocalizedText(zh: "填报值与计算值不一致", en: "The sheet against the computation"),
                    columns: [
                        ReportColumn(key: "code", label: LocalizedText(zh: "代码", en: "Code")),
                        ReportColumn(key: "row", label: LocalizedText(zh: "填报表位置", en: "Sheet row")),
                        ReportColumn(key: "given", label: LocalizedText(zh: "填报", en: "Sheet")),
                        ReportColumn(key: "computed", label: LocalizedText(zh: "计算", en: "Computed")),
                    ],
                    rows: contradictions.map {
                        [
                            .text($0.code), .text($0.location.description), .label($0.given),
                            ReportCell(.text($0.computed), fails: true),
                        ]
                    },
                    notes: [
                        LocalizedText(
                            zh: "状态以计算结果为准；请核对填报表与学校基础数据。",
                            en: "The computed status stands; check the sheet against the roster.")
                    ]))
        }
        if !issues.isEmpty {
            tables.append(
                ReportTable(
                    id: "plan-sheet-issues", title: LocalizedText(zh: "填报表中的问题", en: "Problems in the indicator sheet"),
                    columns: [
                        ReportColumn(key: "place", label: LocalizedText(zh: "位置", en: "Place")),
                        ReportColumn(key: "problem", label: LocalizedText(zh: "问题", en: "Problem")),
                    ],
                    rows: issues.map { [.text($0.location.description), ReportCell(.text($0.message), fails: true)] }))
        }
        var notes = [
            LocalizedText(zh: "方案：", en: "Plan: ") + plan.title
                + LocalizedText(
                    zh: "（\(plan.file)" + (plan.source.map { "；\($0)" } ?? "") + "）",
                    en: " (\(plan.file)" + (plan.source.map { "; \(ProperName.mark($0))" } ?? "") + ")")
        ]
        notes.append(
            sheetFile.map { LocalizedText(zh: "县级指标填报表：\($0)", en: "County indicator sheet: \($0)") }
                ?? LocalizedText(
                    zh: "数据文件夹中没有县级指标填报表（表头 指标代码, 分子, 分母, 数值, 结论, 佐证材料, 说明），不能计算的要求均为“无数据”。",
                    en:
                        "No county indicator sheet in the data folder (header 指标代码, 分子, 分母, 数值, 结论, 佐证材料, 说明): requirements that cannot be computed have no data."
                ))
        return ReportSection(
            id: "plan", title: LocalizedText(zh: "县级方案：附件2 各项要求", en: "The county plan: every requirement of Annex 2"),
            bars: bars(), tables: tables, notes: notes)
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
                    zh: "每个单位列出其负责的未达标、待核实、无数据的指标代码；未达标最多的单位排在最前。详见 junheng units。",
                    en:
                        "Each unit with the codes of its failed, pending and no-data requirements; the units with the most failures come first. See junheng units."
                )
            ])
    }

    func unitsSection() -> ReportSection {
        ReportSection(
            id: "plan-units", title: LocalizedText(zh: "督查通报", en: "Supervision notice"), tables: [unitsTable()])
    }

    // MARK: - Timeline

    func timelineSection() -> ReportSection {
        let timeline = ReportTable(
            id: "plan-timeline", title: LocalizedText(zh: "实施步骤", en: "Timeline"),
            columns: [
                ReportColumn(key: "stage", label: LocalizedText(zh: "阶段", en: "Stage")),
                ReportColumn(key: "deadline", label: LocalizedText(zh: "截止日期", en: "Due")),
                ReportColumn(key: "state", label: LocalizedText(zh: "状态", en: "State")),
            ],
            rows: plan.timeline.enumerated().map { index, stage in
                [.label(stage.name), .text(stage.deadline.description), .label(stageState(index))]
            })
        let open = self.open
        let accountability = ReportTable(
            id: "plan-accountability",
            title: LocalizedText(
                zh: "问责清单：仍未达标、待核实或无数据的 \(open.count) 项",
                en: "Accountability list: \(open.count) requirements still failed, pending or without data"),
            columns: [
                ReportColumn(key: "code", label: LocalizedText(zh: "代码", en: "Code")),
                ReportColumn(key: "requirement", label: LocalizedText(zh: "要求", en: "Requirement")),
                ReportColumn(key: "status", label: LocalizedText(zh: "状态", en: "Status")),
                ReportColumn(key: "units", label: LocalizedText(zh: "责任单位", en: "Responsible units")),
            ],
            rows: open.map { assessment in
                [
                    .text(assessment.code), .label(assessment.requirement.title), Self.statusCell(assessment.status),
                    .label(unitList(assessment.requirement.units)),
                ]
            },
            notes: [
                LocalizedText(
                    zh: "依附件3 问责机制，逾期未完成的，对责任单位通报批评并追究责任。",
                    en:
                        "Under the accountability mechanism of Annex 3, units that miss their deadline are criticised and held to account."
                )
            ])
        return ReportSection(
            id: "plan-timeline", title: LocalizedText(zh: "时间节点与问责清单", en: "Timeline and accountability"),
            tables: [timeline, accountability],
            notes: [
                position?.sentence
                    ?? LocalizedText(
                        zh: "未指定日期（--as-of），不标出当前阶段。", en: "No date given (--as-of): no current stage is marked.")
            ])
    }

    /// 已过 / 当前（还剩 N 天）/ 未到 for a stage, from ``position``.
    func stageState(_ index: Int) -> LocalizedText {
        guard let position else { return LocalizedText(verbatim: "") }
        guard let current = position.stageIndex else { return LocalizedText(zh: "已过", en: "over") }
        if index < current { return LocalizedText(zh: "已过", en: "over") }
        if index > current { return LocalizedText(zh: "未到", en: "to come") }
        return LocalizedText(zh: "当前（还剩 \(position.daysLeft) 天）", en: "current (\(position.daysLeft) days left)")
    }
}
