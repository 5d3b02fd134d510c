import Foundation
import JunhengCore
import Testing

@testable import JunhengPlan

/// The plan's header: the county and who issued it, 附件3 and the national rule as quoted data, and what
/// each stage makes due; every mistake at its place.
@Suite struct PlanHeaderTests {
    @Test func theShippedPlanNamesItsCounty() throws {
        let plan = try PlanLoaderTests.shipped()
        #expect(plan.county == LocalizedText(zh: "蒙城县", en: "Mengcheng County"))
        #expect(plan.issuer?.zh == "蒙城县人民政府办公室")
        #expect(plan.document == "蒙政办秘〔2024〕10号")
        // 推进阶段 asks for complete materials, 接受省级督评 for rectification (四、实施步骤 1 and 4).
        #expect(plan.timeline.map(\.due) == [[.noData, .pending], [], [], [.failed], []])
        #expect(plan.deadline(for: .pending)?.deadline == PlanDate("2024-05-20"))
        #expect(plan.deadline(for: .failed)?.deadline == PlanDate("2024-09-30"))
    }

    /// 附件3 counted by hand in the seed: 二（一） three items, 二（二） two, 二（三） seven; the measures quoted.
    @Test func accountabilityIsTheSeedsAnnex3() throws {
        let accountability = try #require(try PlanLoaderTests.shipped().accountability)
        #expect(accountability.source.zh == "附件3 蒙城县推进义务教育优质均衡发展工作问责机制")
        #expect(accountability.tiers.map(\.clause.zh) == ["二（一）", "二（二）", "二（三）"])
        #expect(accountability.tiers.map(\.conduct.count) == [3, 2, 7])
        #expect(accountability.tiers[0].measure.zh == "责令纠正并作出书面检查或诫勉谈话")
        #expect(accountability.tiers[2].measure.zh == "视情节轻重，对责任单位及责任单位有关责任人进行责任追究")
        #expect(accountability.tiers[0].conduct[1].zh == "创建义务教育优质均衡发展工作中存在的问题，经创建工作小组下发整改通知后，仍未整改到位的")
        #expect(accountability.scope?.zh.hasPrefix("在创建全国义务教育优质均衡发展县工作中") == true)
        // No sentence of the old report: 附件3 never says units are criticised for a missed deadline.
        let words = accountability.tiers.flatMap { [$0.measure] + $0.conduct }.map(\.zh).joined()
        #expect(!words.contains("逾期未完成"))
    }

    /// The national rule: 6 of 7, the rest at 85 %, CV 0.50 / 0.45 (DOMAIN.md §1).
    @Test func theNationalRuleIsData() throws {
        let rule = try #require(try PlanLoaderTests.shipped().acceptance)
        #expect(rule.indicatorsMet == 6)
        #expect(rule.missedFloor == 0.85)
        #expect(rule.primaryCVLimit == 0.5)
        #expect(rule.juniorCVLimit == 0.45)
        #expect(rule.source.zh.hasPrefix("教督〔2017〕6号"))
        #expect(rule.text == AcceptanceRule.national.text)
    }

    /// The shipped plan's English texts: 附件3 item by item, the national rule, each stage's task and each
    /// requirement's 具体要求; the document number they keep is a name.
    @Test func theShippedPlanIsInEnglishToo() throws {
        let plan = try PlanLoaderTests.shipped()
        let accountability = try #require(plan.accountability)
        #expect(accountability.tiers.map(\.clause.en) == ["2(1)", "2(2)", "2(3)"])
        #expect(accountability.tiers[0].measure.en.hasPrefix("ordered to correct it"))
        #expect(accountability.tiers[1].conduct[1].en.hasPrefix("carrying out superiors' instructions"))
        let rule = try #require(plan.acceptance)
        #expect(rule.source.text(.en).hasSuffix("(教督〔2017〕6号), resource allocation"))
        #expect(rule.source.markedText(.en).contains(ProperName.mark("教督〔2017〕6号")))
        #expect(rule.text.en.hasPrefix("Every school meets at least 6 of the indicators above"))
        #expect(plan.timeline.allSatisfy { $0.task.map { !ProperName.isChinese($0.en) } == true })
        for requirement in plan.requirements {
            let actions = try #require(requirement.actions, "\(requirement.code)")
            // English, but for the document numbers it cites, which are marked.
            var outside = actions.en
            while let start = outside.range(of: ProperName.start), let end = outside.range(of: ProperName.end) {
                outside.removeSubrange(start.lowerBound..<end.upperBound)
            }
            #expect(!ProperName.isChinese(outside), "\(requirement.code)")
        }
    }

