import GRDB

extension SQLiteResponseStore {
    /// The name of the table of responses.
    static let table = "collected_responses"

    /// The schema of the responses, as named forward-only migrations. Never edit a migration that has
    /// shipped: add a new one. The names start with `responses`, so the history store's migrations
    /// (``HistoryStore``, `1 monitoring results`, …) and these can share one file, each migrator leaving the
    /// other's tables alone.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()

        migrator.registerMigration("responses 1 collected responses") { db in
            try db.create(table: table) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("survey", .text).notNull().check { length($0) > 0 }
                t.column("survey_sha256", .text).notNull().check { length($0) == 64 }
                t.column("token", .text).notNull().check { length($0) > 0 }
                // Milliseconds since 1970 (UTC).
                t.column("started_at", .integer).notNull()
                t.column("submitted_at", .integer).notNull()
                t.column("link_township", .text)
                t.column("link_school", .text)
                t.column("ip_hmac", .text).notNull().check { length($0) > 0 }
                // The answers as JSON: {"field": ["value", …]}, keys sorted.
                t.column("answers", .text).notNull()
                t.check(sql: "submitted_at >= started_at")
                t.uniqueKey(["survey", "token"])
            }
        }

        return migrator
    }
}
