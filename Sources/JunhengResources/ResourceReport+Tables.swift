import JunhengCore
public import JunhengReports

extension ResourceReport {
    /// The table ids, in the order ``tables()`` returns them.
    public static let tableIDs = [
        "resources-summary", "resources-balance", "resources-schools", "resources-gaps", "resources-funding",
        "resources-guarantees", "resources-guarantee-schools", "resources-excluded", "resources-warnings",
    ]

    /// Every table of the analysis, for the terminal, Markdown and CSV renderers (values unrounded; the
    /// column formats round them for display). The warnings table is left out when there are none.
    public func tables() -> [ReportTable] {
        [
            summaryTable(), balanceTable(), schoolsTable(), gapsTable(), fundingTable(), guaranteesTable(),
            guaranteeSchoolsTable(), excludedTable(),
        ] + (warnings.isEmpty ? [] : [warningsTable()])
    }

    // MARK: - Summary

    func summaryTable() -> ReportTable {
        let rows = stages.map { stage -> [ReportCell] in
            let balanced = indicators.filter { $0.stage == stage.stage }
            return [
                .label(stage.stage.label), .integer(stage.schoolsCounted), .integer(stage.students),
                .integer(stage.schoolsPassing),
                ReportCell(.number(Double(stage.schoolsCounted - stage.schoolsPassing)), fails: !stage.allSchoolsPass),
                ReportCell(
                    .text(LocalizedText(verbatim: "\(stage.indicatorsBalanced)/\(balanced.count)")),
                    fails: stage.allBalanced.map { !$0 }),
                stage.allBalanced.map { .verdict($0 && stage.allSchoolsPass) } ?? .label(Self.unknown),
            ]
        }
        return ReportTable(
            id: "resources-summary", title: LocalizedText(zh: "资源配置概况", en: "Resource allocation summary"),
            columns: [
                ReportColumn(key: "stage", label: LocalizedText(zh: "学段", en: "stage")),
                ReportColumn(
                    key: "schools", label: LocalizedText(zh: "计入学校数", en: "schools counted"), format: .integer),
                ReportColumn(key: "students", label: LocalizedText(zh: "在校生数", en: "students"), format: .integer),
                ReportColumn(
                    key: "passing", label: LocalizedText(zh: "达标学校数", en: "schools passing"), format: .integer),
                ReportColumn(
                    key: "failing", label: LocalizedText(zh: "未达标学校数", en: "schools failing"), format: .integer),
                ReportColumn(key: "balanced", label: LocalizedText(zh: "差异系数达标指标", en: "balanced indicators")),
                ReportColumn(key: "verdict", label: LocalizedText(zh: "结论", en: "verdict")),
            ],
            rows: rows,
            notes: [
                LocalizedText(
                    zh:
                        "学校达标(教督〔2017〕6号):7 项指标中至少 \(settings.minimumIndicatorsMet) 项达标,且未达标指标不低于标准的 \(NumberFormat.plain(settings.missedIndicatorFloor * 100))%。均衡(教督〔2017〕6号):每项指标校际差异系数小学 ≤ \(NumberText.format(settings.primaryCVThreshold, .decimal(2)))、初中 ≤ \(NumberText.format(settings.juniorCVThreshold, .decimal(2)))。",
                    en:
                        "A school passes (\(Citation.nationalMeasures.en)) with at least \(settings.minimumIndicatorsMet) of 7 indicators met and every missed one at least \(NumberFormat.plain(settings.missedIndicatorFloor * 100)) % of its standard. Balance: every indicator's CV ≤ \(NumberText.format(settings.primaryCVThreshold, .decimal(2))) (primary) / \(NumberText.format(settings.juniorCVThreshold, .decimal(2))) (junior)."
                )
            ] + uncertainSettings.map { LocalizedText(zh: "(待确认)" + $0.note.zh, en: "(uncertain) " + $0.note.en) })
    }

    static let unknown = LocalizedText(zh: "无法判定", en: "unknown")

    // MARK: - Balance

