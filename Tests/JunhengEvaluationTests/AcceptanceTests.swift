import Foundation
import HTMLProbe
import JunhengCore
import JunhengPlan
import JunhengReports
import JunhengResources
import Testing

@testable import JunhengEvaluation

/// The national acceptance verdict beside the plan's C1–C14, on rosters built so the two rules disagree.
/// Every school meets every primary standard (TestRoster.primary) except the backbone teachers changed here.
@Suite struct AcceptanceTests {
    static func evaluate(_ roster: SchoolRoster) throws -> (ResourceReport, PlanAssessment) {
        let plan = try PlanComputationTests.plan()
        let resources = try PlanComputationTests.analyze(roster)
        let computations = PlanComputations(plan: plan, roster: roster, resources: resources, monitoring: [])
        let assessment = PlanAssessment.assess(
            plan: plan, computed: computations.computed, unavailable: computations.unavailable, sheet: nil,
            evidence: EvidenceCheck(root: NSTemporaryDirectory()), asOf: nil)
        return (resources, assessment)
    }

    /// 甲 100 students with 1.5 backbone teachers (1.5 per 100); 乙 200 with 1.8 (0.9 per 100, 90 % of 1.0).
    /// The plan (every school at ≥ 1): C3 fails at 乙. The national rule: 乙 meets 6 of 7 and its miss is
    /// ≥ 85 %, so both schools meet it; the largest CV is the backbone teachers':
    /// X̄ = 3.3/300 × 100 = 1.1, S² = ⅓(1.5 − 1.1)² + ⅔(0.9 − 1.1)² = 0.08, CV = 0.28284/1.1 = 0.25713 ≤ 0.50.
    @Test func theRulesDisagreeAndEachIsNamed() throws {
        let roster = try TestRoster.make([
            TestRoster.primary("甲小学", students: 100),
            TestRoster.primary("乙小学", students: 200, [.primaryBackboneTeachers: "1.8"]),
        ])
        let (resources, assessment) = try Self.evaluate(roster)
        #expect(assessment.requirements.first { $0.code == "C3" }?.status == .failed)
        let verdict = resources.acceptance(.primary)
        #expect(verdict.schools == 2)
        #expect(verdict.schoolsMeeting == 2)
        #expect(abs((verdict.cvMax ?? 0) - 0.282_842_7 / 1.1) < 1e-6)
        #expect(verdict.cvMaxIndicator == "B2")
        #expect(verdict.cvLimit == 0.5)
        #expect(verdict.status == .met)
        // No junior school: no data, never met.
        #expect(resources.acceptance(.junior).status == .noData)

        let section = CountyEvaluation.acceptanceSection(resources: resources, plan: assessment, caveat: nil)
        #expect(section.bars.map(\.passes) == [true, nil])
        #expect(section.bars[0].figureText.zh == "2/2 校 · 最大差异系数 0.257")
        #expect(section.bars[0].thresholdText.zh == "每校 6 项达标且余项 ≥ 85%；差异系数 ≤ 0.50")
        #expect(section.bars[1].verdict.zh == "无数据")
        let html = HTMLRenderer(language: .zh).render(
            ReportDocument(title: LocalizedText(verbatim: "t"), sections: [section]))
        let rows = HTMLProbe.tableTexts(html, table: "acceptance")
        #expect(rows[0]["status"] == "达标")
        #expect(rows[0]["plan"] == "未达标：C3")
        #expect(rows[0]["cv_max"] == "0.257")
        // The rule is quoted with its source.
        #expect(section.tables[0].notes[0].zh.hasPrefix("国家验收标准（教督〔2017〕6号"))
        #expect(section.tables[0].notes[0].zh.contains("“每所学校至少6项指标达到上述要求，余项不能低于要求的85%"))
    }

    /// 丙 100 students with 0.8 backbone teachers: 80 % < 85 %, so 丙 fails the national rule too (2 of 3
    /// meet it). X̄ = 4.1/400 × 100 = 1.025; S² = ¼(0.475)² + ½(0.125)² + ¼(0.225)² = 0.076875,
    /// CV = 0.277263/1.025 = 0.27050.
    @Test func aSchoolBelow85PercentFailsBothRules() throws {
        let roster = try TestRoster.make([
            TestRoster.primary("甲小学", students: 100),
            TestRoster.primary("乙小学", students: 200, [.primaryBackboneTeachers: "1.8"]),
            TestRoster.primary("丙小学", students: 100, [.primaryBackboneTeachers: "0.8"]),
        ])
        let (resources, assessment) = try Self.evaluate(roster)
        let verdict = resources.acceptance(.primary)
        #expect(verdict.schoolsMeeting == 2)
        #expect(verdict.schools == 3)
        #expect(abs((verdict.cvMax ?? 0) - 0.27050) < 1e-5)
        #expect(verdict.status == .failed)
        #expect(assessment.requirements.first { $0.code == "C3" }?.status == .failed)
    }
}
