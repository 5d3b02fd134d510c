import Foundation
public import JunhengCollection
import JunhengCore
import Logging
import NIOCore
import PostgresNIO

/// The responses of a whole province in one PostgreSQL database, shared by several `junheng serve`
/// processes (postgres-nio): one response per form token by the table's unique key, the rate limit and the
/// admin lockout in tables of their own (``LimitLedger``), `synchronous_commit = on` so a response is durable
/// when ``submit(_:)`` returns. Its schema changes only through ``PostgresMigrations``.
///
/// Open with ``open(_:)``; ``close()`` when done.
public final class PostgresResponseStore: ResponseStore, LimitLedger {
    public let location: PostgresLocation
    let client: PostgresClient
    private let runner: Task<Void, Never>
    let logger: Logger

    private init(location: PostgresLocation, client: PostgresClient, runner: Task<Void, Never>) {
        self.location = location
        self.client = client
        self.runner = runner
        self.logger = Logger(label: "junheng.postgres") { _ in SwiftLogNoOpLogHandler() }
    }

    /// Connects to the store at `location` and brings its schema up to date.
    ///
    /// - Throws: ``CollectionStoreError`` when the server cannot be reached or refuses the user, or the
    ///   database was written by a newer junheng (nothing is then changed).
    public static func open(_ location: PostgresLocation, connections: Int = 20) async throws(CollectionStoreError)
        -> PostgresResponseStore
    {
        var configuration: PostgresClient.Configuration
        if let folder = location.socketFolder {
            configuration = .init(
                unixSocketPath: "\(folder)/.s.PGSQL.\(location.port)", username: location.user,
                password: location.password, database: location.database)
        } else {
            configuration = .init(
                host: location.host, port: location.port, username: location.user, password: location.password,
                database: location.database, tls: .disable)
        }
        configuration.options.maximumConnections = connections
        configuration.options.connectTimeout = .seconds(10)
        var parameters = [("synchronous_commit", "on"), ("application_name", "junheng")]
        if let schema = location.schema { parameters.append(("search_path", schema)) }
        configuration.options.additionalStartupParameters = parameters
        let client = PostgresClient(configuration: configuration)
        let runner = Task { await client.run() }
        let store = PostgresResponseStore(location: location, client: client, runner: runner)
        do {
            try await store.migrate()
        } catch {
            await store.close()
            throw error
        }
        return store
    }

    /// Closes the connections.
    public func close() async {
        runner.cancel()
        _ = await runner.value
    }

    // MARK: - Migrations

    /// The names of the migrations applied to this database, in order.
    public func appliedMigrations() async throws(CollectionStoreError) -> [String] {
        try await run("reading the migrations", "读取结构版本") {
            var names: [String] = []
            let rows = try await self.client.query(
                "SELECT identifier FROM junheng_migrations ORDER BY applied_order", logger: self.logger)
            for try await name in rows.decode(String.self) { names.append(name) }
            return names
        }
    }

    /// Applies what is missing, one process at a time (an advisory lock), after refusing a database a
    /// newer junheng wrote.
    func migrate() async throws(CollectionStoreError) {
        let schema = location.schema
        let unknown: [String] = try await run("migrating the store", "升级答卷库结构") {
            try await self.client.withTransaction(logger: self.logger) { connection in
                if let schema {
                    try await connection.query(
                        PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(schema)"), logger: self.logger)
                }
                // One lock for every junheng process on this database: 0x4A484E47 is "JHNG".
                try await connection.query("SELECT pg_advisory_xact_lock(1246252615)", logger: self.logger)
                try await connection.query(
                    """
                    CREATE TABLE IF NOT EXISTS junheng_migrations (
                        identifier TEXT PRIMARY KEY, applied_order SERIAL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
                    )
                    """, logger: self.logger)
                var applied: [String] = []
                let rows = try await connection.query(
                    "SELECT identifier FROM junheng_migrations", logger: self.logger)
                for try await name in rows.decode(String.self) { applied.append(name) }
                let known = Set(PostgresMigrations.all.map(\.name))
                let unknown = applied.filter { name in
                    !known.contains(name) && PostgresMigrations.prefixes.contains { name.hasPrefix($0) }
                }
                guard unknown.isEmpty else { return unknown }
                for migration in PostgresMigrations.all where !applied.contains(migration.name) {
                    for statement in migration.statements {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: self.logger)
                    }
                    try await connection.query(
                        "INSERT INTO junheng_migrations (identifier) VALUES (\(migration.name))", logger: self.logger)
                }
                return []
            }
        }
        if !unknown.isEmpty {
            throw CollectionStoreError(
                location: SourceLocation(file: location.description),
                message: LocalizedText(
                    zh: "此答卷库由更新版本的 junheng 写入，请升级（未知的结构版本：\(unknown.joined(separator: "，"))）。未作任何改动。",
                    en: "this response store was written by a newer junheng; upgrade (unknown schema version: "
                        + "\(unknown.joined(separator: ", "))). Nothing was changed."))
        }
    }