    func balanceTable() -> ReportTable {
        let rows = indicators.map { row -> [ReportCell] in
            let indicator = ResourceIndicator(rawValue: row.indicator)!
            let problem =
                row.balanced == false || row.countyMeetsStandard == false
                || row.schoolsMeetingStandard < row.schoolsCounted
            return [
                .label(row.stage.label), .text(row.code), .label(indicator.name), .number(row.standard),
                .number(
                    row.countyValue, fails: row.countyMeetsStandard.map { !$0 },
                    threshold: ReportThreshold(.atLeast, row.standard)),
                .number(row.cv, fails: row.balanced.map { !$0 }, threshold: ReportThreshold(.atMost, row.cvThreshold)),
                .number(row.cvThreshold),
                row.balanced.map { .verdict($0) } ?? .label(Self.unknown),
                .number(
                    row.cvIfGapsClosed, fails: row.balancedIfGapsClosed.map { !$0 },
                    threshold: ReportThreshold(.atMost, row.cvThreshold)),
                ReportCell(
                    .text(LocalizedText(verbatim: "\(row.schoolsMeetingStandard)/\(row.schoolsCounted)")),
                    fails: row.schoolsMeetingStandard < row.schoolsCounted),
                problem ? .label(settings.units.list(row.responsibleUnits)) : .empty,
            ]
        }
        return ReportTable(
            id: "resources-balance",
            title: LocalizedText(zh: "资源配置指标与校际差异系数", en: "Resource indicators and inter-school CV"),
            columns: [
                ReportColumn(key: "stage", label: LocalizedText(zh: "学段", en: "stage")),
                ReportColumn(key: "code", label: LocalizedText(zh: "编号", en: "code")),
                ReportColumn(key: "indicator", label: LocalizedText(zh: "指标", en: "indicator")),
                ReportColumn(key: "standard", label: LocalizedText(zh: "标准", en: "standard"), format: .decimal(2)),
                ReportColumn(
                    key: "county_value", label: LocalizedText(zh: "县域值", en: "county value"), format: .decimal(2)),
                ReportColumn(key: "cv", label: LocalizedText(zh: "差异系数", en: "CV"), format: .decimal(4)),
                ReportColumn(
                    key: "cv_threshold", label: LocalizedText(zh: "差异系数上限", en: "CV limit"), format: .decimal(2)),
                ReportColumn(key: "balanced", label: LocalizedText(zh: "均衡", en: "balanced")),
                ReportColumn(
                    key: "cv_if_gaps_closed", label: LocalizedText(zh: "补齐缺口后差异系数", en: "CV with gaps closed"),
                    format: .decimal(4)),
                ReportColumn(key: "schools_meeting", label: LocalizedText(zh: "达标学校/计入学校", en: "schools meeting")),
                ReportColumn(key: "responsible_units", label: LocalizedText(zh: "责任单位", en: "responsible units")),
            ],
            rows: rows,
            notes: [
                LocalizedText(
                    zh: "差异系数按学生数加权:X̄ = Σx_i / ΣP_i,S = √Σ(P_i/P)(X_i − X̄)²,CV = S / X̄(县域值即 X̄)。一贯制学校按学段拆分后各计一所。",
                    en:
                        "Student-weighted CV: X̄ = Σx_i / ΣP_i, S = √Σ(P_i/P)(X_i − X̄)², CV = S / X̄ (the county value is X̄). Multi-stage schools count once per stage."
                ),
                LocalizedText(
                    zh: "责任单位见《目标任务清单》(附件2),仅在指标有问题时列出。",
                    en: "Responsible units from the plan's Annex 2, listed where the indicator has a problem."),
            ])
    }

    // MARK: - Schools

