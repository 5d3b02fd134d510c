public import JunhengCore

/// The status of every requirement of the plan: computed where the county's files allow, given in the
/// indicator sheet otherwise, and `no-data` where nothing was provided — with the sheet's problems, the
/// contradictions between the two, the responsible units' view and the position on the timeline.
public struct PlanAssessment: Sendable, Hashable {
    public var plan: CountyPlan
    /// One per requirement, in plan order.
    public var requirements: [RequirementAssessment]
    /// The indicator sheet used, if any.
    public var sheetFile: String?
    /// Every problem with the sheet, in file order.
    public var issues: [SheetIssue]
    /// Where `--as-of` falls on the timeline; `nil` when no date was given.
    public var position: TimelinePosition?

    public init(
        plan: CountyPlan, requirements: [RequirementAssessment], sheetFile: String? = nil, issues: [SheetIssue] = [],
        position: TimelinePosition? = nil
    ) {
        self.plan = plan
        self.requirements = requirements
        self.sheetFile = sheetFile
        self.issues = issues
        self.position = position
    }

    // MARK: - Assessing

    /// Gives every part of the plan its status.
    ///
    /// - Parameters:
    ///   - computed: what junheng computed, by part code (`C24`, `C21-1`).
    ///   - unavailable: why a computable part could not be computed (a missing roster column …), by part code.
    ///   - sheet: the county indicator sheet, if the folder has one.
    ///   - evidence: checks the sheet's 佐证材料 against the data folder.
    ///   - asOf: the date the timeline is read at.
    public static func assess(
        plan: CountyPlan, computed: [String: ComputedPart] = [:], unavailable: [String: LocalizedText] = [:],
        sheet: IndicatorSheet?, evidence: EvidenceCheck, asOf: PlanDate?
    ) -> PlanAssessment {
        var issues = sheet?.issues ?? []
        var misplaced: [String: SheetIssue] = [:]
        let rows = matchRows(sheet, plan: plan, issues: &issues, misplaced: &misplaced)
        var requirements: [RequirementAssessment] = []
        for requirement in plan.requirements {
            let parts = requirement.parts.map { part in
                assess(
                    part, computed: computed[part.code], unavailable: unavailable[part.code],
                    rows: rows[part.code] ?? [], misplaced: misplaced[part.code], evidence: evidence,
                    issues: &issues)
            }
            requirements.append(RequirementAssessment(requirement: requirement, parts: parts))
        }
        issues.sort {
            ($0.location.line ?? 0, $0.location.column ?? 0) < ($1.location.line ?? 0, $1.location.column ?? 0)
        }
        return PlanAssessment(
            plan: plan, requirements: requirements, sheetFile: sheet?.file, issues: issues,
            position: asOf.map { TimelinePosition(asOf: $0, timeline: plan.timeline) })
    }

    /// The sheet's rows by part code; a row whose code is not a part of the plan is an issue. A row that
    /// gives data in the wrong form (`C34` for a requirement of parts C34-1 and C34-2, `C36-1` for one of
    /// one part) is put in `misplaced` for each part it could mean that has no row of its own: data was
    /// given, so the part is pending with the message, never "no data".
    static func matchRows(
        _ sheet: IndicatorSheet?, plan: CountyPlan, issues: inout [SheetIssue], misplaced: inout [String: SheetIssue]
    ) -> [String: [SheetRow]] {
        guard let sheet else { return [:] }
        let codes = Set(plan.parts.map(\.code))
        var rows: [String: [SheetRow]] = [:]
        for row in sheet.rows {
            if codes.contains(row.code) {
                if !row.isBlank { rows[row.code, default: []].append(row) }
                continue
            }
            let message: LocalizedText
            var meant: [String] = []
            if let requirement = plan.requirement(row.code), requirement.hasParts {
                let codes = requirement.parts.map(\.code)
                meant = codes
                message = LocalizedText(
                    zh: "\(row.code) 分为 \(codes.count) 部分：请分行填写 \(codes.joined(separator: "、"))。",
                    en:
                        "\(row.code) has \(codes.count) parts: give them on separate rows as \(codes.joined(separator: ", "))."
                )
            } else if let base = row.code.split(separator: "-").first, plan.requirement(String(base)) != nil {
                meant = [String(base)]
                message = LocalizedText(
                    zh: "\(base) 只有一部分：代码请写 \(base)。", en: "\(base) has one part: write its code as \(base).")
            } else {
                message = LocalizedText(
                    zh: "方案中没有指标代码“\(row.code)”，此行未使用；代码见 plan/plan.yaml。",
                    en:
                        "The plan has no requirement \"\(row.code)\"; this row is not used (the codes are in plan/plan.yaml)."
                )
            }
            let issue = SheetIssue(location: row.location(.code), message: message)
            issues.append(issue)
            if row.givesData {
                for code in meant where misplaced[code] == nil { misplaced[code] = issue }
            }
        }
        for code in rows.keys { misplaced[code] = nil }
        return rows
    }

