import Testing

@testable import JunhengResources

private func analyze(
    _ schools: [[RosterColumn: String]], settings: ResourceSettings = ResourceSettings(),
    unitCosts: UnitCosts = UnitCosts()
) throws -> ResourceReport {
    ResourceAnalysis.analyze(roster: try TestRoster.roster(schools), settings: settings, unitCosts: unitCosts)
}

private func balance(_ report: ResourceReport, _ stage: SchoolStage, _ indicator: Int) -> IndicatorBalance {
    report.indicators.first { $0.stage == stage && $0.indicator == indicator }!
}

// MARK: - The school rule (6 of 7, the missed one ≥ 85 %)

@Test func schoolMeetingAllSevenPasses() throws {
    // TestRoster.goodPrimary: 5.0, 1.0, 1.0, 4.5, 8.0, 2000, 3.0 against 4.2, 1.0, 0.9, 4.5, 7.5, 2000, 2.3;
    // three values sit exactly on the line and meet it (≥).
    let report = try analyze([TestRoster.goodPrimary("甲小学")])
    let school = report.schools[0]
    #expect(school.values.map(\.value) == [5, 1, 1, 4.5, 8, 2000, 3])
    #expect(school.met == 7)
    #expect(school.missed.isEmpty)
    #expect(school.passes)
}

@Test func teachersExactlyOnTheLineMeetIt() throws {
    // 21 teachers for 500 students: 21 / 500 × 100 = 4.2 = the primary standard.
    let school = TestRoster.goodPrimary("甲小学").with(.primaryStudents, "500").with(.primaryQualifiedTeachers, "21")
        .with(.primaryBackboneTeachers, "5").with(.primarySportsArtTeachers, "5").with(.teachingSpace, "2250")
        .with(.sportsGround, "4000").with(.equipmentValue, "1000000").with(.multimediaRooms, "12")
    let result = try analyze([school]).schools[0]
    #expect(result.value(.qualifiedTeachers).met)
    #expect(result.met == 7)
}

@Test func sixMetAndMissedAtExactly85PercentPasses() throws {
    // Teaching space 382.5 m² for 100 students: 3.825 m² = 0.85 × 4.5 exactly. 6 met, the miss at 85 %: passes.
    let result = try analyze([TestRoster.goodPrimary("甲小学").with(.teachingSpace, "382.5")]).schools[0]
    #expect(result.met == 6)
    #expect(result.missed == [4])
    #expect(abs(result.value(.teachingSpace).ratioToStandard - 0.85) < 1e-12)
    #expect(result.passes)
}

@Test func sixMetAndMissedJustUnder85PercentFails() throws {
    // 382.4 m² → 3.824 m² per student < 3.825 = 0.85 × 4.5: fails.
    let result = try analyze([TestRoster.goodPrimary("甲小学").with(.teachingSpace, "382.4")]).schools[0]
    #expect(result.met == 6)
    #expect(!result.passes)
}

@Test func fiveMetFailsEvenWhenBothMissesAreClose() throws {
    // 440 m² (4.4 = 97.8 % of 4.5) and 2.2 rooms/100 is impossible with whole rooms, so use sports ground
    // 740 m² (7.4 = 98.7 % of 7.5): two misses, 5 met: fails.
    let result = try analyze([
        TestRoster.goodPrimary("甲小学").with(.teachingSpace, "440").with(.sportsGround, "740")
    ]).schools[0]
    #expect(result.met == 5)
    #expect(result.missed == [4, 5])
    #expect(!result.passes)
}

@Test func juniorStandardsApplyToJuniorSchools() throws {
    // A junior school with 100 students and 5 qualified teachers: 5.0 < 5.3 (junior) though ≥ 4.2 (primary).
    // 5.0 / 5.3 = 94.3 % ≥ 85 %; the rest meet the junior standards: passes with 6.
    let junior: [RosterColumn: String] = [
        .name: "甲中学", .township: "青云镇", .type: "初中", .juniorStudents: "100", .juniorQualifiedTeachers: "5",
        .juniorBackboneTeachers: "1", .juniorSportsArtTeachers: "1", .teachingSpace: "580", .sportsGround: "1020",
        .equipmentValue: "250000", .multimediaRooms: "3",
    ]
    let result = try analyze([junior]).schools[0]
    #expect(result.stage == .junior)
    #expect(result.missed == [1])
    #expect(result.passes)
}

