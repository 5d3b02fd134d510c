import Foundation
import GRDB
import JunhengCore
import JunhengMonitoring
import JunhengReports
import Testing

@testable import JunhengEvaluation
@testable import JunhengStore

/// The bundled samples, imported into a fresh store, give three cycles of 数学 and 体育与健康, each with intervals.
@Suite struct MonitoringArchiveTests {
    static let students = repositoryPath("sample-responses/monitoring-students.csv")
    static let settings = repositoryPath("sample-responses/monitoring-settings.yaml")

    static func temporaryStore() -> String {
        NSTemporaryDirectory() + "junheng-monitoring-\(UUID().uuidString).sqlite"
    }

    @Test func trendOnTheSamplesShowsThreeCyclesWithIntervals() throws {
        let path = Self.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = try MonitoringArchive.importFile(Self.students, settingsPath: Self.settings, storePath: path)
        #expect(first.replaced.isEmpty)
        #expect(first.years == [2018, 2021, 2022, 2023, 2024])

        for subject in ["数学", "体育与健康"] {
            for grade in MonitoringGrade.allCases {
                let trend = try MonitoringArchive.trend(storePath: path, subject: subject, grade: grade)
                #expect(trend.rows.map(\.year) == [2018, 2021, 2024], "\(subject) \(grade)")
                #expect(
                    trend.rows.allSatisfy { $0.mean.ci95 != nil && $0.shareIIIPlus.ci95 != nil && $0.icc.ci95 != nil })
                for row in trend.rows.dropFirst() {
                    #expect(row.mean.change?.verdict != nil && row.mean.change?.gapYears == 3)
                    #expect(row.shareIIIPlus.change?.ci95 != nil && row.mean.changeFromFirst?.fromYear == 2018)
                }
            }
        }
    }

    /// The same year × grade × subject twice is refused, naming what is stored, and nothing is written; with
    /// `replace` it replaces, never duplicates.
    @Test func aSecondImportIsRefusedUnlessReplace() throws {
        let path = Self.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = try MonitoringArchive.importFile(Self.students, settingsPath: Self.settings, storePath: path)
        _ = try MonitoringArchive.importFile(
            repositoryPath("sample-responses/monitoring-county-summary.csv"), storePath: path)
        let error = try #require(
            throws: EvaluationError.self,
            performing: {
                try MonitoringArchive.importFile(Self.students, settingsPath: Self.settings, storePath: path)
            })
        #expect(error.message.zh.contains("已存有 26 项同一年份、年级和学科的结果：2018 四年级数学、"))
        #expect(error.message.zh.contains("--replace"))
        #expect(error.message.en.contains("2018 grade 4 mathematics"))
        #expect(error.location?.file == Self.students)
        #expect(try HistoryStore(path: path).monitoringKeys().count == first.storedResults + 4)

        let again = try MonitoringArchive.importFile(
            Self.students, settingsPath: Self.settings, storePath: path, replace: true)
        #expect(again.replaced.count == first.storedResults)
        #expect(again.lines[1].zh.hasPrefix("按 --replace 替换了已存的 26 项结果"))
        let trend = try MonitoringArchive.trend(storePath: path, subject: "数学", grade: .four)
        #expect(trend.rows.map(\.year) == [2015, 2018, 2021, 2024])
        // 2015 is a county summary: no interval, said with its year.
        #expect(trend.rows[1].mean.change?.note?.zh == "无区间（2015 年为汇总数字）")
        #expect(trend.rows[3].mean.changeFromFirst?.fromYear == 2015)
    }

    /// A store written before migration 4 keeps its values; its years have no interval and every change from
    /// or to them is marked 无区间（早期数据）, while a year imported after has its interval.
    @Test func anOldStoreKeepsItsValuesAndSaysEarlyData() throws {
        let path = Self.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: path) }
        // What the previous version wrote for 2018 and 2021 数学 grade 4 (values as its import stored them).
        let queue = try DatabaseQueue(path: path)
        try HistoryStore.migrator.migrate(queue, upTo: "3 schools told apart by code and township")
        try queue.write { db in
            for (id, year, mean) in [(1, 2018, 479.8), (2, 2021, 488.9)] {
                try db.execute(
                    sql: """
                        INSERT INTO monitoring_result (id, year, grade, subject, source, schools, students, mean, \
                        share_iii_plus, icc, n0, msb, msw, meets) VALUES (?, ?, 4, '数学', 'students', 2, 60, ?, 0.45, \
                        0.1, 30, 9000, 9000, 0)
                        """, arguments: [id, year, mean])
                try db.execute(
                    sql: """
                        INSERT INTO monitoring_school (result_id, school, township, students, mean, share_iii_plus) \
                        VALUES (?, '甲校', '城关镇', 30, ?, 0.4), (?, '乙校', '城关镇', 30, ?, 0.5)
                        """, arguments: [id, mean - 5, id, mean + 5])
            }
        }
        try queue.close()

        let old = try MonitoringArchive.trend(storePath: path, subject: "数学", grade: .four)
        #expect(
            try HistoryStore(path: path).appliedMigrations().last == "4 cluster sums, caveats and bars of every figure")
        #expect(old.rows.map(\.mean.value) == [479.8, 488.9])
        #expect(old.rows.map(\.shareIIIPlus.value) == [0.45, 0.45])
        #expect(old.rows.allSatisfy { $0.mean.ci95 == nil && $0.mean.noInterval?.zh == "无区间（早期数据）" })
        let change = try #require(old.rows[1].mean.change)
        #expect(abs(change.value - 9.1) < 1e-9 && change.ci95 == nil && change.verdict == nil)
        #expect(change.note?.zh == "无区间（早期数据）")
        #expect(old.rows[1].icc.change?.note?.zh == "无区间（早期数据）")

        // 2024 imported now: its own interval, and its change from 2021 still says early data.
        let file = NSTemporaryDirectory() + "junheng-2024-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: file) }
        let lines = try String(contentsOfFile: Self.students, encoding: .utf8).split(separator: "\n")
        let kept = [lines[0]] + lines.dropFirst().filter { $0.hasPrefix("2024,4,数学,") }
        try (kept.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        _ = try MonitoringArchive.importFile(file, settingsPath: Self.settings, storePath: path)
        let mixed = try MonitoringArchive.trend(storePath: path, subject: "数学", grade: .four)
        #expect(mixed.rows.map(\.year) == [2018, 2021, 2024])
        #expect(mixed.rows[2].mean.ci95 != nil)
        #expect(mixed.rows[2].mean.change?.note?.zh == "无区间（早期数据）")
        #expect(mixed.rows[2].mean.change?.fromYear == 2021 && mixed.rows[2].mean.change?.gapYears == 3)
    }
}
