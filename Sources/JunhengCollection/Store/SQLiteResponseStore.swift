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
    private let reader: any DatabaseReader
    private let committer: GroupCommitter<EncodedResponse, SubmitOutcome>?

    /// Opens (or creates) the store at `path` for collecting, and brings its schema up to date.
    public init(path: String = SQLiteResponseStore.defaultPath) throws(CollectionStoreError) {
        self.path = path
        let pool: DatabasePool
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            configuration.prepareDatabase { db in
                // WAL (DatabasePool's default) with a full sync at every commit: durable on power loss.
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw Self.failure(path, LocalizedText(zh: "打开答卷库", en: "opening the response store"), error)
        }
        do {
            try Self.migrator.migrate(pool)
        } catch {
            throw Self.failure(path, LocalizedText(zh: "升级答卷库结构", en: "migrating the response store"), error)
        }
        self.reader = pool
        self.committer = GroupCommitter { batch in Self.write(batch, to: pool, path: path) }
    }

    private init(path: String, reader: any DatabaseReader) {
        self.path = path
        self.reader = reader
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
            return SQLiteResponseStore(path: path, reader: queue)
        } catch {
            throw failure(path, LocalizedText(zh: "读取答卷库", en: "reading the response store"), error)
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

    public func count(survey: String) async throws(CollectionStoreError) -> Int {
        try countNow(survey: survey)
    }

    public func responses(survey: String, after: Int64, limit: Int) async throws(CollectionStoreError)
        -> [CollectedResponse]
    {
        try page(survey: survey, after: after, limit: limit)
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

    private func page(survey: String, after: Int64, limit: Int) throws(CollectionStoreError) -> [CollectedResponse] {
        let rows = try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, survey, survey_sha256, token, started_at, submitted_at, link_township, link_school,
                           ip_hmac, answers
                    FROM \(Self.table) WHERE survey = ? AND id > ? ORDER BY id LIMIT ?
                    """, arguments: [survey, after, limit])
        }
        let decoder = JSONDecoder()
        var result: [CollectedResponse] = []
        result.reserveCapacity(rows.count)
        for row in rows {
            let json: String = row["answers"]
            let id: Int64 = row["id"]
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
                    link: LinkAnswers(township: row["link_township"], school: row["link_school"]),
                    ipHMAC: row["ip_hmac"],
                    answers: answers))
        }
        return result
    }

    private func read<T>(_ body: (Database) throws -> T) throws(CollectionStoreError) -> T {
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
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            guard let data = try? encoder.encode(response.answers) else {
                throw CollectionStoreError(
                    location: SourceLocation(file: path),
                    message: LocalizedText(zh: "答案无法编码。", en: "the answers cannot be encoded."))
            }
            self.response = response
            self.answersJSON = String(decoding: data, as: UTF8.self)
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
                                              link_school, ip_hmac, answers)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
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
                            response.ipHMAC, item.answersJSON,
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
