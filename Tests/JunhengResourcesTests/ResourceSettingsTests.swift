import Foundation
import JunhengCore
import Testing

@testable import JunhengResources

@Test func defaultsFollowDomainTable() {
    // DOMAIN.md §1–2.
    let settings = ResourceSettings()
    #expect(ResourceIndicator.allCases.map { settings.standard($0, .primary) } == [4.2, 1.0, 0.9, 4.5, 7.5, 2000, 2.3])
    #expect(ResourceIndicator.allCases.map { settings.standard($0, .junior) } == [5.3, 1.0, 0.9, 5.8, 10.2, 2500, 2.4])
    #expect(settings.cvThreshold(.primary) == 0.50)
    #expect(settings.cvThreshold(.junior) == 0.45)
    #expect(settings.splitWeights == SplitWeights(primary: 1, junior: 1.1, senior: 1.32))
    #expect(settings.completeMiddleSeniorWeight == 1.2)
    #expect(settings.teachingPointCutoff == 50)
    #expect(
        settings.guarantees
            == GuaranteeLimits(
                maxSchoolSize: 2000, maxCombinedSchoolSize: 2500, maxPrimaryClassSize: 45, maxJuniorClassSize: 50,
                classesPerRoom: 12, minMusicRoomArea: 96, minArtRoomArea: 90))
}

@Test func partialJSONKeepsTheOtherDefaults() throws {
    let json = #"{"teaching_point_cutoff": 30, "junior_cv_threshold": 0.4}"#
    let settings = try JSONDecoder().decode(ResourceSettings.self, from: Data(json.utf8))
    #expect(settings.teachingPointCutoff == 30)
    #expect(settings.juniorCVThreshold == 0.4)
    #expect(settings.primaryCVThreshold == 0.5)
    #expect(settings.primaryStandards == .primary)
}

@Test func uncertainSettingsAreNamed() {
    let keys = ResourceSettings().uncertainSettings.map(\.key)
    #expect(keys.contains("teaching_point_cutoff"))
    #expect(keys.contains("split_weights"))
    #expect(keys.contains("complete_middle_senior_weight"))
}

@Test func impossibleSettingsAreRefused() {
    #expect(ResourceSettings().problem == nil)
    #expect(ResourceSettings(splitWeights: SplitWeights(primary: 0)).problem != nil)
    #expect(ResourceSettings(minimumIndicatorsMet: 8).problem != nil)
    #expect(ResourceSettings(missedIndicatorFloor: 1.5).problem != nil)
}

@Test func settingsFileErrorsSayWhatIsMissing() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("junheng-settings-test.json").path
    try #"{"split_weights": {"primary": 1}}"#.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect {
        try ResourceSettings.load(path: path)
    } throws: { error in
        (error as! ResourceSettingsError).message.zh
            == "设置文件无法使用 (settings file not usable): split_weights 缺少键 “junior” (missing key; give the nested object whole)."
    }
}
