import JunhengCore
import Testing

@testable import JunhengResources

private let optional: [RosterColumn] = [
    .primaryClasses, .juniorClasses, .maxClassSize, .musicRooms, .artRooms, .minMusicRoomArea, .minArtRoomArea,
]

private func checks(_ schools: [[RosterColumn: String]], columns: [RosterColumn] = optional) throws -> [GuaranteeCheck
    .Kind: GuaranteeCheck]
{
    let roster = try TestRoster.roster(schools, extraHeader: columns)
    return Dictionary(
        uniqueKeysWithValues: GuaranteeChecks.run(roster, settings: GuaranteeLimits()).map { ($0.id, $0) })
}

private func primary(_ name: String, students: Int) -> [RosterColumn: String] {
    TestRoster.goodPrimary(name).with(.primaryStudents, String(students))
}

private func nineYear(_ name: String, primary: Int, junior: Int) -> [RosterColumn: String] {
    TestRoster.goodPrimary(name).with(.type, "九年一贯制").with(.primaryStudents, String(primary))
        .with(.juniorStudents, String(junior))
}

@Test func schoolSizeLimitsAreInclusive() throws {
    // 2000 ≤ 2000 passes, 2001 fails; a 九年一贯制 with 1300 + 1200 = 2500 passes, 1300 + 1201 = 2501 fails.
    let result = try checks([
        primary("甲小学", students: 2000), primary("乙小学", students: 2001),
        nineYear("丙学校", primary: 1300, junior: 1200), nineYear("丁学校", primary: 1300, junior: 1201),
    ])[.schoolSize]!
    #expect(result.schoolsChecked == 4)
    #expect(result.failing.map(\.name) == ["乙小学", "丁学校"])
    #expect(result.failing.map(\.value) == [2001, 2501])
    #expect(result.failing.map(\.limit) == [2000, 2500])
    #expect(result.passes == false)
}

@Test func completeMiddleSchoolSizeCountsJuniorOnly() throws {
    // A 完全中学 with 1900 junior and 3000 senior students: only the compulsory 1900 count, ≤ 2000.
    let school: [RosterColumn: String] = [
        .name: "县一中", .township: "城关镇", .type: "完全中学", .juniorStudents: "1900", .seniorStudents: "3000",
    ]
    #expect(try checks([school])[.schoolSize]!.passes == true)
}

@Test func specialEducationIsNotChecked() throws {
    let special = primary("县特殊教育学校", students: 2500).with(.type, "特殊教育学校")
    let result = try checks([special])[.schoolSize]!
    #expect(result.schoolsChecked == 0)
    #expect(result.passes == nil)
}

@Test func classSizeFromTheLargestClass() throws {
    // Primary limit 45: 45 passes, 46 fails. Junior limit 50: 50 passes.
    let junior: [RosterColumn: String] = [
        .name: "戊中学", .township: "城关镇", .type: "初中", .juniorStudents: "100", .maxClassSize: "50",
    ]
    let result = try checks([
        primary("甲小学", students: 100).with(.maxClassSize, "45"),
        primary("乙小学", students: 100).with(.maxClassSize, "46"), junior,
    ])[.classSize]!
    #expect(result.failing.map(\.name) == ["乙小学"])
    #expect(result.failing[0].limit == 45)
    #expect(result.undetermined.isEmpty)
    #expect(result.passes == false)
}

@Test func mixedSchoolBetweenTheLimitsIsUndetermined() throws {
    // A 九年一贯制 whose largest class is 48: over 45 if it is a primary class, within 50 if junior.
    // One whose largest is 51 exceeds both limits.
    let result = try checks([
        nineYear("甲学校", primary: 300, junior: 200).with(.maxClassSize, "48"),
        nineYear("乙学校", primary: 300, junior: 200).with(.maxClassSize, "51"),
    ])[.classSize]!
    #expect(result.undetermined.map(\.name) == ["甲学校"])
    #expect(result.failing.map(\.name) == ["乙学校"])
    #expect(result.failing[0].limit == 50)
}

@Test func averageClassOverTheLimitFails() throws {
    // 100 primary students in 2 classes: average 50 > 45, so some class is over 45, even with no 最大班额.
    let result = try checks([primary("甲小学", students: 100).with(.primaryClasses, "2")])[.classSize]!
    #expect(result.failing.map(\.name) == ["甲小学"])
    #expect(result.failing[0].value == 50)
}

