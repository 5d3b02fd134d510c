import Foundation
import GRDB
import JunhengCore
import Testing

@testable import JunhengStore

/// A store from another version or another program is refused, and left as it was (issue 22): a store
/// whose migrations table named a migration this binary does not know was read as if it were its own.
@Suite struct HistoryStoreIdentityTests {
    /// A current store at `path`, then `change` made to it with plain SQL (as another program or a newer
    /// junheng would leave it).
    static func store(at path: String, then change: String) throws {
        _ = try HistoryStore(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: change) }
        try queue.close()
    }

    /// The file's bytes and modification date, to show nothing was written.
    static func snapshot(_ path: String) throws -> (Data, Date?) {
        (
            try Data(contentsOf: URL(fileURLWithPath: path)),
            try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        )
    }

    /// The header: application id and user version.
    static func header(_ path: String) throws -> (Int32?, Int?) {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            (try Int32.fetchOne(db, sql: "PRAGMA application_id"), try Int.fetchOne(db, sql: "PRAGMA user_version"))
        }
    }

    static func refusal(_ path: String) throws -> StoreError {
        let before = try snapshot(path)
        Thread.sleep(forTimeInterval: 0.01)
        var refusal: StoreError?
        do {
            _ = try HistoryStore(path: path)
        } catch {
            refusal = error
        }
        let after = try snapshot(path)
        #expect(before.0 == after.0, "nothing is written")
        #expect(before.1 == after.1, "nothing is written")
        return try #require(refusal)
    }

    @Test func aNewStoreSaysWhoseItIs() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("junheng.sqlite")
        _ = try HistoryStore(path: path)
        let (id, version) = try Self.header(path)
        #expect(id == 0x4A48_4E47)  // "JHNG"
        #expect(version == 4)
        // Opened again, a current store is not written to.
        let before = try Self.snapshot(path)
        Thread.sleep(forTimeInterval: 0.01)
        _ = try HistoryStore(path: path).monitoringResults()
        #expect(try Self.snapshot(path).1 == before.1)
    }

    @Test func aMigrationThisBinaryDoesNotKnowIsANewerJunheng() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("junheng.sqlite")
        try Self.store(
            at: path,
            then: "INSERT INTO grdb_migrations (identifier) VALUES ('4 school districts'); PRAGMA user_version = 4")
        let error = try Self.refusal(path)
        #expect(error.location == SourceLocation(file: path))
        #expect(error.message.zh == "这个历史库由更新版本的 junheng 写入（含本版本不认识的结构升级 “4 school districts”），请升级 junheng 后再用；未作任何改动。")
        #expect(
            error.message.en
                == "This history store was written by a newer version of junheng (it has schema changes this version does not know: \"4 school districts\"): upgrade junheng to use it. Nothing was written to it."
        )
    }

    /// Only the version says newer (its migrations table lost or another naming): refused all the same.
    @Test func aLaterSchemaVersionIsANewerJunheng() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("junheng.sqlite")
        try Self.store(at: path, then: "PRAGMA user_version = 9")
        #expect(
            try Self.refusal(path).message.en.hasPrefix("This history store was written by a newer version of junheng:")
        )
    }

    @Test func anotherProgramsIdIsRefused() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("other.sqlite")
        try Self.store(at: path, then: "PRAGMA application_id = 1")
        #expect(
            try Self.refusal(path).message.en.hasPrefix(
                "This file is another program's database (application_id 0x00000001)"))
    }

    /// Another program's database without an id: tables, none of them junheng's migrations table.
    @Test func anotherProgramsTablesAreRefused() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("notes.sqlite")
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)") }
        try queue.close()
        let error = try Self.refusal(path)
        #expect(error.message.zh.hasPrefix("这个文件是另一个程序的数据库，不是 junheng 的历史库；未作任何改动。"))
    }

    /// A store written before the header was stamped (id 0, version 0, junheng's migrations) is junheng's:
    /// opened, kept, and stamped.
    @Test func aStoreFromBeforeTheStampIsStamped() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("junheng.sqlite")
        try Self.store(at: path, then: "PRAGMA application_id = 0; PRAGMA user_version = 0")
        let store = try HistoryStore(path: path)
        #expect(try store.appliedMigrations().count == 4)
        let (id, version) = try Self.header(path)
        #expect(id == HistoryStore.applicationID)
        #expect(version == 4)
    }
}
