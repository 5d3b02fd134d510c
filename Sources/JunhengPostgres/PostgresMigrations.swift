import JunhengCollection

/// The schema of a PostgreSQL store, as named forward-only migrations: the response store's have the names
/// and tables of ``SQLiteResponseStore``'s (`responses 1 collected responses`, …), in PostgreSQL's types; the
/// limits several processes share (``LimitLedger``), which one SQLite process keeps in memory, come as
/// `limits 1 …`. Never edit a migration that has shipped: add one.
enum PostgresMigrations {
    static let table = "junheng_migrations"

    /// Each migration's name and statements, in order.
    static let all: [(name: String, statements: [String])] = [
        (
            "responses 1 collected responses",
            [
                """
                CREATE TABLE collected_responses (
                    id BIGSERIAL PRIMARY KEY,
                    survey TEXT NOT NULL CHECK (length(survey) > 0),
                    survey_sha256 TEXT NOT NULL CHECK (length(survey_sha256) = 64),
                    token TEXT NOT NULL CHECK (length(token) > 0),
                    started_at BIGINT NOT NULL,
                    submitted_at BIGINT NOT NULL,
                    link_township TEXT,
                    link_school TEXT,
                    ip_hmac TEXT NOT NULL CHECK (length(ip_hmac) > 0),
                    answers TEXT NOT NULL,
                    CHECK (submitted_at >= started_at),
                    UNIQUE (survey, token)
                )
                """
            ]
        ),
        // The same SQL as the SQLite store's migration 2.
        ("responses 2 counties, closing and deletions", SQLiteResponseStore.migration2),
        ("responses 3 short codes", SQLiteResponseStore.migration3),
        (
            "limits 1 shared rate limit and admin lockout",
            [
                """
                CREATE TABLE junheng_submission_counts (
                    sender TEXT NOT NULL, minute BIGINT NOT NULL, count INTEGER NOT NULL,
                    PRIMARY KEY (sender, minute)
                )
                """,
                "CREATE TABLE junheng_admin_failures (sender TEXT NOT NULL, at_ms BIGINT NOT NULL)",
                "CREATE INDEX junheng_admin_failures_sender ON junheng_admin_failures (sender, at_ms)",
                "CREATE TABLE junheng_admin_locks (sender TEXT PRIMARY KEY, until_ms BIGINT NOT NULL)",
            ]
        ),
    ]

    /// The prefixes of the names these migrations own: an applied one this binary does not know means a
    /// newer junheng wrote the database.
    static let prefixes = ["responses", "limits"]
}