    func schoolsTable() -> ReportTable {
        let rows = schools.map { school -> [ReportCell] in
            var cells: [ReportCell] = [
                .text(school.name), .text(school.township), .label(school.type.label), .label(school.stage.label),
                .integer(school.students),
            ]
            cells += school.values.map {
                ReportCell.number($0.value, fails: !$0.met, threshold: ReportThreshold(.atLeast, $0.standard))
            }
            cells += [.integer(school.met), .verdict(school.passes)]
            return cells
        }
        var columns = [
            ReportColumn(key: "name", label: LocalizedText(zh: "学校", en: "school")),
            ReportColumn(key: "township", label: LocalizedText(zh: "乡镇", en: "township")),
            ReportColumn(key: "type", label: LocalizedText(zh: "类型", en: "type")),
            ReportColumn(key: "stage", label: LocalizedText(zh: "学段", en: "stage")),
            ReportColumn(key: "students", label: LocalizedText(zh: "在校生", en: "students"), format: .integer),
        ]
        columns += ResourceIndicator.allCases.map {
            ReportColumn(key: "indicator_\($0.rawValue)", label: $0.shortName, format: .decimal(2))
        }
        columns += [
            ReportColumn(key: "met", label: LocalizedText(zh: "达标项数", en: "met"), format: .integer),
            ReportColumn(key: "passes", label: LocalizedText(zh: "结论", en: "verdict")),
        ]
        let standards = SchoolStage.allCases.map { stage in
            (
                stage,
                ResourceIndicator.allCases.map { NumberFormat.plain(settings.standard($0, stage)) }
                    .joined(separator: " / ")
            )
        }
        return ReportTable(
            id: "resources-schools", title: LocalizedText(zh: "学校资源配置达标情况", en: "Schools against the standards"),
            columns: columns, rows: rows,
            notes: [
                LocalizedText(
                    zh: "标准(指标 1–7，县级方案附件2 C1–C14)" + standards.map { "\($0.rawValue):\($1)" }.joined(separator: ";")
                        + "。共用资源按加权学生数分摊到学段。",
                    en: "Standards (indicators 1–7, the plan's Annex 2 C1–C14) "
                        + standards.map { "\($0.label.en): \($1)" }.joined(separator: "; ")
                        + ". Shared stock is split among stages by weighted enrolment.")
            ])
    }

    // MARK: - Gaps and money

    func gapsTable() -> ReportTable {
        let rows = gaps.map { gap -> [ReportCell] in
            let indicator = ResourceIndicator(rawValue: gap.indicator)!
            return [
                .text(gap.name), .text(gap.township), .label(gap.stage.label), .label(indicator.shortName),
                .number(gap.value, fails: true, threshold: ReportThreshold(.atLeast, gap.standard)),
                .number(gap.standard), .number(gap.shortfall),
                .number(gap.shortfallToAdd), .label(indicator.unit), .number(gap.unitPrice), .number(gap.fundingGap),
                .label(
                    gap.schoolPasses ? LocalizedText(zh: "达标", en: "passes") : LocalizedText(zh: "未达标", en: "fails")),
            ]
        }
        return ReportTable(
            id: "resources-gaps", title: LocalizedText(zh: "指标缺口测算", en: "Indicator gaps"),
            columns: [
                ReportColumn(key: "name", label: LocalizedText(zh: "学校", en: "school")),
                ReportColumn(key: "township", label: LocalizedText(zh: "乡镇", en: "township")),
                ReportColumn(key: "stage", label: LocalizedText(zh: "学段", en: "stage")),
                ReportColumn(key: "indicator", label: LocalizedText(zh: "指标", en: "indicator")),
                ReportColumn(key: "value", label: LocalizedText(zh: "现值", en: "value"), format: .decimal(2)),
                ReportColumn(key: "standard", label: LocalizedText(zh: "标准", en: "standard"), format: .decimal(2)),
                ReportColumn(key: "shortfall", label: LocalizedText(zh: "缺口", en: "shortfall"), format: .decimal(2)),
                ReportColumn(key: "to_add", label: LocalizedText(zh: "需补充", en: "to add"), format: .decimal(2)),
                ReportColumn(key: "unit", label: LocalizedText(zh: "单位", en: "unit")),
                ReportColumn(
                    key: "unit_price", label: LocalizedText(zh: "单价(元)", en: "unit price"), format: .decimal(2)),
                ReportColumn(
                    key: "funding_gap", label: LocalizedText(zh: "资金缺口(元)", en: "funding gap"), format: .decimal(2)),
                ReportColumn(key: "school", label: LocalizedText(zh: "学校结论", en: "school verdict")),
            ],
            rows: rows,
            notes: [
                LocalizedText(
                    zh: "缺口 = 标准 × 学生数(每百名指标再 ÷100)− 现有量;教师、教室按整数补足,面积与设备值按实数。资金缺口 = 需补充 × 单价;教学仪器设备值的缺口本身即为金额。",
                    en:
                        "Shortfall = standard × students (÷100 for per-hundred indicators) − current total; teachers and rooms are added whole, areas and equipment value as they are. Funding gap = to add × unit price; the equipment gap is already money."
                ),
                LocalizedText(
                    zh: "同一名教师可能同时计入指标 1 和 3,教师费用相加为上限。",
                    en: "One teacher may count in both indicators 1 and 3: summed teacher costs are an upper bound."),
            ])
    }

