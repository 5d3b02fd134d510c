import Foundation
import GRDB
import JunhengCore

/// Whose file a history store is, and from which version: the check made, read-only, before a store is
/// migrated or written.
///
/// A junheng history store says so in its header: SQLite's `application_id` is ``applicationID``
/// (`JHNG`, every junheng store's, since the collected responses may share the file), and `user_version`
/// counts the history migrations applied. A file with another program's application id, or with tables
/// but neither the id nor junheng's migrations table, is another program's database; a file whose
/// migrations table names a history migration this binary does not know, or whose `user_version` is past
/// this binary's, was written by a newer junheng. Either is refused, and nothing is written to it. Only
/// the history's own migrations are judged (their names begin with a digit): the collected responses'
/// (`responses …`, `limits …`) in a shared file belong to their own store, which checks them. A store from before the header was stamped (id 0, version 0, known
/// migrations) is junheng's own: it is migrated and stamped.
extension HistoryStore {
    /// `JHNG`: a junheng file, in SQLite's header (`PRAGMA application_id`); the same for every junheng store.
    public static let applicationID: Int32 = JunhengDatabaseFile.applicationID

    /// Whether a migration's name is one of the history store's: they begin with a digit
    /// (`1 monitoring results`), where the collected responses' begin with a word (`responses 1 …`).
    static func isHistoryMigration(_ name: String) -> Bool { name.first?.isNumber == true }

    /// This binary's schema version: the number of its migrations (`PRAGMA user_version`).
    static var schemaVersion: Int { migrator.migrations.count }

    /// What is in a store's header and migrations table.
    struct Identity: Hashable {
        var applicationID: Int32
        var userVersion: Int
        /// Names of the tables, `sqlite_` ones aside.
        var tables: Set<String>
        /// The migrations the file says were applied (all of them, known or not).
        var applied: Set<String>
    }

    /// Reads the identity of the file at `path`, read-only (nothing is written); `nil` for a file that does
    /// not exist or is empty (a new store).
    static func identity(at path: String) throws -> Identity? {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size > 0 else { return nil }
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            let tables = Set(
                try String.fetchAll(
                    db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
            let applied =
                tables.contains("grdb_migrations")
                ? Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")) : []
            return Identity(
                applicationID: try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                userVersion: try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0,
                tables: tables, applied: applied)
        }
    }

    /// Refuses a file that is another program's database or a newer junheng's store.
    static func check(_ identity: Identity, path: String) throws(StoreError) {
        let known = Set(migrator.migrations)
        let isOurs = identity.applicationID == applicationID
        if identity.applicationID != 0, !isOurs {
            throw StoreError(
                location: SourceLocation(file: path), message: StoreMessage.anotherProgram(id: identity.applicationID))
        }
        if !isOurs, !identity.tables.isEmpty, !identity.tables.contains("grdb_migrations") {
            throw StoreError(location: SourceLocation(file: path), message: StoreMessage.anotherProgram(id: nil))
        }
        let unknown = identity.applied.filter(isHistoryMigration).subtracting(known).sorted()
        if !unknown.isEmpty || identity.userVersion > schemaVersion {
            throw StoreError(location: SourceLocation(file: path), message: StoreMessage.newerJunheng(unknown))
        }
        if !isOurs, identity.userVersion != 0 {
            throw StoreError(location: SourceLocation(file: path), message: StoreMessage.anotherProgram(id: nil))
        }
    }

    /// Stamps the header after migrating: junheng's id, and the schema version (only when they differ, so
    /// that opening a current store writes nothing).
    static func stamp(_ db: Database) throws {
        if try Int32.fetchOne(db, sql: "PRAGMA application_id") != applicationID {
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        }
        if try Int.fetchOne(db, sql: "PRAGMA user_version") != schemaVersion {
            try db.execute(sql: "PRAGMA user_version = \(schemaVersion)")
        }
    }
}
