import Foundation
import JunhengCore
import JunhengReports
import Testing

@testable import JunhengResources

private func report() throws -> ResourceReport {
    let nine = TestRoster.goodPrimary("乙学校").with(.type, "九年一贯制").with(.juniorStudents, "100")
        .with(.teachingSpace, "2100").with(.juniorQualifiedTeachers, "6").with(.juniorBackboneTeachers, "1")
        .with(.juniorSportsArtTeachers, "1").with(.sportsGround, "1800").with(.equipmentValue, "500000")
        .with(.multimediaRooms, "6")
    let weak = TestRoster.goodPrimary("甲小学").with(.teachingSpace, "300").with(.equipmentValue, "50000")
    let point = TestRoster.goodPrimary("丙教学点").with(.type, "教学点").with(.primaryStudents, "20")
    return ResourceAnalysis.analyze(roster: try TestRoster.roster([weak, nine, point]))
}

@Test func jsonHasTheDocumentedShape() throws {
    let json = try JSONOutput.encode(try report())
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
    let indicators = object["indicators"] as! [[String: Any]]
    #expect(indicators.count == 14)
    for key in ["stage", "indicator", "name", "county_value", "cv", "cv_threshold", "balanced"] {
        #expect(indicators[0].keys.contains(key), "indicators lack \(key)")
    }
    #expect(indicators[0]["stage"] as? String == "小学")
    #expect(indicators[7]["stage"] as? String == "初中")
    #expect(indicators.map { $0["indicator"] as! Int } == Array(1...7) + Array(1...7))
    let schools = object["schools"] as! [[String: Any]]
    for key in ["name", "stage", "met", "passes"] {
        #expect(schools[0].keys.contains(key), "schools lack \(key)")
    }
    // The 九年一贯制 school appears twice, once per stage.
    #expect(schools.filter { $0["name"] as? String == "乙学校" }.map { $0["stage"] as! String } == ["小学", "初中"])
    let excluded = object["excluded"] as! [[String: Any]]
    #expect(excluded.map { $0["name"] as! String } == ["丙教学点"])
    #expect(excluded[0]["reason"] is String)
}

@Test func unknownValuesAreWrittenAsNull() throws {
    // Only one junior part: CV 0. Remove it and the junior CVs are unknown: "cv": null, not a missing key.
    let only = ResourceAnalysis.analyze(roster: try TestRoster.roster([TestRoster.goodPrimary("甲小学")]))
    let json = try JSONOutput.encode(only)
    #expect(json.contains(#""cv" : null"#))
    #expect(json.contains(#""balanced" : null"#))
}

@Test func jsonIsDeterministicAndUnrounded() throws {
    let first = try JSONOutput.encode(try report())
    let second = try JSONOutput.encode(try report())
    #expect(first == second)
    // Primary teaching space: 甲 300 m² (X 3), 乙's primary part 1000 m² (X 10): X̄ = 1300/200 = 6.5,
    // S = 3.5, CV = 3.5/6.5 = 0.538461538…, written in full.
    let decoded = try JSONDecoder().decode(ResourceReport.self, from: Data(first.utf8))
    let row = decoded.indicators.first { $0.stage == .primary && $0.indicator == 4 }!
    #expect(row.cv == 3.5 / 6.5)
    #expect(row.balanced == false)
    #expect(first.contains(String(3.5 / 6.5)))
}

@Test func tablesHaveStableIDsAndChineseLabels() throws {
    let tables = try report().tables()
    #expect(tables.map(\.id) == Array(ResourceReport.tableIDs.dropLast()))  // no warnings
    let schools = tables.first { $0.id == "resources-schools" }!
    #expect(schools.rows.count == 3)
    #expect(schools.columns[0].label.zh == "学校")
    let text = TableRenderer(language: .zh).terminal(schools)
    #expect(text.contains("乙学校"))
    #expect(text.contains("未达标"))
}

@Test func sectionNamesResponsibleUnitsOfFailingBars() throws {
    let section = try report().reportSection()
    #expect(section.id == "resources")
    // Primary B4 CV 0.538 > 0.50 fails and names the B4 units of 附件2.
    let b4 = section.bars.first { $0.name.zh.hasPrefix("小学 B4") }!
    #expect(b4.passes == false)
    #expect(b4.figure == "0.5385")
    #expect(b4.threshold == "≤ 0.50")
    #expect(b4.responsibleUnits.map(\.zh) == ["县发展改革委", "县财政局", "各乡镇(街道)", "县教育局", "县自然资源和规划局"])
    // In English, each by its name: the seed's units are built in.
    #expect(b4.responsibleUnits.first?.en == "County Development and Reform Commission")
    // Passing bars name nobody.
    let b1 = section.bars.first { $0.name.zh.hasPrefix("小学 B1") }!
    #expect(b1.passes == true)
    #expect(b1.responsibleUnits.isEmpty)
    // 甲小学 misses 4 and 6: primary compliance fails, naming the units of B4 and B6.
    let compliance = section.bars.first { $0.name.zh.hasPrefix("小学学校达标") }!
    #expect(compliance.figure == "1/2")
    #expect(compliance.passes == false)
    #expect(compliance.responsibleUnits.map(\.zh).contains("教育局"))
    #expect(section.charts.map(\.id).prefix(2) == ["resources-cv-primary", "resources-cv-junior"])
    #expect(section.charts.count == 2 + 14)
    #expect(!section.notes.isEmpty)
}

/// Issue 9, case 8: 44 996 m² for 10 000 pupils is 4.4996 m² each, below the 4.5 standard (missed): the
/// schools table writes 4.4996, not 4.50 next to a missed standard; 45 004 m² (4.5004, met) stays 4.50.
@Test func aSchoolValueJustUnderItsStandardShowsWhy() throws {
    let roster = try TestRoster.roster([
        TestRoster.goodPrimary("甲小学").with(.primaryStudents, "10000").with(.teachingSpace, "44996"),
        TestRoster.goodPrimary("乙小学").with(.primaryStudents, "10000").with(.teachingSpace, "45004"),
    ])
    let report = ResourceAnalysis.analyze(roster: roster)
    let table = try #require(report.tables().first { $0.id == "resources-schools" })
    let column = try #require(table.columns.firstIndex { $0.key == "indicator_4" })
    let texts = table.rows.map { NumberText.cell($0[column], format: table.columns[column].format, language: .zh) }
    #expect(texts == ["4.4996", "4.50"])
}