    func fundingTable() -> ReportTable {
        var rows = funding.schools.map { school -> [ReportCell] in
            [.text(school.name), .text(school.township), .number(school.fundingGap), .integer(school.unpricedGaps)]
        }
        rows.append([
            .label(LocalizedText(zh: "全县合计", en: "county total")), .empty, .number(funding.countyTotal),
            .integer(funding.unpricedGaps),
        ])
        let byIndicator = funding.byIndicator.filter { $0.fundingGap > 0 || $0.unpricedGaps > 0 }.map { row in
            let name = ResourceIndicator(rawValue: row.indicator)!.shortName
            return (
                zh: "\(name.zh) \(NumberText.format(row.fundingGap, .decimal(2))) 元",
                en: "\(name.en) \(NumberText.format(row.fundingGap, .decimal(2))) yuan"
            )
        }
        var notes: [LocalizedText] = []
        if !byIndicator.isEmpty {
            notes.append(
                LocalizedText(
                    zh: "按指标:" + byIndicator.map(\.zh).joined(separator: ";"),
                    en: "By indicator: " + byIndicator.map(\.en).joined(separator: "; ")))
        }
        if funding.unpricedGaps > 0 {
            notes.append(
                LocalizedText(
                    zh: "有 \(funding.unpricedGaps) 处缺口没有单价,未计入金额;用 --unit-costs 提供单价文件。",
                    en:
                        "\(funding.unpricedGaps) gaps have no unit price and are not in the sums; give a unit-cost file with --unit-costs."
                ))
        }
        return ReportTable(
            id: "resources-funding", title: LocalizedText(zh: "资金缺口汇总", en: "Funding gap"),
            columns: [
                ReportColumn(key: "name", label: LocalizedText(zh: "学校", en: "school")),
                ReportColumn(key: "township", label: LocalizedText(zh: "乡镇", en: "township")),
                ReportColumn(
                    key: "funding_gap", label: LocalizedText(zh: "资金缺口(元)", en: "funding gap (yuan)"),
                    format: .decimal(2)),
                ReportColumn(
                    key: "unpriced", label: LocalizedText(zh: "未定价缺口数", en: "unpriced gaps"), format: .integer),
            ],
            rows: rows, notes: notes)
    }

    // MARK: - Guarantees

    func guaranteesTable() -> ReportTable {
        let rows = guarantees.map { check -> [ReportCell] in
            [
                .text(check.code), .label(check.name), .label(check.rule),
                check.available ? .integer(check.schoolsChecked) : .label(LocalizedText(zh: "缺少列", en: "no column")),
                ReportCell(.number(Double(check.failing.count)), fails: !check.failing.isEmpty),
                .integer(check.undetermined.count),
                check.passes.map { .verdict($0) } ?? .label(Self.unknown),
                check.passes == true ? .empty : .label(settings.units.list(check.responsibleUnits)),
            ]
        }
        return ReportTable(
            id: "resources-guarantees",
            title: LocalizedText(zh: "政府保障程度(名册可核查部分)", en: "Government guarantees the roster can show"),
            columns: [
                ReportColumn(key: "code", label: LocalizedText(zh: "编号", en: "code")),
                ReportColumn(key: "check", label: LocalizedText(zh: "检查项", en: "check")),
                ReportColumn(key: "rule", label: LocalizedText(zh: "标准", en: "rule")),
                ReportColumn(
                    key: "checked", label: LocalizedText(zh: "检查学校数", en: "schools checked"), format: .integer),
                ReportColumn(key: "failing", label: LocalizedText(zh: "不达标", en: "failing"), format: .integer),
                ReportColumn(
                    key: "undetermined", label: LocalizedText(zh: "无法判定", en: "undetermined"), format: .integer),
                ReportColumn(key: "verdict", label: LocalizedText(zh: "结论", en: "verdict")),
                ReportColumn(key: "responsible_units", label: LocalizedText(zh: "责任单位", en: "responsible units")),
            ],
            rows: rows,
            notes: [
                LocalizedText(
                    zh: "特殊教育学校不检查;教学点只检查规模和班额。班额、专用教室需要名册中的可选列(小学班级数、初中班级数、最大班额、音乐/美术专用教室数及最小面积)。",
                    en:
                        "Special-education schools are not checked; teaching points only for size and class size. Class and room checks need the roster's optional columns."
                )
            ])
    }