// MARK: - Which schools count

@Test func teachingPointCutOffAtExactlyFifty() throws {
    // Cut-off 50: a teaching point with 50 students counts, one with 49 is left out with the reason.
    let fifty = TestRoster.goodPrimary("甲教学点").with(.type, "教学点").with(.primaryStudents, "50")
    let fortyNine = TestRoster.goodPrimary("乙教学点").with(.type, "教学点").with(.primaryStudents, "49")
    let report = try analyze([fifty, fortyNine])
    #expect(report.schools.map(\.name) == ["甲教学点"])
    #expect(report.excluded.count == 1)
    #expect(report.excluded[0].name == "乙教学点")
    #expect(report.excluded[0].reasonCode == .teachingPointBelowCutoff)
    #expect(report.excluded[0].reason == "教学点在校生 49 人,不足 50 人,不计入")
}

@Test func teachingPointCutOffIsASetting() throws {
    let point = TestRoster.goodPrimary("甲教学点").with(.type, "教学点").with(.primaryStudents, "50")
    let report = try analyze([point], settings: ResourceSettings(teachingPointCutoff: 51))
    #expect(report.schools.isEmpty)
    #expect(report.excluded.map(\.name) == ["甲教学点"])
}

@Test func specialEducationIsLeftOut() throws {
    let special = TestRoster.goodPrimary("县特殊教育学校").with(.type, "特殊教育学校")
    let report = try analyze([special])
    #expect(report.schools.isEmpty)
    #expect(report.excluded[0].reasonCode == .specialEducation)
    #expect(report.excluded[0].stage == nil)
}

@Test func stageWithoutStudentsIsLeftOutNotDividedByZero() throws {
    // A 九年一贯制 school with no junior students: its primary part counts, its junior part is left out.
    let school = TestRoster.goodPrimary("甲学校").with(.type, "九年一贯制")
    let report = try analyze([school])
    #expect(report.schools.map(\.stage) == [.primary])
    #expect(report.schools[0].share == 1)
    #expect(report.excluded.map(\.stage) == [.junior])
    #expect(report.excluded[0].reasonCode == .noStudents)
    #expect(balance(report, .junior, 1).cv == nil)
    #expect(balance(report, .junior, 1).balanced == nil)
}

// MARK: - Split and CV, by hand

/// School A: primary, 100 students, 400 m² teaching space (X = 4.0).
/// School B: 九年一贯制, 100 primary + 100 junior, 2100 m²: weighted 100 + 1.1·100 = 210, so primary gets
/// 2100·100/210 = 1000 m² (X = 10.0) and junior 2100·110/210 = 1100 m² (X = 11.0).
private func twoSchools() -> [[RosterColumn: String]] {
    let a = TestRoster.goodPrimary("甲小学").with(.teachingSpace, "400")
    let b = TestRoster.goodPrimary("乙学校").with(.type, "九年一贯制").with(.juniorStudents, "100")
        .with(.teachingSpace, "2100").with(.juniorQualifiedTeachers, "6").with(.juniorBackboneTeachers, "1")
        .with(.juniorSportsArtTeachers, "1").with(.sportsGround, "1800").with(.equipmentValue, "500000")
        .with(.multimediaRooms, "6")
    return [a, b]
}

@Test func nineYearSchoolAppearsOncePerStage() throws {
    let report = try analyze(twoSchools())
    #expect(report.schools.map(\.name) == ["甲小学", "乙学校", "乙学校"])
    #expect(report.schools.map(\.stage) == [.primary, .primary, .junior])
    #expect(abs(report.schools[1].share - 100.0 / 210) < 1e-12)
    #expect(abs(report.schools[1].value(.teachingSpace).total - 1000) < 1e-9)
    #expect(abs(report.schools[2].value(.teachingSpace).total - 1100) < 1e-9)
    #expect(abs(report.schools[2].value(.teachingSpace).value - 11) < 1e-12)
    // Teachers are per stage, not split: junior 6 / 100 × 100 = 6.0.
    #expect(report.schools[2].value(.qualifiedTeachers).value == 6)
}

