import Foundation
import GRDB
import JunhengCore
import Testing

@testable import JunhengStore

/// The store keeps plain records: what goes in comes back, schema constraints hold, replacing is whole.
struct HistoryStoreTests {
    static func result(_ year: Int, _ subject: String = "数学", grade: Int = 4, mean: Double = 500)
        -> StoredMonitoringResult
    {
        StoredMonitoringResult(
            result: MonitoringResultRecord(
                year: year, grade: grade, subject: subject, source: "students", schools: 2, students: 5, mean: mean,
                levelCounts: [1, 1, 2, 1], shareIIIPlus: 0.6, meanLevel: 3, icc: 0, iccRaw: -0.25, iccNegative: true,
                n0: 2.4, msb: 1.2, msw: 5.3, cvSchoolMeans: 0.08, meetsMeanLevel: true, meetsShare: true,
                meetsDifferenceRate: true, meets: true,
                caveats: [LocalizedText(zh: "两所学校同名", en: "two schools of one name")], cutScores: [420, 490, 580],
                shareThreshold: 0.5, differenceRateThreshold: 0.15),
            schools: [
                MonitoringSchoolRecord(
                    school: "甲校", township: "城关镇", students: 2, mean: mean - 10, shareIIIPlus: 0.5,
                    scoreSum: 2 * (mean - 10), scoreSquares: 2 * (mean - 10) * (mean - 10), studentsIIIPlus: 1),
                MonitoringSchoolRecord(
                    school: "乙校", students: 3, mean: mean + 10, shareIIIPlus: 2.0 / 3.0, scoreSum: 3 * (mean + 10),
                    scoreSquares: 3 * (mean + 10) * (mean + 10), studentsIIIPlus: 2),
            ])
    }

    static let migrations = [
        "1 monitoring results", "2 satisfaction cells", "3 schools told apart by code and township",
        "4 cluster sums, caveats and bars of every figure",
    ]

    /// The stored rows as read back: ids set, school rows pointing at their result.
    static func comparable(_ stored: [StoredMonitoringResult]) -> [StoredMonitoringResult] {
        stored.map { one in
            var copy = one
            copy.result.id = nil
            copy.schools = copy.schools.map { school in
                var school = school
                school.id = nil
                school.resultID = 0
                return school
            }
            return copy
        }
    }

