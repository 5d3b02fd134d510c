import JunhengCore
public import JunhengReports

/// The timeline of the county report: the plan's stages with their tasks (quoted) and what each makes
/// due, the overdue list at the report's date, and 附件3 as the plan quotes it. No consequence is
/// attached to any requirement: 附件3 names conduct, not statuses.
extension PlanAssessment {
    func timelineSection() -> ReportSection {
        var tables = [timelineTable(), overdueTable()]
        if let accountability = accountabilityTable() { tables.append(accountability) }
        return ReportSection(
            id: "plan-timeline", title: LocalizedText(zh: "时间节点与逾期清单", en: "Timeline and overdue list"),
            tables: tables,
            notes: [
                position?.sentence
                    ?? LocalizedText(zh: "未指定评估日期，不标出当前阶段。", en: "No date given: no current stage is marked.")
            ])
    }

    /// "无数据、待核实的要求" for a stage's `due:` list.
    static func dueText(_ statuses: [RequirementStatus]) -> LocalizedText {
        guard !statuses.isEmpty else { return LocalizedText(verbatim: "") }
        let zh = statuses.map(\.label.zh).joined(separator: "、")
        let en = statuses.map(\.label.en).joined(separator: ", ")
        return LocalizedText(zh: "仍为\(zh)的要求", en: "requirements still \(en)")
    }

    func timelineTable() -> ReportTable {
        ReportTable(
            id: "plan-timeline", title: LocalizedText(zh: "实施步骤", en: "Timeline"),
            columns: [
                ReportColumn(key: "stage", label: LocalizedText(zh: "阶段", en: "Stage")),
                ReportColumn(key: "deadline", label: LocalizedText(zh: "截止日期", en: "Due")),
                ReportColumn(key: "state", label: LocalizedText(zh: "状态", en: "State")),
                ReportColumn(key: "task", label: LocalizedText(zh: "任务（方案原文）", en: "Task (as the plan writes it)")),
                ReportColumn(key: "due", label: LocalizedText(zh: "逾期即列入清单", en: "Overdue after the deadline")),
            ],
            rows: plan.timeline.enumerated().map { index, stage in
                [
                    .label(stage.name), .text(stage.deadline.description), .label(stageState(index)),
                    stage.task.map { .label($0) } ?? .empty, .label(Self.dueText(stage.due)),
                ]
            },
            notes: [
                LocalizedText(
                    zh: "任务摘自县级方案“四、实施步骤”（",
                    en: "The tasks are quoted from the plan's section 4, Implementation steps (")
                    + plan.documentName + LocalizedText(zh: "）。", en: ").")
            ], sheetName: LocalizedText(zh: "实施步骤", en: "Timeline"))
    }

