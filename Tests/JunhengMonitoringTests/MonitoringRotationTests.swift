import Testing

@testable import JunhengMonitoring

struct MonitoringRotationTests {
    func subjects(_ year: Int, plan: String) -> [String] {
        MonitoringRotation(year: year).entries.first { $0.plan == plan }!.subjects
    }

    @Test func plan2015() {
        // DOMAIN.md §3: 2015 and 2018 = 数学 + 体育与健康.
        #expect(subjects(2015, plan: "2015") == ["数学", "体育与健康"])
        #expect(subjects(2018, plan: "2015") == ["数学", "体育与健康"])
        let year2016 = MonitoringRotation(year: 2016).entries[0]
        #expect(year2016.subjects == ["语文", "艺术"])
        #expect(!year2016.certain)
        #expect(subjects(2014, plan: "2015").isEmpty)
        #expect(!MonitoringRotation(year: 2021).entries[0].inForce)
    }

    @Test func plan2021() {
        // DOMAIN.md §3: 2021 was year 1 (数学 + 体育与健康 + 心理健康); year 2 语文 + 艺术 + 英语; year 3 德育 + 科学 + 劳动.
        #expect(subjects(2021, plan: "2021") == ["数学", "体育与健康", "心理健康"])
        #expect(subjects(2022, plan: "2021") == ["语文", "艺术", "英语"])
        #expect(subjects(2023, plan: "2021") == ["德育", "科学", "劳动"])
        #expect(subjects(2024, plan: "2021") == ["数学", "体育与健康", "心理健康"])
        #expect(subjects(2020, plan: "2021").isEmpty)
        #expect(MonitoringRotation(year: 2025).entries[1].cycleYear == 2)
    }
}
