import Foundation
import JunhengMonitoring
import JunhengStore
import Testing

@testable import JunhengEvaluation

/// The bundled samples, imported into a fresh store, give three cycles of 数学 and 体育与健康.
@Suite struct MonitoringArchiveTests {
    @Test func trendOnTheSamplesShowsThreeCycles() throws {
        let path = NSTemporaryDirectory() + "junheng-monitoring-\(UUID().uuidString).sqlite"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = try MonitoringArchive.importFile(
            repositoryPath("sample-responses/monitoring-students.csv"),
            settingsPath: repositoryPath("sample-responses/monitoring-settings.yaml"), storePath: path)
        let store = try HistoryStore(path: path)
        #expect(first.replaced.isEmpty)
        #expect(first.years == [2018, 2021, 2022, 2023, 2024])

        for subject in ["数学", "体育与健康"] {
            for grade in MonitoringGrade.allCases {
                let trend = try store.monitoringTrend(subject: subject, grade: grade)
                #expect(trend.rows.map(\.year) == [2018, 2021, 2024], "\(subject) \(grade)")
                #expect(trend.rows.dropFirst().allSatisfy { $0.meanChange != nil && $0.iccChange != nil })
            }
        }

        // The county summary adds 2015 in front; importing the students again replaces, never duplicates.
        _ = try MonitoringArchive.importFile(
            repositoryPath("sample-responses/monitoring-county-summary.csv"), storePath: path)
        let again = try MonitoringArchive.importFile(
            repositoryPath("sample-responses/monitoring-students.csv"),
            settingsPath: repositoryPath("sample-responses/monitoring-settings.yaml"), storePath: path)
        #expect(again.replaced.count == first.storedResults)
        #expect(try store.monitoringTrend(subject: "数学", grade: .four).rows.map(\.year) == [2015, 2018, 2021, 2024])
    }
}
