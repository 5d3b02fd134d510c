import CollectionFixtures
import Foundation
import GRDB
import JunhengCollection
import Testing

/// The same behaviour from every store: the SQLite file and the in-memory store.
@Suite struct ResponseStoreTests {
    enum Kind: String, CaseIterable, CustomTestStringConvertible {
        case sqlite, memory

        var testDescription: String { rawValue }

        func make() throws -> any ResponseStore {
            switch self {
            case .sqlite: try SQLiteResponseStore(path: CollectionFixtures.temporaryDatabase())
            case .memory: MemoryResponseStore()
            }
        }
    }

    @Test(arguments: Kind.allCases) func emptyStoreHasNothing(kind: Kind) async throws {
        let store = try kind.make()
        #expect(try await store.count(survey: "mini") == 0)
        #expect(try await store.allResponses(survey: "mini").isEmpty)
    }

    @Test(arguments: Kind.allCases) func oneResponseComesBackAsStored(kind: Kind) async throws {
        let store = try kind.make()
        let response = CollectionFixtures.response(
            CollectionFixtures.answers(wants: ["课后服务", "其他【请注明】"], other: "心理", notes: "一\n二"),
            link: .init(township: "河西乡", school: nil))
        let outcome = try await store.submit(response)
        #expect(outcome == .stored(1))
        var expected = response
        expected.id = 1
        #expect(try await store.allResponses(survey: "mini") == [expected])
        #expect(try await store.allResponses(survey: "other").isEmpty)
    }

    @Test(arguments: Kind.allCases) func theSameTokenIsStoredOnce(kind: Kind) async throws {
        let store = try kind.make()
        let first = CollectionFixtures.response(CollectionFixtures.answers(), token: "T")
        let again = CollectionFixtures.response(CollectionFixtures.answers(q1: "不满意"), token: "T")
        #expect(try await store.submit(first) == .stored(1))
        #expect(try await store.submit(again) == .alreadyStored(1))
        #expect(try await store.count(survey: "mini") == 1)
        // The same token of another questionnaire is another response.
        var other = first
        other.survey = "other"
        #expect(try await store.submit(other) == .stored(2))
    }

    @Test(arguments: Kind.allCases) func concurrentSubmissionsAreAllStoredInOrderOfNumbers(kind: Kind) async throws {
        let store = try kind.make()
        let outcomes = try await withThrowingTaskGroup(of: SubmitOutcome.self) { group in
            for index in 0..<300 {
                // Every third token repeats an earlier one: a double tap.
                let token = "t\(index - index % 3 == index ? index : index - 1)"
                group.addTask {
                    try await store.submit(CollectionFixtures.response(CollectionFixtures.answers(), token: token))
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let stored = outcomes.filter { if case .stored = $0 { true } else { false } }
        #expect(stored.count == 200)
        #expect(Set(stored.map(\.id)) == Set(1...200))
        let responses = try await store.allResponses(survey: "mini", pageSize: 7)
        #expect(responses.map(\.id) == (1...200).map { Int64($0) })
        #expect(Set(responses.map(\.token)).count == 200)
    }
}

@Suite struct SQLiteResponseStoreTests {
    @Test func migrationsAreNamed() throws {
        let store = try SQLiteResponseStore(path: CollectionFixtures.temporaryDatabase())
        #expect(try store.appliedMigrations() == ["responses 1 collected responses"])
    }

    @Test func theFileIsWALAndResponsesSurviveReopening() async throws {
        let path = CollectionFixtures.temporaryDatabase()
        do {
            let store = try SQLiteResponseStore(path: path)
            _ = try await store.submit(CollectionFixtures.response(CollectionFixtures.answers(), token: "A"))
        }
        let reopened = try SQLiteResponseStore(path: path)
        #expect(try reopened.countNow(survey: "mini") == 1)
        #expect(try reopened.surveys().map(\.survey) == ["mini"])
        let mode = try await DatabaseQueue(path: path).read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode")
        }
        #expect(mode == "wal")
    }

    @Test func readingAFileWithoutResponsesGivesNone() throws {
        let path = CollectionFixtures.temporaryDatabase()
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "CREATE TABLE other (x)") }
        #expect(try SQLiteResponseStore.reading(path: path) == nil)
    }

    @Test func readingAMissingFileSaysSo() {
        #expect(throws: CollectionStoreError.self) { try SQLiteResponseStore.reading(path: "/nonexistent/r.sqlite") }
    }

    @Test func aReadingStoreRefusesToWrite() async throws {
        let path = CollectionFixtures.temporaryDatabase()
        _ = try await SQLiteResponseStore(path: path).submit(CollectionFixtures.response(CollectionFixtures.answers()))
        let reader = try #require(try SQLiteResponseStore.reading(path: path))
        #expect(try reader.responsesNow(survey: "mini").count == 1)
        await #expect(throws: CollectionStoreError.self) {
            try await reader.submit(CollectionFixtures.response(CollectionFixtures.answers()))
        }
    }

    @Test func theSchemaRefusesASubmissionBeforeItsStart() async throws {
        let store = try SQLiteResponseStore(path: CollectionFixtures.temporaryDatabase())
        let backwards = CollectionFixtures.response(CollectionFixtures.answers(), seconds: -5)
        await #expect(throws: CollectionStoreError.self) { try await store.submit(backwards) }
        // Nothing was stored, and the store still works.
        #expect(try await store.count(survey: "mini") == 0)
        _ = try await store.submit(CollectionFixtures.response(CollectionFixtures.answers()))
        #expect(try await store.count(survey: "mini") == 1)
    }
}