    @Test func emptyFileIsMigrated() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("junheng.sqlite")
        #expect(!FileManager.default.fileExists(atPath: path))
        let store = try HistoryStore(path: path)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try store.appliedMigrations() == Self.migrations)
        #expect(try store.monitoringResults().isEmpty)
        #expect(try store.satisfactionCells(by: "township").isEmpty)
        // Opening again applies nothing new and keeps the schema.
        let again = try HistoryStore(path: path)
        #expect(try again.appliedMigrations() == Self.migrations)
    }

    @Test func anExistingZeroByteFileIsMigrated() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("empty.sqlite")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let store = try HistoryStore(path: path)
        #expect(try store.appliedMigrations().count == 4)
    }

    @Test func aFileThatIsNotADatabaseIsAUserError() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("notes.sqlite")
        #expect(
            FileManager.default.createFile(
                atPath: path, contents: Data("这不是数据库, just text that is long enough to not be a header".utf8)))
        #expect(throws: StoreError.self) { try HistoryStore(path: path) }
    }

    @Test func monitoringRoundTrips() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("junheng.sqlite")
        let stored = [Self.result(2018), Self.result(2021), Self.result(2021, "体育与健康", grade: 8, mean: 70)]
        let report = try HistoryStore(path: path).replaceMonitoring(stored)
        #expect(report.storedResults == 3)
        #expect(report.storedSchoolRows == 6)
        #expect(report.years == [2018, 2021])
        #expect(report.replaced.isEmpty)

        // A new store on the same file reads back exactly what went in (caveats, cut scores and sums included),
        // by year, grade and subject.
        let read = try HistoryStore(path: path).monitoringResults()
        #expect(Self.comparable(read) == [stored[0], stored[1], stored[2]])
        #expect(read[0].schools.map(\.school) == ["甲校", "乙校"])  // the order they were imported in
        #expect(read.allSatisfy { stored in stored.schools.allSatisfy { $0.resultID == stored.result.id } })
        #expect(
            try HistoryStore(path: path).monitoringKeys() == [
                .init(year: 2018, grade: 4, subject: "数学"), .init(year: 2021, grade: 4, subject: "数学"),
                .init(year: 2021, grade: 8, subject: "体育与健康"),
            ])
    }

    @Test func unknownFiguresStayUnknown() throws {
        let directory = try TemporaryDirectory()
        let store = try HistoryStore(path: directory.path("junheng.sqlite"))
        let summary = StoredMonitoringResult(
            result: MonitoringResultRecord(year: 2015, grade: 8, subject: "数学", source: "county-summary", mean: 480),
            schools: [])
        _ = try store.replaceMonitoring([summary])
        #expect(Self.comparable(try store.monitoringResults()) == [summary])
    }

    @Test func replacingAYearReplacesItWhole() throws {
        let directory = try TemporaryDirectory()
        let store = try HistoryStore(path: directory.path("junheng.sqlite"))
        _ = try store.replaceMonitoring([Self.result(2018), Self.result(2021), Self.result(2021, "体育与健康")])

        // The same 2021 数学 again, with a new mean: it replaces the stored one (1 result row + 2 school rows).
        let report = try store.replaceMonitoring([Self.result(2021, mean: 520)])
        #expect(report.replaced.count == 1)
        #expect(report.replaced[0].year == 2021 && report.replaced[0].subject == "数学")
        #expect(report.replacedRows == 3)

        let read = try store.monitoringResults()
        #expect(read.count == 3)
        #expect(read.filter { $0.result.year == 2021 && $0.result.subject == "数学" }.map(\.result.mean) == [520])
        // Other years and subjects are untouched; no orphaned school rows remain.
        #expect(read.filter { $0.result.year == 2018 }.map(\.result.mean) == [500])
        #expect(read.allSatisfy { $0.schools.count == 2 })
        let schoolRows = try DatabaseQueue(path: directory.path("junheng.sqlite")).read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM monitoring_school")
        }
        #expect(schoolRows == 6)
    }

    @Test func aFailingImportWritesNothing() throws {
        let directory = try TemporaryDirectory()
        let store = try HistoryStore(path: directory.path("junheng.sqlite"))
        _ = try store.replaceMonitoring([Self.result(2018)])
        var bad = Self.result(2021)
        bad.result.shareIIIPlus = 1.5  // breaks the schema's CHECK (0 ≤ share ≤ 1)
        #expect(throws: StoreError.self) { try store.replaceMonitoring([Self.result(2018, mean: 999), bad]) }
        // The transaction rolled back: 2018 still holds the first import.
        #expect(try store.monitoringResults().map(\.result.mean) == [500])
        // A negative count at Ⅲ+ breaks migration 4's CHECK too.
        var negative = Self.result(2024)
        negative.schools[0].studentsIIIPlus = -1
        #expect(throws: StoreError.self) { try store.replaceMonitoring([negative]) }
    }

    @Test func satisfactionReplacesAYearWithItsRun() throws {
        let directory = try TemporaryDirectory()
        let store = try HistoryStore(path: directory.path("junheng.sqlite"))
        func cell(_ key: String, _ positive: Int, dimension: String = "township") -> SatisfactionCellRecord {
            SatisfactionCellRecord(
                year: 0, survey: "public", dimension: dimension, key: key, respondents: 100, answered: 100,
                positive: positive, rate: Double(positive) / 100, meets: positive >= 85, sumY2: Double(positive),
                sumM2: 100, sumYM: Double(positive), belowMinN: false)
        }
        let run = SatisfactionRunRecord(
            year: 0, survey: "", surveyVersion: "abc123", threshold: 0.85, minN: 30,
            caveats: [LocalizedText(zh: "部分结果", en: "partial")])
        #expect(
            try store.replaceSatisfaction(
                year: 2023, survey: "public", cells: [cell("城关镇", 80), cell("双涧镇", 90)], run: run) == 0)
        #expect(
            try store.replaceSatisfaction(
                year: 2024, survey: "public", cells: [cell("城关镇", 88), cell("", 89, dimension: "overall")]) == 0)
        #expect(try store.satisfactionCellCount(year: 2024, survey: "public") == 2)
        #expect(try store.satisfactionCellCount(year: 2022, survey: "public") == 0)
        // Saving 2024 again replaces its 2 rows.
        #expect(try store.replaceSatisfaction(year: 2024, survey: "public", cells: [cell("城关镇", 87)]) == 2)

        let cells = try store.satisfactionCells(by: "township")
        // By key (code-point order: 双 U+53CC before 城 U+57CE), then year; the overall cell is another dimension.
        #expect(cells.map { "\($0.key) \($0.year)" } == ["双涧镇 2023", "城关镇 2023", "城关镇 2024"])
        #expect(cells[0].sumY2 == 90 && cells[0].belowMinN == false)
        let runs = try store.satisfactionRuns()
        #expect(runs.count == 1)
        #expect(runs[0].year == 2023 && runs[0].survey == "public" && runs[0].surveyVersion == "abc123")
        #expect(runs[0].caveats == run.caveats)
    }

    @Test func satisfactionConstraintsHold() throws {
        let directory = try TemporaryDirectory()
        let store = try HistoryStore(path: directory.path("junheng.sqlite"))
        let impossible = SatisfactionCellRecord(
            year: 2024, survey: "public", dimension: "overall", key: "", respondents: 10, answered: 10, positive: 11,
            rate: 1.1)
        #expect(throws: StoreError.self) {
            try store.replaceSatisfaction(year: 2024, survey: "public", cells: [impossible])
        }
    }

    // MARK: - Migration 3: schools of one name

    /// Issue 9, case 7: 中心小学 in 甲镇 and in 乙镇, and two schools with codes, are four rows of one result.
    @Test func schoolsOfOneNameAreStoredApart() throws {
        let directory = try TemporaryDirectory()
        let store = try HistoryStore(path: directory.path("junheng.sqlite"))
        var result = Self.result(2024)
        result.schools = [
            MonitoringSchoolRecord(school: "中心小学", township: "甲镇", students: 2, mean: 480),
            MonitoringSchoolRecord(school: "中心小学", township: "乙镇", students: 3, mean: 520),
            MonitoringSchoolRecord(school: "实验小学", code: "3412001", students: 2, mean: 500),
            MonitoringSchoolRecord(school: "实验小学", code: "3412002", students: 2, mean: 510),
        ]
        _ = try store.replaceMonitoring([result])
        let stored = try #require(Self.comparable(try store.monitoringResults()).first)
        #expect(stored.schools == result.schools)
    }

    /// A store made before migration 3 keeps its per-school rows when it is opened.
    @Test func aVersionTwoStoreKeepsItsSchools() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("old.sqlite")
        let queue = try DatabaseQueue(path: path)
        try HistoryStore.migrator.migrate(queue, upTo: "2 satisfaction cells")
        try queue.write { db in
            try db.execute(
                sql:
                    "INSERT INTO monitoring_result (id, year, grade, subject, source) VALUES (1, 2021, 4, '数学', 'students')"
            )
            try db.execute(
                sql:
                    "INSERT INTO monitoring_school (result_id, school, township, students, mean) VALUES (1, '甲校', '城关镇', 30, 501.5)"
            )
        }
        try queue.close()
        let store = try HistoryStore(path: path)
        #expect(try store.appliedMigrations() == Self.migrations)
        let schools = try #require(Self.comparable(try store.monitoringResults()).first).schools
        #expect(schools == [MonitoringSchoolRecord(school: "甲校", township: "城关镇", students: 30, mean: 501.5)])
    }

    // MARK: - Migration 4: cluster sums

    /// A store of migration 3 keeps every value when migration 4 adds the sums; they stay empty (early data),
    /// its caveats are none, and its satisfaction years have no run.
    @Test func aVersionThreeStoreKeepsItsValuesWithoutSums() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("old.sqlite")
        let queue = try DatabaseQueue(path: path)
        try HistoryStore.migrator.migrate(queue, upTo: "3 schools told apart by code and township")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO monitoring_result (id, year, grade, subject, source, schools, students, mean, \
                    share_iii_plus, icc, n0, msb, msw, meets) VALUES (1, 2021, 4, '数学', 'students', 2, 5, 510.2, \
                    0.6, 0.12, 2.4, 1500, 800, 1)
                    """)
            try db.execute(
                sql: """
                    INSERT INTO monitoring_school (result_id, school, township, code, students, mean, share_iii_plus) \
                    VALUES (1, '甲校', '城关镇', NULL, 2, 500, 0.5), (1, '乙校', '城关镇', NULL, 3, 517, 0.666)
                    """)
            try db.execute(
                sql: """
                    INSERT INTO satisfaction_cell (year, survey, dimension, key, respondents, answered, positive, \
                    rate, ci_low, ci_high, meets) VALUES (2023, 'public', 'township', '城关镇', 40, 400, 352, 0.88, \
                    0.84, 0.92, 1)
                    """)
        }
        try queue.close()

        let store = try HistoryStore(path: path)
        #expect(try store.appliedMigrations() == Self.migrations)
        let stored = try #require(try store.monitoringResults().first)
        #expect(stored.result.mean == 510.2 && stored.result.shareIIIPlus == 0.6 && stored.result.icc == 0.12)
        #expect(stored.result.msb == 1500 && stored.result.msw == 800 && stored.result.meets == true)
        #expect(stored.result.caveats.isEmpty && stored.result.cutScores == nil)
        #expect(stored.schools.map(\.mean) == [500, 517])
        #expect(stored.schools.allSatisfy { $0.scoreSum == nil && $0.studentsIIIPlus == nil })
        let cell = try #require(try store.satisfactionCells(by: "township").first)
        #expect(cell.rate == 0.88 && cell.ciLow == 0.84 && cell.ciHigh == 0.92 && cell.positive == 352)
        #expect(cell.sumY2 == nil && cell.sumM2 == nil && cell.sumYM == nil && cell.belowMinN == nil)
        #expect(try store.satisfactionRuns().isEmpty)
    }
}
