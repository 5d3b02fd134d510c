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

    @Test func shares() {
        #expect(TextCleaning.share("85%") == 0.85)
        #expect(TextCleaning.share("８５．０％") == 0.85)
        #expect(TextCleaning.share("0.85") == 0.85)
        #expect(TextCleaning.share("85") == nil)
        #expect(TextCleaning.share("46.8%") == 0.468)
        #expect(TextCleaning.share("41.25%") == 0.4125)
    }
}
