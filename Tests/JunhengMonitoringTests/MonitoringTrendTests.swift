import Foundation
import JunhengCore
import JunhengReports
import JunhengStatistics
import Testing

@testable import JunhengMonitoring

struct MonitoringTrendTests {
    /// Results without per-school sums (a county summary, and results as stored before the sums were kept).
    static let history = [
        MonitoringResult(
            year: 2018, grade: .four, subject: "数学", source: .students, mean: 500, shareIIIPlus: 0.6, icc: 0.2),
        MonitoringResult(
            year: 2021, grade: .four, subject: "数学", source: .students, mean: 510, shareIIIPlus: 0.65, icc: 0.12),
        MonitoringResult(year: 2015, grade: .four, subject: "数学", source: .countySummary, mean: 495, icc: 0.25),
        MonitoringResult(year: 2021, grade: .eight, subject: "数学", source: .students, mean: 480, icc: 0.1),
        MonitoringResult(year: 2021, grade: .four, subject: "体育与健康", source: .students, mean: 70, icc: 0.05),
    ]

    /// DOMAIN.md §7's three schools, as students of 数学 grade 4, levels by the cut scores 420/490/580.
    static func domainExample(_ years: [Int: [String: [Double]]]) -> [MonitoringResult] {
        var scores: [StudentScore] = []
        for (year, schools) in years {
            for (school, values) in schools {
                for (index, value) in values.enumerated() {
                    scores.append(
                        StudentScore(
                            year: year, grade: .four, subject: "数学", school: school, studentID: "\(school)\(index)",
                            score: value))
                }
            }
        }
        let settings = MonitoringSettings(cutScores: [.init(subject: "数学", grade: 4, from: [420, 490, 580])])
        return MonitoringAnalysis.summarize(scores: scores, settings: settings)
    }

    static let year1: [String: [Double]] = ["A": [500, 520], "B": [480, 470, 490], "C": [530]]
    static let year2: [String: [Double]] = ["A": [510, 540], "B": [500, 495, 505], "C": [560, 550]]

    @Test func changesAreAgainstThePreviousCycleAndTheFirstYear() throws {
        let trend = MonitoringTrend(results: Self.history, subject: "数学", grade: .four)
        #expect(trend.rows.map(\.year) == [2015, 2018, 2021])
        #expect(trend.rows[0].mean.change == nil && trend.rows[0].mean.changeFromFirst == nil)
        // 2018 − 2015: mean 500 − 495 = 5, three years on; the 2015 summary has no share, so no share change.
        let first = try #require(trend.rows[1].mean.change)
        #expect(first.fromYear == 2015 && first.gapYears == 3 && first.value == 5)
        #expect(trend.rows[1].shareIIIPlus.change == nil)
        #expect(abs(try #require(trend.rows[1].icc.change).value - -0.05) < 1e-12)
        // 2021: 510 − 500 = 10 from 2018, 510 − 495 = 15 from 2015; 0.65 − 0.6 = 0.05.
        #expect(trend.rows[2].mean.change?.value == 10 && trend.rows[2].mean.change?.fromYear == 2018)
        #expect(trend.rows[2].mean.changeFromFirst?.value == 15 && trend.rows[2].mean.changeFromFirst?.fromYear == 2015)
        #expect(abs(try #require(trend.rows[2].shareIIIPlus.change).value - 0.05) < 1e-12)
    }

    /// No sums, no interval, no verdict, and the reason said: the county summary names its year, results
    /// stored before the sums were kept are 无区间（早期数据）.
    @Test func figuresWithoutSumsSayWhy() throws {
        let trend = MonitoringTrend(results: Self.history, subject: "数学", grade: .four)
        #expect(trend.rows[0].mean.ci95 == nil)
        #expect(trend.rows[0].mean.noInterval?.zh == "无区间（2015 年为汇总数字）")
        let fromSummary = try #require(trend.rows[1].mean.change)
        #expect(fromSummary.ci95 == nil && fromSummary.verdict == nil)
        #expect(fromSummary.note?.zh == "无区间（2015 年为汇总数字）")
        let early = try #require(trend.rows[2].mean.change)
        #expect(early.verdict == nil && early.note?.zh == "无区间（早期数据）")
        #expect(early.note?.en == "no interval (early data)")
        #expect(trend.rows[2].mean.noInterval?.zh == "无区间（早期数据）")
        #expect(trend.rows[2].icc.ci95 == nil)
    }

