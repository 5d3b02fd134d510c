import CollectionFixtures
import Foundation
import JunhengCollection
import JunhengQuestionnaire
import Testing

@testable import JunhengEvaluation

/// `junheng report` reads the responses `junheng serve` collected into the data folder's store, with the
/// figures of their export.
@Suite struct CollectedResponsesTests {
    /// A data folder with a `surveys/` holding the fixture questionnaire, and three responses to it in
    /// `store` (inside the folder, or elsewhere for `--db`).
    func folder(storeInside: Bool) async throws -> (data: String, store: String, responses: [CollectedResponse]) {
        let data = NSTemporaryDirectory() + "junheng-collected-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: data + "/surveys", withIntermediateDirectories: true)
        try Data(CollectionFixtures.yaml.utf8).write(to: URL(fileURLWithPath: data + "/surveys/mini.yaml"))
        let path = storeInside ? data + "/responses.sqlite" : CollectionFixtures.temporaryDatabase()
        let store = try SQLiteResponseStore(path: path)
        _ = try await store.submit(CollectionFixtures.response(CollectionFixtures.answers(), ip: "a"))
        _ = try await store.submit(
            CollectionFixtures.response(CollectionFixtures.answers(township: "河西乡", q1: "不满意"), ip: "b"))
        _ = try await store.submit(
            CollectionFixtures.response(CollectionFixtures.answers(identity: "其他社会人士", safety: "不了解"), ip: "c"))
        return (data, path, try store.responsesNow(survey: "mini"))
    }

    @Test(arguments: [true, false]) func theReportHasTheFiguresOfTheExport(storeInside: Bool) async throws {
        let (data, store, responses) = try await folder(storeInside: storeInside)
        let evaluation = try CountyEvaluation.run(
            CountyEvaluationOptions(dataDirectory: data, storePath: storeInside ? nil : store))
        let result = try #require(evaluation.satisfaction.first { $0.survey.id == "mini" })

        let survey = try QuestionnaireLoader.load(path: data + "/surveys/mini.yaml")
        let export = NSTemporaryDirectory() + "mini-\(UUID().uuidString).csv"
        try CollectedExport.csv(survey: survey, responses: responses).write(to: URL(fileURLWithPath: export))
        let fromExport = try SatisfactionAnalysis.run(
            exports: [export], survey: survey, by: [.township], settings: SatisfactionSettings(survey: survey))
        #expect(result.used == 3)
        #expect(result.overall == fromExport.overall)
        #expect(result.groups == fromExport.groups)
        #expect(result.breakdowns == fromExport.breakdowns)
        // By hand: 3/3, 2/3 and 2/2 (不了解 left out) → 7 / 8.
        #expect(result.overall.positive == 7 && result.overall.answered == 8)
    }
}