    /// Without English texts, 附件3 and the rule are quoted as written (names, in English); `conduct_en`
    /// must give one text for each item.
    @Test func englishTextsAreOptionalButComplete() throws {
        let header = """
            id: x
            title: 方案
            accountability:
              source: 附件3
              tiers:
                - {clause: 二（一）, measure: 责令纠正, conduct: [甲, 乙]}
            acceptance: {source: 教督, text: 规则, indicators_met: 6, missed_floor: 85%, cv_limits: {primary: 0.5, junior: 0.45}}
            timeline:
              - {stage: 自评, by: 2024-06-15, task: 自查}

            """
        let plan = try PlanLoader.parse(yaml: header + Self.body, file: "p.yaml")
        let tier = try #require(plan.accountability?.tiers.first)
        #expect(tier.conduct == [LocalizedText.name("甲"), LocalizedText.name("乙")])
        #expect(tier.clause == LocalizedText.name("二（一）"))
        #expect(plan.acceptance?.text == LocalizedText.name("规则"))
        #expect(plan.timeline.first?.task == LocalizedText.name("自查"))
        let failure = try #require(
            error(
                header.replacingOccurrences(
                    of: "conduct: [甲, 乙]}", with: "conduct: [甲, 乙], conduct_en: [A]}") + Self.body))
        #expect(failure.location == SourceLocation(file: "p.yaml", line: 6, column: 66))
        #expect(
            failure.message.en
                == "`conduct_en` must give one English text for each of the 2 items of `conduct` (it gives 1).")
    }

    func error(_ yaml: String) -> PlanError? {
        do {
            _ = try PlanLoader.parse(yaml: yaml, file: "p.yaml")
            return nil
        } catch {
            return error
        }
    }

    static let body = """
        areas:
          - code: A1
            name: 资源
            indicators:
              - code: B1
                name: 指标
                units: [县教育局]
                requirements:
                  - {code: C1, text: 要求}

        """

    @Test func aStageDueMustBeAStatus() throws {
        let failure = try #require(
            error("id: x\ntitle: 方案\ntimeline:\n  - stage: 自评\n    by: 2024-06-15\n    due: [met]\n" + Self.body))
        #expect(failure.location == SourceLocation(file: "p.yaml", line: 6, column: 11))
        #expect(failure.message.zh == "`due` 的值应为 failed、pending 或 no-data（实为“met”）。")
    }

    @Test func theRuleNeedsItsNumbers() throws {
        let timeline = "id: x\ntitle: 方案\ntimeline:\n  - stage: 自评\n    by: 2024-06-15\n"
        let missing = try #require(
            error(
                timeline + "acceptance:\n  source: 教督\n  text: 规则\n  indicators_met: 6\n  missed_floor: 85%\n"
                    + Self.body))
        #expect(missing.message.en == "`acceptance` needs `cv_limits:`.")
        let floor = try #require(
            error(
                timeline
                    + "acceptance:\n  source: 教督\n  text: 规则\n  indicators_met: 6\n  missed_floor: 185%\n"
                    + "  cv_limits: {primary: 0.5, junior: 0.45}\n" + Self.body))
        #expect(floor.location == SourceLocation(file: "p.yaml", line: 10, column: 17))
        let tiers = try #require(
            error(
                timeline + "accountability:\n  source: 附件3\n  tiers:\n    - clause: 一\n      measure: 纠正\n" + Self.body)
        )
        #expect(tiers.message.zh == "问责的一档缺少 `conduct:`。")
    }

    @Test func theHeaderIsOptional() throws {
        let plan = try PlanLoader.parse(
            yaml: "id: x\ntitle: 方案\ntimeline:\n  - stage: 自评\n    by: 2024-06-15\n" + Self.body, file: "p.yaml")
        #expect(plan.county == nil)
        #expect(plan.accountability == nil)
        #expect(plan.acceptance == nil)
        #expect(plan.timeline[0].due.isEmpty)
    }
}