    /// DOMAIN.md §7 through the monitoring: the mean's change 24.52381 ± 42.10677 holds 0 (no significant change).
    /// The share at Ⅲ+ (≥ 490): year 1 y = 2, 1, 1 of m = 2, 3, 1, r = 0.666667, var = 3/2 · 1.555556 / 36 =
    /// 0.0648148; year 2 every school all at Ⅲ+ (r = 1, var 0), so the Wilson interval on 3 schools, [0.4384939, 1],
    /// gives var = (0.5615061 / 3.92)² = 0.0205181; d = 0.333333 ± 1.96 · sqrt(0.0853329) = [−0.2392179, 0.9058845].
    @Test func domainExampleThroughTheMonitoring() throws {
        let trend = MonitoringTrend(results: Self.domainExample([2021: Self.year1, 2024: Self.year2]))
        #expect(trend.rows.map(\.year) == [2021, 2024])
        let mean = try #require(trend.rows[1].mean.change)
        #expect(abs(mean.value - 24.523_81) < 1e-5)
        let interval = try #require(mean.ci95)
        #expect(abs(interval.lowerBound - -17.582_96) < 1e-5 && abs(interval.upperBound - 66.630_58) < 1e-5)
        #expect(mean.verdict == .noSignificantChange && mean.note == nil)
        #expect(mean.fromYear == 2021 && mean.gapYears == 3)
        // The year's own interval: 498.333 ± 1.96 · sqrt(190.50926).
        let year = try #require(trend.rows[0].mean.ci95)
        #expect(abs(year.lowerBound - 471.280_42) < 1e-4 && abs(year.upperBound - 525.386_25) < 1e-4)

        let share = try #require(trend.rows[1].shareIIIPlus.change)
        let shareInterval = try #require(share.ci95)
        #expect(abs(share.value - 0.333_333_33) < 1e-8)
        #expect(abs(shareInterval.lowerBound - -0.239_217_85) < 1e-7)
        #expect(abs(shareInterval.upperBound - 0.905_884_52) < 1e-7)
        #expect(share.verdict == .noSignificantChange)
        // A share's interval stays in [0, 1]: 1 ± 0.2807530 → [0.7192470, 1].
        let shareYear = try #require(trend.rows[1].shareIIIPlus.ci95)
        #expect(abs(shareYear.lowerBound - 0.719_246_96) < 1e-7 && shareYear.upperBound == 1)
        // 校际差异率: Searle's intervals of the two years overlap ([0, 0.9945467] and [0.0964287, 0.9956145]).
        let icc = try #require(trend.rows[1].icc.change)
        #expect(icc.verdict == nil && icc.ci95 == nil)
        #expect(icc.note?.zh == "两年区间重叠，不作判断")
        #expect(abs(try #require(trend.rows[1].icc.ci95).lowerBound - 0.096_428_746_78) < 1e-9)
    }

    /// A year of one school: no interval, no verdict, said.
    @Test func oneSchoolHasNoInterval() throws {
        let trend = MonitoringTrend(results: Self.domainExample([2021: Self.year1, 2024: ["A": [510, 540]]]))
        #expect(trend.rows[1].mean.ci95 == nil)
        #expect(trend.rows[1].mean.noInterval?.zh == "无区间（2024 年不足 2 所学校）")
        let change = try #require(trend.rows[1].mean.change)
        #expect(change.verdict == nil && change.note?.en == "no interval (fewer than 2 schools in 2024)")
        #expect(trend.rows[1].icc.value == nil)  // ICC(1) is undefined for one school
    }

    /// Two years of other cut scores: the share's change says its levels are not the same, and a year judged
    /// against other bars says so.
    @Test func otherCutScoresAndBarsAreStated() throws {
        var results = Self.domainExample([2021: Self.year1, 2024: Self.year2])
        results[1].cutScores = [425, 495, 585]
        results[1].differenceRateThreshold = 0.2
        let trend = MonitoringTrend(results: results)
        let caveats = try #require(trend.rows[1].shareIIIPlus.change).caveats
        #expect(caveats.map(\.zh) == ["两年的水平切分数不同（2021 年 420/490/580，2024 年 425/495/585），Ⅲ级及以上比例不是同一标准下的比较。"])
        #expect(trend.rows[1].mean.change?.caveats == [])
        #expect(trend.rows[1].caveats.contains { $0.zh.contains("校际差异率 < 0.15 → < 0.2") })
        #expect(trend.tables().contains { $0.notes.contains { $0.zh.contains("水平切分数不同") } })
    }

