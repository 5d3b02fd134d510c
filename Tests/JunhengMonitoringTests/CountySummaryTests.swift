import JunhengCore
import Testing

@testable import JunhengMonitoring

struct CountySummaryTests {
    static let header = ["年份", "年级", "学科", "平均分", "水平", "水平Ⅲ及以上比例", "校际差异率"]

    @Test func readsPrintedFigures() throws {
        let rows = [
            ["2015", "4", "数学", "512.3", "Ⅲ", "78.5%", "0.12"],
            ["2015", "8", "体育", "", "Ⅱ", "0.40", "0.21"],
            ["2015", "8", "数学", "", "", "", ""],
        ]
        let summary = try MonitoringAnalysis.summarize(table: table(Self.header, rows))
        #expect(summary.results.count == 3)
        let math4 = summary.results[0]
        #expect(math4.source == .countySummary)
        #expect(math4.mean == 512.3)
        #expect(math4.meanLevel == .iii)
        #expect(abs(math4.shareIIIPlus! - 0.785) < 1e-12)
        #expect(math4.icc == 0.12)
        #expect(math4.students == nil && math4.schools == nil)
        #expect(math4.meets == true)
        // Sorted by grade then subject: 8 数学 before 8 体育与健康.
        #expect(summary.results[1].subject == "数学" && summary.results[1].meets == nil)
        let pe8 = summary.results[2]
        #expect(pe8.subject == "体育与健康")
        #expect(pe8.meets == false)
    }

    @Test func shareReadingCanDecide() throws {
        let rows = [["2015", "4", "数学", "512.3", "Ⅱ", "60%", "0.10"]]
        let byLevel = try MonitoringAnalysis.summarize(table: table(Self.header, rows))
        #expect(byLevel.results[0].meets == false)
        let byShare = try MonitoringAnalysis.summarize(
            table: table(Self.header, rows), settings: MonitoringSettings(decidingReading: .share, shareThreshold: 0.5))
        #expect(byShare.results[0].meets == true)
        #expect(byShare.results[0].meetsMeanLevel == false)
    }

    @Test func badFiguresAreErrors() {
        let rows = [["2015", "4", "数学", "512", "Ⅲ", "78.5", "15"]]
        #expect {
            try MonitoringAnalysis.summarize(table: table(Self.header, rows))
        } throws: { error in
            guard let error = error as? MonitoringInputError else { return false }
            return ([error] + error.others).map { $0.location?.column } == [6, 7]
        }
    }
}