@Test func primaryCVOfTeachingSpaceByHand() throws {
    // Primary group: A (P 100, x 400, X 4) and B's primary part (P 100, x 1000, X 10).
    // X̄ = 1400 / 200 = 7. S² = 0.5·(4−7)² + 0.5·(10−7)² = 9, S = 3. CV = 3/7 = 0.428571… ≤ 0.50: balanced.
    let report = try analyze(twoSchools())
    let row = balance(report, .primary, 4)
    #expect(row.schoolsCounted == 2)
    #expect(row.students == 200)
    #expect(abs(row.countyValue! - 7) < 1e-12)
    #expect(abs(row.standardDeviation! - 3) < 1e-12)
    #expect(abs(row.cv! - 3.0 / 7) < 1e-12)
    #expect(row.cvThreshold == 0.5)
    #expect(row.balanced == true)
    // A misses 4.5 (4.0 = 88.9 %). Closing the gap brings A to 450 m²: X̄ = 1450/200 = 7.25,
    // deviations ∓2.75, S = 2.75, CV = 2.75 / 7.25 = 0.379310…
    #expect(abs(row.cvIfGapsClosed! - 2.75 / 7.25) < 1e-12)
    // Junior group has one part: S = 0, CV = 0.
    #expect(balance(report, .junior, 4).cv == 0)
}

@Test func perHundredCountyValueIsScaled() throws {
    // Primary qualified teachers: A 5, B's primary 5 (goodPrimary), 200 students: X̄ = 10/200 × 100 = 5.0.
    let row = balance(try analyze(twoSchools()), .primary, 1)
    #expect(abs(row.countyValue! - 5) < 1e-12)
    #expect(row.cv == 0)
}

@Test func cvAboveTheThresholdIsNotBalanced() throws {
    // Equipment value: A 50 000 元 (X 500), B 350 000 元 (X 3500), 100 students each.
    // X̄ = 400000/200 = 2000. S² = 0.5·1500² + 0.5·1500², S = 1500, CV = 0.75 > 0.50.
    let a = TestRoster.goodPrimary("甲小学").with(.equipmentValue, "50000")
    let b = TestRoster.goodPrimary("乙小学").with(.equipmentValue, "350000")
    let row = balance(try analyze([a, b]), .primary, 6)
    #expect(abs(row.cv! - 0.75) < 1e-12)
    #expect(row.balanced == false)
    #expect(row.responsibleUnits == ["教育局", "县财政局", "县发展改革委"])
}

@Test func booksWorkedExampleThroughTheAnalysis() throws {
    // shared/spec/cases/cv_worked_example_books.csv: five primary schools (students 45, 37, 89, 76, 55; books
    // 279, 137, 935, 160, 402), entered as equipment value (any per-student total gives the same CV).
    // Published X̄ = 6.33, CV = 0.5153 (worked in StudentWeightedCVTests).
    let data: [(String, String)] = [("45", "279"), ("37", "137"), ("89", "935"), ("76", "160"), ("55", "402")]
    let schools = data.enumerated().map { index, pair in
        TestRoster.goodPrimary("小学\(index + 1)").with(.primaryStudents, pair.0).with(.equipmentValue, pair.1)
    }
    let row = balance(try analyze(schools), .primary, 6)
    #expect(abs(row.countyValue! - 1913.0 / 302) < 1e-12)
    #expect(abs(row.cv! - 0.5153) < 0.00005)
    #expect(row.balanced == false)  // 0.5153 > 0.50
}

// MARK: - Gaps and money

