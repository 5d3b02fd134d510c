import Foundation
import JunhengCore
import JunhengIngest
import Testing

@testable import JunhengResources

@Test func emptyRosterHasNoSchools() throws {
    let roster = try TestRoster.roster([])
    #expect(roster.schools.isEmpty)
    #expect(roster.warnings.isEmpty)
}

@Test func readsOneSchool() throws {
    let roster = try TestRoster.roster([TestRoster.goodPrimary("青云镇中心小学")])
    let school = try #require(roster.schools.first)
    #expect(school.name == "青云镇中心小学")
    #expect(school.township == "青云镇")
    #expect(school.type == .primary)
    #expect(school.line == 2)
    #expect(school.primaryStudents == 100)
    #expect(school.primaryQualifiedTeachers == 5)
    #expect(school.teachingSpace == 450)
    #expect(school.equipmentValue == 200000)
    #expect(school.multimediaRooms == 3)
    #expect(school.maxClassSize == nil)
}

@Test func unknownHeadersAreReported() throws {
    let base = TestRoster.table([TestRoster.goodPrimary("甲小学")])
    let table = CSVTable(
        file: "roster.csv", header: base.header + ["校长姓名"],
        records: base.records.map { CSVRecord(line: $0.line, fields: $0.fields + ["张三"]) })
    let roster = try SchoolRoster(table: table)
    #expect(roster.warnings.count == 1)
    #expect(roster.warnings[0].location == SourceLocation(file: "roster.csv", line: 1, column: base.header.count + 1))
    #expect(roster.warnings[0].message.zh.contains("未知列“校长姓名”"))
}

@Test func missingRequiredColumnIsAnError() {
    let base = TestRoster.table([TestRoster.goodPrimary("甲小学")])
    let dropped = base.header.firstIndex(of: "体育运动场馆面积")!
    var header = base.header
    header.remove(at: dropped)
    let records = base.records.map { record in
        var fields = record.fields
        fields.remove(at: dropped)
        return CSVRecord(line: record.line, fields: fields)
    }
    #expect {
        try SchoolRoster(table: CSVTable(file: "roster.csv", header: header, records: records))
    } throws: { error in
        let error = error as! SchoolRosterError
        return error.issues.count == 1 && error.location == SourceLocation(file: "roster.csv", line: 1)
            && error.message.zh.contains("缺少必需的列“体育运动场馆面积”")
    }
}

/// The 1-based column of a required header in ``TestRoster``.
private func column(_ column: RosterColumn) -> Int {
    TestRoster.header.firstIndex(of: column.rawValue)! + 1
}

@Test func nonNumberIsAnErrorWithLineAndColumn() {
    let schools = [TestRoster.goodPrimary("甲小学"), TestRoster.goodPrimary("乙小学").with(.teachingSpace, "约450")]
    #expect {
        try TestRoster.roster(schools)
    } throws: { error in
        let error = error as! SchoolRosterError
        return error.issues.count == 1
            && error.location == SourceLocation(file: "roster.csv", line: 3, column: column(.teachingSpace))
            && error.message.zh == "“教学及辅助用房面积”的值“约450”不是数字"
            && error.message.text(.en) == "the value of 教学及辅助用房面积 \"约450\" is not a number"
    }
}

@Test func negativeNumberIsAnError() {
    #expect {
        try TestRoster.roster([TestRoster.goodPrimary("甲小学").with(.primaryBackboneTeachers, "-1")])
    } throws: { error in
        let error = error as! SchoolRosterError
        return error.location == SourceLocation(file: "roster.csv", line: 2, column: column(.primaryBackboneTeachers))
            && error.message.zh.contains("为负数")
    }
}

@Test func everyBadCellIsReportedTogether() {
    let schools = [
        TestRoster.goodPrimary("甲小学").with(.primaryStudents, "12.5"),
        TestRoster.goodPrimary("乙小学").with(.equipmentValue, ""),
        TestRoster.goodPrimary("丙小学").with(.type, "职业高中"),
    ]
    #expect {
        try TestRoster.roster(schools)
    } throws: { error in
        let issues = (error as! SchoolRosterError).issues
        return issues.map(\.location) == [
            SourceLocation(file: "roster.csv", line: 2, column: column(.primaryStudents)),
            SourceLocation(file: "roster.csv", line: 3, column: column(.equipmentValue)),
            SourceLocation(file: "roster.csv", line: 4, column: column(.type)),
        ] && issues[0].message.zh.contains("应为不超过 10000000 的整数") && issues[1].message.zh.contains("为空")
            && issues[2].message.zh.contains("学校类型“职业高中”无法识别")
    }
}

