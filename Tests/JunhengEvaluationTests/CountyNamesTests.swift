import Foundation
import HTMLProbe
import JunhengCore
import JunhengIngest
import JunhengPlan
import JunhengQuestionnaire
import JunhengRegistry
import JunhengReports
import JunhengResources
import Testing

@testable import JunhengEvaluation

/// The registry check in the county report: the bundled samples agree with their registry; a copy with an
/// abbreviated school in the monitoring results and a township written short in an export is reported at
/// the places, and every figure that depends on those names says so in every format.
@Suite(.serialized) struct CountyNamesTests {
    static let asOf = PlanDate("2024-06-01")

    /// A copy of the samples, `edit` applied to it; without the registry when `registry` is false.
    static func copy(registry: Bool = true, _ edit: (String) throws -> Void = { _ in }) throws -> String {
        let folder = NSTemporaryDirectory() + "junheng-names-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: repositoryPath("sample-responses"), toPath: folder)
        if !registry { try FileManager.default.removeItem(atPath: folder + "/学校名录.csv") }
        try edit(folder)
        return folder
    }

    static func run(_ folder: String) throws -> CountyEvaluation {
        try CountyEvaluation.run(
            CountyEvaluationOptions(
                dataDirectory: folder, surveysDirectory: repositoryPath("surveys"),
                planPath: repositoryPath("plan/plan.yaml"), asOf: asOf))
    }

    /// 城关镇第一小学 written 城关一小 in the monitoring results (every row of it), and one teacher's
    /// township 城关镇 written 城关 (the export's first row in 城关镇).
    static func misspell(_ folder: String) throws {
        let monitoring = folder + "/monitoring-students.csv"
        let text = try String(contentsOfFile: monitoring, encoding: .utf8)
        try text.replacingOccurrences(of: ",城关镇第一小学,", with: ",城关一小,")
            .write(toFile: monitoring, atomically: true, encoding: .utf8)
        let export = folder + "/survey-teacher.csv"
        var lines = try String(contentsOfFile: export, encoding: .utf8).components(separatedBy: "\r\n")
        let index = try #require(lines.firstIndex { $0.contains(",城关镇,") })
        lines[index] = lines[index].replacingOccurrences(of: ",城关镇,", with: ",城关,")
        try lines.joined(separator: "\r\n").write(toFile: export, atomically: true, encoding: .utf8)
    }

