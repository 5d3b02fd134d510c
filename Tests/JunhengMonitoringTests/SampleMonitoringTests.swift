import Foundation
import Testing

@testable import JunhengMonitoring

/// The bundled samples have the between-school variation of a real county.
struct SampleMonitoringTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../sample-responses").standardized

    func sample(_ name: String) -> String { Self.samples.appendingPathComponent(name).path }

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
