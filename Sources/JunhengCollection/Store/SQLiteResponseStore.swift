import Foundation
import GRDB
import JunhengCore

/// The responses `junheng serve` collects, in one SQLite file (GRDB): WAL, `synchronous = FULL`, so a
/// response is on disk when ``submit(_:)`` returns, and group commit (``GroupCommitter``), so many
/// submissions share one fsync.
///
/// The schema changes only through the named forward-only migrations of ``migrator``. The file may be the
/// history store too (`junheng.sqlite`): each keeps its own tables and migrations.
public final class SQLiteResponseStore: ResponseStore {
    /// `responses.sqlite`, in the folder `junheng serve` runs in.
    public static let defaultPath = "responses.sqlite"

    public let path: String
    let reader: any DatabaseReader
    /// The writer: `nil` for a store opened only to read.
    let pool: DatabasePool?
    /// The county column, or `''` in a file an older junheng wrote (read without migrating it).
    let countyColumn: String
    private let committer: GroupCommitter<EncodedResponse, SubmitOutcome>?

    /// Opens (or creates) the store at `path` for collecting, and brings its schema up to date.
    ///
    /// - Throws: ``CollectionStoreError`` when the file cannot be opened, or was written by a newer junheng
    ///   (a migration this binary does not know) or another program (its application id or user version):
    ///   then nothing is written to it.
    public init(path: String = SQLiteResponseStore.defaultPath) throws(CollectionStoreError) {
        self.path = path
        try Self.checkIdentity(path: path)
        let pool: DatabasePool
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            configuration.prepareDatabase { db in
                // WAL (DatabasePool's default) with a full sync at every commit: durable on power loss.
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
            pool = try DatabasePool(path: path, configuration: configuration)
            try pool.write { db in
                if try Int32.fetchOne(db, sql: "PRAGMA application_id") == 0 {
                    try db.execute(sql: "PRAGMA application_id = \(StoreLimits.sqliteApplicationID)")
                }
            }
        } catch {
            throw Self.failure(path, LocalizedText(zh: "打开答卷库", en: "opening the response store"), error)
        }
        do {
            try Self.migrator.migrate(pool)
        } catch {
            throw Self.failure(path, LocalizedText(zh: "升级答卷库结构", en: "migrating the response store"), error)
        }
        self.reader = pool
        self.pool = pool
        self.countyColumn = "county"
        self.committer = GroupCommitter { batch in Self.write(batch, to: pool, path: path) }
    }

    private init(path: String, reader: any DatabaseReader, hasCounties: Bool) {
        self.path = path
        self.reader = reader
        self.countyColumn = hasCounties ? "county" : "''"
        self.pool = nil
        self.committer = nil
    }