@Test func errorDescriptionListsEveryIssue() {
    let error = SchoolRosterError(issues: [
        RosterIssue(
            location: SourceLocation(file: "r.csv", line: 2, column: 5), message: LocalizedText(zh: "甲", en: "a")),
        RosterIssue(
            location: SourceLocation(file: "r.csv", line: 3, column: 6), message: LocalizedText(zh: "乙", en: "b")),
    ])
    #expect(error.description == "r.csv:2:5: 甲\nr.csv:3:6: 乙")
    #expect(error.lines(in: .en) == ["r.csv:2:5: a", "r.csv:3:6: b"])
    #expect(error.message.zh == "甲（另有 1 处错误）")
    #expect(error.message.en == "a (and 1 more)")
}

@Test func fullWidthDigitsAndSeparatorsAreNumbers() throws {
    let roster = try TestRoster.roster([
        TestRoster.goodPrimary("甲小学").with(.primaryStudents, "１２０").with(.equipmentValue, "240,000")
    ])
    #expect(roster.schools[0].primaryStudents == 120)
    #expect(roster.schools[0].equipmentValue == 240000)
    // `1 234` means 1234 here as in monitoring (one reader, NumberCell); a misplaced separator is refused.
    let spaced = try TestRoster.roster([TestRoster.goodPrimary("乙小学").with(.primaryStudents, "1 234")])
    #expect(spaced.schools[0].primaryStudents == 1234)
    #expect(throws: SchoolRosterError.self) {
        try TestRoster.roster([TestRoster.goodPrimary("丙小学").with(.primaryStudents, "12 34")])
    }
}

@Test func optionalColumnsMayBeEmpty() throws {
    let roster = try TestRoster.roster(
        [
            TestRoster.goodPrimary("甲小学").with(.maxClassSize, "44").with(.primaryClasses, "3"),
            TestRoster.goodPrimary("乙小学"),
        ], extraHeader: [.primaryClasses, .maxClassSize])
    #expect(roster.optionalColumns == [.primaryClasses, .maxClassSize])
    #expect(roster.schools[0].maxClassSize == 44)
    #expect(roster.schools[0].primaryClasses == 3)
    #expect(roster.schools[1].maxClassSize == nil)
}

@Test func studentsInAStageTheTypeLacksAreWarnedAbout() throws {
    let roster = try TestRoster.roster([TestRoster.goodPrimary("甲小学").with(.juniorStudents, "30")])
    #expect(roster.warnings.count == 1)
    #expect(roster.warnings[0].location == SourceLocation(file: "roster.csv", line: 2, column: column(.juniorStudents)))
}

@Test func commonTypeSpellingsAreAccepted() {
    #expect(SchoolType(rosterText: "九年一贯制学校") == .nineYear)
    #expect(SchoolType(rosterText: " 完中 ") == .completeMiddle)
    #expect(SchoolType(rosterText: "特教学校") == .specialEducation)
    #expect(SchoolType(rosterText: "教学点") == .teachingPoint)
    #expect(SchoolType(rosterText: "大学") == nil)
}

// MARK: - Files

private func fixture(_ name: String) -> String {
    Bundle.module.resourceURL!.appendingPathComponent("Fixtures/\(name)").path
}

@Test func readsAGB18030RosterFile() throws {
    // Fixtures/roster-gbk.csv: the header and two schools, saved as GB18030 (Excel on Chinese Windows).
    let roster = try SchoolRoster.read(path: fixture("roster-gbk.csv"))
    #expect(roster.schools.map(\.name) == ["青云镇中心小学", "石桥镇九年一贯制学校"])
    #expect(roster.schools[1].type == .nineYear)
    #expect(roster.schools[1].juniorStudents == 210)
    #expect(roster.schools[1].teachingSpace == 23226)
}

@Test func badFileCellNamesLineAndColumn() {
    // Fixtures/roster-bad.csv line 3 (乙小学) has 初中在校生数 "n/a" in column 5 (学校名称, 乡镇, 学校类型, 小学在校生数, 初中在校生数).
    #expect {
        try SchoolRoster.read(path: fixture("roster-bad.csv"))
    } throws: { error in
        let error = error as! SchoolRosterError
        return error.location?.line == 3 && error.location?.column == 5
            && error.location?.file.hasSuffix("roster-bad.csv") == true
    }
}
