public import JunhengCore

/// What one row of the indicator sheet says about one part of a requirement, judged by the status rules
/// (``RequirementStatus``):
///
/// - A part with a threshold needs a figure: `分子`/`分母` (figure = 分子 / 分母, × the threshold's scale
///   when it is per 100 students) or `数值` (`0.95` or `95%` for a percentage, through ``NumberCell``).
///   The figure against the threshold gives `met` or `failed`. 分子 without 分母 (or the reverse), a cell
///   that is not a number, or a 数值 that disagrees with 分子/分母 makes it `pending`; a 结论 alone is
///   `pending` too, since the threshold asks for a number.
/// - A judgement (no threshold) is given as `结论`: 达标 with every 佐证材料 file present in the data
///   folder is `met`; 达标 without evidence, or with a file missing or outside the folder, is `pending`;
///   未达标 is `failed`.
/// - A row with nothing in it (a 说明 at most) is `no-data`.
///
/// Every cell that cannot be used is an ``SheetIssue`` with its line and column, and the same words are
/// in ``notes`` next to the status.
public struct SheetReading: Sendable, Hashable {
    public var status: RequirementStatus
    /// The figure, in the threshold's unit (a share for a percentage).
    public var value: Double?
    /// How far a computed figure may differ from ``value`` and still agree: half a unit of the last digit
    /// typed in 数值 (0 when the figure comes from 分子/分母).
    public var tolerance: Double
    /// 结论: `true` 达标, `false` 未达标, `nil` not given or not readable.
    public var claim: Bool?
    /// The figure as shown: `12.5% · 25/200`, `达标 · 佐证 1/1 份`.
    public var figure: LocalizedText
    public var evidence: [EvidenceCheck.Outcome]
    /// Why the status is what it is, when that is not plain (and the row's 说明).
    public var notes: [LocalizedText]
    public var issues: [SheetIssue]
    /// The row.
    public var location: SourceLocation

    public init(
        status: RequirementStatus, value: Double? = nil, tolerance: Double = 0, claim: Bool? = nil,
        figure: LocalizedText, evidence: [EvidenceCheck.Outcome] = [], notes: [LocalizedText] = [],
        issues: [SheetIssue] = [], location: SourceLocation
    ) {
        self.status = status
        self.value = value
        self.tolerance = tolerance
        self.claim = claim
        self.figure = figure
        self.evidence = evidence
        self.notes = notes
        self.issues = issues
        self.location = location
    }

    /// The verdict the row itself gives: from its figure when it has one, else from its 结论.
    public func verdict(_ threshold: PlanThreshold?) -> Bool? {
        if let value, let threshold { return threshold.holds(value) }
        return claim
    }

    // MARK: - Judging a row

    /// Judges `row` as the sheet's word on `part`.
    ///
    /// - Parameter computed: whether junheng computes the part too; then the row is only compared with the
    ///   computation, and a 结论 without a figure is enough for that.
    public static func judge(
        _ row: SheetRow, part: RequirementPart, evidence checker: EvidenceCheck, computed: Bool = false
    ) -> SheetReading {
        var judge = RowJudge(row: row, part: part, computed: computed)
        let outcomes = checker.check(row[.evidence])
        judge.checkEvidence(outcomes)
        let claim = judge.claim()
        var reading: SheetReading
        if let threshold = part.threshold {
            reading = judge.figure(threshold, claim: claim)
        } else {
            reading = judge.judgement(claim: claim, evidence: outcomes)
        }
        reading.claim = claim
        reading.evidence = outcomes
        if !row[.note].isEmpty {
            reading.notes.append(LocalizedText(zh: "说明：" + row[.note], en: "Note: " + row[.note]))
        }
        return reading
    }

    /// 达标 and its variants → `true`, 未达标 and its variants → `false`, anything else `nil`.
    public static func conclusion(_ text: String) -> Bool? {
        let word = HandTypedText.compact(text).lowercased()
        if ["达标", "已达标", "符合", "是", "√", "✔", "met", "yes"].contains(word) { return true }
        if ["未达标", "不达标", "不符合", "否", "×", "✘", "failed", "no"].contains(word) { return false }
        return nil
    }

