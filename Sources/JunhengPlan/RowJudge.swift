import JunhengCore

/// The rules of ``SheetReading`` applied to one row, collecting the issues as it goes.
struct RowJudge {
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
                        en:
                            "The evidence \"\(ProperName.mark(path))\" is not in the data folder: add the file or correct the path."
                    ),
                    blocking: false)
            case .empty(let path):
                problem(
                    .evidence,
                    LocalizedText(
                        zh: "佐证材料“\(path)”是空文件（0 字节），不能作为佐证：请放入有内容的文件。",
                        en:
                            "The evidence \"\(ProperName.mark(path))\" is an empty file (0 bytes) and proves nothing: put in the real file."
                    ),
                    blocking: false)
            case .outside(let path):
                problem(
                    .evidence,
                    LocalizedText(
                        zh: "佐证材料“\(path)”不在数据文件夹内：请把文件放进数据文件夹，并写相对路径。",
                        en:
                            "The evidence \"\(ProperName.mark(path))\" is outside the data folder: put the file in the folder and give its relative path."
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
                zh: "结论“\(text)”应为“达标”或“未达标”。",
                en:
                    "The \(SheetWords.conclusion) \"\(ProperName.mark(text))\" must be \(SheetWords.met) (met) or \(SheetWords.failed) (failed)."
            ),
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
                    en: "\(ProperName.mark(column.rawValue)) \(PlanThreshold.compact(value, places: 6)) is negative."))
        case .failure(let failure):
            let hint =
                share
                ? LocalizedText(zh: "（百分比写作 95% 或 0.95）", en: " (write a percentage as 95% or 0.95)")
                : LocalizedText(zh: "", en: "")
            problem(
                column,
                LocalizedText(zh: "\(column.rawValue)", en: "\(ProperName.mark(column.rawValue)) ") + failure.message
                    + hint
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
                problem(
                    .denominator,
                    LocalizedText(zh: "分母为 0，无法计算。", en: "\(SheetWords.denominator) (the denominator) is 0."))
            }
        } else if !row[.numerator].isEmpty, row[.denominator].isEmpty {
            problem(
                .denominator,
                LocalizedText(
                    zh: "给出了分子而没有分母，请补上分母。",
                    en: "\(SheetWords.numerator) is given without \(SheetWords.denominator): add the denominator."))
        } else if row[.numerator].isEmpty, !row[.denominator].isEmpty {
            problem(
                .numerator,
                LocalizedText(
                    zh: "给出了分母而没有分子，请补上分子。",
                    en: "\(SheetWords.denominator) is given without \(SheetWords.numerator): add the numerator."))
        }
        if part.isShare {
            // A share of a whole: 分子 is part of 分母, so the figure cannot exceed 100 %.
            if let numerator, let denominator, denominator > 0, numerator > denominator {
                problem(
                    .numerator,
                    LocalizedText(
                        zh: "分子 \(row[.numerator]) 大于分母 \(row[.denominator])：比例不可能超过 100%，请核对这两个数。",
                        en:
                            "\(SheetWords.numerator) \(row[.numerator]) (the numerator) is larger than \(SheetWords.denominator) \(row[.denominator]): a share "
                            + "cannot exceed 100 %; check both."))
                fraction = nil
            }
            if let typed, typed > 1 {
                problem(
                    .value,
                    LocalizedText(
                        zh: "数值 \(row[.value]) 超过 100%：比例不可能超过 100%，请核对。",
                        en:
                            "\(SheetWords.value) \(ProperName.mark(row[.value])) is above 100 %: a share cannot exceed 100 %; check it."
                    ))
            }
        }
        if let fraction, let typed, abs(fraction - typed) > tolerance + 1e-9 * max(1, abs(fraction)) {
            problem(
                .value,
                LocalizedText(
                    zh: "数值 \(row[.value]) 与 分子/分母 = \(threshold.format(fraction)) 不一致，请核对。",
                    en:
                        "\(SheetWords.value) \(ProperName.mark(row[.value])) disagrees with \(SheetWords.numerator)/\(SheetWords.denominator) = \(threshold.format(fraction)): check both."
                ))
        }
        let value = fraction ?? typed
        var shown = value.map { threshold.figureLabel($0) } ?? LocalizedText(verbatim: "—")
        if fraction != nil {
            shown = shown + LocalizedText.name(" · \(row[.numerator])/\(row[.denominator])")
        }
        guard let value, !blocked else {
            if value == nil, !blocked, row.givesData, !(computed && claim != nil) {
                problem(
                    .value,
                    LocalizedText(
                        zh: "此项要与标准 \(threshold.text) 比较：请填分子/分母或数值。",
                        en:
                            "This requirement is compared with \(threshold.label.en): give \(SheetWords.numerator)/\(SheetWords.denominator) or \(SheetWords.value)."
                    ))
            }
            return SheetReading(
                status: row.givesData ? .pending : .noData, value: nil, tolerance: tolerance,
                figure: shown, notes: notes, issues: issues, location: row.location())
        }
        let meets = threshold.holds(value)
        if let claim, claim != meets {
            problem(
                .conclusion,
                LocalizedText(
                    zh: "结论“\(row[.conclusion])”与数值 \(threshold.formatWithUnit(value))（标准 \(threshold.text)）不符，以数值为准。",
                    en:
                        "The \(SheetWords.conclusion) \"\(ProperName.mark(row[.conclusion]))\" disagrees with the figure "
                        + "\(threshold.figureLabel(value).en) (standard \(threshold.label.en)); the figure decides."
                ), blocking: false)
        }
        var status: RequirementStatus = meets ? .met : .failed
        if meets, !evidenceFound { status = .pending }
        return SheetReading(
            status: status, value: value, tolerance: tolerance, figure: shown, notes: notes,
            issues: issues, location: row.location())
    }

    // MARK: - A judgement

    mutating func judgement(claim: Bool?, evidence: [EvidenceCheck.Outcome]) -> SheetReading {
        if let column = [IndicatorSheet.Column.numerator, .denominator, .value].first(where: { !row[$0].isEmpty }) {
            problem(
                column,
                LocalizedText(
                    zh: "此项为判断项，不使用分子/分母/数值：请填结论和佐证材料。",
                    en:
                        "This requirement is a judgement: \(SheetWords.numerator)/\(SheetWords.denominator)/\(SheetWords.value) are not used; give \(SheetWords.conclusion) and \(SheetWords.evidence)."
                ),
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
                        en: "Claimed met without evidence: give the file's path under \(SheetWords.evidence)."))
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
                        LocalizedText(
                            zh: "未填结论：请填“达标”或“未达标”。",
                            en:
                                "No \(SheetWords.conclusion): write \(SheetWords.met) (met) or \(SheetWords.failed) (failed)."
                        ))
                }
                return SheetReading(
                    status: .pending, figure: LocalizedText(zh: "结论未填", en: "no \(SheetWords.conclusion)"),
                    notes: notes, issues: issues,
                    location: location)
            }
            return SheetReading(
                status: .noData, figure: LocalizedText(verbatim: "—"), notes: notes, issues: issues, location: location)
        }
    }
}
