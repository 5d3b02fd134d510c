import CollectionFixtures
import Foundation
import GRDB
import JunhengCollection
import JunhengCore
import JunhengQuestionnaire
import Testing

@Suite struct CollectedSatisfactionTests {
    @Test func aStoreIsReadAsItsExport() async throws {
        let survey = try CollectionFixtures.survey()
        let path = CollectionFixtures.temporaryDatabase()
        let store = try SQLiteResponseStore(path: path)
        var current = CollectionFixtures.response(CollectionFixtures.answers(), ip: "a")
        current.surveySHA256 = try QuestionnaireFingerprint.of(survey)
        _ = try await store.submit(current)
        // One answered an earlier version of the file.
        _ = try await store.submit(CollectionFixtures.response(CollectionFixtures.answers(q1: "不满意"), ip: "b"))
        let settings = SatisfactionSettings(survey: survey)
        let (result, otherVersions) = try CollectedSatisfaction.run(storePath: path, survey: survey, settings: settings)
        #expect(otherVersions == 1)
        #expect(result.files.map(\.file) == ["\(path)[mini]"])
        let expected = try CollectedSatisfaction.run(
            responses: try store.responsesNow(survey: "mini"), survey: survey, settings: settings, file: "x")
        #expect(result.overall == expected.overall)
        // By hand: q1, food, safety → 3/3 and 2/3.
        #expect(result.overall.positive == 5 && result.overall.answered == 6)
    }

    @Test func aStoreWithoutThatQuestionnaireOrWithoutResponsesIsRefused() async throws {
        let survey = try CollectionFixtures.survey()
        let path = CollectionFixtures.temporaryDatabase()
        var other = CollectionFixtures.response(CollectionFixtures.answers())
        other.survey = "teacher"
        _ = try await SQLiteResponseStore(path: path).submit(other)
        #expect {
            try CollectedSatisfaction.run(
                storePath: path, survey: survey, settings: SatisfactionSettings(survey: survey))
        } throws: { error in
            (error as? CollectionStoreError)?.message.zh == "答卷库中没有问卷 mini 的答卷（已有：teacher (1)）。"
        }
        let history = CollectionFixtures.temporaryDatabase()
        try await DatabaseQueue(path: history).write { db in try db.execute(sql: "CREATE TABLE monitoring (x)") }
        #expect(throws: CollectionStoreError.self) {
            try CollectedSatisfaction.run(
                storePath: history, survey: survey, settings: SatisfactionSettings(survey: survey))
        }
    }

    @Test func exportsAndCollectedResponsesTogether() throws {
        let survey = try CollectionFixtures.survey()
        let responses = [
            CollectionFixtures.response(CollectionFixtures.answers(), ip: "a"),
            CollectionFixtures.response(CollectionFixtures.answers(township: "河西乡", q1: "不满意"), ip: "b"),
        ]
        // The first downloaded as an export too: read with the store, as two exports, the screen for the same
        // submission given twice (序号, 提交答卷时间 and 所用时间) keeps one of the two copies.
        let export = FileManager.default.temporaryDirectory.appendingPathComponent("e-\(UUID().uuidString).csv").path
        try CollectedExport.csv(survey: survey, responses: [responses[0]]).write(to: URL(fileURLWithPath: export))
        let settings = SatisfactionSettings(survey: survey)
        let both = try CollectedSatisfaction.run(
            exports: [export], responses: responses, survey: survey, settings: settings, by: [.township],
            responsesFile: "store")
        #expect(both.rows == 3 && both.used == 2)
        #expect(both.excludedRows.map(\.reason) == [.sameSubmission])
        #expect(both.overall.positive == 5 && both.overall.answered == 6)
    }
}