    /// Half a unit of the last digit typed: `95%` → 0.005 (as a share), `4.23` → 0.005, `6000` → 0.5.
    public static func halfUnit(_ text: String, percent: Bool) -> Double {
        let cleaned = HandTypedText.compact(text)
        let isPercent = cleaned.hasSuffix("%")
        let digits = isPercent ? String(cleaned.dropLast()) : cleaned
        let decimals = digits.split(separator: ".").dropFirst().first.map { $0.prefix { $0.isNumber }.count } ?? 0
        var unit = 0.5
        for _ in 0..<decimals { unit /= 10 }
        return percent && isPercent ? unit / 100 : unit
    }
}

/// The rules of ``SheetReading`` applied to one row, collecting the issues as it goes.
private struct RowJudge {
    let row: SheetRow
    let part: RequirementPart
    let computed: Bool
    var issues: [SheetIssue] = []
    var notes: [LocalizedText] = []
    /// A problem that keeps the row from counting as met or failed.
    var blocked = false
    var evidenceFound = true

    init(row: SheetRow, part: RequirementPart, computed: Bool) {
        self.row = row
        self.part = part
        self.computed = computed
    }

    mutating func problem(_ column: IndicatorSheet.Column, _ message: LocalizedText, blocking: Bool = true) {
        issues.append(SheetIssue(location: row.location(column), message: message, code: part.code))
        notes.append(message)
        if blocking { blocked = true }
    }

    mutating func checkEvidence(_ outcomes: [EvidenceCheck.Outcome]) {
        for outcome in outcomes {
            switch outcome {
            case .found: continue
            case .missing(let path):
                problem(
                    .evidence,
                    LocalizedText(
                        zh: "佐证材料“\(path)”在数据文件夹中不存在，请放入文件或改正路径。",
                        en: "The evidence \"\(path)\" is not in the data folder: add the file or correct the path."),
                    blocking: false)
            case .outside(let path):
                problem(
                    .evidence,
                    LocalizedText(
                        zh: "佐证材料“\(path)”不在数据文件夹内：请把文件放进数据文件夹，并写相对路径。",
                        en:
                            "The evidence \"\(path)\" is outside the data folder: put the file in the folder and give its relative path."
                    ),
                    blocking: false)
            }
            evidenceFound = false
        }
    }

    mutating func claim() -> Bool? {
        let text = row[.conclusion]
        guard !text.isEmpty else { return nil }
        if let claim = SheetReading.conclusion(text) { return claim }
        problem(
            .conclusion,
            LocalizedText(
                zh: "结论“\(text)”应为“达标”或“未达标”。", en: "The 结论 \"\(text)\" must be 达标 (met) or 未达标 (failed)."),
            blocking: part.isJudgement)
        return nil
    }

    mutating func number(_ column: IndicatorSheet.Column, share: Bool) -> Double? {
        let text = row[column]
        guard !text.isEmpty else { return nil }
        let result = share ? NumberCell.share(text) : NumberCell.decimal(text)
        switch result {
        case .success(let value) where value >= 0:
            return value
        case .success(let value):
            problem(
                column,
                LocalizedText(
                    zh: "\(column.rawValue) \(PlanThreshold.compact(value, places: 6)) 为负数。",
                    en: "\(column.rawValue) \(PlanThreshold.compact(value, places: 6)) is negative."))
        case .failure(let failure):
            let hint =
                share
                ? LocalizedText(zh: "（百分比写作 95% 或 0.95）", en: " (write a percentage as 95% or 0.95)")
                : LocalizedText(zh: "", en: "")
            problem(
                column,
                LocalizedText(zh: "\(column.rawValue)", en: "\(column.rawValue) ") + failure.message + hint
                    + LocalizedText(zh: "。", en: "."))
        }
        return nil
    }

    // MARK: - A figure