    /// The overdue list: each requirement with its status, the deadline that has passed (and its stage),
    /// its units and the plan's 具体要求. Empty, and saying so, without a date or before the first deadline.
    func overdueTable() -> ReportTable {
        let items = overdue
        let title: LocalizedText
        var notes: [LocalizedText] = []
        if let asOf = position?.asOf {
            title = LocalizedText(
                zh: "逾期清单：截至 \(asOf) 已过期限仍未完成的 \(items.count) 项",
                en: "Overdue list: \(items.count) requirements past their deadline as of \(asOf)")
            if items.isEmpty {
                notes.append(
                    firstDeadline.map { stage in
                        stage.deadline >= asOf
                            ? LocalizedText(
                                zh: "截至 \(asOf)，还没有到期的要求：最早的期限是“\(stage.name.zh)”的 \(stage.deadline)。",
                                en:
                                    "As of \(asOf) nothing is due yet: the first deadline is \(stage.name.en)'s, \(stage.deadline)."
                            )
                            : LocalizedText(
                                zh: "截至 \(asOf)，没有已过期限仍未完成的要求。",
                                en: "As of \(asOf) no requirement is past its deadline.")
                    }
                        ?? LocalizedText(
                            zh: "县级方案的实施步骤没有写明各阶段到期的要求（due:），不列逾期清单。",
                            en: "The plan's timeline makes nothing due (no `due:`): there is no overdue list."))
            }
        } else {
            title = LocalizedText(zh: "逾期清单", en: "Overdue list")
            notes.append(LocalizedText(zh: "未指定评估日期，不列逾期清单。", en: "No date given: no overdue list."))
        }
        var stages: [PlanStage] = []
        for item in items where !stages.contains(item.stage) { stages.append(item.stage) }
        for stage in stages {
            notes.append(
                LocalizedText(
                    zh: "期限依据：实施步骤“\(stage.name.zh)”（\(stage.deadline) 前）"
                        + (stage.task.map { "的任务“\($0.zh)”" } ?? "") + "；此期限过后" + Self.dueText(stage.due).zh
                        + "列入本清单。",
                    en: "Deadline: the plan's stage \(stage.name.en) (by \(stage.deadline))"
                        + (stage.task.map { ", “\($0.en)”" } ?? "") + "; after it, " + Self.dueText(stage.due).en
                        + " are listed here."))
        }
        return ReportTable(
            id: "plan-overdue", title: title,
            columns: [
                ReportColumn(key: "code", label: LocalizedText(zh: "代码", en: "Code")),
                ReportColumn(key: "requirement", label: LocalizedText(zh: "要求", en: "Requirement")),
                ReportColumn(key: "status", label: LocalizedText(zh: "状态", en: "Status")),
                ReportColumn(key: "deadline", label: LocalizedText(zh: "期限", en: "Deadline")),
                ReportColumn(key: "units", label: LocalizedText(zh: "责任单位", en: "Responsible units")),
                ReportColumn(key: "actions", label: LocalizedText(zh: "具体要求（附件2）", en: "What Annex 2 asks")),
            ],
            rows: items.map { item in
                [
                    .text(item.code), .label(item.assessment.requirement.title),
                    Self.statusCell(item.assessment.status),
                    .label(LocalizedText(verbatim: "\(item.deadline) ") + item.stage.name),
                    .label(plan.unitList(item.assessment.requirement.units)),
                    item.assessment.requirement.actions.map { .label($0) } ?? .empty,
                ]
            },
            notes: notes, sheetName: LocalizedText(zh: "逾期清单", en: "Overdue"))
    }

    /// 附件3 as the plan quotes it: one row per conduct item, with its clause and measure.
    func accountabilityTable() -> ReportTable? {
        guard let accountability = plan.accountability else { return nil }
        var rows: [[ReportCell]] = []
        for tier in accountability.tiers {
            for (index, conduct) in tier.conduct.enumerated() {
                rows.append([
                    .label(tier.clause + LocalizedText(zh: "\(index + 1)", en: ", item \(index + 1)")), .label(conduct),
                    .label(tier.measure),
                ])
            }
        }
        return ReportTable(
            id: "plan-accountability",
            title: LocalizedText(zh: "问责机制（", en: "Accountability (") + accountability.source
                + LocalizedText(zh: "，原文）", en: ", as the plan writes it)"),
            columns: [
                ReportColumn(key: "clause", label: LocalizedText(zh: "条款", en: "Clause")),
                ReportColumn(key: "conduct", label: LocalizedText(zh: "情形", en: "Conduct")),
                ReportColumn(key: "measure", label: LocalizedText(zh: "措施", en: "Measure")),
            ], rows: rows,
            notes: (accountability.scope.map {
                [
                    LocalizedText(zh: "问责对象（一）：“", en: "Who is held to account (section 1): “") + $0
                        + LocalizedText(verbatim: "”")
                ]
            } ?? [])
                + [
                    LocalizedText(
                        zh: "附件3 针对上述情形，不针对某项要求的状态；逾期清单只列要求、期限和责任单位，不附加措施。",
                        en:
                            "Annex 3 addresses the conduct above, not a requirement's status: the overdue list gives requirements, deadlines and units, and attaches no measure."
                    )
                ], sheetName: LocalizedText(zh: "问责机制（附件3）", en: "Accountability (Annex 3)"))
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