    func guaranteeSchoolsTable() -> ReportTable {
        var rows: [[ReportCell]] = []
        for check in guarantees {
            for finding in check.failing {
                rows.append(row(check, finding, LocalizedText(zh: "不达标", en: "fails"), fails: true))
            }
            for finding in check.undetermined {
                rows.append(row(check, finding, Self.unknown, fails: nil))
            }
        }
        return ReportTable(
            id: "resources-guarantee-schools",
            title: LocalizedText(zh: "政府保障程度不达标或无法判定的学校", en: "Schools failing or undetermined on guarantees"),
            columns: [
                ReportColumn(key: "check", label: LocalizedText(zh: "检查项", en: "check")),
                ReportColumn(key: "name", label: LocalizedText(zh: "学校", en: "school")),
                ReportColumn(key: "township", label: LocalizedText(zh: "乡镇", en: "township")),
                ReportColumn(key: "value", label: LocalizedText(zh: "数值", en: "value"), format: .text),
                ReportColumn(key: "limit", label: LocalizedText(zh: "标准", en: "limit"), format: .text),
                ReportColumn(key: "status", label: LocalizedText(zh: "状态", en: "status")),
                ReportColumn(key: "detail", label: LocalizedText(zh: "说明", en: "detail")),
            ],
            rows: rows)
    }

    private func row(
        _ check: GuaranteeCheck, _ finding: GuaranteeFinding, _ status: LocalizedText, fails: Bool?
    ) -> [ReportCell] {
        [
            .label(check.name), .text(finding.name), .text(finding.township),
            finding.value.map { ReportCell.text(Self.findingFigure($0, limit: finding.limit, fails: fails)) } ?? .empty,
            .text(NumberFormat.plain(finding.limit)), ReportCell(.text(status), fails: fails), .label(finding.detail),
        ]
    }

    /// A school's figure next to its limit: two decimals, more where two would round a failing figure onto
    /// its limit (an art room of 89.996 m² against ≥ 90 is `89.996`, never `90` next to 未达标). A failing
    /// figure above its limit breaks a maximum, one below it a minimum.
    static func findingFigure(_ value: Double, limit: Double, fails: Bool?) -> String {
        guard fails == true, value != limit else {
            return NumberFormat.plain((value * 100).rounded() / 100)
        }
        let bar = value > limit ? ReportThreshold(.atMost, limit) : ReportThreshold(.atLeast, limit)
        return NumberFormat.near(value, places: 2, bar: bar, fails: true)
    }

    // MARK: - Excluded and warnings

    func excludedTable() -> ReportTable {
        let rows = excluded.map { school -> [ReportCell] in
            let reason: LocalizedText =
                switch school.reasonCode {
                case .specialEducation: LocalizedText(zh: school.reason, en: "special-education school")
                case .teachingPointBelowCutoff:
                    LocalizedText(
                        zh: school.reason,
                        en: "teaching point with \(school.students) students, under \(settings.teachingPointCutoff)")
                case .noStudents: LocalizedText(zh: school.reason, en: "no students in this stage")
                }
            return [
                .text(school.name), .text(school.township), .label(school.type.label),
                school.stage.map { .label($0.label) } ?? .label(LocalizedText(zh: "全校", en: "whole school")),
                .integer(school.students), .label(reason),
            ]
        }
        return ReportTable(
            id: "resources-excluded", title: LocalizedText(zh: "未计入指标的学校", en: "Schools left out"),
            columns: [
                ReportColumn(key: "name", label: LocalizedText(zh: "学校", en: "school")),
                ReportColumn(key: "township", label: LocalizedText(zh: "乡镇", en: "township")),
                ReportColumn(key: "type", label: LocalizedText(zh: "类型", en: "type")),
                ReportColumn(key: "stage", label: LocalizedText(zh: "学段", en: "stage")),
                ReportColumn(key: "students", label: LocalizedText(zh: "在校生", en: "students"), format: .integer),
                ReportColumn(key: "reason", label: LocalizedText(zh: "原因", en: "reason")),
            ],
            rows: rows)
    }

    func warningsTable() -> ReportTable {
        ReportTable(
            id: "resources-warnings", title: LocalizedText(zh: "名册提示", en: "Roster warnings"),
            columns: [
                ReportColumn(key: "location", label: LocalizedText(zh: "位置", en: "location")),
                ReportColumn(key: "message", label: LocalizedText(zh: "问题", en: "problem")),
            ],
            rows: warnings.map { [.text($0.location.description), .label($0.message)] })
    }
}
