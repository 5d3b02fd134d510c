import Foundation
import JunhengCore
import Testing

@testable import JunhengMonitoring

/// The same figures as MonitoringAnalysisTests, read through the real CSV reader from a file with a BOM,
/// CRLF line ends, a blank line and a full-width digit.
struct MonitoringFileTests {
    func fixture(_ name: String) throws -> String {
        try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/\(name)").path
    }

    @Test func summarisesAFile() throws {
        let summary = try MonitoringAnalysis.summarize(
            path: fixture("students-unbalanced.csv"), settingsPath: fixture("settings-unbalanced.yaml"))
        let result = try #require(summary.results.first)
        #expect(summary.results.count == 1)
        #expect(result.students == 7 && result.schools == 3)
        // ICC(1) = 0.76 and levels [1, 2, 3, 1] as worked out in MonitoringAnalysisTests.
        #expect(abs(result.icc! - 0.76) < 1e-12)
        #expect(result.levelCounts == [1, 2, 3, 1])
        #expect(result.perSchool.map(\.township) == ["城关镇", "东河镇", "西岗镇"])
        // The share reading decides: 4/7 ≥ 0.5 passes, but 0.76 ≥ 0.15 fails the bar.
        #expect(summary.settings.decidingReading == .share)
        #expect(result.meetsShare == true)
        #expect(result.meets == false)
    }

    @Test func aRaggedRowInAFileIsAnErrorWithItsLine() throws {
        #expect {
            try MonitoringAnalysis.summarize(path: fixture("students-ragged.csv"))
        } throws: { error in
            guard let error = error as? MonitoringInputError else { return false }
            return error.location?.line == 3 && error.location?.file.hasSuffix("students-ragged.csv") == true
        }
    }
}