@Test func musicAndArtRoomsPerTwelveClasses() throws {
    // 12 classes need ⌈12/12⌉ = 1 room; 13 classes need ⌈13/12⌉ = 2.
    let result = try checks([
        primary("甲小学", students: 500).with(.primaryClasses, "12").with(.musicRooms, "1").with(.artRooms, "1"),
        primary("乙小学", students: 500).with(.primaryClasses, "13").with(.musicRooms, "1").with(.artRooms, "2"),
    ])
    #expect(result[.musicRooms]!.failing.map(\.name) == ["乙小学"])
    #expect(result[.musicRooms]!.failing[0].limit == 2)
    #expect(result[.artRooms]!.failing.isEmpty)
    #expect(result[.artRooms]!.passes == true)
}

@Test func roomAreasAreMinimums() throws {
    // Music ≥ 96 m²: 95.9 fails, 96 passes. Art ≥ 90 m²: 90 passes.
    let result = try checks([
        primary("甲小学", students: 500).with(.musicRooms, "1").with(.minMusicRoomArea, "95.9").with(.artRooms, "1")
            .with(.minArtRoomArea, "90"),
        primary("乙小学", students: 500).with(.musicRooms, "1").with(.minMusicRoomArea, "96"),
    ])
    #expect(result[.musicRoomArea]!.failing.map(\.name) == ["甲小学"])
    #expect(result[.artRoomArea]!.failing.isEmpty)
    #expect(result[.artRoomArea]!.schoolsChecked == 1)
}

@Test func checksWithoutTheirColumnsAreNotAvailable() throws {
    let result = try checks([primary("甲小学", students: 500)], columns: [])
    #expect(result[.schoolSize]!.passes == true)
    for kind in [GuaranteeCheck.Kind.classSize, .musicRooms, .artRooms, .musicRoomArea, .artRoomArea] {
        #expect(result[kind]!.available == false)
        #expect(result[kind]!.passes == nil)
    }
}

@Test func emptyCellsAreUndeterminedNotPassing() throws {
    let result = try checks([primary("甲小学", students: 500).with(.primaryClasses, "10")])
    #expect(result[.musicRooms]!.undetermined.map(\.name) == ["甲小学"])
    #expect(result[.musicRooms]!.passes == nil)
}

/// Crash 4 of issue 10: with one room per Int.max classes, ⌈13 / Int.max⌉ = 1 room, without overflow.
@Test func roomsPerClassesNeverOverflow() throws {
    let roster = try TestRoster.roster(
        [primary("乙小学", students: 500).with(.primaryClasses, "13").with(.musicRooms, "0").with(.artRooms, "1")],
        extraHeader: optional)
    let result = GuaranteeChecks.run(roster, settings: GuaranteeLimits(classesPerRoom: .max))
    let music = try #require(result.first { $0.id == .musicRooms })
    #expect(music.failing.map(\.limit) == [1])
    #expect(result.first { $0.id == .artRooms }?.passes == true)
}

/// A failing figure is never written rounded onto its limit: 271 primary students in 6 classes average
/// 45.1667 > 45 (one decimal: "45.2"), and 1351 in 30 classes 45.0333 (one decimal would be "45", written
/// "45.03"); a music room of 95.996 m² against ≥ 96 is "95.996" in the schools table (two decimals would
/// make it "96" next to 未达标), 95.9 stays "95.9".
@Test func failingFiguresKeepTheDigitsTheirVerdictNeeds() throws {
    let result = try checks([
        primary("甲小学", students: 271).with(.primaryClasses, "6"),
        primary("乙小学", students: 1351).with(.primaryClasses, "30"),
    ])[.classSize]!
    #expect(result.failing.map { $0.detail.zh } == ["小学平均班额 45.2 人 > 45 人", "小学平均班额 45.03 人 > 45 人"])
    #expect(ResourceReport.findingFigure(95.996, limit: 96, fails: true) == "95.996")
    #expect(ResourceReport.findingFigure(95.9, limit: 96, fails: true) == "95.9")
    #expect(ResourceReport.findingFigure(45.004, limit: 45, fails: true) == "45.004")
    #expect(ResourceReport.findingFigure(52, limit: 45, fails: true) == "52")
}
