import CollectionFixtures
import Foundation
import GRDB
import JunhengCollection
import JunhengCore
import Testing

/// The same behaviour from every store: the SQLite file, PostgreSQL (the test cluster of `make test`) and
/// the in-memory store.
@Suite struct ResponseStoreTests {
    enum Kind: String, CaseIterable, CustomTestStringConvertible {
        case sqlite, postgres, memory

        var testDescription: String { rawValue }

        /// Every kind; PostgreSQL only where the test cluster runs (``PostgresTestDatabase``, which fails when
        /// it is required and missing).
        static var available: [Kind] { PostgresTestDatabase.url == nil ? [.sqlite, .memory] : allCases }

        /// Whether numbers come without gaps: PostgreSQL's sequence may skip one when two submissions of one
        /// token race (the unique key keeps one response; the other's number is used up).
        var numbersWithoutGaps: Bool { self != .postgres }

        /// A fresh store of this kind, closed after `body`.
        func with<T>(_ body: (any ResponseStore) async throws -> T) async throws -> T {
            switch self {
            case .sqlite: try await body(try SQLiteResponseStore(path: CollectionFixtures.temporaryDatabase()))
            case .memory: try await body(MemoryResponseStore())
            case .postgres: try await PostgresTestDatabase.withStore { try await body($0) }
            }
        }
    }

    @Test(arguments: Kind.available) func emptyStoreHasNothing(kind: Kind) async throws {
        try await kind.with { (store: any ResponseStore) async throws -> Void in
            #expect(try await store.count(survey: "mini") == 0)
            #expect(try await store.allResponses(survey: "mini").isEmpty)
        }
    }

