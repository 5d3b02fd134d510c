import Foundation
import JunhengCore
import JunhengReports
import Testing

@testable import JunhengQuestionnaire

@Suite struct SatisfactionResultReportTests {
    let result: SatisfactionResult
    init() throws {
        let survey = try TestSupport.mini()
        result = TestSupport.run(
            survey, header: TestSupport.miniHeader, records: TestSupport.miniRecords, by: [.township])
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let text = try JSONOutput.encode(result.jsonDocument)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["survey"] as? String == "mini")
        let respondents = try #require(object["respondents"] as? [String: Int])
        #expect(respondents == ["rows": 9, "used": 5, "excluded": 4, "skipped": 0])
        let overall = try #require(object["overall"] as? [String: Any])
        for key in ["respondents", "answered", "positive", "rate", "ci95", "meets_threshold"] {
            #expect(overall[key] != nil, "overall.\(key)")
        }
        #expect((overall["ci95"] as? [Double])?.count == 2)
        #expect(object["by"] as? [String] == ["township"])
        let groups = try #require(object["groups"] as? [[String: Any]])
        #expect(groups.map { $0["key"] as? [String] } == [["东镇"], ["西镇"]])
        let excluded = try #require(object["excluded_rows"] as? [[String: Any]])
        #expect(excluded.map { $0["line"] as? Int } == [6, 7, 8, 9])
        #expect(
            excluded.map { $0["reason"] as? String } == ["duplicate", "speeder", "outside-groups", "no-scored-answer"])
        // Same input, same bytes.
        #expect(try JSONOutput.encode(result.jsonDocument) == text)
    }

    @Test func tablesCountExclusions() {
        let tables = result.tables()
        #expect(
            tables.map(\.id) == [
                "satisfaction-summary", "satisfaction-by-township", "satisfaction-screening",
                "satisfaction-excluded-rows",
                "satisfaction-answer-problems", "satisfaction-checks",
            ])
        let byTownship = tables[1]
        #expect(byTownship.rows.count == 3)  // 东镇, 西镇, 全部
        #expect(tables[2].rows[0] == [.label(ExclusionReason.duplicate.label), .integer(1)])
        // The mini export has no 提交答卷时间: that screen could not run, and says so instead of 0.
        #expect(tables[2].rows[1][1] == ReportCell(.text(LocalizedText(zh: "未能筛查", en: "not screened")), fails: true))
    }

    @Test func csvHasBOMAndNoFormula() {
        let csv = TableRenderer().csv(result.tables()[1])
        #expect(csv.hasPrefix("\u{FEFF}"))
        #expect(csv.contains("东镇,3,5,4,80.0%"))
    }

    @Test func reportSectionHasTheVetoBarAndCharts() throws {
        let section = result.reportSection()
        let bar = try #require(section.bars.first)
        #expect(bar.figure == "71.4%")
        #expect(bar.threshold == "≥ 85%")
        #expect(bar.passes == false)
        // Parents 2 of 5 = 40 % fails the 50 % sample check.
        #expect(section.bars[1].passes == false)
        let township = try #require(section.charts.first)
        #expect(township.references.map(\.value) == [0.85])
        // Sorted by rate: 东镇 0.8 before 西镇 0.5.
        #expect(township.series[0].points.map(\.label.zh) == ["东镇", "西镇"])
        #expect(section.tables.map(\.id).contains("satisfaction-mini-township"))
    }

    @Test func checkTablesShowMappingAndMode() {
        let tables = result.checkTables()
        #expect(tables[0].id == "survey-check-fit")
        #expect(tables[1].id == "survey-check-mapping")
        #expect(tables[1].rows.count == TestSupport.miniHeader.count)
        #expect(tables[1].notes[0].zh.hasPrefix("下载方式：按选项文本"))
    }
}
