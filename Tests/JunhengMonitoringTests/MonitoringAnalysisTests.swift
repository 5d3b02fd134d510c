import Foundation
import JunhengCore
import JunhengIngest
import JunhengReports
import JunhengStatistics
import Testing

@testable import JunhengMonitoring

struct MonitoringAnalysisTests {
    /// Three schools, unbalanced: A = [1, 3], B = [4, 6, 8], C = [8, 10] (as in IntraclassCorrelationTests).
    static let unbalanced = studentRows([
        ("A校", "1"), ("A校", "3"), ("B校", "4"), ("B校", "6"), ("B校", "8"), ("C校", "8"), ("C校", "10"),
    ])

    static let cuts = MonitoringSettings(cutScores: [.init(subject: "数学", grade: 4, from: [3, 6, 9])])

    @Test func studentLevelFiguresFromCutScores() throws {
        let summary = try MonitoringAnalysis.summarize(
            table: table(studentHeader, Self.unbalanced), settings: Self.cuts)
        let result = try #require(summary.results.first)
        #expect(summary.results.count == 1)
        #expect(result.year == 2024 && result.grade == .four && result.subject == "数学")
        #expect(result.schools == 3)
        #expect(result.students == 7)
        // Mean = (1+3+4+6+8+8+10)/7 = 40/7 ≈ 5.714.
        #expect(abs(result.mean! - 40.0 / 7.0) < 1e-12)
        // Cut scores Ⅱ ≥ 3, Ⅲ ≥ 6, Ⅳ ≥ 9: 1 → Ⅰ; 3, 4 → Ⅱ; 6, 8, 8 → Ⅲ; 10 → Ⅳ.
        #expect(result.levelCounts == [1, 2, 3, 1])
        #expect(abs(result.shareIIIPlus! - 4.0 / 7.0) < 1e-12)
        // The mean 5.714 is below 6: level Ⅱ.
        #expect(result.meanLevel == .ii)
        // ICC(1) = 0.76 (worked in IntraclassCorrelationTests.unbalancedThreeSchools).
        #expect(abs(result.icc! - 0.76) < 1e-12)
        #expect(!result.iccNegative)
        // School means 2, 6, 9: mean 17/3; population SD = sqrt(((2−17/3)² + (6−17/3)² + (9−17/3)²)/3)
        // = sqrt((121 + 1 + 100)/27) = sqrt(222/27); CV = that / (17/3).
        #expect(abs(result.cvSchoolMeans! - (222.0 / 27.0).squareRoot() / (17.0 / 3.0)) < 1e-12)
        // Per school, in name order: A (2, mean 2, Ⅲ+ 0), B (3, mean 6, Ⅲ+ 2/3), C (2, mean 9, Ⅲ+ 1).
        #expect(result.perSchool.map(\.school) == ["A校", "B校", "C校"])
        #expect(result.perSchool.map(\.students) == [2, 3, 2])
        #expect(result.perSchool.map(\.mean) == [2, 6, 9])
        #expect(result.perSchool.map(\.shareIIIPlus) == [0, 2.0 / 3.0, 1])
        // Level of the mean Ⅱ fails; share 57 % ≥ 50 % passes; 0.76 ≥ 0.15 fails; overall fails.
        #expect(result.meetsMeanLevel == false)
        #expect(result.meetsShare == true)
        #expect(result.meetsDifferenceRate == false)
        #expect(result.meets == false)
    }

