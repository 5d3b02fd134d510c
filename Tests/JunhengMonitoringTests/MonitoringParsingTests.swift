import Testing

@testable import JunhengMonitoring

struct MonitoringParsingTests {
    @Test func grades() {
        #expect(MonitoringGrade(text: "4") == .four)
        #expect(MonitoringGrade(text: " 四年级 ") == .four)
        #expect(MonitoringGrade(text: "８") == .eight)
        #expect(MonitoringGrade(text: "八年级") == .eight)
        #expect(MonitoringGrade(text: "5") == nil)
        #expect(MonitoringGrade(text: "") == nil)
    }

    @Test func levels() {
        #expect(ProficiencyLevel(text: "Ⅰ") == .i)
        #expect(ProficiencyLevel(text: "2") == .ii)
        #expect(ProficiencyLevel(text: "III") == .iii)
        #expect(ProficiencyLevel(text: "水平Ⅳ") == .iv)
        #expect(ProficiencyLevel(text: "良好") == .iii)
        #expect(ProficiencyLevel(text: "Ⅲ级") == .iii)
        #expect(ProficiencyLevel(text: "５") == nil)
        #expect(ProficiencyLevel(text: "") == nil)
    }

    @Test func subjects() {
        #expect(MonitoringSubject.canonical("体育") == "体育与健康")
        #expect(MonitoringSubject.canonical(" 数学 ") == "数学")
        #expect(MonitoringSubject.canonical("信息科技") == "信息科技")
    }

    /// Issue 9, case 10: numbers mean the same in monitoring as in the roster (one reader, NumberCell).
    @Test func numbersAndYearsAsTypedByHand() throws {
        let scores = try StudentScore.read(
            table: table(
                studentHeader,
                [
                    ["2024年", "4", "数学", "甲小学", "S1", "５２９．９"],
                    ["２０２４", "四年级", "数学", "甲小学", "S2", "1 234"],
                ]))
        #expect(scores.map(\.year) == [2024, 2024])
        #expect(scores.map(\.score) == [529.9, 1234])
    }
}
