import Foundation
import Testing

@testable import JunhengMonitoring
@testable import JunhengStore

/// The bundled samples, imported into a fresh store, give three cycles of 数学 and 体育与健康.
struct SampleHistoryTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../sample-responses").standardized

    func sample(_ name: String) -> String { Self.samples.appendingPathComponent(name).path }

    @Test func trendOnTheSamplesShowsThreeCycles() throws {
        let directory = try TemporaryDirectory()
        let store = try HistoryStore(path: directory.path("junheng.sqlite"))
        let first = try store.importMonitoring(
            file: sample("monitoring-students.csv"), settingsPath: sample("monitoring-settings.yaml"))
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
        _ = try store.importMonitoring(file: sample("monitoring-county-summary.csv"))
        let again = try store.importMonitoring(
            file: sample("monitoring-students.csv"), settingsPath: sample("monitoring-settings.yaml"))
        #expect(again.replaced.count == first.storedResults)
        #expect(try store.monitoringTrend(subject: "数学", grade: .four).rows.map(\.year) == [2015, 2018, 2021, 2024])
    }

    @Test func samplesHaveRealisticBetweenSchoolVariation() throws {
        let summary = try MonitoringAnalysis.summarize(
            path: sample("monitoring-students.csv"), settingsPath: sample("monitoring-settings.yaml"))
        let rates = summary.results.compactMap(\.icc)
        #expect(rates.count == summary.results.count)
        #expect(rates.allSatisfy { (0...0.35).contains($0) })
        // Every group has its level figures (2024 from the 水平 column, earlier years from the cut scores).
        #expect(summary.results.allSatisfy { $0.levelCounts != nil && $0.meanLevel != nil })
    }
}
