import JunhengCore
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
        #expect(throws: SettingsError.self) {
            try MonitoringSettings.parse(
                yaml: "cut_scores:\n  - {subject: 数学, grade: 4, from: [500, 400, 600]}", file: "s.yaml")
        }
        #expect(throws: SettingsError.self) {
            try MonitoringSettings.parse(
                yaml: "cut_scores:\n  - {subject: 数学, grade: 5, from: [1, 2, 3]}", file: "s.yaml")
        }
        #expect(throws: SettingsError.self) {
            try MonitoringSettings.parse(yaml: "deciding_reading: median", file: "s.yaml")
        }
        #expect(throws: SettingsError.self) {
            try MonitoringSettings.parse(yaml: "share_threshold: 85", file: "s.yaml")
        }
    }

    /// Issue 10: a typo in a key is refused at its place, never a default silently in force.
    @Test func anUnknownKeyIsRefusedWhereItIs() throws {
        let yaml = "share_threshold: 0.6\ndifference_rate_treshold: 0.2\n"
        let error = try #require(throws: SettingsError.self) {
            try MonitoringSettings.parse(yaml: yaml, file: "s.yaml")
        }
        #expect(error.location == SourceLocation(file: "s.yaml", line: 2, column: 1))
        #expect(
            error.message.en
                == "the settings file has no key \"difference_rate_treshold\" (a typo?); the keys are: deciding_reading, share_threshold, difference_rate_threshold, cut_scores"
        )
        let nested = try #require(throws: SettingsError.self) {
            try MonitoringSettings.parse(
                yaml: "cut_scores:\n  - {subject: 数学, grade: 4, form: [1, 2, 3]}", file: "s.yaml")
        }
        #expect(nested.location == SourceLocation(file: "s.yaml", line: 2, column: 29))
    }

    @Test func outOfRangeValuesArePlaced() throws {
        let error = try #require(throws: SettingsError.self) {
            try MonitoringSettings.parse(yaml: "share_threshold: 85", file: "s.yaml")
        }
        #expect(error.location == SourceLocation(file: "s.yaml", line: 1, column: 18))
        #expect(error.message.zh == "share_threshold 的值 85 超出允许范围 0～1")
    }
}
