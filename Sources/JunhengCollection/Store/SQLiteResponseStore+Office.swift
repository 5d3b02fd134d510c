public import Foundation
import GRDB
import JunhengCore

/// Deleted test answers, closing and counties, in the file's own tables (migration 2).
extension SQLiteResponseStore {
    private func write<T>(_ action: LocalizedText, _ body: (Database) throws -> T) throws(CollectionStoreError) -> T {
        guard let pool else {
            throw CollectionStoreError(
                location: SourceLocation(file: path),
                message: LocalizedText(zh: "答卷库以只读方式打开。", en: "the response store was opened read-only."))
        }
        do {
            return try pool.write(body)
        } catch let error as CollectionStoreError {
            throw error
        } catch {
            throw Self.failure(path, action, error)
        }
    }

    public func delete(survey: String, county: String?, ids: [Int64], by user: String, at date: Date)
        async throws(CollectionStoreError) -> DeletionRecord
    {
        try write(LocalizedText(zh: "删除答卷", en: "deleting responses")) { db in
            var deleted: [Int64] = []
            let statement = try db.cachedStatement(
                sql: "DELETE FROM \(Self.table) WHERE survey = ? AND id = ? AND (? IS NULL OR county = ?) RETURNING id")
            for id in Set(ids).sorted() {
                if let gone = try Int64.fetchOne(statement, arguments: [survey, id, county, county]) {
                    deleted.append(gone)
                }
            }
            let record = DeletionRecord(survey: survey, county: county, deletedBy: user, deletedAt: date, ids: deleted)
            try db.execute(
                sql:
                    "INSERT INTO collection_deletions (survey, county, deleted_by, deleted_at, ids) VALUES (?, ?, ?, ?, ?)",
                arguments: [survey, county ?? "", user, date.milliseconds, DeletionIDs.text(deleted)])
            return record
        }
    }

    public func deletions(survey: String, county: String?) async throws(CollectionStoreError) -> [DeletionRecord] {
        guard countyColumn == "county" else { return [] }
        return try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT county, deleted_by, deleted_at, ids FROM collection_deletions
                    WHERE survey = ? AND (? IS NULL OR county = ?) ORDER BY rowid
                    """, arguments: [survey, county, county]
            ).map { row in
                let county: String = row["county"]
                return DeletionRecord(
                    survey: survey, county: county.isEmpty ? nil : county, deletedBy: row["deleted_by"],
                    deletedAt: Date(milliseconds: row["deleted_at"]), ids: DeletionIDs.parse(row["ids"]))
            }
        }
    }

    public func closing(survey: String) async throws(CollectionStoreError) -> SurveyClosing? {
        guard countyColumn == "county" else { return nil }
        return try read { db in
            try Row.fetchOne(
                db, sql: "SELECT closes_at, changed_by, changed_at FROM collection_closings WHERE survey = ?",
                arguments: [survey]
            ).map { row in
                SurveyClosing(
                    survey: survey, closesAt: (row["closes_at"] as Int64?).map(Date.init(milliseconds:)),
                    changedBy: row["changed_by"], changedAt: Date(milliseconds: row["changed_at"]))
            }
        }
    }

    public func setClosing(_ closing: SurveyClosing) async throws(CollectionStoreError) {
        try write(LocalizedText(zh: "设置问卷截止时间", en: "setting the closing time")) { db in
            try db.execute(
                sql: """
                    INSERT INTO collection_closings (survey, closes_at, changed_by, changed_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (survey) DO UPDATE SET closes_at = excluded.closes_at, changed_by = excluded.changed_by,
                        changed_at = excluded.changed_at
                    """,
                arguments: [
                    closing.survey, closing.closesAt?.milliseconds, closing.changedBy, closing.changedAt.milliseconds,
                ])
        }
    }

    public func addCounty(_ county: County) async throws(CollectionStoreError) {
        let path = path
        try write(LocalizedText(zh: "添加县", en: "adding a county")) { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM collection_counties WHERE name = ?", arguments: [county.name])
                ?? false
            {
                throw CollectionStoreError.countyExists(county.name, place: path)
            }
            try db.execute(
                sql: """
                    INSERT INTO collection_counties (name, password_hash, population, registry_name, registry_text,
                        registry_schools, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    county.name, county.passwordHash.description, county.population, county.registry?.fileName,
                    county.registry?.text, county.registry?.schools, county.addedAt.milliseconds,
                ])
        }
    }

    public func counties() async throws(CollectionStoreError) -> [County] {
        guard countyColumn == "county" else { return [] }
        let path = path
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM collection_counties ORDER BY name").map { row in
                let name: String = row["name"]
                guard let hash = PasswordHash(stored: row["password_hash"]) else {
                    throw CollectionStoreError(
                        location: SourceLocation(file: path),
                        message: LocalizedText(
                            zh: "“\(name)”的密码记录无法读取；请检查答卷库是否被改动过。",
                            en: "the password record of “\(name)” cannot be read; check whether the store was altered.")
                    )
                }
                let registry: RegistryFile? = (row["registry_name"] as String?).map { fileName in
                    RegistryFile(
                        fileName: fileName, text: row["registry_text"] ?? "", schools: row["registry_schools"] ?? 0)
                }
                return County(
                    name: name, passwordHash: hash, population: row["population"], registry: registry,
                    addedAt: Date(milliseconds: row["added_at"]))
            }
        }
    }

    public func registerShortLinks(_ links: [ShortLink]) async throws(CollectionStoreError) {
        try write(LocalizedText(zh: "写入短码", en: "writing the short codes")) { db in
            for link in links {
                try db.execute(
                    sql: """
                        INSERT INTO collection_short_links (code, survey, path) VALUES (?, ?, ?)
                        ON CONFLICT (code) DO UPDATE SET survey = excluded.survey, path = excluded.path
                        """, arguments: [link.code, link.survey, link.path])
            }
        }
    }

    public func shortLink(code: String) async throws(CollectionStoreError) -> ShortLink? {
        guard countyColumn == "county" else { return nil }
        return try read { db in
            try Row.fetchOne(
                db, sql: "SELECT survey, path FROM collection_short_links WHERE code = ?", arguments: [code]
            ).map { ShortLink(code: code, survey: $0["survey"], path: $0["path"]) }
        }
    }
}
