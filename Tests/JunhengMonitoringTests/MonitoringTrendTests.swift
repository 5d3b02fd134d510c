import JunhengCore
import JunhengReports
import Testing

@testable import JunhengMonitoring

struct MonitoringTrendTests {
    static let history = [
        MonitoringResult(
            year: 2018, grade: .four, subject: "数学", source: .students, mean: 500, shareIIIPlus: 0.6, icc: 0.2),
        MonitoringResult(
            year: 2021, grade: .four, subject: "数学", source: .students, mean: 510, shareIIIPlus: 0.65, icc: 0.12),
        MonitoringResult(year: 2015, grade: .four, subject: "数学", source: .countySummary, mean: 495, icc: 0.25),
        MonitoringResult(year: 2021, grade: .eight, subject: "数学", source: .students, mean: 480, icc: 0.1),
        MonitoringResult(year: 2021, grade: .four, subject: "体育与健康", source: .students, mean: 70, icc: 0.05),
    ]

    @Test func changesAreAgainstThePreviousCycleOfTheSameSubjectAndGrade() throws {
        let trend = MonitoringTrend(results: Self.history, subject: "数学", grade: .four)
        #expect(trend.rows.map(\.year) == [2015, 2018, 2021])
        #expect(trend.rows[0].previousYear == nil && trend.rows[0].meanChange == nil)
        // 2018 − 2015: mean 500 − 495 = 5; the 2015 summary has no share, so no share change; rate 0.2 − 0.25.
        #expect(trend.rows[1].previousYear == 2015)
        #expect(trend.rows[1].meanChange == 5)
        #expect(trend.rows[1].shareChange == nil)
        #expect(abs(trend.rows[1].iccChange! - (-0.05)) < 1e-12)
        // 2021 − 2018: 510 − 500 = 10; 0.65 − 0.6 = 0.05.
        #expect(trend.rows[2].meanChange == 10)
        #expect(abs(trend.rows[2].shareChange! - 0.05) < 1e-12)
    }

    @Test func withoutFiltersEverySubjectAndGradeStartsAfresh() {
        let trend = MonitoringTrend(results: Self.history)
        #expect(
            trend.rows.map { "\($0.subject)\($0.grade.rawValue)-\($0.year)" } == [
                "数学4-2015", "数学4-2018", "数学4-2021", "数学8-2021", "体育与健康4-2021",
            ])
        #expect(trend.rows[3].previousYear == nil)
        #expect(trend.rows[4].meanChange == nil)
        #expect(MonitoringTrend(results: Self.history, subject: "体育").rows.count == 1)
    }

    @Test func emptyTrendSaysWhatToDo() {
        let table = MonitoringTrend(results: []).table()
        #expect(table.rows.isEmpty)
        #expect(table.notes.contains { $0.zh.contains("junheng monitoring import") })
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
        #expect(section.tables.map(\.id) == ["monitoring-results", "monitoring-trend", "monitoring-schools"])
    }
}
