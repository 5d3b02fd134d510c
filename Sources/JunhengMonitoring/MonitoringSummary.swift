import Foundation
public import JunhengCore
import JunhengStatistics

typealias JunhengStatisticsUndefined = IntraclassCorrelation.Undefined

/// Everything `junheng monitoring summary` prints: one result per year × grade × subject, the settings that
/// judged them, and notes on what is uncertain or unknown.
public struct MonitoringSummary: Sendable, Hashable, Codable {
    public var results: [MonitoringResult]
    public var settings: MonitoringSettings

    public init(results: [MonitoringResult], settings: MonitoringSettings) {
        self.results = results
        self.settings = settings
    }

    /// Sentences for under the tables: formulas, uncertain readings, and what could not be computed.
    public var notes: [LocalizedText] {
        var notes = MonitoringNotes.method(settings: settings)
        for result in results {
            let name = "\(result.year) \(result.grade.label) \(result.subject)"
            let english = "\(result.year) \(result.grade.englishLabel) \(MonitoringSubject.englishName(result.subject))"
            if result.source == .students, result.levelCounts == nil {
                notes.append(
                    LocalizedText(
                        zh: "\(name): 部分学生没有水平, 设置中也没有该学科年级的切分数, 水平分布和Ⅲ级及以上比例为未知。",
                        en:
                            "\(english): some students have no level and the settings give no cut scores, so the level figures are unknown."
                    ))
            }
            if result.source == .students, result.meanLevel == nil {
                notes.append(
                    LocalizedText(
                        zh: "\(name): 设置中没有该学科年级的切分数, 平均分所在水平为未知。",
                        en: "\(english): no cut scores in the settings, so the level of the mean is unknown."))
            }
            if result.iccNegative {
                notes.append(
                    LocalizedText(
                        zh: "\(name): ICC(1) 原始估计为负 (\(NumberFormat.fixed(result.iccRaw ?? 0, 4))), 按 0 报告。",
                        en:
                            "\(english): the raw ICC(1) estimate is negative (\(NumberFormat.fixed(result.iccRaw ?? 0, 4))) and is reported as 0."
                    ))
            }
            if let reason = result.iccUndefined {
                notes.append(
                    LocalizedText(
                        zh: "\(name): 无法计算校际差异率 (\(MonitoringNotes.reason(reason).zh))。",
                        en:
                            "\(english): the between-school difference rate cannot be computed (\(MonitoringNotes.reason(reason).en))."
                    ))
            }
            notes += MonitoringNotes.caveats(result)
        }
        return notes
    }

    enum CodingKeys: String, CodingKey {
        case results, settings, notes
    }

    /// Hand-written because it adds the derived `notes` (from the results and settings) to the stored fields.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(results, forKey: .results)
        try container.encode(settings, forKey: .settings)
        try container.encode(notes, forKey: .notes)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        results = try container.decode([MonitoringResult].self, forKey: .results)
        settings = try container.decode(MonitoringSettings.self, forKey: .settings)
    }
}

/// Notes shared by the summary, the trend and the report section.
enum MonitoringNotes {
    static func method(settings: MonitoringSettings) -> [LocalizedText] {
        let threshold = NumberFormat.fixed(settings.differenceRateThreshold, 2)
        let share = NumberFormat.percent(settings.shareThreshold)
        let deciding =
            settings.decidingReading == .meanLevel
            ? LocalizedText(zh: "平均分所在水平达到Ⅲ级及以上", en: "the level of the mean score is Ⅲ or above")
            : LocalizedText(zh: "Ⅲ级及以上学生比例不低于 \(share)", en: "the share of students at Ⅲ or above is at least \(share)")
        return [
            LocalizedText(
                zh:
                    "校际差异率 = ICC(1) = (MSB − MSW) / (MSB + (n0 − 1)·MSW), 以学校为组的单因素方差分析, n0 校正学校规模不等; 负的估计按 0 报告并注明 (DOMAIN.md §3)。"
                    + "国家报告用两水平模型估计, 均衡样本下两者接近 (待核实)。",
                en:
                    "between-school difference rate = ICC(1) = (MSB − MSW) / (MSB + (n0 − 1)·MSW), one-way ANOVA with schools as groups, n0 corrects for unequal school sizes;"
                    + " a negative estimate is reported as 0 and flagged (DOMAIN.md §3). National reports use a two-level model; for balanced samples they agree closely (uncertain)."
            ),
            LocalizedText(
                zh:
                    "“达到Ⅲ级以上”有两种理解 (待核实), 两者都列出: 平均分所在水平, 以及Ⅲ级及以上学生比例。本次由“\(deciding.zh)”判定; 另需校际差异率 < \(threshold) (县级方案附件2 B31: C61、C62)。",
                en:
                    "“Reaches level Ⅲ” has two readings (uncertain); both are shown: the level of the mean score, and the share of students at Ⅲ or above."
                    + " Here the bar uses “\(deciding.en)”, and the between-school difference rate must be below \(threshold) (the plan's Annex 2 B31: C61, C62)."
            ),
            LocalizedText(
                zh: "学校平均分差异系数为各校平均分的不加权 (总体) 差异系数, 仅供参考, 不是校际差异率。",
                en:
                    "CV of school means: the unweighted (population) CV of the schools' mean scores, for reference; it is not the between-school difference rate."
            ),
        ]
    }

    /// A result's caveats, each after the year, grade and subject it concerns.
    static func caveats(_ result: MonitoringResult) -> [LocalizedText] {
        let name = "\(result.year) \(result.grade.label) \(result.subject)"
        let english = "\(result.year) \(result.grade.englishLabel) \(MonitoringSubject.englishName(result.subject))"
        return result.caveats.map { LocalizedText(zh: name + ": ", en: english + ": ") + $0 }
    }

    static func reason(_ reason: JunhengStatisticsUndefined) -> LocalizedText {
        switch reason {
        case .fewerThanTwoGroups: LocalizedText(zh: "少于两所学校", en: "fewer than two schools")
        case .noWithinGroupDegreesOfFreedom: LocalizedText(zh: "每校只有一名学生", en: "every school has one student")
        case .noVariance: LocalizedText(zh: "所有得分相同", en: "all scores are equal")
        }
    }
}

/// Fixed, locale-free number text for notes.
enum NumberFormat {
    static func fixed(_ value: Double, _ places: Int) -> String {
        String(format: "%.\(places)f", value)
    }

    static func percent(_ value: Double) -> String {
        String(format: "%.1f%%", value * 100)
    }
}
