import Testing

@testable import JunhengMonitoring

struct MonitoringSettingsTests {
    @Test func defaults() throws {
        let settings = try MonitoringSettings.parse(yaml: "{}", file: "s.yaml")
        #expect(settings.decidingReading == .meanLevel)
        #expect(settings.shareThreshold == 0.5)
        #expect(settings.differenceRateThreshold == 0.15)
        #expect(settings.cutScores.isEmpty)
    }

    @Test func readsCutScores() throws {
        let yaml = """
            deciding_reading: share
            share_threshold: 0.6
            cut_scores:
              - subject: 体育
                grade: 8
                from: [400, 500, 600]
            """
        let settings = try MonitoringSettings.parse(yaml: yaml, file: "s.yaml")
        #expect(settings.decidingReading == .share)
        #expect(settings.shareThreshold == 0.6)
        let cuts = try #require(settings.cutScores(subject: "体育与健康", grade: .eight))
        #expect(cuts.level(of: 399.9) == .i)
        #expect(cuts.level(of: 400) == .ii)
        #expect(cuts.level(of: 500) == .iii)
        #expect(cuts.level(of: 600) == .iv)
        #expect(settings.cutScores(subject: "体育与健康", grade: .four) == nil)
    }

    @Test func refusesBadSettings() {
        #expect(throws: MonitoringInputError.self) {
            try MonitoringSettings.parse(
                yaml: "cut_scores:\n  - {subject: 数学, grade: 4, from: [500, 400, 600]}", file: "s.yaml")
        }
        #expect(throws: MonitoringInputError.self) {
            try MonitoringSettings.parse(
                yaml: "cut_scores:\n  - {subject: 数学, grade: 5, from: [1, 2, 3]}", file: "s.yaml")
        }
        #expect(throws: MonitoringInputError.self) {
            try MonitoringSettings.parse(yaml: "deciding_reading: median", file: "s.yaml")
        }
        #expect(throws: MonitoringInputError.self) {
            try MonitoringSettings.parse(yaml: "share_threshold: 85", file: "s.yaml")
        }
    }
}
