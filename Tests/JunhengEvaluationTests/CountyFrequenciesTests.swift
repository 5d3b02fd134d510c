import Foundation
import HTMLProbe
import JunhengCore
import JunhengIngest
import JunhengPlan
import JunhengQuestionnaire
import JunhengReports
import Testing

@testable import JunhengEvaluation

/// The report's 逐题统计: a panel per question with its chart and table, cross-tabs where the folder's
/// `crosstabs:` file asks for them, a workbook sheet per questionnaire; and the folder's workbooks
/// recognised by their content.
@Suite(.serialized) struct CountyFrequenciesTests {
    /// .xls workbooks are read in the test host's child process (`Tests/XLSReaderHost`).
    init() {
        XLSReaderProcess.current = .beside("XLSReaderHost")
    }

    func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "junheng-frequencies-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Every questionnaire gets its section, with one panel per question, and each chart's bars and each
    /// table's counts are the figures of `frequencies-ID.json` (the JSON `junheng frequencies` prints).
    @Test func panelsCarryTheCountsOfTheJSON() throws {
        let evaluation = try CountyEvaluationTests.sampleEvaluation()
        let html = HTMLRenderer(language: .zh).render(evaluation.document)
        let files = try evaluation.areaJSON(language: .zh)
        for result in evaluation.satisfaction {
            let id = result.survey.id
            #expect(html.contains("data-section=\"frequencies-\(id)\""))
            #expect(
                HTMLProbe.count("data-panel=\"frequencies-\(id)-", in: html) == result.survey.questions.count, "\(id)")
            let json = try #require(files.first { $0.name == "frequencies-\(id).json" }?.json)
            let document = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let questions = try #require(document["questions"] as? [[String: Any]])
            for question in questions where ["single", "scale", "multiple"].contains(question["type"] as? String) {
                let qid = try #require(question["id"] as? String)
                let options = try #require(question["options"] as? [[String: Any]])
                let chart = try #require(
                    HTMLProbe.element(html, marker: "data-chart=\"frequencies-\(id)-\(qid)\"", end: "</figure>"))
                let points = HTMLProbe.tags("g", in: chart).filter { $0["class"] == "point" }
                #expect(points.map { $0["data-label"] } == options.map { $0["text"] as? String }, "\(qid)")
                // Shares from the JSON's counts (Foundation's JSON reader on Linux rounds the last digit).
                let answered = try #require(question["answered"] as? Int)
                let shares: [Double?] = options.map { option in
                    answered > 0 ? Double(option["count"] as? Int ?? -1) / Double(answered) : 0
                }
                #expect(points.map { Double($0["data-value"] ?? "") } == shares, "\(qid)")
                let rows = HTMLProbe.tableRows(html, table: "frequencies-\(id)-\(qid)")
                #expect(
                    rows.prefix(options.count).map { Int(Double($0["count"]?["data-value"] ?? "") ?? -1) }
                        == options.map { $0["count"] as? Int }, "\(qid)")
            }
        }
        // Privacy: the report never lists answers.
        #expect(!html.contains("-answers\""))
    }

    /// The sample folder's `frequencies.yaml` asks for public by group: each question but the group
    /// question has its cross-tab with a χ² note; the other questionnaires have none.
    @Test func crossTabsAsTheFolderAsks() throws {
        let evaluation = try CountyEvaluationTests.sampleEvaluation()
        #expect(evaluation.folder.files(.frequencySettings).count == 1)
        let html = HTMLRenderer(language: .zh).render(evaluation.document)
        #expect(html.contains("data-table=\"frequencies-public-residence-by-group\""))
        #expect(!html.contains("data-table=\"frequencies-public-identity-by-group\""))
        let rows = HTMLProbe.tableRows(html, table: "frequencies-public-residence-by-group")
        #expect(rows.count == 4)
        let note = try #require(
            HTMLProbe.element(html, marker: "data-table=\"frequencies-public-residence-by-group\"", end: "</article>"))
        #expect(note.contains("χ² 独立性检验"))
        for id in ["teacher", "student"] {
            let section = try #require(evaluation.document.sections.first { $0.id == "frequencies-\(id)" })
            #expect(!section.panels.flatMap(\.tables).contains { $0.id.contains("-by-") }, "\(id)")
        }
    }

    /// A broken `crosstabs:` file is one problem at its line; the per-question tables are still there.
    @Test func aBrokenSettingsFileIsAProblem() throws {
        let folder = try temporaryFolder()
        try FileManager.default.copyItem(
            atPath: repositoryPath("sample-responses/survey-teacher.csv"), toPath: folder + "/教师.csv")
        try "crosstabs:\n  teacher: township\n  nobody: group\n".write(
            toFile: folder + "/交叉.yaml", atomically: true, encoding: .utf8)
        let evaluation = try CountyEvaluation.run(
            CountyEvaluationOptions(
                dataDirectory: folder, surveysDirectory: repositoryPath("surveys"),
                planPath: repositoryPath("plan/plan.yaml")))
        let problem = try #require(evaluation.problems.first { $0.area.zh == "逐题统计" })
        #expect(problem.message.zh.contains(folder + "/交叉.yaml:3:3"))
        #expect(problem.message.zh.contains("没有编号为“nobody”的问卷"))
        let section = try #require(evaluation.document.sections.first { $0.id == "frequencies-teacher" })
        #expect(!section.panels.isEmpty)
        #expect(!section.panels.flatMap(\.tables).contains { $0.id.contains("-by-") })
    }

    @Test func settingsAreCheckedAtTheirPlace() throws {
        let folder = try temporaryFolder()
        let surveys = try SurveyCatalog(directories: [repositoryPath("surveys")]).load().questionnaires
        func load(_ text: String) throws -> FrequencySettings {
            try text.write(toFile: folder + "/s.yaml", atomically: true, encoding: .utf8)
            return try FrequencySettings.load(path: folder + "/s.yaml", questionnaires: surveys)
        }
        #expect(
            try load("crosstabs:\n  public: township\n  student: grade\n").crosstabs == [
                "public": .key(.township), "student": .key(.grade),
            ])
        #expect(try load("crosstabs:\n  public: residence\n").crosstabs == ["public": .question("residence")])
        #expect {
            _ = try load("crosstab:\n  public: township\n")
        } throws: { error in
            (error as? EvaluationError)?.location == SourceLocation(file: folder + "/s.yaml", line: 1, column: 1)
        }
        // teacher has no grade question: refused at the value.
        #expect {
            _ = try load("crosstabs:\n  teacher: grade\n")
        } throws: { error in
            (error as? EvaluationError)?.location == SourceLocation(file: folder + "/s.yaml", line: 2, column: 12)
        }
    }

    /// 问卷星's .xls download and an .xlsx roster in the folder are read by their content; a file that only
    /// looks like a workbook is named with the reason.
    @Test func workbooksInTheFolderAreRecognisedByContent() throws {
        let folder = try temporaryFolder()
        let surveys = folder + "/surveys"
        try FileManager.default.createDirectory(atPath: surveys, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: repositoryPath("Tests/JunhengQuestionnaireTests/Fixtures/wjx800.yaml"),
            toPath: surveys + "/wjx800.yaml")
        try FileManager.default.copyItem(
            atPath: repositoryPath("Tests/JunhengQuestionnaireTests/Fixtures/wjx800_text.xls"),
            toPath: folder + "/问卷星下载.xls")
        try FileManager.default.copyItem(
            atPath: repositoryPath("Tests/junhengTests/Fixtures/workbooks/roster.xlsx"), toPath: folder + "/名册.xlsx")
        _ = FileManager.default.createFile(atPath: folder + "/坏的.xlsx", contents: Data([0x50, 0x4B, 0x03, 0x04]))
        let evaluation = try CountyEvaluation.run(
            CountyEvaluationOptions(dataDirectory: folder, planPath: repositoryPath("plan/plan.yaml")))
        let placed = Dictionary(
            uniqueKeysWithValues: evaluation.folder.placed.map { (($0.path as NSString).lastPathComponent, $0) })
        #expect(placed["问卷星下载.xls"]?.kind == .surveyExport)
        #expect(placed["问卷星下载.xls"]?.survey == "wjx800")
        #expect(placed["名册.xlsx"]?.kind == .roster)
        #expect(evaluation.resources != nil)
        #expect(evaluation.problems.filter { $0.area.zh == "社会认可度" }.isEmpty, "\(evaluation.problems)")
        let frequencies = try #require(evaluation.satisfaction.first { $0.survey.id == "wjx800" }?.frequencies)
        #expect(frequencies.used == 800)
        #expect(frequencies.questions.first { $0.id == "phones" }?.counts.options.map(\.count) == [521, 261, 12, 6])
        let damaged = try #require(evaluation.folder.unplaced.first { $0.path.hasSuffix("坏的.xlsx") })
        #expect(damaged.reason.zh.contains("工作簿已损坏"))
    }

    /// Every sheet has a name of its own that says what it holds, within Excel's 31 characters: none cut
    /// off, none told apart only by " (2)".
    @Test func everySheetNameIsDistinctAndMeaningful() throws {
        let evaluation = try CountyEvaluationTests.sampleEvaluation()
        let folder = try temporaryFolder()
        _ = try CountyReportWriter(language: .zh).write(evaluation, to: folder)
        let names = try WorkbookFile(path: folder + "/report.xlsx").sheetNames()
        #expect(Set(names.map { $0.lowercased() }).count == names.count)
        #expect(names.allSatisfy { $0.utf16.count <= 31 })
        #expect(!names.contains { $0.contains(" (2)") })
        for name in [
            "总览", "督查通报", "实施步骤", "逾期清单", "问责机制（附件3）", "各项要求", "两种判定", "满意度-社会公众卷-按乡镇",
            "满意度-学生卷-剔除", "数据文件", "名称核对", "填报表问题",
        ] {
            #expect(names.contains(name), "\(name)")
        }
        let english = try temporaryFolder()
        _ = try CountyReportWriter(language: .en).write(evaluation, to: english)
        let en = try WorkbookFile(path: english + "/report.xlsx").sheetNames()
        #expect(Set(en.map { $0.lowercased() }).count == en.count)
        // Every English name is written whole, none cut at 31 characters.
        #expect(en.allSatisfy { $0.utf16.count < 31 }, "\(en)")
        #expect(en.contains("Rates-teacher-dimension"))
        #expect(en.contains("Monitoring by year-mean") && en.contains("Monitoring by year-ICC"))
    }

    /// The workbook has one sheet of per-question tables per questionnaire.
    @Test func theWorkbookHasASheetPerQuestionnaire() throws {
        let evaluation = try CountyEvaluationTests.sampleEvaluation()
        let folder = try temporaryFolder()
        _ = try CountyReportWriter(language: .zh).write(evaluation, to: folder)
        let names = try WorkbookFile(path: folder + "/report.xlsx").sheetNames()
        let frequencySheets = names.filter { $0.hasPrefix("逐题统计-") }
        // Named by each questionnaire's short name (the 卷 in its title), within Excel's 31 characters.
        #expect(frequencySheets == ["逐题统计-社会公众卷", "逐题统计-学生卷", "逐题统计-校长、教师卷"])
        try #require(frequencySheets.count == 3)
        // Its first table: the title of the section, then the first question's title, header and rows.
        var rows: [CSVRecord] = []
        _ = try WorkbookFile(path: folder + "/report.xlsx", sheet: frequencySheets[0]).read { rows.append($0) }
        #expect(rows.contains { $0.fields.first == "学生家长" })
    }
}
