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
/// - A requirement of two halves (C1–C14: every school at the standard, and the 差异系数 within its bar;
///   C61/C62: the 校际差异率, and every subject at level Ⅲ), given in the sheet instead of computed, gives
///   the threshold half as its figure and the other half as `结论` with `佐证材料`
///   (``PlanComputation/otherHalf``). Both halves met is `met`, either failed is `failed`; a half not
///   given makes it `pending`, and the note says which half is missing.
/// - A percentage is a share of a whole unless the plan says `ratio: true`: 分子 above 分母, or a 数值
///   above 100 %, is impossible and makes it `pending`, at the cell.
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
        if let threshold = part.threshold, !computed, let computation = part.computation,
            computation.otherHalf != nil
        {
            reading = judge.twoHalves(threshold, computation, claim: claim, evidence: outcomes)
        } else if let threshold = part.threshold {
            reading = judge.figure(threshold, claim: claim)
        } else {
            reading = judge.judgement(claim: claim, evidence: outcomes)
        }
        reading.claim = claim
        reading.evidence = outcomes
        if !row[.note].isEmpty {
            reading.notes.append(LocalizedText(zh: "说明：" + row[.note], en: "Note: " + ProperName.mark(row[.note])))
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
