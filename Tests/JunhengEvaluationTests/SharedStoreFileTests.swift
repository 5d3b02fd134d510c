import CollectionFixtures
import Foundation
import JunhengCollection
import JunhengStore
import Testing

/// One SQLite file may hold the history store and the collected responses (`junheng.sqlite`): each store
/// keeps its own tables and migrations, and neither takes the other's for a newer junheng's or another
/// program's (both stamp junheng's one application id, "JHNG", and judge only their own migrations).
@Suite struct SharedStoreFileTests {
    @Test func responsesFirstThenHistory() async throws {
        let path = CollectionFixtures.temporaryDatabase()
        do {
            let responses = try SQLiteResponseStore(path: path)
            _ = try await responses.submit(CollectionFixtures.response(CollectionFixtures.answers(), token: "A"))
        }
        _ = try HistoryStore(path: path)
        let reopened = try SQLiteResponseStore(path: path)
        #expect(try reopened.countNow(survey: "mini") == 1)
        _ = try HistoryStore(path: path)
    }

    @Test func historyFirstThenResponses() async throws {
        let path = CollectionFixtures.temporaryDatabase()
        _ = try HistoryStore(path: path)
        do {
            let responses = try SQLiteResponseStore(path: path)
            _ = try await responses.submit(CollectionFixtures.response(CollectionFixtures.answers(), token: "A"))
        }
        _ = try HistoryStore(path: path)
        #expect(try SQLiteResponseStore(path: path).countNow(survey: "mini") == 1)
    }
}
