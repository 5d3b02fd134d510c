public import Foundation
public import JunhengCollection
import JunhengCore
import PostgresNIO

/// Deleted test answers, closing and counties, in the tables of migration 2 (shared by every process).
extension PostgresResponseStore {
    public func delete(survey: String, county: String?, ids: [Int64], by user: String, at date: Date)
        async throws(CollectionStoreError) -> DeletionRecord
    {
        let wanted = Set(ids).sorted()
        return try await run("deleting responses", "删除答卷") {
            try await self.client.withTransaction(logger: self.logger) { connection in
                var deleted: [Int64] = []
                let rows = try await connection.query(
                    """
                    DELETE FROM collected_responses
                    WHERE survey = \(survey) AND id = ANY(\(wanted)) AND (\(county)::text IS NULL OR county = \(county))
                    RETURNING id
                    """, logger: self.logger)
                for try await id in rows.decode(Int64.self) { deleted.append(id) }
                deleted.sort()
                try await connection.query(
                    """
                    INSERT INTO collection_deletions (survey, county, deleted_by, deleted_at, ids)
                    VALUES (\(survey), \(county ?? ""), \(user), \(date.storeMilliseconds), \(DeletionIDs.text(deleted)))
                    """, logger: self.logger)
                return DeletionRecord(survey: survey, county: county, deletedBy: user, deletedAt: date, ids: deleted)
            }
        }
    }

    public func deletions(survey: String, county: String?) async throws(CollectionStoreError) -> [DeletionRecord] {
        try await run("reading the deletions", "读取删除记录") {
            let rows = try await self.client.query(
                """
                SELECT county, deleted_by, deleted_at, ids FROM collection_deletions
                WHERE survey = \(survey) AND (\(county)::text IS NULL OR county = \(county)) ORDER BY deleted_at, ids
                """, logger: self.logger)
            var records: [DeletionRecord] = []
            for try await (county, user, at, ids) in rows.decode((String, String, Int64, String).self) {
                records.append(
                    DeletionRecord(
                        survey: survey, county: county.isEmpty ? nil : county, deletedBy: user,
                        deletedAt: Date(timeIntervalSince1970: Double(at) / 1000), ids: DeletionIDs.parse(ids)))
            }
            return records
        }
    }

    public func closing(survey: String) async throws(CollectionStoreError) -> SurveyClosing? {
        try await run("reading the closing time", "读取截止时间") {
            let rows = try await self.client.query(
                "SELECT closes_at, changed_by, changed_at FROM collection_closings WHERE survey = \(survey)",
                logger: self.logger)
            for try await (closes, by, at) in rows.decode((Int64?, String, Int64).self) {
                return SurveyClosing(
                    survey: survey, closesAt: closes.map { Date(timeIntervalSince1970: Double($0) / 1000) },
                    changedBy: by, changedAt: Date(timeIntervalSince1970: Double(at) / 1000))
            }
            return nil
        }
    }

    public func setClosing(_ closing: SurveyClosing) async throws(CollectionStoreError) {
        let closes = closing.closesAt?.storeMilliseconds
        try await run("setting the closing time", "设置截止时间") {
            try await self.client.query(
                """
                INSERT INTO collection_closings (survey, closes_at, changed_by, changed_at)
                VALUES (\(closing.survey), \(closes), \(closing.changedBy), \(closing.changedAt.storeMilliseconds))
                ON CONFLICT (survey) DO UPDATE SET closes_at = EXCLUDED.closes_at, changed_by = EXCLUDED.changed_by,
                    changed_at = EXCLUDED.changed_at
                """, logger: self.logger)
        }
    }

    public func addCounty(_ county: County) async throws(CollectionStoreError) {
        let place = location.description
        let inserted: Bool = try await run("adding a county", "添加县") {
            let rows = try await self.client.query(
                """
                INSERT INTO collection_counties (name, password_hash, population, registry_name, registry_text,
                    registry_schools, added_at)
                VALUES (\(county.name), \(county.passwordHash.description), \(county.population.map(Int64.init)),
                    \(county.registry?.fileName), \(county.registry?.text), \(county.registry.map { Int64($0.schools) }),
                    \(county.addedAt.storeMilliseconds))
                ON CONFLICT (name) DO NOTHING RETURNING name
                """, logger: self.logger)
            for try await _ in rows.decode(String.self) { return true }
            return false
        }
        if !inserted { throw CollectionStoreError.countyExists(county.name, place: place) }
    }

    public func counties() async throws(CollectionStoreError) -> [County] {
        let place = location.description
        let rows: [(String, String, Int64?, String?, String?, Int64?, Int64)] = try await run(
            "reading the counties", "读取县列表"
        ) {
            let rows = try await self.client.query(
                """
                SELECT name, password_hash, population, registry_name, registry_text, registry_schools, added_at
                FROM collection_counties ORDER BY name
                """, logger: self.logger)
            var result: [(String, String, Int64?, String?, String?, Int64?, Int64)] = []
            for try await row in rows.decode((String, String, Int64?, String?, String?, Int64?, Int64).self) {
                result.append(row)
            }
            return result
        }
        var counties: [County] = []
        for (name, stored, population, registryName, registryText, schools, added) in rows {
            guard let hash = PasswordHash(stored: stored) else {
                throw CollectionStoreError(
                    location: SourceLocation(file: place),
                    message: LocalizedText(
                        zh: "“\(name)”的密码记录无法读取；请检查答卷库是否被改动过。",
                        en: "the password record of “\(name)” cannot be read; check whether the store was altered."))
            }
            counties.append(
                County(
                    name: name, passwordHash: hash, population: population.map { Int($0) },
                    registry: registryName.map {
                        RegistryFile(fileName: $0, text: registryText ?? "", schools: Int(schools ?? 0))
                    },
                    addedAt: Date(timeIntervalSince1970: Double(added) / 1000)))
        }
        return counties
    }

    public func registerShortLinks(_ links: [ShortLink]) async throws(CollectionStoreError) {
        try await run("writing the short codes", "写入短码") {
            for link in links {
                try await self.client.query(
                    """
                    INSERT INTO collection_short_links (code, survey, path) VALUES (\(link.code), \(link.survey), \(link.path))
                    ON CONFLICT (code) DO UPDATE SET survey = EXCLUDED.survey, path = EXCLUDED.path
                    """, logger: self.logger)
            }
        }
    }

    public func shortLink(code: String) async throws(CollectionStoreError) -> ShortLink? {
        try await run("reading a short code", "读取短码") {
            let rows = try await self.client.query(
                "SELECT survey, path FROM collection_short_links WHERE code = \(code)", logger: self.logger)
            for try await (survey, path) in rows.decode((String, String).self) {
                return ShortLink(code: code, survey: survey, path: path)
            }
            return nil
        }
    }
}
