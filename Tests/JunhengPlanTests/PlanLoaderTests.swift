import Foundation
import JunhengCore
import Testing

@testable import JunhengPlan

/// The shipped plan is the seed's 附件2, whole; another county's edits load without code; every mistake
/// is reported at its line and column.
@Suite struct PlanLoaderTests {
    static func shipped() throws -> CountyPlan { try PlanLoader.load(path: repositoryPath("plan/plan.yaml")) }

    @Test func theShippedPlanHasTheFiftyRequirementsInOrder() throws {
        let plan = try Self.shipped()
        let expected = (1...48).map { "C\($0)" } + ["C61", "C62"]
        #expect(plan.requirements.map(\.code) == expected)
        #expect(plan.areas.map(\.code) == ["A1", "A2", "A3"])
        #expect(plan.areas.flatMap(\.indicators).map(\.code) == (1...31).map { "B\($0)" })
        // Parts: B10's room rule in C21/C22, the two numbers of C23, C31, C33, the judgement halves of C28,
        // C34, C35.
        let parted = plan.requirements.filter(\.hasParts).map(\.code)
        #expect(parted == ["C21", "C22", "C23", "C28", "C31", "C33", "C34", "C35"])
        #expect(plan.parts.count == 50 + parted.count)
    }

    /// Every unit list checked by hand against the seed's 附件2 (教育局/财政局/民政局 written in full).
    @Test func unitsAreTheSeeds() throws {
        let plan = try Self.shipped()
        func units(_ code: String) -> [String] { plan.requirement(code)?.units ?? [] }
        let landAndMoney = ["县发展改革委", "县财政局", "各乡镇(街道)", "县教育局", "县自然资源和规划局"]
        #expect(units("C1") == ["县教育局", "县人力资源社会保障局", "县委编办"])
        #expect(units("C3") == ["县教育局"])
        #expect(units("C7") == landAndMoney)
        #expect(units("C10") == landAndMoney)
        #expect(units("C11") == ["县教育局", "县财政局", "县发展改革委"])
        #expect(units("C15") == ["县教育局", "各乡镇(街道)"])
        #expect(units("C17") == ["县住房城乡建设局", "县财政局", "县教育局", "县人力资源社会保障局", "县委编办"])
        #expect(units("C21") == ["县教育局", "各乡镇(街道)", "县发展改革委", "县财政局", "县自然资源和规划局"])
        #expect(units("C23") == ["县发展改革委", "县财政局", "县自然资源和规划局", "县教育局", "各乡镇(街道)"])
        #expect(units("C24") == ["县教育局", "县自然资源和规划局", "县发展改革委", "县财政局", "各乡镇(街道)"])
        #expect(units("C26") == ["县财政局", "县教育局"])
        #expect(units("C28") == ["县委组织部", "县人力资源社会保障局", "县财政局", "县教育局"])
        #expect(units("C31") == ["县教育局", "县人力资源社会保障局"])
        #expect(
            units("C33") == ["县政府办公室", "县教育局", "县公安局", "县发展改革委", "县住房城乡建设局", "县自然资源和规划局", "各乡镇(街道)"])
        #expect(units("C35") == ["县民政局", "县教育局", "各乡镇(街道)"])
        #expect(units("C37") == ["县教育局", "县残联", "各乡镇(街道)"])
        #expect(units("C38") == ["县教育局"])
        #expect(units("C39") == ["县教育局", "县财政局"])
        for code in ["C41", "C43", "C44", "C45", "C48", "C61", "C62"] { #expect(units(code) == ["县教育局"], "\(code)") }
        #expect(
            plan.units == [
                "县教育局", "县人力资源社会保障局", "县委编办", "县发展改革委", "县财政局", "各乡镇(街道)", "县自然资源和规划局",
                "县住房城乡建设局", "县委组织部", "县政府办公室", "县公安局", "县民政局", "县残联",
            ])
    }

    @Test func thresholdsAndTimelineAreTheSeeds() throws {
        let plan = try Self.shipped()
        func threshold(_ code: String) -> PlanThreshold? { plan.parts.first { $0.code == code }?.threshold }
        #expect(threshold("C1") == PlanThreshold(comparison: .atLeast, value: 4.2, unit: "人/百名学生", scale: 100))
        #expect(threshold("C14")?.value == 2.4)
        #expect(threshold("C23-1") == PlanThreshold(comparison: .atMost, value: 2000, unit: "人"))
        #expect(threshold("C23-2")?.value == 2500)
        #expect(threshold("C27") == PlanThreshold(comparison: .atLeast, value: 6000, unit: "元/生"))
        #expect(threshold("C31-1") == PlanThreshold(comparison: .atLeast, value: 0.1, isPercent: true))
        #expect(threshold("C31-2")?.value == 0.2)
        #expect(threshold("C33-1")?.value == 1)
        #expect(threshold("C33-2")?.value == 0.95)
        #expect(threshold("C40") == PlanThreshold(comparison: .atLeast, value: 0.05, isPercent: true))
        #expect(threshold("C61") == PlanThreshold(comparison: .below, value: 0.15))
        #expect(threshold("C15") == nil)
        #expect(plan.parts.first { $0.code == "C26" }?.parameters == ["yuan_per_student": 720])
        #expect(
            plan.timeline.map(\.deadline.description) == [
                "2024-05-20", "2024-06-15", "2024-06-30", "2024-09-30", "2024-12-31",
            ])
        #expect(plan.timeline.map(\.name.zh) == ["推进阶段", "自评阶段", "接受市级初核", "接受省级督评", "接受省级评估"])
    }

    /// Another county copies the file and edits a threshold and a unit: no code change.
    @Test func anotherCountysEditsLoad() throws {
        let text = try String(contentsOfFile: repositoryPath("plan/plan.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "threshold: ≥ 4.2 人/百名学生", with: "threshold: ≥ 4.5 人/百名学生")
            .replacingOccurrences(of: "units: [县教育局, 县残联, 各乡镇(街道)]", with: "units: [市教育局, 市残联]")
        let plan = try PlanLoader.parse(yaml: text, file: "other.yaml")
        #expect(plan.threshold(for: .qualifiedTeachersPrimary)?.value == 4.5)
        #expect(plan.requirement("C37")?.units == ["市教育局", "市残联"])
    }

    // MARK: - Mistakes, each at its place

    func error(_ yaml: String) -> PlanError? {
        do {
            _ = try PlanLoader.parse(yaml: yaml, file: "p.yaml")
            return nil
        } catch {
            return error
        }
    }

    static let header = """
        id: x
        title: 方案
        timeline:
          - stage: 自评
            by: 2024-06-15
        areas:
          - code: A1
            name: 资源
            indicators:
              - code: B1
                name: 指标
                units: [县教育局]
                requirements:

        """

    @Test func anUnknownKeyIsRejectedAtItsLineAndColumn() throws {
        let failure = try #require(
            error(Self.header + "          - code: C1\n            text: 要求\n            threshhold: ≥ 1\n"))
        #expect(failure.location == SourceLocation(file: "p.yaml", line: 16, column: 13))
        #expect(failure.message.zh.contains("未知的键 `threshhold`"))
        #expect(failure.message.en.contains("Unknown key `threshhold`"))
    }

    @Test func aThresholdThatIsNotOneIsRejected() throws {
        let failure = try #require(
            error(Self.header + "          - code: C1\n            text: 要求\n            threshold: 至少 4.2\n"))
        #expect(failure.location?.line == 16)
        #expect(failure.location?.column == 24)
        #expect(failure.message.en.contains("must read like"))
    }

    @Test func aComputationComparedTheWrongWayIsRejected() throws {
        let yaml =
            Self.header
            + "          - code: C1\n            text: 班额\n            threshold: ≥ 45 人\n            computed: class-size-primary\n"
        let failure = try #require(error(yaml))
        #expect(failure.location?.line == 16)
        #expect(failure.message.en == "The threshold of `class-size-primary` must compare with ≤, not ≥.")
    }

    @Test func aComputationNeedsItsParameters() throws {
        let yaml =
            Self.header
            + "          - code: C1\n            text: 小校\n            threshold: ≥ 100 名学生\n            computed: small-school-funding\n"
        #expect(error(yaml)?.message.en == "`small-school-funding` needs yuan_per_student under `parameters:`.")
    }

    @Test func sharedSettingsMustAgree() throws {
        let yaml =
            Self.header + """
                          - code: C1
                            text: 音乐
                            threshold: ≤ 12 班/间
                            computed: music-room-count
                          - code: C2
                            text: 美术
                            threshold: ≤ 10 班/间
                            computed: art-room-count

                """
        let failure = try #require(error(yaml))
        #expect(failure.location?.line == 20)
        #expect(failure.message.en == "The threshold of C2 must equal that of C1 (they share one setting).")
    }

    @Test func aCodeUsedTwiceIsRejected() throws {
        let yaml =
            Self.header + "          - code: C1\n            text: 甲\n          - code: C1\n            text: 乙\n"
        let failure = try #require(error(yaml))
        #expect(failure.location?.line == 16)
        #expect(failure.message.en == "The code C1 is already used on line 14.")
    }

    @Test func aRequirementWithoutUnitsIsRejected() throws {
        let yaml =
            Self.header.replacingOccurrences(of: "        units: [县教育局]\n", with: "")
            + "          - code: C1\n            text: 甲\n"
        let failure = try #require(error(yaml))
        #expect(failure.location?.line == 13)
        #expect(failure.message.zh == "C1 没有责任单位：在它或它的二级指标下写 `units:`。")
    }

    @Test func aTimelineOutOfOrderIsRejected() throws {
        let yaml =
            Self.header.replacingOccurrences(
                of: "    by: 2024-06-15\n", with: "    by: 2024-06-15\n  - stage: 推进\n    by: 2024-05-20\n")
            + "          - code: C1\n            text: 甲\n"
        let failure = try #require(error(yaml))
        #expect(failure.location?.line == 6)
        #expect(failure.message.en.contains("in date order"))
    }

    @Test func oneListedPartIsRejected() throws {
        let yaml =
            Self.header
            + "          - code: C1\n            text: 甲\n            parts:\n              - text: 一\n                threshold: ≥ 10%\n"
        #expect(error(yaml)?.message.en == "`parts:` needs at least two parts; with one, write it on C1 itself.")
    }

    @Test func brokenYAMLIsReportedAtItsPlace() throws {
        let failure = try #require(error("id: x\ntitle: [unclosed\n"))
        #expect(failure.location?.file == "p.yaml")
        #expect(failure.location?.line != nil)
    }
}
