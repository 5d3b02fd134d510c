import Foundation
import HTMLProbe
import JunhengCore
import JunhengPlan
import JunhengReports
import JunhengResources
import Testing

@testable import JunhengEvaluation

/// The plan in the county report on the bundled samples: all 50 requirements with a status, computed and
/// given; the sheet's contradiction and evidence; indicators.json; the units' table; one language a line.
@Suite(.serialized) struct PlanEvaluationTests {
    static func sampleEvaluation() throws -> CountyEvaluation {
        try CountyEvaluation.run(
            CountyEvaluationOptions(
                dataDirectory: repositoryPath("sample-responses"), surveysDirectory: repositoryPath("surveys"),
                planPath: repositoryPath("plan/plan.yaml"), asOf: PlanDate("2024-06-01")))
    }

    func status(_ evaluation: CountyEvaluation, _ code: String) -> RequirementStatus? {
        evaluation.plan.requirements.first { $0.code == code }?.status
    }

    @Test func everyRequirementHasAStatus() throws {
        let evaluation = try Self.sampleEvaluation()
        #expect(evaluation.plan.requirements.count == 50)
        // The bars: the 50 requirements, the national acceptance verdict of each stage, then the 4 社会认可度
        // bars; no area bar is counted twice.
        #expect(evaluation.bars.count == 56)
        #expect(evaluation.bars[50...51].map(\.name.zh) == ["小学资源配置国家验收", "初中资源配置国家验收"])
        #expect(
            evaluation.bars.prefix(50).map { $0.name.zh.components(separatedBy: " ")[0] }
                == evaluation.plan.requirements.map(\.code))
        // Computed from the roster and the monitoring.
        for code in ["C1", "C7", "C21", "C23", "C24", "C26", "C27", "C40", "C61", "C62"] {
            let sources = evaluation.plan.requirements.first { $0.code == code }?.sources
            #expect(sources == [.computed], "\(code)")
        }
        #expect(status(evaluation, "C2") == .met)
        #expect(status(evaluation, "C26") == .failed)  // 北山乡陈楼教学点, funded for 27 students
        #expect(status(evaluation, "C27") == .met)
        #expect(status(evaluation, "C40") == .failed)  // 红星镇初级中学, 4.1 %
        // Given in the sheet.
        #expect(status(evaluation, "C15") == .met)
        #expect(status(evaluation, "C20") == .pending)  // 达标 without evidence
        #expect(status(evaluation, "C29") == .failed)  // 2875/2910
        #expect(status(evaluation, "C31") == .pending)  // C31-2: 分子 without 分母
        #expect(status(evaluation, "C33") == .met)
        #expect(status(evaluation, "C34") == .pending)  // C34-2: evidence file missing
        #expect(status(evaluation, "C44") == .failed)
        #expect(status(evaluation, "C46") == .noData)
        let counts = RequirementStatus.allCases.map { evaluation.plan.count($0) }
        #expect(counts.reduce(0, +) == 50)
        #expect(evaluation.problems.isEmpty, "\(evaluation.problems)")
    }

    /// The sheet's C24 says 达标; the roster has a primary class of 52: reported, and the computed status stands.
    @Test func theSampleContradictionIsReported() throws {
        let evaluation = try Self.sampleEvaluation()
        #expect(status(evaluation, "C24") == .failed)
        #expect(evaluation.plan.contradictions.map(\.code) == ["C24"])
        #expect(evaluation.plan.contradictions[0].location.line == 8)
        let html = HTMLRenderer(language: .zh).render(evaluation.document)
        #expect(HTMLProbe.tableRows(html, table: "plan-contradictions").count == 1)
    }

    /// The evidence folder the sheet names is used, not listed as unplaced.
    @Test func theEvidenceFolderIsUsed() throws {
        let evaluation = try Self.sampleEvaluation()
        #expect(evaluation.folder.unplaced.isEmpty, "\(evaluation.folder.unplaced)")
        #expect(evaluation.folder.files(.evidence).map { ($0.path as NSString).lastPathComponent } == ["佐证材料"])
        #expect(evaluation.folder.files(.indicatorSheet).count == 1)
    }

    @Test func theReportHasTheNewTables() throws {
        let evaluation = try Self.sampleEvaluation()
        let html = HTMLRenderer(language: .zh).render(evaluation.document)
        #expect(HTMLProbe.tableRows(html, table: "plan-requirements").count == 58)  // 50 and 8 second parts
        let units = HTMLProbe.tableRows(html, table: "plan-units")
        #expect(units.count == 13)
        // 县教育局 answers for all 50 and has failures; the last unit (县残联) answers for C37 alone, met.
        #expect(units.first?["total"]?["data-value"] == "50")
        #expect(units.first?["failed"]?["data-fails"] == "true")
        #expect(units.last?["total"]?["data-value"] == "1")
        #expect(units.last?["failed"]?["data-fails"] == nil)
        #expect(HTMLProbe.tableRows(html, table: "plan-timeline").count == 5)
        // 附件3 quoted: 3 + 2 + 7 items of conduct.
        #expect(HTMLProbe.tableRows(html, table: "plan-accountability").count == 12)
        // At 2024-06-01 推进阶段 (2024-05-20) has passed: the 3 pending and 3 no-data requirements are
        // overdue; the 22 failed ones are due by 接受省级督评 (2024-09-30).
        let overdue = HTMLProbe.tableTexts(html, table: "plan-overdue")
        #expect(overdue.map { $0["code"] } == ["C20", "C31", "C34", "C46", "C47", "C48"])
        #expect(overdue.allSatisfy { $0["deadline"] == "2024-05-20 推进阶段" })
        #expect(!html.contains("通报批评并追究责任"))
        #expect(!html.contains("详见 junheng units"))
        #expect(html.contains("截至 2024-06-01：当前为“自评阶段”，2024-06-15 截止，还剩 14 天。"))
        // The summary counts every requirement by its own word.
        #expect(html.contains("待核实 \(evaluation.plan.count(.pending)) 项"))
        #expect(html.contains("无数据 \(evaluation.plan.count(.noData)) 项"))
    }

    /// indicators.json is one object: the county, year and date, the plan, every requirement, the national
    /// acceptance verdict of each stage, and the overdue list.
    @Test func indicatorsJSONIsWrittenForEveryRequirement() throws {
        let out = NSTemporaryDirectory() + "junheng-plan-\(UUID().uuidString)"
        let evaluation = try Self.sampleEvaluation()
        let written = try CountyReportWriter(language: .zh).write(evaluation, to: out)
        let path = try #require(written.first { $0.hasSuffix("indicators.json") })
        let data = try #require(FileManager.default.contents(atPath: path))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(
            Set(document.keys) == ["county", "year", "as_of", "plan", "requirements", "acceptance", "overdue", "names"])
        #expect(document["county"] as? String == "蒙城县")
        #expect(document["year"] as? Int == 2024)
        #expect(document["as_of"] as? String == "2024-06-01")
        let plan = try #require(document["plan"] as? [String: Any])
        #expect(plan["document"] as? String == "蒙政办秘〔2024〕10号")
        #expect(plan["issuer"] as? String == "蒙城县人民政府办公室")
        let entries = try #require(document["requirements"] as? [[String: Any]])
        #expect(entries.count == 50)
        #expect(entries.first?["code"] as? String == "C1")
        #expect(entries.last?["code"] as? String == "C62")
        for entry in entries {
            for key in ["code", "status", "value", "threshold", "units", "deadline"] {
                #expect(entry[key] != nil, "\(key)")
            }
        }
        let c29 = try #require(entries.first { $0["code"] as? String == "C29" })
        #expect(c29["status"] as? String == "failed")
        #expect(c29["value"] as? Double == 2875.0 / 2910.0)
        #expect(c29["deadline"] as? String == "2024-09-30")
        #expect(document["overdue"] as? [String] == ["C20", "C31", "C34", "C46", "C47", "C48"])
        // The national verdict: the primary schools failing the 6-of-7 rule are the three generate_roster.py
        // builds to (城关镇第一小学 at 82 % on teaching space, 双龙乡中心小学 missing two, 凤岭乡中心小学 at 81 %
        // on PE teachers: ⌈0.9 × 4.1 × 0.8⌉ = 3 teachers, 3/410 × 100 = 0.73 of 0.9).
        let acceptance = try #require(document["acceptance"] as? [String: Any])
        let primary = try #require(acceptance["primary"] as? [String: Any])
        #expect(primary["schools"] as? Int == 28)
        #expect(primary["schools_meeting"] as? Int == 25)
        #expect(primary["cv_limit"] as? Double == 0.5)
        #expect(primary["status"] as? String == "failed")
        let junior = try #require(acceptance["junior"] as? [String: Any])
        #expect(junior["cv_limit"] as? Double == 0.45)
        // Both stages agree with the schools and CVs of resources.json.
        let resources = try #require(evaluation.resources)
        for (key, stage) in [("primary", SchoolStage.primary), ("junior", .junior)] {
            let entry = try #require(acceptance[key] as? [String: Any])
            let schools = resources.schools.filter { $0.stage == stage }
            #expect(entry["schools"] as? Int == schools.count)
            #expect(entry["schools_meeting"] as? Int == schools.filter(\.passes).count)
            let largest = try #require(resources.indicators.filter { $0.stage == stage }.compactMap(\.cv).max())
            // (Foundation's JSON reader may be one unit off in the last place.)
            #expect(abs((entry["cv_max"] as? Double ?? 0) - largest) < 1e-12)
        }
        let names = try #require(document["names"] as? [String: Any])
        #expect((names["registry"] as? String)?.hasSuffix("学校名录.csv") == true)
        #expect(names["findings"] as? [String] == [])
    }

    /// Before 推进阶段's deadline nothing is due: the list is empty and says when the first deadline is; on
    /// the day after the last it holds every open requirement, the failed ones due 2024-09-30.
    @Test func theOverdueListFollowsTheDate() throws {
        func evaluation(_ date: String) throws -> CountyEvaluation {
            try CountyEvaluation.run(
                CountyEvaluationOptions(
                    dataDirectory: repositoryPath("sample-responses"), surveysDirectory: repositoryPath("surveys"),
                    planPath: repositoryPath("plan/plan.yaml"), asOf: PlanDate(date)))
        }
        let early = try evaluation("2024-05-01")
        #expect(early.plan.overdue.isEmpty)
        let html = HTMLRenderer(language: .zh).render(early.document)
        #expect(HTMLProbe.tableRows(html, table: "plan-overdue").isEmpty)
        #expect(html.contains("截至 2024-05-01，还没有到期的要求：最早的期限是“推进阶段”的 2024-05-20。"))
        let summary = CountySummaryText(language: .zh).render(early, written: [])
        #expect(summary.contains("逾期清单：空。截至 2024-05-01 还没有到期的要求（最早的期限：“推进阶段” 2024-05-20）。"))
        let late = try evaluation("2025-01-01")
        #expect(late.plan.overdue.count == 28)
        #expect(late.plan.overdue.prefix(6).map(\.code) == ["C20", "C31", "C34", "C46", "C47", "C48"])
        #expect(late.plan.overdue.dropFirst(6).allSatisfy { $0.deadline == PlanDate("2024-09-30") })
    }

    /// With --lang en every status word, count and message is English; Chinese stays only in names.
    @Test func theEnglishSummaryIsOneLanguage() throws {
        let evaluation = try Self.sampleEvaluation()
        let text = CountySummaryText(language: .en).render(evaluation, written: [])
        #expect(
            text.contains(
                "The plan's Annex 2: 50 requirements (judged by the plan, C1–C14 with every school at the standard): "))
        #expect(text.contains("As of 2024-06-01: the current stage is Self-evaluation, due 2024-06-15, 14 days left."))
        for word in ["未达标", "待核实", "无数据", "达标 ·", "截至", "问责清单", "已写出", "填报表为"] {
            #expect(!text.contains(word), "\(word)")
        }
        let chinese = CountySummaryText(language: .zh).render(evaluation, written: [])
        for word in ["requirements:", "As of", "Written:", "pending"] { #expect(!chinese.contains(word), "\(word)") }
    }

    @Test func aMissingPlanIsAnError() throws {
        let folder = NSTemporaryDirectory() + "junheng-noplan-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        #expect(throws: PlanError.self) {
            try CountyEvaluation.run(
                CountyEvaluationOptions(
                    dataDirectory: folder, surveysDirectory: repositoryPath("surveys"), planPath: folder + "/none.yaml")
            )
        }
    }

    /// A sheet in another folder: evidence leading outside it is refused (pending), evidence inside is used.
    @Test func evidenceOutsideTheFolderIsRefused() throws {
        let folder = NSTemporaryDirectory() + "junheng-sheet-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/材料", withIntermediateDirectories: true)
        try "plan".write(toFile: folder + "/材料/规划.txt", atomically: true, encoding: .utf8)
        try "指标代码,分子,分母,数值,结论,佐证材料,说明\nC15,,,,达标,材料/规划.txt,\nC16,,,,达标,../secret.txt,\n"
            .write(toFile: folder + "/填报.csv", atomically: true, encoding: .utf8)
        let evaluation = try CountyEvaluation.run(
            CountyEvaluationOptions(
                dataDirectory: folder, surveysDirectory: repositoryPath("surveys"),
                planPath: repositoryPath("plan/plan.yaml")))
        #expect(status(evaluation, "C15") == .met)
        #expect(status(evaluation, "C16") == .pending)
        #expect(evaluation.plan.issues.map(\.location.column) == [6])
        #expect(evaluation.folder.files(.evidence).count == 1)
        // Without a roster or monitoring, the computable requirements say why they were not computed.
        let c1 = try #require(evaluation.plan.requirements.first)
        #expect(c1.status == .noData)
        #expect(c1.parts[0].notes.first?.zh == "未能计算：没有可用的学校基础数据")
    }
}