    mutating func figure(_ threshold: PlanThreshold, claim: Bool?) -> SheetReading {
        let numerator = number(.numerator, share: false)
        let denominator = number(.denominator, share: false)
        let typed = number(.value, share: threshold.isPercent)
        let tolerance = typed == nil ? 0 : SheetReading.halfUnit(row[.value], percent: threshold.isPercent)
        var fraction: Double?
        if let numerator, let denominator {
            if denominator > 0 {
                fraction = numerator / denominator * (threshold.isPercent ? 1 : threshold.scale)
            } else {
                problem(.denominator, LocalizedText(zh: "分母为 0，无法计算。", en: "分母 (the denominator) is 0."))
            }
        } else if !row[.numerator].isEmpty, row[.denominator].isEmpty {
            problem(
                .denominator,
                LocalizedText(zh: "给出了分子而没有分母，请补上分母。", en: "分子 is given without 分母: add the denominator."))
        } else if row[.numerator].isEmpty, !row[.denominator].isEmpty {
            problem(
                .numerator,
                LocalizedText(zh: "给出了分母而没有分子，请补上分子。", en: "分母 is given without 分子: add the numerator."))
        }
        if let fraction, let typed, abs(fraction - typed) > tolerance + 1e-9 * max(1, abs(fraction)) {
            problem(
                .value,
                LocalizedText(
                    zh: "数值 \(row[.value]) 与 分子/分母 = \(threshold.format(fraction)) 不一致，请核对。",
                    en: "数值 \(row[.value]) disagrees with 分子/分母 = \(threshold.format(fraction)): check both."))
        }
        let value = fraction ?? typed
        var shown = value.map { threshold.formatWithUnit($0) } ?? "—"
        if fraction != nil {
            shown += " · \(row[.numerator])/\(row[.denominator])"
        }
        guard let value, !blocked else {
            if value == nil, !blocked, row.givesData, !(computed && claim != nil) {
                problem(
                    .value,
                    LocalizedText(
                        zh: "此项要与标准 \(threshold.text) 比较：请填分子/分母或数值。",
                        en: "This requirement is compared with \(threshold.text): give 分子/分母 or 数值."))
            }
            return SheetReading(
                status: row.givesData ? .pending : .noData, value: nil, tolerance: tolerance,
                figure: LocalizedText(verbatim: shown), notes: notes, issues: issues, location: row.location())
        }
        let meets = threshold.holds(value)
        if let claim, claim != meets {
            problem(
                .conclusion,
                LocalizedText(
                    zh: "结论“\(row[.conclusion])”与数值 \(threshold.formatWithUnit(value))（标准 \(threshold.text)）不符，以数值为准。",
                    en:
                        "The 结论 \"\(row[.conclusion])\" disagrees with the figure \(threshold.formatWithUnit(value)) (standard \(threshold.text)); the figure decides."
                ), blocking: false)
        }
        var status: RequirementStatus = meets ? .met : .failed
        if meets, !evidenceFound { status = .pending }
        return SheetReading(
            status: status, value: value, tolerance: tolerance, figure: LocalizedText(verbatim: shown), notes: notes,
            issues: issues, location: row.location())
    }

    // MARK: - A judgement

    mutating func judgement(claim: Bool?, evidence: [EvidenceCheck.Outcome]) -> SheetReading {
        if let column = [IndicatorSheet.Column.numerator, .denominator, .value].first(where: { !row[$0].isEmpty }) {
            problem(
                column,
                LocalizedText(
                    zh: "此项为判断项，不使用分子/分母/数值：请填结论和佐证材料。",
                    en: "This requirement is a judgement: 分子/分母/数值 are not used; give 结论 and 佐证材料."),
                blocking: false)
        }
        let found = evidence.filter { if case .found = $0 { true } else { false } }.count
        let location = row.location()
        switch claim {
        case true?:
            if evidence.isEmpty {
                notes.append(
                    LocalizedText(
                        zh: "结论为达标，但没有佐证材料：请在“佐证材料”列写出文件路径。",
                        en: "Claimed met without evidence: give the file's path under 佐证材料."))
                return SheetReading(
                    status: .pending, figure: LocalizedText(zh: "达标（缺佐证材料）", en: "met (no evidence)"),
                    notes: notes, issues: issues, location: location)
            }
            let status: RequirementStatus = blocked || !evidenceFound ? .pending : .met
            return SheetReading(
                status: status,
                figure: LocalizedText(
                    zh: "达标 · 佐证 \(found)/\(evidence.count) 份", en: "met · evidence \(found)/\(evidence.count)"),
                notes: notes, issues: issues, location: location)
        case false?:
            return SheetReading(
                status: .failed, figure: LocalizedText(zh: "未达标", en: "failed"), notes: notes, issues: issues,
                location: location)
        case nil:
            if row.givesData || blocked {
                if !blocked {
                    problem(
                        .conclusion,
                        LocalizedText(zh: "未填结论：请填“达标”或“未达标”。", en: "No 结论: write 达标 (met) or 未达标 (failed)."))
                }
                return SheetReading(
                    status: .pending, figure: LocalizedText(zh: "结论未填", en: "no 结论"), notes: notes, issues: issues,
                    location: location)
            }
            return SheetReading(
                status: .noData, figure: LocalizedText(verbatim: "—"), notes: notes, issues: issues, location: location)
        }
    }
}
