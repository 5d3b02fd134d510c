import Foundation
import JunhengCore
import JunhengIngest
import Testing

@testable import JunhengQuestionnaire

/// The frequency hook on the satisfaction pipeline: it sees exactly the used responses, and its counts
/// (read cell by cell through ``WjxColumnReader``) agree with the pipeline's own option counts (its fast
/// path on the raw bytes), two separate readings of the same cells.
@Suite struct FrequencyPipelineTests {
    static var repository: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }

    static func run(_ export: String, survey id: String) throws -> SatisfactionResult {
        let catalog = SurveyCatalog(directories: [TestSupport.surveysDirectory])
        let survey = try catalog.resolve(id)
        var settings = SatisfactionSettings(survey: survey)
        settings.frequencies = FrequencyRequest()
        return try SatisfactionAnalysis.run(
            exports: [Self.repository + "/sample-responses/" + export], survey: survey, settings: settings)
    }

    /// The public sample (text mode, with duplicates, speeders and outsiders screened out) and the teacher
    /// sample (option-number mode, a matrix).
    @Test(arguments: [
        ("survey-public.csv", "public"), ("survey-teacher.csv", "teacher"), ("survey-student.csv", "student"),
    ])
    func countsAgreeWithThePipelinesOwn(export: String, survey: String) throws {
        let result = try Self.run(export, survey: survey)
        let frequencies = try #require(result.frequencies)
        #expect(frequencies.used == result.used)
        #expect(frequencies.excluded == result.excluded)
        #expect(frequencies.rows == result.rows)
        #expect(result.excluded > 0)
        for question in frequencies.questions where question.type != .text {
            let counts: [Int]
            if question.type == .matrix {
                counts = question.rows.reduce(
                    into: Array(repeating: 0, count: question.rows.first?.counts.options.count ?? 0)
                ) {
                    total, row in
                    for (index, option) in row.counts.options.enumerated() { total[index] += option.count }
                }
            } else {
                counts = question.counts.options.map(\.count)
            }
            #expect(counts == result.optionCounts[question.id], "\(survey) \(question.id)")
            // Every used response is in one of the four counts.
            let whole = question.counts
            #expect(whole.answered + whole.skipped + whole.invalid + whole.notInFile == result.used, "\(question.id)")
        }
    }

    /// A questionnaire without scored items: nobody is screened out for "no scored answer", and
    /// `satisfaction` alone refuses it (there is no rate to compute).
    @Test func noScoredItemsNoScoredAnswerScreen() throws {
        let yaml = """
            id: plain
            title: 无计分题
            groups: [家长]
            settings: {min_seconds: off}
            questions:
              - {id: home, number: 1, text: 您的居住地, type: single, options: [城区, 乡镇]}
              - {id: note, number: 2, text: 您的建议, type: text}
            """
        let survey = try QuestionnaireLoader.parse(yaml: yaml, file: "plain.yaml")
        var settings = SatisfactionSettings(survey: survey)
        settings.frequencies = FrequencyRequest()
        let result = TestSupport.run(
            survey, header: ["序号", "1、您的居住地", "2、您的建议"],
            records: [["1", "城区", ""], ["2", "乡镇", "好"], ["3", "", ""]],
            settings: settings)
        #expect(result.used == 3)
        #expect(result.excluded == 0)
        #expect(result.frequencies?.questions[0].counts.options.map(\.count) == [1, 1])
        #expect(result.frequencies?.questions[0].counts.skipped == 1)
        #expect(throws: SurveyDataError.self) {
            try SatisfactionRequest.check(survey: survey, by: [], settings: SatisfactionSettings(survey: survey))
        }
        try SatisfactionRequest.check(survey: survey, by: [], settings: settings)
    }
}
