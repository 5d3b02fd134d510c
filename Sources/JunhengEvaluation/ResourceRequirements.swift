import JunhengCore
import JunhengPlan
import JunhengReports
import JunhengResources

/// C1–C14 (资源配置) from the resource analysis: for one indicator and stage, every school part reaches
/// the plan's standard, and the student-weighted 差异系数 is within its bar (DOMAIN.md §1).
///
/// The requirement is the plan's target for each school, so a school below the standard fails it even
/// when the national 6-of-7 rule still lets the school pass (its finding says so). The binding figure is
/// the lowest school's value.
enum ResourceRequirements {
    /// `nil` when the roster has no school part of that stage.
    static func compute(
        _ indicator: ResourceIndicator, _ stage: SchoolStage, threshold: PlanThreshold, report: ResourceReport
    ) -> ComputedPart? {
        let parts = report.schools.filter { $0.stage == stage }
        guard !parts.isEmpty,
            let balance = report.indicators.first(where: { $0.stage == stage && $0.indicator == indicator.rawValue })
        else { return nil }
        let below = parts.filter { !$0.value(indicator).met }
        let lowest = parts.map { $0.value(indicator).value }.min()
        // Three decimals, more where three would round the CV onto its bar (0.50004 is never "0.500").
        let cvText =
            balance.cv.map {
                NumberText.format($0, .decimal(3), threshold: ReportThreshold(.atMost, balance.cvThreshold))
            } ?? "—"
        let cvBar = NumberText.fixed(balance.cvThreshold, places: 2)
        var status: RequirementStatus = .met
        var notes: [LocalizedText] = []
        if !below.isEmpty || balance.balanced == false {
            status = .failed
        } else if balance.balanced == nil {
            status = .pending
            notes.append(
                LocalizedText(
                    zh: "差异系数无法计算（学校太少或数值全为 0），无法判定是否均衡。",
                    en: "The 差异系数 cannot be computed (too few schools, or all values 0): balance cannot be decided."))
        }
        if balance.balanced == false {
            notes.append(
                LocalizedText(
                    zh: "校际差异系数 \(cvText) 超过 \(cvBar)。", en: "The 差异系数 \(cvText) is above \(cvBar)."))
        }
        let met = parts.count - below.count
        let lowestText = lowest.map { threshold.format($0) } ?? "—"
        let findings = below.map { part in
            let value = part.value(indicator).value
            let tolerated =
                part.passes
                ? LocalizedText(zh: "（该校仍满足“6 项达标且余项 ≥ 85%”）", en: " (the school still passes the 6-of-7 rule)")
                : LocalizedText(zh: "", en: "")
            return ComputedFinding(
                name: part.name, township: part.township,
                location: SourceLocation(file: report.roster, line: part.line), value: value,
                detail: LocalizedText(
                    zh: "\(threshold.format(value)) < \(threshold.format(threshold.value))",
                    en: "\(threshold.format(value)) < \(threshold.format(threshold.value))") + tolerated,
                fails: true)
        }
        return ComputedPart(
            status: status, value: lowest,
            figure: LocalizedText(
                zh: "\(met)/\(parts.count) 校达到 · 最低 \(lowestText) · 差异系数 \(cvText)",
                en: "\(met)/\(parts.count) schools · lowest \(lowestText) · CV \(cvText)"),
            standard: LocalizedText(
                zh: "\(threshold.text)；差异系数 ≤ \(cvBar)", en: "\(threshold.label.en); CV ≤ \(cvBar)"),
            findings: findings, notes: notes, source: report.roster)
    }
}
