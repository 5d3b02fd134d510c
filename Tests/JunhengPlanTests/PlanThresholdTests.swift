import Testing

@testable import JunhengPlan

@Suite struct PlanThresholdTests {
    @Test func readsTheFormsAPlanWrites() {
        #expect(PlanThreshold.parse("≥ 4.2 人/百名学生") == PlanThreshold(comparison: .atLeast, value: 4.2, unit: "人/百名学生"))
        #expect(PlanThreshold.parse(">= 10%") == PlanThreshold(comparison: .atLeast, value: 0.1, isPercent: true))
        #expect(PlanThreshold.parse("≤45人") == PlanThreshold(comparison: .atMost, value: 45, unit: "人"))
        #expect(PlanThreshold.parse("< 0.15") == PlanThreshold(comparison: .below, value: 0.15))
        #expect(PlanThreshold.parse("≥ 6,000 元/生")?.value == 6000)
        #expect(PlanThreshold.parse("4.2") == nil)
        #expect(PlanThreshold.parse("≥ 10% 人") == nil)
        #expect(PlanThreshold.parse("≥ 人") == nil)
    }

    @Test func comparesAndWritesFigures() {
        let share = PlanThreshold(comparison: .atLeast, value: 0.95, isPercent: true)
        #expect(share.holds(0.95))
        #expect(!share.holds(0.949))
        #expect(share.text == "≥ 95%")
        #expect(share.format(5730.0 / 6102.0) == "93.9%")
        let ceiling = PlanThreshold(comparison: .atMost, value: 45, unit: "人")
        #expect(ceiling.holds(45))
        #expect(!ceiling.holds(45.5))
        #expect(ceiling.formatWithUnit(52) == "52 人")
        #expect(PlanThreshold(comparison: .below, value: 0.15).holds(0.1499))
        #expect(!PlanThreshold(comparison: .below, value: 0.15).holds(0.15))
    }
}