    static func assess(
        _ part: RequirementPart, computed: ComputedPart?, unavailable: LocalizedText?, rows: [SheetRow],
        misplaced: SheetIssue? = nil, evidence: EvidenceCheck, issues: inout [SheetIssue]
    ) -> PartAssessment {
        var reading = rows.first.map {
            SheetReading.judge($0, part: part, evidence: evidence, computed: computed != nil)
        }
        if let reading { issues += reading.issues }
        if let first = rows.first, rows.count > 1 {
            for extra in rows.dropFirst() {
                let message = LocalizedText(
                    zh: "\(part.code) 已在第 \(first.line) 行填写，此行未使用；请只保留一行。",
                    en: "\(part.code) is already given on line \(first.line); this row is not used: keep one row.")
                issues.append(SheetIssue(location: extra.location(.code), message: message, code: part.code))
                reading?.notes.append(message)
                if computed == nil, reading?.status != .noData { reading?.status = .pending }
            }
        }
        let found: [String] = (reading?.evidence ?? []).compactMap { outcome in
            if case .found(let path) = outcome { return path }
            return nil
        }
        if let computed {
            let contradiction = reading.flatMap { Self.contradiction(computed, $0, part: part) }
            return PartAssessment(
                part: part, status: computed.status, source: .computed, value: computed.value, figure: computed.figure,
                standard: computed.standard.map { part.scope.prefix + $0 } ?? part.standard,
                findings: computed.findings, evidence: found, contradiction: contradiction,
                notes: computed.notes + (contradiction.map { [$0.message] } ?? []), sheetLocation: reading?.location,
                sheetNote: rows.first?[.note])
        }
        let because = unavailable.map { [LocalizedText(zh: "未能计算：", en: "Not computed: ") + $0] } ?? []
        guard let reading else {
            if let misplaced {
                return PartAssessment(
                    part: part, status: .pending, source: .sheet,
                    figure: LocalizedText(zh: "填写格式有误", en: "given in the wrong form"),
                    notes: because + [misplaced.message], sheetLocation: misplaced.location)
            }
            return PartAssessment(
                part: part, status: .noData, source: .none, figure: LocalizedText(verbatim: "—"), notes: because)
        }
        return PartAssessment(
            part: part, status: reading.status, source: reading.status == .noData ? .none : .sheet,
            value: reading.value, figure: reading.figure, evidence: found, notes: because + reading.notes,
            sheetLocation: reading.location, sheetNote: rows.first?[.note])
    }

    /// The sheet disagrees with a computation when its figure differs by more than it was rounded to, or
    /// when its verdict (from its figure, else its 结论) is the other one.
    static func contradiction(_ computed: ComputedPart, _ reading: SheetReading, part: RequirementPart)
        -> Contradiction?
    {
        guard let threshold = part.threshold else { return nil }
        var differs = false
        if let given = reading.value, let value = computed.value,
            abs(given - value) > reading.tolerance + 1e-9 * max(1, abs(value))
        {
            differs = true
        }
        if let verdict = reading.verdict(threshold), let passes = computed.status.passes, verdict != passes {
            differs = true
        }
        guard differs else { return nil }
        let given: LocalizedText =
            if let value = reading.value {
                LocalizedText(zh: "数值 ", en: "the figure ") + threshold.figureLabel(value)
            } else {
                LocalizedText(zh: "结论“", en: "\(SheetWords.conclusion) \"")
                    + (reading.claim == true ? RequirementStatus.met.label : RequirementStatus.failed.label)
                    + LocalizedText(zh: "”", en: "\"")
            }
        return Contradiction(
            code: part.code, location: reading.location, given: given,
            computed: computed.status.label + LocalizedText(zh: "，", en: ", ") + computed.figure)
    }

    // MARK: - Views

    /// How many requirements have this status.
    public func count(_ status: RequirementStatus) -> Int {
        requirements.filter { $0.status == status }.count
    }

    /// "附件2 共 50 项：达标 28 项，未达标 6 项，待核实 4 项，无数据 12 项".
    public var countsSentence: LocalizedText { countsSentence(rule: nil) }

    /// The counts with the rule they were judged by after the total: "共 50 项（按方案判定）：达标 …".
    public func countsSentence(rule: LocalizedText?) -> LocalizedText {
        let counts = RequirementStatus.allCases.reduce(into: [RequirementStatus: Int]()) { $0[$1] = count($1) }
        let zhRule = rule.map { "（\($0.zh)）" } ?? ""
        let enRule = rule.map { " (\($0.en))" } ?? ""
        return LocalizedText(
            zh:
                "共 \(requirements.count) 项\(zhRule)：达标 \(counts[.met]!) 项，未达标 \(counts[.failed]!) 项，待核实 \(counts[.pending]!) 项，无数据 \(counts[.noData]!) 项",
            en:
                "\(requirements.count) requirements\(enRule): \(counts[.met]!) met, \(counts[.failed]!) failed, \(counts[.pending]!) pending, \(counts[.noData]!) no data"
        )
    }

    /// Every contradiction between the sheet and a computation, in plan order.
    public var contradictions: [Contradiction] { requirements.flatMap(\.contradictions) }

    /// The requirements still failed, pending or without data: failed first, then pending, then no data;
    /// plan order within each (``overdue`` keeps those past their deadline).
    public var open: [RequirementAssessment] {
        requirements.enumerated().filter { $0.element.status.isOpen }
            .sorted { ($0.element.status, $0.offset) < ($1.element.status, $1.offset) }.map(\.element)
    }

    /// The 督查通报: every responsible unit with its requirements, the units with the most failing or
    /// missing requirements first.
    public var units: [UnitStanding] {
        let ordered = requirements.enumerated().sorted {
            ($0.element.status, $0.offset) < ($1.element.status, $1.offset)
        }
        .map(\.element)
        return UnitStanding.ranked(
            plan.units.map { unit in
                UnitStanding(unit: unit, requirements: ordered.filter { $0.requirement.units.contains(unit) })
            })
    }
}