    /// Opens an existing file only to read its responses, changing nothing; `nil` when the file holds no
    /// collected responses (e.g. a history store that never collected).
    ///
    /// - Throws: ``CollectionStoreError`` when the file does not exist or is not an SQLite database.
    public static func reading(path: String) throws(CollectionStoreError) -> SQLiteResponseStore? {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CollectionStoreError(
                location: SourceLocation(file: path),
                message: LocalizedText(
                    zh: "找不到答卷库文件；请给出问卷星导出文件，或用 --db 指定 junheng serve 的答卷库（默认 responses.sqlite）。",
                    en: "no such response store; give 问卷星 exports, or junheng serve's response store with --db "
                        + "(by default responses.sqlite)."))
        }
        do {
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(10)
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            guard try queue.read({ db in try db.tableExists(table) }) else { return nil }
            let hasCounties = try queue.read { db in
                try checkIdentity(db, path: path)
                return try db.columns(in: table).contains { $0.name == "county" }
            }
            return SQLiteResponseStore(path: path, reader: queue, hasCounties: hasCounties)
        } catch let error as CollectionStoreError {
            throw error
        } catch {
            throw failure(path, LocalizedText(zh: "读取答卷库", en: "reading the response store"), error)
        }
    }

    /// Refuses, before anything is written, a file another program or a newer junheng wrote.
    static func checkIdentity(path: String) throws(CollectionStoreError) {
        guard FileManager.default.fileExists(atPath: path) else { return }
        do {
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(10)
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.read { db in try checkIdentity(db, path: path) }
        } catch let error as CollectionStoreError {
            throw error
        } catch {
            throw failure(path, LocalizedText(zh: "打开答卷库", en: "opening the response store"), error)
        }
    }

    /// The application id must be junheng's (or unset, with no user version: a new or an older junheng
    /// file), and every applied migration of the responses must be one this binary knows.
    static func checkIdentity(_ db: Database, path: String) throws {
        let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let userVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if applicationID != StoreLimits.sqliteApplicationID, applicationID != 0 || userVersion != 0 {
            throw CollectionStoreError(
                location: SourceLocation(file: path),
                message: LocalizedText(
                    zh: "此文件不是 junheng 的数据库（application_id \(applicationID)，user_version \(userVersion)），"
                        + "未作任何改动。请用 --db 指定 junheng serve 的答卷库；若它由更新版本的 junheng 写入，请升级。",
                    en: "this file is not a junheng database (application_id \(applicationID), user_version "
                        + "\(userVersion)); nothing was changed. Name junheng serve's response store with --db; if a "
                        + "newer junheng wrote it, upgrade."))
        }
        guard try db.tableExists("grdb_migrations") else { return }
        let known = Set(migrator.migrations)
        let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        let unknown = applied.filter { $0.hasPrefix("responses") && !known.contains($0) }
        if !unknown.isEmpty {
            throw CollectionStoreError(
                location: SourceLocation(file: path),
                message: LocalizedText(
                    zh: "此答卷库由更新版本的 junheng 写入，请升级（未知的结构版本：\(unknown.joined(separator: "，"))）。未作任何改动。",
                    en: "this response store was written by a newer junheng; upgrade (unknown schema version: "
                        + "\(unknown.joined(separator: ", "))). Nothing was changed."))
        }
    }

    /// The names of the migrations applied to this file, in order.
    public func appliedMigrations() throws(CollectionStoreError) -> [String] {
        try read { db in try Self.migrator.appliedMigrations(db) }
    }

    // MARK: - ResponseStore

    public func submit(_ response: CollectedResponse) async throws(CollectionStoreError) -> SubmitOutcome {
        guard let committer else {
            throw CollectionStoreError(
                location: SourceLocation(file: path),
                message: LocalizedText(zh: "答卷库以只读方式打开。", en: "the response store was opened read-only."))
        }
        return try await committer.submit(try EncodedResponse(response, path: path))
    }

    public func count(survey: String, county: String?) async throws(CollectionStoreError) -> Int {
        try read { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM \(Self.table) WHERE survey = ? AND (? IS NULL OR \(countyColumn) = ?)",
                arguments: [survey, county, county]) ?? 0
        }
    }

    public func responses(survey: String, county: String?, after: Int64, limit: Int) async throws(CollectionStoreError)
        -> [CollectedResponse]
    {
        try page(survey: survey, county: county, after: after, limit: limit)
    }

    // MARK: - Reading now (for the command line)

    /// How many responses to `survey` are stored.
    public func countNow(survey: String) throws(CollectionStoreError) -> Int {
        try read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(Self.table) WHERE survey = ?", arguments: [survey]) ?? 0
        }
    }

    /// The questionnaire ids with stored responses, and how many each has, sorted by id.
    public func surveys() throws(CollectionStoreError) -> [(survey: String, responses: Int)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT survey, COUNT(*) AS n FROM \(Self.table) GROUP BY survey ORDER BY survey")
                .map { (survey: $0["survey"], responses: $0["n"]) }
        }
    }

    /// Every response to `survey`, in order of arrival.
    public func responsesNow(survey: String) throws(CollectionStoreError) -> [CollectedResponse] {
        var result: [CollectedResponse] = []
        var after: Int64 = 0
        while true {
            let next = try page(survey: survey, after: after, limit: 2_000)
            result += next
            guard next.count == 2_000, let last = next.last?.id else { return result }
            after = last
        }
    }

    private func page(survey: String, county: String? = nil, after: Int64, limit: Int) throws(CollectionStoreError)
        -> [CollectedResponse]
    {
        // A field over its limit (``StoreLimits``) is not even loaded: its size is, and the row is refused.
        let short = StoreLimits.shortTextBytes
        let name = StoreLimits.nameBytes
        let oversize = """
            length(CAST(survey AS BLOB)) > \(short) OR length(CAST(token AS BLOB)) > \(short)
            OR length(CAST(ip_hmac AS BLOB)) > \(short) OR length(CAST(survey_sha256 AS BLOB)) > \(short)
            OR coalesce(length(CAST(link_township AS BLOB)), 0) > \(name)
            OR coalesce(length(CAST(link_school AS BLOB)), 0) > \(name)
            OR length(CAST(\(countyColumn) AS BLOB)) > \(name)
            OR length(CAST(answers AS BLOB)) > \(StoreLimits.answersBytes)
            """
        let rows = try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, \(oversize) AS oversize, length(CAST(answers AS BLOB)) AS answers_bytes,
                           CASE WHEN \(oversize) THEN NULL ELSE survey END AS survey, survey_sha256, token, started_at,
                           submitted_at, link_township, link_school, ip_hmac, \(countyColumn) AS county,
                           CASE WHEN \(oversize) THEN NULL ELSE answers END AS answers
                    FROM \(Self.table) WHERE survey = ? AND (? IS NULL OR \(countyColumn) = ?) AND id > ?
                    ORDER BY id LIMIT ?
                    """, arguments: [survey, county, county, after, limit])
        }
        let decoder = JSONDecoder()
        var result: [CollectedResponse] = []
        result.reserveCapacity(rows.count)
        for row in rows {
            let id: Int64 = row["id"]
            if row["oversize"] as Bool {
                let bytes: Int = row["answers_bytes"]
                throw StoreLimits.oversize(place: path, id: id, answersBytes: bytes)
            }
            let json: String = row["answers"]
            guard let answers = try? decoder.decode(CollectedAnswers.self, from: Data(json.utf8)) else {
                throw CollectionStoreError(
                    location: SourceLocation(file: path),
                    message: LocalizedText(
                        zh: "第 \(id) 份答卷的答案无法读取（不是 junheng 写入的格式）。",
                        en: "the answers of response \(id) cannot be read (not in the format junheng writes)."))
            }
            result.append(
                CollectedResponse(
                    id: id, survey: row["survey"], surveySHA256: row["survey_sha256"], token: row["token"],
                    startedAt: Date(milliseconds: row["started_at"]),
                    submittedAt: Date(milliseconds: row["submitted_at"]),
                    link: LinkAnswers(
                        township: row["link_township"], school: row["link_school"],
                        county: (row["county"] as String).isEmpty ? nil : row["county"]),
                    county: (row["county"] as String).isEmpty ? nil : row["county"],
                    ipHMAC: row["ip_hmac"],
                    answers: answers))
        }
        return result
    }

    func read<T>(_ body: (Database) throws -> T) throws(CollectionStoreError) -> T {
        do {
            return try reader.read(body)
        } catch {
            throw Self.failure(path, LocalizedText(zh: "读取答卷库", en: "reading the response store"), error)
        }
    }

    // MARK: - Writing (the group committer's writer thread)

    /// A response with its answers already encoded, so the writer thread only writes.
    struct EncodedResponse: Sendable {
        var response: CollectedResponse
        var answersJSON: String

        init(_ response: CollectedResponse, path: String) throws(CollectionStoreError) {
            self.response = response
            self.answersJSON = try response.answers.storedJSON(place: path)
        }
    }

    private static func write(_ batch: [EncodedResponse], to pool: DatabasePool, path: String)
        -> [Result<SubmitOutcome, CollectionStoreError>]
    {
        var results: [Result<SubmitOutcome, CollectionStoreError>] = []
        results.reserveCapacity(batch.count)
        do {
            try pool.write { db in
                results.removeAll(keepingCapacity: true)
                // Look the token up first: an `INSERT … ON CONFLICT DO NOTHING` would use up a number.
                let existing = try db.cachedStatement(sql: "SELECT id FROM \(table) WHERE survey = ? AND token = ?")
                let insert = try db.cachedStatement(
                    sql: """
                        INSERT INTO \(table) (survey, survey_sha256, token, started_at, submitted_at, link_township,
                                              link_school, ip_hmac, answers, county)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                for item in batch {
                    let response = item.response
                    do {
                        if let id = try Int64.fetchOne(existing, arguments: [response.survey, response.token]) {
                            results.append(.success(.alreadyStored(id)))
                            continue
                        }
                        try insert.execute(arguments: [
                            response.survey, response.surveySHA256, response.token, response.startedAt.milliseconds,
                            response.submittedAt.milliseconds, response.link.township, response.link.school,
                            response.ipHMAC, item.answersJSON, response.county ?? "",
                        ])
                        results.append(.success(.stored(db.lastInsertedRowID)))
                    } catch {
                        // One bad row (a constraint) fails alone; the others of the batch are still written.
                        results.append(
                            .failure(failure(path, LocalizedText(zh: "写入答卷", en: "writing a response"), error)))
                    }
                }
            }
        } catch {
            let failed = failure(path, LocalizedText(zh: "写入答卷库", en: "writing the response store"), error)
            return Array(repeating: .failure(failed), count: batch.count)
        }
        return results
    }

    static func failure(_ path: String, _ action: LocalizedText, _ error: any Error) -> CollectionStoreError {
        let detail: String
        if let database = error as? DatabaseError {
            detail = database.message ?? "\(database.resultCode)"
        } else {
            detail = "\(error)"
        }
        return CollectionStoreError(
            location: SourceLocation(file: path),
            message: LocalizedText(
                zh: "\(action.zh)失败（\(detail)）。请检查文件是否为 junheng 的数据库、是否有写权限和磁盘空间。",
                en: "\(action.en) failed (\(detail)). Check that the file is a junheng database, writable, "
                    + "and that the disk has room."))
    }
}

extension Date {
    /// Whole milliseconds since 1970 (UTC), as the store keeps times.
    var milliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded(.down)) }

    init(milliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