@Test func gapsInNaturalUnitsAndMoney() throws {
    // 100 students: 3 qualified teachers (3.0 < 4.2), 382.4 m² (3.824 < 4.5), 150 000 元 (1500 < 2000),
    // 2 rooms (2.0 < 2.3).
    //  1: required 4.2·100/100 = 4.2 teachers, shortfall 1.2, add 2 whole teachers × 100 000 = 200 000 元
    //  4: required 4.5·100 = 450 m², shortfall 67.6 m² × 3000 = 202 800 元
    //  6: required 200 000 元, shortfall 50 000 元 (price 1)
    //  7: required 2.3 rooms, shortfall 0.3, add 1 room × 50 000 = 50 000 元
    // School total 200 000 + 202 800 + 50 000 + 50 000 = 502 800 元.
    let school = TestRoster.goodPrimary("甲小学").with(.primaryQualifiedTeachers, "3").with(.teachingSpace, "382.4")
        .with(.equipmentValue, "150000").with(.multimediaRooms, "2")
    let costs = UnitCosts(teachingSpacePerSquareMetre: 3000, multimediaRoom: 50000, teacherYear: 100000)
    let report = try analyze([school, TestRoster.goodPrimary("乙小学")], unitCosts: costs)
    #expect(report.gaps.map(\.indicator) == [1, 4, 6, 7])
    let gaps = Dictionary(uniqueKeysWithValues: report.gaps.map { ($0.indicator, $0) })
    #expect(abs(gaps[1]!.shortfall - 1.2) < 1e-9)
    #expect(gaps[1]!.shortfallToAdd == 2)
    #expect(gaps[1]!.fundingGap == 200000)
    #expect(abs(gaps[4]!.shortfall - 67.6) < 1e-9)
    #expect(abs(gaps[4]!.fundingGap! - 202800) < 1e-6)
    #expect(gaps[6]!.shortfall == 50000)
    #expect(gaps[6]!.fundingGap == 50000)
    #expect(abs(gaps[7]!.shortfall - 0.3) < 1e-9)
    #expect(gaps[7]!.shortfallToAdd == 1)
    #expect(gaps[7]!.fundingGap == 50000)
    #expect(report.funding.schools.count == 1)
    #expect(abs(report.funding.schools[0].fundingGap - 502800) < 1e-6)
    #expect(abs(report.funding.countyTotal - 502800) < 1e-6)
    #expect(report.funding.unpricedGaps == 0)
}

@Test func unpricedGapsAreCountedNotSummed() throws {
    // Without unit costs only the equipment gap (already 元) has money: 50 000; the teacher gap is unpriced.
    let school = TestRoster.goodPrimary("甲小学").with(.primaryQualifiedTeachers, "3").with(.equipmentValue, "150000")
    let report = try analyze([school])
    #expect(report.funding.countyTotal == 50000)
    #expect(report.funding.unpricedGaps == 1)
    #expect(report.gaps.first { $0.indicator == 1 }!.fundingGap == nil)
}

@Test func exactTeacherShortfallNeedsNoExtraTeacher() throws {
    // 500 students need 4.2·5 = 21 teachers; with 20 the shortfall is 1 (not 2 from binary rounding).
    let school = TestRoster.goodPrimary("甲小学").with(.primaryStudents, "500").with(.primaryQualifiedTeachers, "20")
        .with(.primaryBackboneTeachers, "5").with(.primarySportsArtTeachers, "5").with(.teachingSpace, "2250")
        .with(.sportsGround, "4000").with(.equipmentValue, "1000000").with(.multimediaRooms, "12")
    let gap = try analyze([school]).gaps[0]
    #expect(abs(gap.shortfall - 1) < 1e-9)
    #expect(gap.shortfallToAdd == 1)
}

// MARK: - Stages

@Test func stageSummaryCountsPassingSchools() throws {
    let failing = TestRoster.goodPrimary("乙小学").with(.teachingSpace, "300").with(.sportsGround, "500")
    let report = try analyze([TestRoster.goodPrimary("甲小学"), failing])
    let primary = report.stages.first { $0.stage == .primary }!
    #expect(primary.schoolsCounted == 2)
    #expect(primary.schoolsPassing == 1)
    #expect(primary.students == 200)
    #expect(!primary.allSchoolsPass)
}
