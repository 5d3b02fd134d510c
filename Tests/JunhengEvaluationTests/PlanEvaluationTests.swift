import Foundation
import HTMLProbe
import JunhengCore
import JunhengPlan
import JunhengReports
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
        // The bars: the 50 requirements, then the 4 社会认可度 bars; no area bar is counted twice.
        #expect(evaluation.bars.count == 54)
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
        #expect(HTMLProbe.tableRows(html, table: "plan-accountability").count == 50 - evaluation.plan.count(.met))
        #expect(html.contains("截至 2024-06-01：当前为“自评阶段”，2024-06-15 截止，还剩 14 天。"))
        // The summary counts every requirement by its own word.
        #expect(html.contains("待核实 \(evaluation.plan.count(.pending)) 项"))
        #expect(html.contains("无数据 \(evaluation.plan.count(.noData)) 项"))
    }

    @Test func indicatorsJSONIsWrittenForEveryRequirement() throws {
        let out = NSTemporaryDirectory() + "junheng-plan-\(UUID().uuidString)"
        let written = try CountyReportWriter(language: .zh).write(Self.sampleEvaluation(), to: out)
        let path = try #require(written.first { $0.hasSuffix("indicators.json") })
        let data = try #require(FileManager.default.contents(atPath: path))
        let entries = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(entries.count == 50)
        #expect(entries.first?["code"] as? String == "C1")
        #expect(entries.last?["code"] as? String == "C62")
        for entry in entries {
            for key in ["code", "status", "value", "threshold", "units"] { #expect(entry[key] != nil, "\(key)") }
        }
        let c29 = try #require(entries.first { $0["code"] as? String == "C29" })
        #expect(c29["status"] as? String == "failed")
        #expect(c29["value"] as? Double == 2875.0 / 2910.0)
    }

    /// With --lang en every status word, count and message is English; Chinese stays only in names.
    @Test func theEnglishSummaryIsOneLanguage() throws {
        let evaluation = try Self.sampleEvaluation()
        let text = CountySummaryText(language: .en).render(evaluation, written: [])
        #expect(text.contains("Annex 2: 50 requirements: "))
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
