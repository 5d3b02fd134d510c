import GRDB

extension SQLiteResponseStore {
    /// The name of the table of responses.
    static let table = "collected_responses"

    /// The schema of the responses, as named forward-only migrations. Never edit a migration that has
    /// shipped: add a new one. The names start with `responses`, so the history store's migrations
    /// (``HistoryStore``, `1 monitoring results`, …) and these can share one file, each migrator leaving the
    /// other's tables alone. The PostgreSQL store has the same migrations under the same names.
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

        // Counties as tenants, closing a questionnaire, and deleted test answers kept as a record.
        migrator.registerMigration("responses 2 counties, closing and deletions") { db in
            for statement in migration2 { try db.execute(sql: statement) }
        }

        // Short codes a person can type, printed under each QR code.
        migrator.registerMigration("responses 3 short codes") { db in
            for statement in migration3 { try db.execute(sql: statement) }
        }

        return migrator
    }

    /// Migration 3, in SQL both SQLite and PostgreSQL take.
    package static let migration3 = [
        "CREATE TABLE collection_short_links (code TEXT PRIMARY KEY, survey TEXT NOT NULL, path TEXT NOT NULL)"
    ]

    /// Migration 2, in SQL both SQLite and PostgreSQL take (`BIGINT` is an integer to SQLite); the county of
    /// a response is `''` when it has none.
    package static let migration2 = [
        "ALTER TABLE collected_responses ADD COLUMN county TEXT NOT NULL DEFAULT ''",
        "CREATE INDEX collected_responses_by_county ON collected_responses (survey, county, id)",
        """
        CREATE TABLE collection_counties (
            name TEXT PRIMARY KEY CHECK (length(name) > 0),
            password_hash TEXT NOT NULL,
            population BIGINT,
            registry_name TEXT,
            registry_text TEXT,
            registry_schools BIGINT,
            added_at BIGINT NOT NULL
        )
        """,
        """
        CREATE TABLE collection_closings (
            survey TEXT PRIMARY KEY, closes_at BIGINT, changed_by TEXT NOT NULL, changed_at BIGINT NOT NULL
        )
        """,
        """
        CREATE TABLE collection_deletions (
            survey TEXT NOT NULL, county TEXT NOT NULL, deleted_by TEXT NOT NULL, deleted_at BIGINT NOT NULL,
            ids TEXT NOT NULL
        )
        """,
    ]
}