    @Test(arguments: Kind.available) func oneResponseComesBackAsStored(kind: Kind) async throws {
        try await kind.with { (store: any ResponseStore) async throws -> Void in
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
    }

    @Test(arguments: Kind.available) func theSameTokenIsStoredOnce(kind: Kind) async throws {
        try await kind.with { (store: any ResponseStore) async throws -> Void in
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
    }

    @Test(arguments: Kind.available) func concurrentSubmissionsAreAllStoredInOrderOfNumbers(kind: Kind) async throws {
        try await kind.with { (store: any ResponseStore) async throws -> Void in
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
            // Every repeat names the number its first copy was stored as.
            let numbers = Set(stored.map(\.id))
            #expect(numbers.count == 200)
            #expect(outcomes.allSatisfy { numbers.contains($0.id) })
            if kind.numbersWithoutGaps { #expect(numbers == Set(1...200)) }
            let responses = try await store.allResponses(survey: "mini", pageSize: 7)
            #expect(responses.map(\.id) == numbers.sorted())
            #expect(Set(responses.map(\.token)).count == 200)
            #expect(try await store.count(survey: "mini") == 200)
        }
    }
}

@Suite struct SQLiteResponseStoreTests {
    @Test func migrationsAreNamed() throws {
        let store = try SQLiteResponseStore(path: CollectionFixtures.temporaryDatabase())
        #expect(
            try store.appliedMigrations() == [
                "responses 1 collected responses", "responses 2 counties, closing and deletions",
                "responses 3 short codes",
            ])
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

/// Stores from elsewhere (issue 22): a newer junheng's, another program's, and records over the limits.
@Suite struct SQLiteResponseStoreRefusalTests {
    /// The file's bytes and its write-ahead log's, to show that a refusal wrote nothing.
    func bytes(_ path: String) throws -> Data {
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        if let wal = FileManager.default.contents(atPath: path + "-wal") { data.append(wal) }
        return data
    }

    @Test func aStoreWithAMigrationThisBinaryDoesNotKnowIsRefusedUntouched() async throws {
        let path = CollectionFixtures.temporaryDatabase()
        _ = try await SQLiteResponseStore(path: path).submit(CollectionFixtures.response(CollectionFixtures.answers()))
        try await DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('responses 9 from the future')")
        }
        let before = try bytes(path)
        for open in [{ _ = try SQLiteResponseStore(path: path) }, { _ = try SQLiteResponseStore.reading(path: path) }] {
            let error = try #require(throws: CollectionStoreError.self) { try open() }
            #expect(error.message.zh.hasPrefix("此答卷库由更新版本的 junheng 写入，请升级（未知的结构版本：responses 9 from the future）"))
        }
        #expect(try bytes(path) == before)
        // The history store's migrations in the same file are its own business, not unknown ones.
        let shared = CollectionFixtures.temporaryDatabase()
        try await DatabaseQueue(path: shared).write { db in
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('1 monitoring results')")
        }
        _ = try SQLiteResponseStore(path: shared)
    }

    @Test func anotherProgramsDatabaseIsRefusedUntouched() throws {
        for pragma in ["PRAGMA application_id = 1234", "PRAGMA user_version = 7"] {
            let path = CollectionFixtures.temporaryDatabase()
            try DatabaseQueue(path: path).write { db in
                try db.execute(sql: pragma)
                try db.execute(sql: "CREATE TABLE t (x)")
            }
            let before = try bytes(path)
            let error = try #require(throws: CollectionStoreError.self) { try SQLiteResponseStore(path: path) }
            #expect(error.message.zh.hasPrefix("此文件不是 junheng 的数据库"))
            #expect(try bytes(path) == before)
        }
        // A file junheng made carries its application id ("JHNG").
        let path = CollectionFixtures.temporaryDatabase()
        _ = try SQLiteResponseStore(path: path)
        let id = try DatabaseQueue(path: path).read { db in try Int32.fetchOne(db, sql: "PRAGMA application_id") }
        #expect(id == 0x4A48_4E47)
    }

    @Test func anAnswerSetOverTheLimitIsRefusedByItsNumberAndNeverEchoed() async throws {
        let path = CollectionFixtures.temporaryDatabase()
        let store = try SQLiteResponseStore(path: path)
        _ = try await store.submit(CollectionFixtures.response(CollectionFixtures.answers()))
        _ = try await store.submit(CollectionFixtures.response(CollectionFixtures.answers()))
        // 64 KiB + 1 byte of answers in response 2: refused; exactly 64 KiB would be read.
        let marker = "秘密"
        let json = "{\"values\":{\"notes\":[\"" + marker + String(repeating: "x", count: 64 * 1024 - 30) + "\"]}}"
        #expect(json.utf8.count == 64 * 1024 + 1)
        try await DatabaseQueue(path: path).write { db in
            try db.execute(sql: "UPDATE collected_responses SET answers = ? WHERE id = 2", arguments: [json])
        }
        let error = try #require(throws: CollectionStoreError.self) { try store.responsesNow(survey: "mini") }
        #expect(error.message.zh.hasPrefix("第 2 份答卷超出大小上限（答案 65537 字节，上限 65536 字节"))
        #expect(!error.message.zh.contains(marker) && !error.message.en.contains(marker))
        #expect(error.message.en.hasPrefix("response 2 is over the size limits (answers 65537 bytes"))
        try await DatabaseQueue(path: path).write { db in
            try db.execute(
                sql: "UPDATE collected_responses SET answers = ? WHERE id = 2",
                arguments: [String(json.dropLast(5)) + "\"]}}"])
        }
        #expect(try store.responsesNow(survey: "mini").count == 2)
        // A township name over its limit is refused too.
        try await DatabaseQueue(path: path).write { db in
            try db.execute(
                sql: "UPDATE collected_responses SET link_township = ? WHERE id = 1",
                arguments: [String(repeating: "乡", count: 400)])
        }
        let name = try #require(throws: CollectionStoreError.self) { try store.responsesNow(survey: "mini") }
        #expect(name.message.zh.hasPrefix("第 1 份答卷超出大小上限"))
    }
}

/// Counties, deleted test answers and closing: the same from every store.
@Suite struct ResponseStoreOfficeTests {
    typealias Kind = ResponseStoreTests.Kind

    @Test(arguments: Kind.available) func responsesAreReadByCounty(kind: Kind) async throws {
        try await kind.with { (store: any ResponseStore) async throws -> Void in
            for (index, county) in ["甲县", "乙县", nil, "甲县"].enumerated() {
                var response = CollectionFixtures.response(CollectionFixtures.answers(), token: "t\(index)")
                response.county = county
                response.link = LinkAnswers(township: "城关镇", county: county)
                _ = try await store.submit(response)
            }
            #expect(try await store.count(survey: "mini", county: "甲县") == 2)
            #expect(try await store.count(survey: "mini", county: "乙县") == 1)
            #expect(try await store.count(survey: "mini") == 4)
            let jia = try await store.allResponses(survey: "mini", county: "甲县")
            #expect(jia.map(\.token) == ["t0", "t3"])
            #expect(jia.allSatisfy { $0.county == "甲县" && $0.link.county == "甲县" })
            #expect(try await store.allResponses(survey: "mini").map(\.county) == ["甲县", "乙县", nil, "甲县"])
        }
    }

    @Test(arguments: Kind.available) func deletingTestAnswersKeepsTheRecord(kind: Kind) async throws {
        try await kind.with { (store: any ResponseStore) async throws -> Void in
            for index in 0..<4 {
                var response = CollectionFixtures.response(CollectionFixtures.answers(), token: "d\(index)")
                response.county = index == 2 ? "乙县" : "甲县"
                _ = try await store.submit(response)
            }
            let ids = try await store.allResponses(survey: "mini").map { $0.id! }
            let when = Date(timeIntervalSince1970: 1_717_000_000)
            // 甲县's admin names its own two, 乙县's one and a number that does not exist: only its own go.
            let record = try await store.delete(
                survey: "mini", county: "甲县", ids: [ids[0], ids[1], ids[2], 9_999], by: "甲县", at: when)
            #expect(record.ids == [ids[0], ids[1]])
            #expect(record.count == 2 && record.deletedBy == "甲县" && record.deletedAt == when)
            #expect(try await store.allResponses(survey: "mini").map { $0.id! } == [ids[2], ids[3]])
            _ = try await store.delete(survey: "mini", county: nil, ids: [ids[2]], by: "admin", at: when)
            #expect(try await store.count(survey: "mini") == 1)
            #expect(try await store.deletions(survey: "mini", county: "甲县") == [record])
            let all = try await store.deletions(survey: "mini", county: nil)
            #expect(all.map(\.count) == [2, 1] && all.map(\.deletedBy) == ["甲县", "admin"])
            #expect(try await store.deletions(survey: "other", county: nil).isEmpty)
        }
    }

    @Test(arguments: Kind.available) func closingIsSetAndCleared(kind: Kind) async throws {
        try await kind.with { (store: any ResponseStore) async throws -> Void in
            #expect(try await store.closing(survey: "mini") == nil)
            let at = Date(timeIntervalSince1970: 1_718_013_600)
            let closing = SurveyClosing(survey: "mini", closesAt: at, changedBy: "--close-at", changedAt: at)
            try await store.setClosing(closing)
            #expect(try await store.closing(survey: "mini") == closing)
            #expect(closing.isClosed(at: at) && !closing.isClosed(at: at.addingTimeInterval(-1)))
            let reopened = SurveyClosing(survey: "mini", closesAt: nil, changedBy: "admin", changedAt: at)
            try await store.setClosing(reopened)
            #expect(try await store.closing(survey: "mini") == reopened)
            #expect(try await store.closing(survey: "other") == nil)
        }
    }

    @Test(arguments: Kind.available) func shortCodesAreKeptAndReplaced(kind: Kind) async throws {
        try await kind.with { (store: any ResponseStore) async throws -> Void in
            let first = ShortLink(code: "K7QM3XPA", survey: "mini", path: "/s/mini?township=A&sig=x")
            try await store.registerShortLinks([first, ShortLink(code: "00000001", survey: "mini", path: "/s/mini")])
            #expect(try await store.shortLink(code: "K7QM3XPA") == first)
            #expect(try await store.shortLink(code: "ZZZZZZZZ") == nil)
            let again = ShortLink(code: "K7QM3XPA", survey: "mini", path: "/s/mini?township=B&sig=y")
            try await store.registerShortLinks([again])
            #expect(try await store.shortLink(code: "K7QM3XPA") == again)
        }
    }

    @Test(arguments: Kind.available) func countiesKeepTheirPasswordOnlyAsASlowHash(kind: Kind) async throws {
        try await kind.with { (store: any ResponseStore) async throws -> Void in
            let folder = NSTemporaryDirectory() + "counties-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data("甲县的长密码123\n".utf8).write(to: URL(fileURLWithPath: folder + "/pw.txt"))
            try Data("学校代码,学校名称,乡镇,学段,类型\n1,城关一小,城关镇,小学,公办\n2,河西中学,河西乡,初中,公办\n".utf8)
                .write(to: URL(fileURLWithPath: folder + "/学校名录.csv"))
            let added = try await CountyRegistration.add(
                name: "甲县", passwordFile: folder + "/pw.txt", population: 420_000,
                registryPath: folder + "/学校名录.csv", to: store)
            #expect(added.registry?.schools == 2)
            let counties = try await store.counties()
            #expect(counties.map(\.name) == ["甲县"])
            let county = try #require(counties.first)
            #expect(county.population == 420_000 && county.registry?.fileName == "学校名录.csv")
            #expect(county.passwordHash.iterations >= 600_000)
            #expect(county.passwordHash.verifies("甲县的长密码123") && !county.passwordHash.verifies("甲县的长密码12"))
            #expect(!county.passwordHash.description.contains("甲县的长密码123"))
            // The same county again, the province's user name, a registry with another header: refused.
            await #expect(throws: CollectionStoreError.self) {
                try await CountyRegistration.add(
                    name: "甲县", passwordFile: folder + "/pw.txt", population: nil, registryPath: nil, to: store)
            }
            await #expect(throws: CollectionStoreError.self) {
                try await CountyRegistration.add(
                    name: "admin", passwordFile: folder + "/pw.txt", population: nil, registryPath: nil, to: store)
            }
            try Data("学校,乡镇\n".utf8).write(to: URL(fileURLWithPath: folder + "/bad.csv"))
            let error = await #expect(throws: CollectionStoreError.self) {
                try await CountyRegistration.add(
                    name: "乙县", passwordFile: folder + "/pw.txt", population: nil, registryPath: folder + "/bad.csv",
                    to: store)
            }
            #expect(error?.location?.line == 1)
            #expect(try await store.counties().count == 1)
        }
    }
}
