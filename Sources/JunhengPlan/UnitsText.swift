public import JunhengCore
import JunhengReports

/// `junheng units` on the terminal: the 督查通报. Per responsible unit, the unit with its counts as a
/// heading, then each of its requirements with ✔/✘/? (failed first, then pending, no data, met), its
/// figure and its standard; the units with the most failing or missing requirements first.
///
/// ```
/// 县教育局（48 项：未达标 4，待核实 3，无数据 9，达标 32）
/// ✘  C24 小学所有班级学生数不超过45人  最大 52 人 · 2/43 校超过  每校 ≤ 45 人
/// ```
public struct UnitsText: Sendable {
    public var language: Language
    public var width: Int

    public init(language: Language = .zh, width: Int = 118) {
        self.language = language
        self.width = width
    }

    public func render(_ assessment: PlanAssessment) -> String {
        var out =
            LocalizedText(zh: "责任单位督查通报：", en: "Responsible units (supervision notice): ").text(language)
            + assessment.plan.title.text(language) + "\n"
        if let position = assessment.position { out += position.sentence.text(language) + "\n" }
        out += assessment.countsSentence.text(language) + LocalizedText(zh: "。", en: ".").text(language) + "\n\n"
        let bars = assessment.bars()
        var lines: [BarCheck] = []
        for standing in assessment.units {
            let heading = assessment.plan.unitLabel(standing.unit) + Self.counts(standing)
            for requirement in standing.requirements {
                guard var bar = bars.first(where: { $0.name == requirement.requirement.label }) else { continue }
                bar.area = heading
                bar.responsibleUnits = []
                lines.append(bar)
            }
        }
        out += SummaryRenderer(language: language, width: width).render(lines)
        return out
    }

    /// "（48 项：未达标 4，待核实 3，无数据 9，达标 32）".
    static func counts(_ standing: UnitStanding) -> LocalizedText {
        let parts = RequirementStatus.allCases.map { status in
            (status.label, standing.count(status))
        }
        let zh = parts.map { "\($0.0.zh) \($0.1)" }.joined(separator: "，")
        let en = parts.map { "\($0.1) \($0.0.en)" }.joined(separator: ", ")
        return LocalizedText(
            zh: "（\(standing.requirements.count) 项：\(zh)）", en: " (\(standing.requirements.count) requirements: \(en))")
    }
}
