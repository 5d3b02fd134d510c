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
    #expect(ResourceSettings(guarantees: GuaranteeLimits(classesPerRoom: .max)).problem != nil)
}

/// A settings file is read key by key: an unknown key, a value of the wrong kind or out of its range is an
/// error at its line and column, and keys left out keep their defaults, also inside a nested object.
@Suite struct ResourceSettingsFileTests {
    func refusal(_ json: String) -> SettingsError? {
        do {
            _ = try ResourceSettings.parse(json: json, file: "s.json")
            return nil
        } catch {
            return error
        }
    }

    @Test func aPartialNestedObjectKeepsTheOtherDefaults() throws {
        let settings = try ResourceSettings.parse(
            json: #"{"guarantees": {"classes_per_room": 10}, "split_weights": {"junior": 1.2}}"#, file: "s.json")
        #expect(settings.guarantees == GuaranteeLimits(classesPerRoom: 10))
        #expect(settings.splitWeights == SplitWeights(primary: 1, junior: 1.2, senior: 1.32))
    }

    @Test func anUnknownKeyIsRefusedWhereItIs() throws {
        let error = try #require(refusal("{\n  \"teaching_point_cutof\": 30\n}"))
        #expect(error.location == SourceLocation(file: "s.json", line: 2, column: 3))
        #expect(
            error.message.en.hasPrefix(
                "the settings file has no key \"teaching_point_cutof\" (a typo?); the keys are: "))
        let nested = try #require(refusal(#"{"guarantees": {"classes_per_rooms": 10}}"#))
        #expect(nested.location == SourceLocation(file: "s.json", line: 1, column: 17))
    }

    /// Crash 4 of issue 10: `classes_per_room` of Int.max overflowed ⌈classes / per⌉.
    @Test func anOverflowingClassesPerRoomIsRefused() throws {
        let error = try #require(refusal(#"{"guarantees": {"classes_per_room": 9223372036854775807}}"#))
        #expect(error.location == SourceLocation(file: "s.json", line: 1, column: 37))
        #expect(
            error.message.en
                == "the value of guarantees.classes_per_room 9.223372036854776e+18 is outside the allowed range 1–1000")
    }

    /// Crash 5 of issue 10: a standard of 1e+308 made the closed-gap totals infinite.
    @Test func anInfiniteStandardIsRefused() throws {
        let error = try #require(refusal(#"{"primary_standards": {"teaching_space": 1e+308}}"#))
        #expect(error.location == SourceLocation(file: "s.json", line: 1, column: 42))
        #expect(error.message.zh.hasPrefix("primary_standards.teaching_space 的值"))
        #expect(error.message.zh.hasSuffix("超出允许范围 0.001～1000000"))
    }

    @Test func wrongKindsAndBrokenJSONArePlaced() throws {
        let text = try #require(refusal(#"{"junior_cv_threshold": "abc"}"#))
        #expect(text.location?.column == 25)
        #expect(text.message.en == "the value of junior_cv_threshold \"abc\" is not a number")
        let broken = try #require(refusal("{\n\"x\": 1,,\n}"))
        #expect(broken.location == SourceLocation(file: "s.json", line: 2, column: 8))
        #expect(broken.message.en == "not valid JSON: a quoted key is expected here")
    }
}
