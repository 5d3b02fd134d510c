import JunhengCore
import JunhengMonitoring
import JunhengPlan
import JunhengReports

/// C61 and C62 (B31): in the national quality monitoring, every monitored subject of grade 4 (or 8)
/// reaches level Ⅲ and has a 校际差异率 below the plan's threshold (DOMAIN.md §3), judged on each
/// subject's latest result up to the evaluation year. The binding figure is the highest 校际差异率.
///
/// The results are judged with the plan's threshold and the monitoring settings' deciding reading of
/// "reaches Ⅲ" (``MonitoringResult/judge(settings:)``).
enum MonitoringRequirements {
    /// `nil` when no result of that grade is stored or given.
    static func compute(grade: MonitoringGrade, threshold: PlanThreshold, history: [MonitoringResult]) -> ComputedPart?
    {
        // Three decimals, more where three would round a rate onto the threshold (0.14996 against < 0.15
        // is never "0.150" next to 达标).
        func rateText(_ rate: Double) -> String {
            NumberText.format(rate, .decimal(3), threshold: threshold.reportThreshold)
        }
        var latest: [String: MonitoringResult] = [:]
        for result in history.sorted(by: MonitoringResult.ordered) where result.grade == grade {
            latest[result.subject] = result
        }
        guard !latest.isEmpty else { return nil }
        let results = latest.values.sorted {
            MonitoringSubject.sortKey($0.subject) < MonitoringSubject.sortKey($1.subject)
        }
        var findings: [ComputedFinding] = []
        for result in results where result.meets != true {
            let subject = LocalizedText(zh: result.subject, en: MonitoringSubject.englishName(result.subject))
            let level =
                result.meanLevel.map { LocalizedText(zh: "水平\($0.numeral)", en: "level \($0.numeral)") }
                ?? LocalizedText(zh: "水平未知", en: "level unknown")
            let rate =
                result.icc.map {
                    LocalizedText(zh: "差异率 \(rateText($0))", en: "difference rate \(rateText($0))")
                }
                ?? LocalizedText(zh: "差异率未知", en: "difference rate unknown")
            findings.append(
                ComputedFinding(
                    name: "\(result.year) \(subject.zh)", value: result.icc,
                    detail: LocalizedText(verbatim: "\(result.year) ") + subject + LocalizedText(zh: "：", en: ": ")
                        + level
                        + LocalizedText(verbatim: " · ") + rate,
                    fails: result.meets == false, label: LocalizedText(verbatim: "\(result.year) ") + subject))
        }
        let failing = findings.filter(\.fails).count
        let unknown = findings.count - failing
        let status: RequirementStatus = failing > 0 ? .failed : (unknown > 0 ? .pending : .met)
        let highest = results.compactMap(\.icc).max()
        var figure = LocalizedText(
            zh: "\(results.count - findings.count)/\(results.count) 科达标",
            en: "\(results.count - findings.count)/\(results.count) subjects")
        if let highest {
            figure =
                figure
                + LocalizedText(
                    zh: " · 最高差异率 \(rateText(highest))",
                    en: " · highest difference rate \(rateText(highest))")
        }
        return ComputedPart(
            status: status, value: highest, figure: figure,
            standard: LocalizedText(
                zh: "水平Ⅲ以上且校际差异率 \(threshold.text)",
                en: "level Ⅲ or above and between-school difference rate \(threshold.label.en)"),
            findings: findings.filter(\.fails) + findings.filter { !$0.fails },
            notes: [
                LocalizedText(
                    zh: "按每个学科最近一次监测结果判定。", en: "Each subject is judged on its latest monitoring result.")
            ], source: "monitoring")
    }
}