    /// `{"rows": [...]}`: year, grade (4 or 8), subject, and mean, share_iii_plus, icc each with value and ci95;
    /// mean and share with change and change_from_first, a change {from_year, value, ci95, verdict} or null.
    @Test func jsonHasTheIssuesShape() throws {
        let trend = MonitoringTrend(results: Self.domainExample([2021: Self.year1, 2024: Self.year2]))
        let json = try JSONSerialization.jsonObject(with: Data(try JSONOutput.encode(trend).utf8)) as! [String: Any]
        #expect(Array(json.keys) == ["rows"])
        let rows = try #require(json["rows"] as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(
            rows[0]["year"] as? Int == 2021 && rows[0]["grade"] as? Int == 4 && rows[0]["subject"] as? String == "数学")
        for figure in ["mean", "share_iii_plus", "icc"] {
            let first = try #require(rows[0][figure] as? [String: Any])
            #expect(first["value"] is Double && (first["ci95"] as? [Double])?.count == 2, "\(figure)")
            #expect(first["change"] is NSNull && first["change_from_first"] is NSNull, "\(figure)")
        }
        let change = try #require((rows[1]["mean"] as? [String: Any])?["change"] as? [String: Any])
        #expect(change["from_year"] as? Int == 2021)
        #expect(change["verdict"] as? String == "no-significant-change")
        #expect((change["ci95"] as? [Double])?.count == 2 && change["value"] is Double)
        let icc = try #require((rows[1]["icc"] as? [String: Any])?["change"] as? [String: Any])
        #expect(icc["verdict"] is NSNull && icc["ci95"] is NSNull)
    }

    @Test func withoutFiltersEverySubjectAndGradeStartsAfresh() {
        let trend = MonitoringTrend(results: Self.history)
        #expect(
            trend.rows.map { "\($0.subject)\($0.grade.rawValue)-\($0.year)" } == [
                "数学4-2015", "数学4-2018", "数学4-2021", "数学8-2021", "体育与健康4-2021",
            ])
        #expect(trend.rows[3].mean.change == nil)
        #expect(trend.rows[4].mean.changeFromFirst == nil)
        #expect(MonitoringTrend(results: Self.history, subject: "体育").rows.count == 1)
    }

    @Test func emptyTrendSaysWhatToDo() {
        let tables = MonitoringTrend(results: []).tables()
        #expect(tables.map(\.id) == ["monitoring-trend-mean", "monitoring-trend-share", "monitoring-trend-icc"])
        #expect(tables.allSatisfy { $0.rows.isEmpty })
        #expect(tables[0].notes.contains { $0.zh.contains("junheng monitoring import") })
    }

    /// Only a real change is coloured: no significant change and no verdict are neither good nor bad.
    @Test func onlyRealChangesAreColoured() throws {
        let trend = MonitoringTrend(results: Self.domainExample([2021: Self.year1, 2024: Self.year2]))
        let mean = trend.tables([.mean])[0]
        let verdict = try #require(mean.columns.firstIndex { $0.key == "verdict" })
        #expect(mean.rows[1][verdict] == .label(LocalizedText(zh: "无显著变化", en: "no significant change")))
        #expect(mean.rows[1][verdict].fails == nil)
        let up = TrendChange(
            YearOverYear.change(
                from: .init(year: 2018, value: 500, variance: 4), to: .init(year: 2021, value: 520, variance: 4)),
            describe: { _, _ in LocalizedText(verbatim: "") })
        #expect(up.verdictCell(riseIsGood: true).fails == false)
        #expect(up.verdictCell(riseIsGood: false).fails == true)
        #expect(up.cell(.decimal(1)) == .text("+20.0 [14.5, 25.5]"))
    }

    @Test func reportSectionHasBarsChartsAndTables() {
        var history = Self.history
        for index in history.indices { history[index].judge(settings: MonitoringSettings()) }
        let section = MonitoringReport.reportSection(history: history)
        // Latest year of each subject × grade: 数学 4 (2021), 数学 8 (2021), 体育与健康 4 (2021).
        #expect(section.bars.count == 3)
        #expect(section.bars.allSatisfy { $0.responsibleUnits.map(\.zh) == ["县教育局"] })
        #expect(section.bars.allSatisfy { $0.responsibleUnits.map(\.en) == ["County Education Bureau"] })
        #expect(section.bars[0].name.zh.hasPrefix("2021 四年级数学"))
        // Two charts per subject.
        #expect(section.charts.count == 4)
        #expect(section.charts.allSatisfy { $0.kind == .lines })
        #expect(
            section.tables.map(\.id) == [
                "monitoring-results", "monitoring-trend-mean", "monitoring-trend-share", "monitoring-trend-icc",
                "monitoring-schools",
            ])
    }

    /// The charts draw each year's interval as whiskers.
    @Test func chartsCarryTheIntervals() throws {
        let section = MonitoringReport.reportSection(
            history: Self.domainExample([2021: Self.year1, 2024: Self.year2]))
        let means = try #require(section.charts.first { $0.id == "monitoring-mean-数学" })
        let points = means.series[0].points
        #expect(points.count == 2)
        #expect(abs(try #require(points[0].interval).lowerBound - 471.280_42) < 1e-4)
        #expect(points.allSatisfy { $0.fails == false })
    }
}
