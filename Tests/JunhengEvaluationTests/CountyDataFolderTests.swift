import Foundation
import JunhengCore
import JunhengQuestionnaire
import Testing

@testable import JunhengEvaluation

@Suite struct CountyDataFolderTests {
    /// Every bundled sample is recognised by its header, whatever its name or encoding.
    @Test func samplesArePlacedByContent() throws {
        let questionnaires = try SurveyCatalog(directories: [repositoryPath("surveys")]).list()
        let folder = try CountyDataFolder.scan(repositoryPath("sample-responses"), questionnaires: questionnaires)
        var kinds: [String: String] = [:]
        for file in folder.placed {
            kinds[(file.path as NSString).lastPathComponent] = file.kind.rawValue + (file.survey.map { ":" + $0 } ?? "")
        }
        #expect(kinds["roster.csv"] == "roster")
        #expect(kinds["unit-costs.csv"] == "unit-costs")
        #expect(kinds["monitoring-students.csv"] == "monitoring-students")
        #expect(kinds["monitoring-county-summary.csv"] == "monitoring-summary")
        #expect(kinds["monitoring-settings.yaml"] == "monitoring-settings")
        #expect(kinds["survey-public.csv"] == "survey-export:public")
        #expect(kinds["survey-public-gb18030.csv"] == "survey-export:public")
        #expect(kinds["survey-teacher.csv"] == "survey-export:teacher")
        #expect(kinds["survey-student.csv"] == "survey-export:student")
        #expect(kinds["indicator-sheet.csv"] == "indicator-sheet")
        // The evidence folder is only a folder until the sheet names what is in it (see CountyEvaluationTests).
        #expect(folder.unplaced.map { ($0.path as NSString).lastPathComponent } == ["佐证材料"])
    }

    @Test func unknownFilesAreNamedWithAReason() throws {
        let root = NSTemporaryDirectory() + "junheng-folder-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try "a,b\n1,2\n".write(toFile: root + "/a.csv", atomically: true, encoding: .utf8)
        try "notes".write(toFile: root + "/readme.txt", atomically: true, encoding: .utf8)
        try "x: 1\n".write(toFile: root + "/c.yaml", atomically: true, encoding: .utf8)
        try "".write(toFile: root + "/d.pdf", atomically: true, encoding: .utf8)
        let folder = try CountyDataFolder.scan(root, questionnaires: [])
        #expect(folder.placed.isEmpty)
        #expect(
            folder.unplaced.map { ($0.path as NSString).lastPathComponent } == [
                "a.csv", "c.yaml", "d.pdf", "readme.txt",
            ])
        #expect(folder.unplaced[0].reason.en.contains("matches no questionnaire"))
        #expect(folder.unplaced[0].reason.zh.contains("前几列：a、b"))
        #expect(!folder.unplaced[0].reason.zh.contains("matches"))
        #expect(folder.unplaced[2].reason.en.contains("Not a CSV or YAML file"))
    }
}