    // MARK: - ResponseStore

    public func submit(_ response: CollectedResponse) async throws(CollectionStoreError) -> SubmitOutcome {
        let answers = try response.answers.storedJSON(place: location.description)
        let r = response
        return try await run("writing a response", "写入答卷") {
            // A token seen before is looked up first, so a double tap uses up no number; the unique key decides a
            // race, across every process: the first insert wins, the other reads its number.
            if let id = try await self.storedID(survey: r.survey, token: r.token) { return .alreadyStored(id) }
            let inserted = try await self.client.query(
                """
                INSERT INTO collected_responses (survey, survey_sha256, token, started_at, submitted_at,
                    link_township, link_school, ip_hmac, answers, county)
                VALUES (\(r.survey), \(r.surveySHA256), \(r.token), \(r.startedAt.storeMilliseconds),
                    \(r.submittedAt.storeMilliseconds), \(r.link.township), \(r.link.school), \(r.ipHMAC), \(answers),
                    \(r.county ?? ""))
                ON CONFLICT (survey, token) DO NOTHING RETURNING id
                """, logger: self.logger)
            for try await id in inserted.decode(Int64.self) { return .stored(id) }
            if let id = try await self.storedID(survey: r.survey, token: r.token) { return .alreadyStored(id) }
            throw PostgresStoreFailure.vanished
        }
    }

    private func storedID(survey: String, token: String) async throws -> Int64? {
        let rows = try await client.query(
            "SELECT id FROM collected_responses WHERE survey = \(survey) AND token = \(token)", logger: logger)
        for try await id in rows.decode(Int64.self) { return id }
        return nil
    }

    public func count(survey: String, county: String?) async throws(CollectionStoreError) -> Int {
        try await run("reading the response store", "读取答卷库") {
            let rows = try await self.client.query(
                """
                SELECT count(*) FROM collected_responses
                WHERE survey = \(survey) AND (\(county)::text IS NULL OR county = \(county))
                """, logger: self.logger)
            for try await count in rows.decode(Int64.self) { return Int(count) }
            return 0
        }
    }

    public func responses(survey: String, county: String?, after: Int64, limit: Int) async throws(CollectionStoreError)
        -> [CollectedResponse]
    {
        let place = location.description
        let rows: [StoredRow] = try await run("reading the response store", "读取答卷库") {
            let short = StoreLimits.shortTextBytes
            let name = StoreLimits.nameBytes
            let answersLimit = StoreLimits.answersBytes
            let rows = try await self.client.query(
                """
                SELECT id, oversize, answers_bytes,
                       CASE WHEN oversize THEN '' ELSE survey END, CASE WHEN oversize THEN '' ELSE survey_sha256 END,
                       CASE WHEN oversize THEN '' ELSE token END, started_at, submitted_at,
                       CASE WHEN oversize THEN NULL ELSE link_township END,
                       CASE WHEN oversize THEN NULL ELSE link_school END,
                       CASE WHEN oversize THEN '' ELSE ip_hmac END, CASE WHEN oversize THEN '' ELSE answers END,
                       CASE WHEN oversize THEN '' ELSE county END
                FROM (
                    SELECT *, octet_length(answers) AS answers_bytes,
                        (octet_length(survey) > \(short) OR octet_length(token) > \(short)
                         OR octet_length(ip_hmac) > \(short) OR octet_length(survey_sha256) > \(short)
                         OR coalesce(octet_length(link_township), 0) > \(name)
                         OR coalesce(octet_length(link_school), 0) > \(name)
                         OR octet_length(county) > \(name) OR octet_length(answers) > \(answersLimit)) AS oversize
                    FROM collected_responses
                    WHERE survey = \(survey) AND (\(county)::text IS NULL OR county = \(county)) AND id > \(after)
                    ORDER BY id LIMIT \(limit)
                ) AS page ORDER BY id
                """, logger: self.logger)
            var result: [StoredRow] = []
            for try await row in rows.decode(
                (
                    Int64, Bool, Int32, String, String, String, Int64, Int64, String?, String?, String, String, String
                ).self)
            {
                result.append(StoredRow(row))
            }
            return result
        }
        var result: [CollectedResponse] = []
        result.reserveCapacity(rows.count)
        for row in rows {
            if row.oversize { throw StoreLimits.oversize(place: place, id: row.id, answersBytes: row.answersBytes) }
            result.append(try row.response(place: place))
        }
        return result
    }

    /// Runs `body`, turning a failure into a message that says what failed and what to do.
    func run<T>(_ action: String, _ actionZh: String, _ body: () async throws -> T) async throws(CollectionStoreError)
        -> T
    {
        do {
            return try await body()
        } catch let error as CollectionStoreError {
            throw error
        } catch {
            throw PostgresStoreFailure.message(
                error, location: location, action: LocalizedText(zh: actionZh, en: action))
        }
    }
}

extension Date {
    /// Whole milliseconds since 1970 (UTC), as the stores keep times.
    var storeMilliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded(.down)) }
}
