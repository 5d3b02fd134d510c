import Foundation
import GRDB
import JunhengCore
import JunhengReports
import Testing

@testable import JunhengMonitoring
@testable import JunhengStore

struct HistoryStoreTests {
    static func result(_ year: Int, _ subject: String = "数学", grade: MonitoringGrade = .four, mean: Double = 500)
        -> MonitoringResult
    {
        MonitoringResult(
            year: year, grade: grade, subject: subject, source: .students, schools: 2, students: 5, mean: mean,
            levelCounts: [1, 1, 2, 1], shareIIIPlus: 0.6, meanLevel: .iii, icc: 0, iccRaw: -0.25, iccNegative: true,
            n0: 2.4, meanSquareBetween: 1.2, meanSquareWithin: 5.3, cvSchoolMeans: 0.08, meetsMeanLevel: true,
            meetsShare: true, meetsDifferenceRate: true, meets: true,
            perSchool: [
                MonitoringSchoolResult(school: "甲校", township: "城关镇", students: 2, mean: mean - 10, shareIIIPlus: 0.5),
                MonitoringSchoolResult(
                    school: "乙校", township: nil, students: 3, mean: mean + 10, shareIIIPlus: 2.0 / 3.0),
            ])
    }

    static let migrations = [
        "1 monitoring results", "2 satisfaction cells", "3 schools told apart by code and township",
    ]

    @Test func emptyFileIsMigrated() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("junheng.sqlite")
        #expect(!FileManager.default.fileExists(atPath: path))
        let store = try HistoryStore(path: path)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try store.appliedMigrations() == Self.migrations)
        #expect(try store.monitoringResults().isEmpty)
        #expect(try store.satisfactionTrend(by: "township").isEmpty)
        // Opening again applies nothing new and keeps the schema.
        let again = try HistoryStore(path: path)
        #expect(try again.appliedMigrations() == Self.migrations)
    }

    @Test func anExistingZeroByteFileIsMigrated() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("empty.sqlite")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let store = try HistoryStore(path: path)
        #expect(try store.appliedMigrations().count == 3)
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
        let stored = [Self.result(2021), Self.result(2018), Self.result(2021, "体育与健康", grade: .eight, mean: 70)]
        let report = try HistoryStore(path: path).replaceMonitoring(stored)
        #expect(report.storedResults == 3)
        #expect(report.storedSchoolRows == 6)
        #expect(report.years == [2018, 2021])
        #expect(report.replaced.isEmpty)

        // A new store on the same file reads back exactly what went in, in year, grade, subject order.
        let read = try HistoryStore(path: path).monitoringResults()
        #expect(read == stored.sorted(by: MonitoringResult.ordered))
        #expect(read[0].perSchool.map(\.school) == ["甲校", "乙校"])  // the order they were imported in
    }

    @Test func unknownFiguresStayUnknown() throws {
        let directory = try TemporaryDirectory()
        let store = try HistoryStore(path: directory.path("junheng.sqlite"))
        let summary = MonitoringResult(year: 2015, grade: .eight, subject: "数学", source: .countySummary, mean: 480)
        _ = try store.replaceMonitoring([summary])
        #expect(try store.monitoringResults() == [summary])
    }

    @Test func reimportingAYearReplacesIt() throws {
        let directory = try TemporaryDirectory()
        let store = try HistoryStore(path: directory.path("junheng.sqlite"))
        _ = try store.replaceMonitoring([Self.result(2018), Self.result(2021), Self.result(2021, "体育与健康")])

        // The same 2021 数学 again, with a new mean: it replaces the stored one (1 result row + 2 school rows).
        let report = try store.replaceMonitoring([Self.result(2021, mean: 520)])
        #expect(report.replaced.count == 1)
        #expect(report.replaced[0].year == 2021 && report.replaced[0].subject == "数学")
        #expect(report.replacedRows == 3)
        #expect(report.lines[1].zh.contains("替换了已存的 1 项结果 (共删除 3 行)"))

        let read = try store.monitoringResults()
        #expect(read.count == 3)
        #expect(read.filter { $0.year == 2021 && $0.subject == "数学" }.map(\.mean) == [520])
        // Other years and subjects are untouched; no orphaned school rows remain.
        #expect(read.filter { $0.year == 2018 }.map(\.mean) == [500])
        #expect(read.allSatisfy { $0.perSchool.count == 2 })
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
        bad.shareIIIPlus = 1.5  // breaks the schema's CHECK (0 ≤ share ≤ 1)
        #expect(throws: StoreError.self) { try store.replaceMonitoring([Self.result(2018, mean: 999), bad]) }
        // The transaction rolled back: 2018 still holds the first import.
        #expect(try store.monitoringResults().map(\.mean) == [500])
    }

    @Test func satisfactionReplacesAYearAndTrendsByTownship() throws {
        let directory = try TemporaryDirectory()
        let store = try HistoryStore(path: directory.path("junheng.sqlite"))
        func cell(_ key: String, _ positive: Int, dimension: String = "township") -> SatisfactionCellRecord {
            SatisfactionCellRecord(
                year: 0, survey: "public", dimension: dimension, key: key, respondents: 100, answered: 100,
                positive: positive, rate: Double(positive) / 100, meets: positive >= 85)
        }
        #expect(
            try store.replaceSatisfaction(year: 2023, survey: "public", cells: [cell("城关镇", 80), cell("双涧镇", 90)]) == 0)
        #expect(
            try store.replaceSatisfaction(
                year: 2024, survey: "public", cells: [cell("城关镇", 88), cell("", 89, dimension: "overall")]) == 0)
        // Saving 2024 again replaces its 2 rows.
        #expect(try store.replaceSatisfaction(year: 2024, survey: "public", cells: [cell("城关镇", 87)]) == 2)

        let cells = try store.satisfactionTrend(by: "township")
        // By key (code-point order: 双 U+53CC before 城 U+57CE), then year; the overall cell is another dimension.
        #expect(cells.map { "\($0.key) \($0.year)" } == ["双涧镇 2023", "城关镇 2023", "城关镇 2024"])
        let trend = SatisfactionTrend(dimension: "township", cells: cells)
        let town = trend.rows.filter { $0.key == "城关镇" }
        #expect(town.map(\.year) == [2023, 2024])
        // 0.87 − 0.80 = 0.07.
        #expect(abs(town[1].change! - 0.07) < 1e-12)
        #expect(town[1].previousYear == 2023)
        #expect(trend.table().rows.count == 3)
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
        result.perSchool = [
            MonitoringSchoolResult(school: "中心小学", township: "甲镇", students: 2, mean: 480),
            MonitoringSchoolResult(school: "中心小学", township: "乙镇", students: 3, mean: 520),
            MonitoringSchoolResult(school: "实验小学", code: "3412001", students: 2, mean: 500),
            MonitoringSchoolResult(school: "实验小学", code: "3412002", students: 2, mean: 510),
        ]
        _ = try store.replaceMonitoring([result])
        let stored = try #require(try store.monitoringResults().first)
        #expect(stored.perSchool == result.perSchool)
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
        let schools = try #require(try store.monitoringResults().first).perSchool
        #expect(schools == [MonitoringSchoolResult(school: "甲校", township: "城关镇", students: 30, mean: 501.5)])
    }
}