    @Test func negativeEstimateReportedAsZeroAndBarMet() throws {
        // A = [1, 5], B = [2, 4, 6]: raw ICC −31/65 (IntraclassCorrelationTests), reported as 0.
        let rows = studentRows([("A校", "1"), ("A校", "5"), ("B校", "2"), ("B校", "4"), ("B校", "6")])
        let settings = MonitoringSettings(cutScores: [.init(subject: "数学", grade: 4, from: [1, 2, 3])])
        let result = try #require(
            MonitoringAnalysis.summarize(table: table(studentHeader, rows), settings: settings).results.first)
        #expect(result.icc == 0)
        #expect(abs(result.iccRaw! - (-31.0 / 65.0)) < 1e-12)
        #expect(result.iccNegative)
        // Mean 18/5 = 3.6 ≥ 3: level Ⅳ; 0 < 0.15: the bar is met.
        #expect(result.meanLevel == .iv)
        #expect(result.meets == true)
    }

    @Test func withoutLevelsOrCutScoresTheLevelFiguresAreUnknown() throws {
        let rows = studentRows([("A校", "1"), ("A校", "5"), ("B校", "2"), ("B校", "4"), ("B校", "6")])
        let summary = try MonitoringAnalysis.summarize(table: table(studentHeader, rows))
        let result = try #require(summary.results.first)
        #expect(result.levelCounts == nil)
        #expect(result.shareIIIPlus == nil)
        #expect(result.meanLevel == nil)
        #expect(result.perSchool.allSatisfy { $0.shareIIIPlus == nil })
        // The 校际差异率 passes but the level is unknown: the verdict is unknown, not a guess.
        #expect(result.meetsDifferenceRate == true)
        #expect(result.meets == nil)
        #expect(summary.notes.contains { $0.zh.contains("水平为未知") || $0.zh.contains("为未知") })
    }

    @Test func levelColumnIsUsedWhenGiven() throws {
        let header = studentHeader + ["水平", "乡镇"]
        let rows = [
            ["2024", "四年级", "数学", "A校", "1", "80", "Ⅲ", "城关镇"],
            ["2024", "四年级", "数学", "A校", "2", "60", "2", "城关镇"],
            ["2024", "四年级", "数学", "B校", "3", "90", "优秀", "双涧镇"],
            ["2024", "四年级", "数学", "B校", "4", "50", "待提高", "双涧镇"],
        ]
        let result = try #require(MonitoringAnalysis.summarize(table: table(header, rows)).results.first)
        #expect(result.levelCounts == [1, 1, 1, 1])
        #expect(result.shareIIIPlus == 0.5)
        #expect(result.perSchool.map(\.township) == ["城关镇", "双涧镇"])
        // No cut scores: the level of the mean stays unknown even though students' levels are known.
        #expect(result.meanLevel == nil)
    }

    @Test func oneSchoolHasNoDifferenceRate() throws {
        let rows = studentRows([("A校", "1"), ("A校", "5")])
        let summary = try MonitoringAnalysis.summarize(table: table(studentHeader, rows))
        let result = try #require(summary.results.first)
        #expect(result.icc == nil)
        #expect(result.iccUndefined == .fewerThanTwoGroups)
        #expect(result.meets == nil)
    }

    @Test func groupsByYearGradeAndSubject() throws {
        let rows =
            studentRows(year: "2021", subject: "数学", [("A校", "1"), ("B校", "2")])
            + studentRows(year: "2018", grade: "八年级", subject: "体育", [("A校", "1"), ("B校", "2")])
            + studentRows(year: "2021", subject: "体育与健康", [("A校", "3"), ("B校", "4")])
        let summary = try MonitoringAnalysis.summarize(table: table(studentHeader, rows))
        #expect(
            summary.results.map { "\($0.year) \($0.grade.rawValue) \($0.subject)" } == [
                "2018 8 体育与健康", "2021 4 数学", "2021 4 体育与健康",
            ])
    }

    @Test func badRowsAreReportedWithLineAndColumn() {
        let rows = [
            ["2024", "4", "数学", "A校", "1", "80"],
            ["24", "5", "数学", "A校", "2", "八十"],
            ["2024", "4", "数学", "", "3", "70"],
            ["2024", "4", "数学", "A校", "1", "75"],
        ]
        #expect {
            try MonitoringAnalysis.summarize(table: table(studentHeader, rows))
        } throws: { error in
            guard let error = error as? MonitoringInputError else { return false }
            let all = [error] + error.others
            return all.map { $0.location?.description ?? "" } == [
                "test.csv:3:1", "test.csv:3:2", "test.csv:3:6", "test.csv:4:4", "test.csv:5:5",
            ] && error.description.hasPrefix("test.csv:3:1: 年份应为四位数的年份")
        }
    }

    @Test func missingColumnsAreNamed() {
        #expect {
            try MonitoringAnalysis.summarize(table: table(["年份", "年级", "学科", "学生编号", "得分"], []))
        } throws: { error in
            (error as? MonitoringInputError)?.description.hasPrefix(
                "test.csv:1: 缺少必需的列：学校名称。")
                == true
        }
        #expect(throws: MonitoringInputError.self) {
            try MonitoringAnalysis.summarize(table: table(["姓名", "电话"], [["a", "b"]]))
        }
    }

    @Test func raggedRowsAreErrors() {
        var input = table(studentHeader, studentRows([("A校", "1")]))
        input.problems = [
            .init(
                kind: .raggedRow, location: SourceLocation(file: "test.csv", line: 3),
                message: LocalizedText(verbatim: "3 fields, expected 6"))
        ]
        #expect(throws: MonitoringInputError.self) { try MonitoringAnalysis.summarize(table: input) }
    }

    @Test func jsonHasTheDocumentedKeys() throws {
        let summary = try MonitoringAnalysis.summarize(
            table: table(studentHeader, Self.unbalanced), settings: Self.cuts)
        let json = try JSONOutput.encode(summary)
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let results = try #require(object["results"] as? [[String: Any]])
        let first = try #require(results.first)
        for key in ["year", "grade", "subject", "schools", "students", "mean", "icc", "share_iii_plus", "meets"] {
            #expect(first[key] != nil, "missing \(key)")
        }
        #expect(first["grade"] as? Int == 4)
        #expect(first["meets"] as? Bool == false)
        // Same input, same bytes.
        #expect(
            try JSONOutput.encode(
                MonitoringAnalysis.summarize(table: table(studentHeader, Self.unbalanced), settings: Self.cuts)) == json
        )
    }

    @Test func tablesHaveOneRowPerResultAndPerSchool() throws {
        let summary = try MonitoringAnalysis.summarize(
            table: table(studentHeader, Self.unbalanced), settings: Self.cuts)
        let tables = summary.tables()
        #expect(tables.map(\.id) == ["monitoring-results", "monitoring-schools"])
        #expect(tables[0].rows.count == 1)
        #expect(tables[1].rows.count == 3)
        #expect(tables[0].rows[0].count == tables[0].columns.count)
    }

    // MARK: - Issue 9, case 7

    /// (529.9 + 441.2 + 570.1 + 418.8) / 4 = 1960 / 4 = 490 exactly: the grade-4 数学 Ⅲ cut, so level Ⅲ
    /// (a running Double sum gave 489.99999999999994 and Ⅱ).
    @Test func aMeanExactlyAtACutScoreIsInTheHigherLevel() throws {
        let cuts = MonitoringSettings(cutScores: [.init(subject: "数学", grade: 4, from: [420, 490, 580])])
        let rows = studentRows([("甲小学", "529.9"), ("甲小学", "441.2"), ("乙小学", "570.1"), ("乙小学", "418.8")])
        let result = try #require(
            MonitoringAnalysis.summarize(table: table(studentHeader, rows), settings: cuts).results.first)
        #expect(result.mean == 490)
        #expect(result.meanLevel == .iii)
        #expect(result.meetsMeanLevel == true)
    }

    static let townshipHeader = ["年份", "年级", "学科", "乡镇", "学校名称", "学生编号", "得分"]

    /// 甲镇中心小学 [1, 2, 3], 乙镇中心小学 [7, 8, 9], 丙小学 [4, 5, 6], by hand: school means 2, 8, 5, grand
    /// mean 5; MSB = 3·(9 + 9 + 0) / 2 = 27, MSW = 6 / 6 = 1, n0 = (9 − 27/9) / 2 = 3,
    /// ICC(1) = (27 − 1) / (27 + 2·1) = 26/29. Merged by name, the two 中心小学 have mean 5 like 丙小学:
    /// MSB = 0 and the estimate is negative, shown as 0.
    static func twoCentralSchools(townships: [String]) -> [[String]] {
        let schools = [("中心小学", [1, 2, 3]), ("中心小学", [7, 8, 9]), ("丙小学", [4, 5, 6])]
        var rows: [[String]] = []
        for (index, (name, scores)) in schools.enumerated() {
            for (number, score) in scores.enumerated() {
                rows.append(["2024", "4", "数学", townships[index], name, "S\(number + 1)", String(score)])
            }
        }
        return rows
    }

    @Test func schoolsOfTheSameNameInTwoTownshipsStayTwo() throws {
        let rows = Self.twoCentralSchools(townships: ["甲镇", "乙镇", "丙镇"])
        let result = try #require(MonitoringAnalysis.summarize(table: table(Self.townshipHeader, rows)).results.first)
        #expect(result.schools == 3)
        #expect(try #require(result.icc) == 26.0 / 29.0)
        #expect(
            result.perSchool.map { "\($0.township ?? "")\($0.school)" }
                == ["乙镇中心小学", "甲镇中心小学", "丙镇丙小学"].sorted {
                    ($0.dropFirst(2), $0) < ($1.dropFirst(2), $1)
                })
        #expect(result.caveats.isEmpty)
    }

    @Test func aSchoolCodeIdentifiesASchool() throws {
        let header = ["年份", "年级", "学科", "学校代码", "学校名称", "学生编号", "得分"]
        let rows = Self.twoCentralSchools(townships: ["3412001", "3412002", "3412003"])
        let result = try #require(MonitoringAnalysis.summarize(table: table(header, rows)).results.first)
        #expect(result.schools == 3)
        #expect(result.perSchool.map(\.code) == ["3412003", "3412001", "3412002"])
    }

    @Test func withoutTownshipsTheyMergeAndTheMixedCaseIsSaid() throws {
        // No township at all: nothing tells the two apart (and the student numbers repeat: an error).
        let merged = Self.twoCentralSchools(townships: ["", "", ""])
        #expect(throws: MonitoringInputError.self) {
            try MonitoringAnalysis.summarize(table: table(Self.townshipHeader, merged))
        }
        // One 中心小学 has its township, the other not: two schools, and a caveat names the bare rows.
        let mixed = Self.twoCentralSchools(townships: ["甲镇", "", "丙镇"])
        let result = try #require(MonitoringAnalysis.summarize(table: table(Self.townshipHeader, mixed)).results.first)
        #expect(result.schools == 3)
        #expect(result.caveats.count == 1)
        #expect(result.caveats.first?.zh.hasPrefix("学校名称“中心小学”属于不止一所学校，但第 5 行等没有乡镇或学校代码") == true)
    }
}
