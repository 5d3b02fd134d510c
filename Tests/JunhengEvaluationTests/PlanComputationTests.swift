import Foundation
import JunhengCore
import JunhengMonitoring
import JunhengPlan
import JunhengResources
import Testing

@testable import JunhengEvaluation

/// Each computed requirement pinned by hand on a small roster (or a few monitoring results), with the
/// shipped plan's thresholds.
@Suite struct PlanComputationTests {
    static func plan() throws -> CountyPlan { try PlanLoader.load(path: repositoryPath("plan/plan.yaml")) }

    static func threshold(_ computation: PlanComputation) throws -> PlanThreshold {
        try #require(try plan().threshold(for: computation))
    }

    static func analyze(_ roster: SchoolRoster) throws -> ResourceReport {
        ResourceAnalysis.analyze(roster: roster, settings: ResourceSettings().applying(try plan()))
    }

    // MARK: - C1–C14

    /// C1: 100 students with 5 qualified teachers (5.0) and 200 with 8 (4.0 < 4.2). X̄ = 13/300 × 100 = 4.333,
    /// S² = ⅓·(5 − 4.333)² + ⅔·(4 − 4.333)² = 0.2222, CV = 0.4714 / 4.333 = 0.109.
    @Test func c1FailsAtTheSchoolBelowTheStandard() throws {
        let roster = try TestRoster.make([
            TestRoster.primary("甲小学", students: 100),
            TestRoster.primary("乙小学", students: 200, [.primaryQualifiedTeachers: "8"]),
        ])
        let result = try #require(
            ResourceRequirements.compute(
                .qualifiedTeachers, .primary, threshold: Self.threshold(.qualifiedTeachersPrimary),
                report: Self.analyze(roster)))
        #expect(result.status == .failed)
        #expect(result.value == 4)
        #expect(result.figure.zh == "1/2 校达到 · 最低 4 · 差异系数 0.109")
        #expect(result.findings.map(\.name) == ["乙小学"])
        #expect(result.findings[0].location?.line == 3)
        #expect(result.findings[0].detail.zh.hasPrefix("4 < 4.2"))
        #expect(result.standard?.zh == "≥ 4.2 人/百名学生；差异系数 ≤ 0.50")
    }

    /// Every school at or above 4.2 but far apart: 1000 students at 4.2 and 100 at 20. X̄ = 62/1100 × 100 =
    /// 5.636, S² = 10/11·1.4364² + 1/11·14.364² = 20.63, CV = 4.542 / 5.636 = 0.806 > 0.50.
    @Test func c1FailsOnTheDifferenceCoefficientAlone() throws {
        let roster = try TestRoster.make([
            TestRoster.primary("甲小学", students: 1000, [.primaryQualifiedTeachers: "42"]),
            TestRoster.primary("乙小学", students: 100, [.primaryQualifiedTeachers: "20"]),
        ])
        let result = try #require(
            ResourceRequirements.compute(
                .qualifiedTeachers, .primary, threshold: Self.threshold(.qualifiedTeachersPrimary),
                report: Self.analyze(roster)))
        #expect(result.status == .failed)
        #expect(result.findings.isEmpty)
        #expect(result.figure.zh == "2/2 校达到 · 最低 4.2 · 差异系数 0.806")
        #expect(result.notes.map(\.zh) == ["校际差异系数 0.806 超过 0.50。"])
    }

    @Test func c2HasNoDataWithoutJuniorSchools() throws {
        let roster = try TestRoster.make([TestRoster.primary("甲小学", students: 100)])
        let threshold = try Self.threshold(.qualifiedTeachersJunior)
        let report = try Self.analyze(roster)
        #expect(ResourceRequirements.compute(.qualifiedTeachers, .junior, threshold: threshold, report: report) == nil)
    }

    /// The plan's threshold is the standard: 4.5 instead of 4.2 makes a 4.3 school fail.
    @Test func anEditedThresholdChangesTheStandard() throws {
        var plan = try Self.plan()
        let text = try String(contentsOfFile: repositoryPath("plan/plan.yaml"), encoding: .utf8)
        plan = try PlanLoader.parse(
            yaml: text.replacingOccurrences(of: "threshold: ≥ 4.2 人/百名学生", with: "threshold: ≥ 4.5 人/百名学生"),
            file: "edited.yaml")
        let roster = try TestRoster.make([
            TestRoster.primary("甲小学", students: 100, [.primaryQualifiedTeachers: "4.3"])
        ])
        let report = ResourceAnalysis.analyze(roster: roster, settings: ResourceSettings().applying(plan))
        #expect(report.settings.primaryStandards.qualifiedTeachers == 4.5)
        let threshold = try #require(plan.threshold(for: .qualifiedTeachersPrimary))
        #expect(
            ResourceRequirements.compute(.qualifiedTeachers, .primary, threshold: threshold, report: report)?.status
                == .failed)
    }

    // MARK: - C21–C23

    /// 24 classes with 2 music rooms (12 a room) meets; 25 with 2 needs 3. Room areas 96 and 90 m².
    @Test func c21RoomsPerClassesAndTheirArea() throws {
        let optional: [RosterColumn] = [.primaryClasses, .musicRooms, .minMusicRoomArea]
        let roster = try TestRoster.make(
            [
                TestRoster.primary(
                    "甲小学", students: 1000, [.primaryClasses: "24", .musicRooms: "2", .minMusicRoomArea: "96"]),
                TestRoster.primary(
                    "乙小学", students: 1000, [.primaryClasses: "25", .musicRooms: "2", .minMusicRoomArea: "90"]),
            ], optional: optional)
        let report = try Self.analyze(roster)
        let count = try #require(
            GuaranteeRequirements.roomCount(
                music: true, threshold: Self.threshold(.musicRoomCount), report: report, roster: roster))
        #expect(count.status == .failed)
        #expect(count.value == 12.5)
        #expect(count.findings.map(\.name) == ["乙小学"])
        #expect(count.findings[0].detail.zh == "现有 2 间，按班级数需 3 间")
        let area = try #require(
            GuaranteeRequirements.roomArea(
                music: true, threshold: Self.threshold(.musicRoomArea), report: report, roster: roster))
        #expect(area.status == .failed)
        #expect(area.value == 90)
        #expect(area.figure.zh == "1/2 校达到 · 最小 90 平方米")
        // Without the room columns there is nothing to compute.
        let bare = try TestRoster.make([TestRoster.primary("甲小学", students: 100)])
        let bareReport = try Self.analyze(bare)
        let perRoom = try Self.threshold(.musicRoomCount)
        #expect(
            GuaranteeRequirements.roomCount(music: true, threshold: perRoom, report: bareReport, roster: bare) == nil)
    }

    /// C22 reads the art columns, not the music ones: 13 classes need 2 art rooms (⌈13/12⌉), 1 is there.
    @Test func c22ReadsTheArtRooms() throws {
        let optional: [RosterColumn] = [.primaryClasses, .musicRooms, .artRooms, .minArtRoomArea]
        let roster = try TestRoster.make(
            [
                TestRoster.primary(
                    "甲小学", students: 500,
                    [.primaryClasses: "13", .musicRooms: "2", .artRooms: "1", .minArtRoomArea: "91"])
            ], optional: optional)
        let report = try Self.analyze(roster)
        let count = try #require(
            GuaranteeRequirements.roomCount(
                music: false, threshold: Self.threshold(.artRoomCount), report: report, roster: roster))
        #expect(count.status == .failed)
        #expect(count.value == 13)
        let area = try #require(
            GuaranteeRequirements.roomArea(
                music: false, threshold: Self.threshold(.artRoomArea), report: report, roster: roster))
        #expect(area.status == .met)
        #expect(area.value == 91)
    }

    /// 2100 students in a primary school fail 2000; 2400 in a nine-year school meet 2500.
    @Test func c23SplitsSingleAndCombinedSchools() throws {
        let roster = try TestRoster.make([
            TestRoster.primary("甲小学", students: 2100),
            [
                .name: "丙学校", .township: "青云镇", .type: "九年一贯制", .primaryStudents: "1300", .juniorStudents: "1100",
                .primaryQualifiedTeachers: "60", .juniorQualifiedTeachers: "60",
            ],
        ])
        let report = try Self.analyze(roster)
        let single = try #require(
            GuaranteeRequirements.schoolSize(
                combined: false, threshold: Self.threshold(.schoolSize), report: report, roster: roster))
        #expect(single.status == .failed)
        #expect(single.value == 2100)
        #expect(single.findings.map(\.name) == ["甲小学"])
        let combined = try #require(
            GuaranteeRequirements.schoolSize(
                combined: true, threshold: Self.threshold(.combinedSchoolSize), report: report, roster: roster))
        #expect(combined.status == .met)
        #expect(combined.value == 2400)
        #expect(combined.figure.zh == "1/1 校达到 · 最大 2400 人")
    }

    // MARK: - C24, C25

    /// 甲: 最大班额 46 > 45 (one stage) fails C24. 乙: 最大 44 meets. 丙 (nine-year): 最大 48 is over 45 but within
    /// 50, so C25 is met there and C24 cannot tell. 丁 (junior): 520 students in 10 classes, average 52 > 50.
    @Test func classSizeStageByStage() throws {
        let optional: [RosterColumn] = [.primaryClasses, .juniorClasses, .maxClassSize]
        let roster = try TestRoster.make(
            [
                TestRoster.primary("甲小学", students: 450, [.primaryClasses: "10", .maxClassSize: "46"]),
                TestRoster.primary("乙小学", students: 400, [.primaryClasses: "10", .maxClassSize: "44"]),
                [
                    .name: "丙学校", .township: "青云镇", .type: "九年一贯制", .primaryStudents: "450", .juniorStudents: "480",
                    .primaryClasses: "10", .juniorClasses: "10", .maxClassSize: "48",
                ],
                [.name: "丁中学", .township: "青云镇", .type: "初中", .juniorStudents: "520", .juniorClasses: "10"],
            ], optional: optional)
        let primary = try #require(
            ClassSizeRequirements.compute(stage: .primary, threshold: Self.threshold(.classSizePrimary), roster: roster)
        )
        #expect(primary.status == .failed)
        #expect(primary.value == 46)
        #expect(primary.figure.zh == "1/3 校达到 · 最大 46 人")
        #expect(primary.findings.map(\.name) == ["甲小学", "丙学校"])
        #expect(primary.findings.map(\.fails) == [true, false])
        let junior = try #require(
            ClassSizeRequirements.compute(stage: .junior, threshold: Self.threshold(.classSizeJunior), roster: roster))
        #expect(junior.status == .failed)
        #expect(junior.value == 52)
        #expect(junior.findings.map(\.name) == ["丁中学"])
        #expect(junior.findings[0].detail.zh == "平均班额 52 人 > 50 人")
    }

    @Test func anUndecidedSchoolMakesClassSizePending() throws {
        let roster = try TestRoster.make(
            [TestRoster.primary("甲小学", students: 400, [.primaryClasses: "10"])],
            optional: [.primaryClasses, .maxClassSize])
        let result = ClassSizeRequirements.compute(
            stage: .primary, threshold: try Self.threshold(.classSizePrimary), roster: roster)
        #expect(result?.status == .pending)
        #expect(result?.findings.first?.detail.zh == "未填最大班额，无法判定")
    }

    // MARK: - C26, C27, C40

    /// Two teaching points under 100 students: 72 000 元 funds 100 students at 720 元; 19 440 元 only 27.
    @Test func c26FundsSmallSchoolsAsAHundred() throws {
        let part = try #require(try Self.plan().part(for: .smallSchoolFunding))
        let threshold = try #require(part.threshold)
        let roster = try TestRoster.make(
            [
                [.name: "甲教学点", .township: "青云镇", .type: "教学点", .primaryStudents: "38", .approvedPublicFunds: "72000"],
                [.name: "乙教学点", .township: "青云镇", .type: "教学点", .primaryStudents: "27", .approvedPublicFunds: "19440"],
                TestRoster.primary("丙小学", students: 300, [.approvedPublicFunds: "1000"]),
            ], optional: [.approvedPublicFunds])
        let result = try #require(FundingRequirements.smallSchools(part: part, threshold: threshold, roster: roster))
        #expect(result.status == .failed)
        #expect(result.value == 27)
        #expect(result.figure.zh == "1/2 校达到 · 最低 27 名学生")
        #expect(result.findings.map(\.name) == ["乙教学点"])
        let bare = try TestRoster.make([TestRoster.primary("丙小学", students: 30)])
        #expect(FundingRequirements.smallSchools(part: part, threshold: threshold, roster: bare) == nil)
    }

    /// 154 students funded 924 000 元: exactly 6000 a student, which meets "不低于6000元".
    @Test func c27SpecialEducationPerStudent() throws {
        let roster = try TestRoster.make(
            [
                [
                    .name: "特教学校", .township: "城关镇", .type: "特殊教育学校", .primaryStudents: "96", .juniorStudents: "58",
                    .approvedPublicFunds: "924000",
                ]
            ], optional: [.approvedPublicFunds])
        let result = try #require(
            FundingRequirements.specialEducation(threshold: Self.threshold(.specialEducationFunding), roster: roster))
        #expect(result.status == .met)
        #expect(result.value == 6000)
    }

    /// 5000 of 100 000 (5 %) meets; 8000 of 200 000 (4 %) fails; a school without a budget cannot be decided.
    @Test func c40TrainingFundsPerSchool() throws {
        let roster = try TestRoster.make(
            [
                TestRoster.primary("甲小学", students: 100, [.publicFundsBudget: "100000", .trainingFunds: "5000"]),
                TestRoster.primary("乙小学", students: 100, [.publicFundsBudget: "200000", .trainingFunds: "8000"]),
                TestRoster.primary("丙小学", students: 100, [.trainingFunds: "3000"]),
            ], optional: [.publicFundsBudget, .trainingFunds])
        let threshold = try Self.threshold(.trainingFunds)
        let result = try #require(FundingRequirements.trainingFunds(threshold: threshold, roster: roster))
        #expect(result.status == .failed)
        #expect(result.value == 0.04)
        #expect(result.findings.map(\.name) == ["乙小学", "丙小学"])
        #expect(result.findings.map(\.fails) == [true, false])
        #expect(result.figure.zh == "1/3 校达到 · 最低 4%")
    }

    /// Training funds are part of the budget: 12 000 of a 10 000 budget (120 %) is impossible, so the school
    /// cannot be decided (pending, with the reason), never met.
    @Test func c40TrainingFundsAboveTheBudgetAreRefused() throws {
        let roster = try TestRoster.make(
            [TestRoster.primary("甲小学", students: 100, [.publicFundsBudget: "10000", .trainingFunds: "12000"])],
            optional: [.publicFundsBudget, .trainingFunds])
        let threshold = try Self.threshold(.trainingFunds)
        let result = try #require(FundingRequirements.trainingFunds(threshold: threshold, roster: roster))
        #expect(result.status == .pending)
        #expect(result.findings.map(\.fails) == [false])
        #expect(result.findings.first?.detail.en.contains("a share cannot exceed 100 %") == true)
    }

    // MARK: - C61, C62

    @Test func monitoringJudgesEachSubjectsLatestResult() throws {
        let history = [
            MonitoringResult(year: 2021, grade: .four, subject: "数学", source: .countySummary, icc: 0.3, meets: false),
            MonitoringResult(year: 2024, grade: .four, subject: "数学", source: .countySummary, icc: 0.1, meets: true),
            MonitoringResult(
                year: 2022, grade: .four, subject: "英语", source: .countySummary, meanLevel: .ii, icc: 0.25, meets: false
            ),
            MonitoringResult(year: 2024, grade: .eight, subject: "数学", source: .countySummary, icc: 0.05, meets: nil),
        ]
        let grade4 = try #require(
            MonitoringRequirements.compute(grade: .four, threshold: Self.threshold(.monitoringGrade4), history: history)
        )
        #expect(grade4.status == .failed)
        #expect(grade4.value == 0.25)
        #expect(grade4.figure.zh == "1/2 科达标 · 最高差异率 0.250")
        #expect(grade4.findings.map(\.detail.zh) == ["2022 英语：水平Ⅱ · 差异率 0.250"])
        // A 校际差异率 just under the plan's 0.15 keeps its digits: "0.14996", never "0.150" next to 达标.
        let near = try #require(
            MonitoringRequirements.compute(
                grade: .four, threshold: Self.threshold(.monitoringGrade4),
                history: [
                    MonitoringResult(
                        year: 2024, grade: .four, subject: "数学", source: .countySummary, icc: 0.14996, meets: true)
                ]))
        #expect(near.status == .met)
        #expect(near.figure.zh == "1/1 科达标 · 最高差异率 0.14996")
        let grade8 = MonitoringRequirements.compute(
            grade: .eight, threshold: try Self.threshold(.monitoringGrade8), history: history)
        #expect(grade8?.status == .pending)
        #expect(
            MonitoringRequirements.compute(grade: .eight, threshold: try Self.threshold(.monitoringGrade8), history: [])
                == nil)
    }
}
