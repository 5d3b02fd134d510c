import JunhengCore

/// A requirement of two halves read from one sheet row (see ``SheetReading``).
extension RowJudge {
    /// C1–C14 or C61/C62 from the sheet: the threshold half from 分子/分母/数值, the other half from 结论 and
    /// 佐证材料 (see ``SheetReading``).
    mutating func twoHalves(
        _ threshold: PlanThreshold, _ computation: PlanComputation, claim: Bool?,
        evidence: [EvidenceCheck.Outcome]
    ) -> SheetReading {
        let other = computation.otherHalf!
        let label = computation.otherHalfLabel!
        let named = computation.thresholdHalf!
        let numeric = [IndicatorSheet.Column.numerator, .denominator, .value].contains { !row[$0].isEmpty }
        let first = numeric ? figure(threshold, claim: nil) : nil
        let found = evidence.filter { if case .found = $0 { true } else { false } }.count
        var otherStatus: RequirementStatus?
        var otherText: LocalizedText
        switch claim {
        case true?:
            otherStatus = !evidence.isEmpty && evidenceFound ? .met : .pending
            otherText =
                evidence.isEmpty
                ? LocalizedText(zh: "达标（缺佐证材料）", en: "met (no evidence)")
                : LocalizedText(
                    zh: "达标 · 佐证 \(found)/\(evidence.count) 份", en: "met · evidence \(found)/\(evidence.count)")
            if evidence.isEmpty {
                notes.append(
                    LocalizedText(
                        zh: "“\(other.zh)”结论为达标，但没有佐证材料：请在“佐证材料”列写出文件路径。",
                        en:
                            "\(other.en) is claimed met without evidence: give the file's path under \(SheetWords.evidence)."
                    ))
            }
        case false?:
            otherStatus = .failed
            otherText = LocalizedText(zh: "未达标", en: "failed")
        case nil:
            otherText = LocalizedText(zh: "未填", en: "not given")
        }
        if row.givesData {
            if first == nil {
                problem(
                    .value,
                    LocalizedText(
                        zh: "\(part.code) 有两项要求，此行缺“\(named.zh)”（\(threshold.text)）：请填分子/分母或数值。",
                        en: "\(part.code) has two halves; this row lacks \(named.en) (\(threshold.label.en)): "
                            + "give \(SheetWords.numerator)/\(SheetWords.denominator) or \(SheetWords.value)."),
                    blocking: false)
            }
            if claim == nil {
                problem(
                    .conclusion,
                    LocalizedText(
                        zh: "\(part.code) 有两项要求，此行缺“\(other.zh)”：请在“结论”列填达标或未达标，并附佐证材料。",
                        en:
                            "\(part.code) has two halves; this row lacks \(other.en): write \(SheetWords.met) (met) or \(SheetWords.failed) "
                            + "(failed) under \(SheetWords.conclusion), with its \(SheetWords.evidence)."),
                    blocking: false)
            }
        }
        let statuses = [first?.status, otherStatus]
        let status: RequirementStatus =
            if statuses.contains(.failed) {
                .failed
            } else if first?.status == .met, otherStatus == .met {
                .met
            } else if first == nil, otherStatus == nil, !row.givesData {
                .noData
            } else {
                .pending
            }
        let figure =
            (first?.figure ?? LocalizedText(verbatim: "—")) + LocalizedText(verbatim: " · ") + label
            + LocalizedText(verbatim: " ") + otherText
        return SheetReading(
            status: status, value: first?.value, tolerance: first?.tolerance ?? 0, figure: figure, notes: notes,
            issues: issues, location: row.location())
    }
}