    @Test func theSamplesAgreeWithTheirRegistry() throws {
        let evaluation = try Self.run(repositoryPath("sample-responses"))
        let names = evaluation.names
        #expect(names.agree)
        #expect(names.registry?.entries.count == 44)
        #expect(names.registry?.townships.count == 18)
        // The roster, the monitoring results, the links list and the four exports.
        #expect(
            names.sources.map { ($0.file as NSString).lastPathComponent }.sorted() == [
                "links-townships.csv", "monitoring-students.csv", "roster.csv", "survey-public-gb18030.csv",
                "survey-public.csv", "survey-student.csv", "survey-teacher.csv",
            ])
        #expect(evaluation.folder.files(.registry).count == 1)
        #expect(evaluation.folder.files(.linkList).count == 1)
        // The by-school rows take the registry's codes.
        #expect(evaluation.satisfaction.allSatisfy { $0.settings.schools?.schools.count == 44 })
        // With a registry the roster's schools are known by their codes.
        #expect(evaluation.resources?.schools.allSatisfy { $0.code?.hasPrefix("34162") == true } == true)
    }

    @Test func aNameNotInTheRegistryIsReportedAndItsFiguresSaySo() throws {
        let folder = try Self.copy(Self.misspell)
        let evaluation = try Self.run(folder)
        let findings = evaluation.names.all
        #expect(findings.map(\.problem) == [.unknownSchool, .unknownTownship])
        #expect(
            findings[0].line(.zh)
                == "\(folder)/monitoring-students.csv:2:5: 学校“城关一小”不在学校名录中。是否为“城关镇第一小学”？（共 356 行）")
        #expect(findings[1].suggestions == ["城关镇"])
        #expect(findings[1].location.column == 9)
        #expect(!evaluation.names.agree)

        // The plan's C61 and C62 (from the monitoring) carry the caveat; C1 (the roster, whose names agree) does not.
        func notes(_ code: String) -> [String] {
            evaluation.plan.requirements.first { $0.code == code }?.notes.map(\.zh) ?? []
        }
        let caveat = "名称核对未通过：monitoring-students.csv 有 1 个学校或乡镇名称不在学校名录中"
        #expect(notes("C61").contains { $0.hasPrefix(caveat) })
        #expect(notes("C62").contains { $0.hasPrefix(caveat) })
        #expect(!notes("C1").contains { $0.hasPrefix("名称核对") })
        // The satisfaction of the teacher questionnaire says so in its JSON.
        let teacher = try #require(evaluation.satisfaction.first { $0.survey.id == "teacher" })
        #expect(teacher.caveats.last?.zh.hasPrefix("名称核对未通过：survey-teacher.csv 有 1 个") == true)
        let json = try #require(try evaluation.areaJSON(language: .zh).first { $0.name == "satisfaction-teacher.json" })
        #expect(json.json.contains("名称核对未通过：survey-teacher.csv"))

        // Every format: the HTML (the plan table's 说明 and the monitoring section), the workbook, indicators.json,
        // the terminal.
        let html = HTMLRenderer(language: .zh).render(evaluation.document)
        let plan = HTMLProbe.tableTexts(html, table: "plan-requirements")
        #expect(plan.first { $0["code"] == "C61" }?["notes"]?.contains(caveat) == true)
        #expect(HTMLProbe.count(caveat, in: html) >= 3)
        let names = HTMLProbe.tableTexts(html, table: "data-names")
        #expect(names.map { $0["name"] } == ["城关一小", "城关"])
        let out = NSTemporaryDirectory() + "junheng-names-out-\(UUID().uuidString)"
        _ = try CountyReportWriter(language: .zh).write(evaluation, to: out)
        var rows: [CSVRecord] = []
        _ = try WorkbookFile(path: out + "/report.xlsx", sheet: "各项要求").read { rows.append($0) }
        #expect(rows.contains { $0.fields.first == "C61" && $0.fields.contains { $0.contains(caveat) } })
        let indicators = try String(contentsOfFile: out + "/indicators.json", encoding: .utf8)
        #expect(indicators.contains(caveat))
        #expect(indicators.contains("学校“城关一小”不在学校名录中。是否为“城关镇第一小学”？"))
        let summary = CountySummaryText(language: .zh).render(evaluation, written: [])
        #expect(summary.contains("学校名录核对未通过：2 个学校或乡镇名称不在学校名录（44 所学校、18 个乡镇）中。"))
        #expect(summary.contains(findings[0].line(.zh)))
    }

    /// Without a registry the names are compared with the roster (which lists every school): the same two
    /// names disagree, with the roster's nearest names.
    @Test func withoutARegistryTheFilesAreComparedWithEachOther() throws {
        let clean = try Self.run(try Self.copy(registry: false))
        #expect(clean.names.registry == nil)
        #expect(clean.names.agree)
        #expect(clean.names.summary.zh == "没有学校名录：7 个文件的学校和乡镇名称相互比对，写法一致。")
        let evaluation = try Self.run(try Self.copy(registry: false, Self.misspell))
        #expect(evaluation.names.all.map(\.name) == ["城关一小", "城关"])
        #expect(evaluation.names.all.map(\.suggestions) == [["城关镇第一小学"], ["城关镇"]])
        #expect(evaluation.names.all[0].message.zh.hasPrefix("“城关一小”不在学校基础数据（"))
    }

    /// A broken registry is named at its place, and the names are not checked.
    @Test func aBrokenRegistryIsAProblem() throws {
        let folder = try Self.copy { folder in
            let path = folder + "/学校名录.csv"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try text.replacingOccurrences(of: ",初中,初中\r\n", with: ",初中,完中\r\n")
                .write(toFile: path, atomically: true, encoding: .utf8)
        }
        let evaluation = try Self.run(folder)
        #expect(evaluation.names.registry == nil)
        #expect(!evaluation.names.agree)
        #expect(
            evaluation.names.registryProblems.first?.location
                == SourceLocation(file: folder + "/学校名录.csv", line: 5, column: 5))
        #expect(evaluation.names.summary.zh == "学校名录无法读取（见“数据来源与数据问题”），名称未能核对。")
    }

    /// Two schools of one name in two townships, in a whole county folder: 青云镇中心小学 and 柳河镇中心小学 are
    /// renamed 中心小学 in every file (the registry, the roster, the monitoring results and the exports;
    /// the GB18030 copy of the public export is left out). The registry still tells them apart by township,
    /// so every name agrees; the by-school rows are keyed by their codes, named with their townships, and
    /// keep the very counts they had under their own names (grouped by name they would be one row).
    @Test func twoSchoolsOfOneNameKeepTheirOwnRows() throws {
        let original = try Self.run(
            try Self.copy { try FileManager.default.removeItem(atPath: $0 + "/survey-public-gb18030.csv") })
        let folder = try Self.copy { folder in
            try FileManager.default.removeItem(atPath: folder + "/survey-public-gb18030.csv")
            for file in try FileManager.default.contentsOfDirectory(atPath: folder) where file.hasSuffix(".csv") {
                let path = folder + "/" + file
                let text = try String(contentsOfFile: path, encoding: .utf8)
                try text.replacingOccurrences(of: "青云镇中心小学", with: "中心小学")
                    .replacingOccurrences(of: "柳河镇中心小学", with: "中心小学")
                    .write(toFile: path, atomically: true, encoding: .utf8)
            }
        }
        let renamed = try Self.run(folder)
        #expect(renamed.names.agree)
        #expect(renamed.names.registry?.entries(named: "中心小学").map(\.township).sorted() == ["柳河镇", "青云镇"])
        for id in ["public", "student", "teacher"] {
            let before = try #require(original.satisfaction.first { $0.survey.id == id }?.breakdowns[.school])
            let after = try #require(renamed.satisfaction.first { $0.survey.id == id }?.breakdowns[.school])
            for (old, new) in [("青云镇中心小学", "中心小学（青云镇）"), ("柳河镇中心小学", "中心小学（柳河镇）")] {
                let was = try #require(before.first { $0.key == [old] }, "\(id) \(old)")
                let now = try #require(after.first { $0.key == [new] }, "\(id) \(new)")
                #expect((now.respondents, now.answered, now.positive) == (was.respondents, was.answered, was.positive))
                #expect(was.respondents > 0)
            }
            #expect(!after.contains { $0.key == ["中心小学"] })
            #expect(after.count == before.count)
            #expect(renamed.satisfaction.first { $0.survey.id == id }?.schoolCaveats.isEmpty == true)
        }
    }
}
