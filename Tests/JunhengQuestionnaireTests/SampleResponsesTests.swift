import Foundation
import JunhengIngest
import Testing

@testable import JunhengQuestionnaire

/// The bundled exports (made by scripts/generate_surveys.py) read as their README says: every column
/// mapped, the right mode and encoding, 15+ townships, every screening rule at work. Rates are not pinned
/// here (they are properties of the generator's random draw); the hand-computed rates are in
/// SatisfactionPipelineTests.
@Suite struct SampleResponsesTests {
    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sample-responses")
    }

    func run(_ file: String, survey id: String) throws -> SatisfactionResult {
        let survey = try SurveyCatalog(directories: [TestSupport.surveysDirectory]).resolve(id)
        return try SatisfactionAnalysis.run(
            exports: [Self.folder.appendingPathComponent(file).path], survey: survey, by: [.township],
            settings: SatisfactionSettings(survey: survey))
    }

    @Test(arguments: [
        ("survey-public.csv", "public", WjxExportMode.text),
        ("survey-public-gb18030.csv", "public", .text),
        ("survey-teacher.csv", "teacher", .number),
        ("survey-student.csv", "student", .text),
    ])
    func sampleReadsCleanly(file: String, survey: String, mode: WjxExportMode) throws {
        let result = try run(file, survey: survey)
        let report = try #require(result.files.first)
        #expect(report.detection.mode == mode)
        #expect(report.mapping.unmapped.isEmpty)
        #expect(report.mapping.missingQuestions.isEmpty)
        #expect(result.rows >= 250)
        #expect(result.groups.count >= 15)
        let reasons = Set(result.excludedRows.map(\.reason))
        #expect(reasons.isSuperset(of: [.duplicate, .speeder, .outsideGroups]))
        #expect(result.answerProblemCount > 0)
        if file.contains("gb18030") { #expect(report.encoding == .gb18030) }
    }
}
