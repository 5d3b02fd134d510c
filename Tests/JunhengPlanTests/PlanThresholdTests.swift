import JunhengReports
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

    /// A figure is never written rounded onto its threshold next to the other verdict: two decimals, and
    /// more only where two would land on the other side. By hand: 94.999 % rounds to "95.00" (met) but is
    /// below 95 %, so three decimals, "94.999%"; 29099/29100 = 0.9999656 is "100.00" at two decimals, and
    /// "99.997%" at three; a 校际差异率 of 0.14996 is "0.15" at two and three decimals ("0.150"), below
    /// 0.15 only at five, "0.14996"; a class of 45.004 against ≤ 45 is "45.004". Away from the threshold
    /// nothing changes: 95.34 % is "95.34%", 93.9 % "93.9%".
    @Test func neverRoundsOntoTheThresholdAgainstTheVerdict() {
        let share = PlanThreshold(comparison: .atLeast, value: 0.95, isPercent: true)
        #expect(share.format(0.94999) == "94.999%")
        #expect(!share.holds(0.94999))
        #expect(share.format(0.9534) == "95.34%")
        #expect(share.format(0.95) == "95%")
        let all = PlanThreshold(comparison: .atLeast, value: 1, isPercent: true)
        #expect(all.format(29099.0 / 29100.0) == "99.997%")
        #expect(all.format(1) == "100%")
        let rate = PlanThreshold(comparison: .below, value: 0.15)
        #expect(rate.format(0.14996) == "0.14996")
        #expect(rate.format(0.15) == "0.15")
        let classSize = PlanThreshold(comparison: .atMost, value: 45, unit: "人")
        #expect(classSize.formatWithUnit(45.004) == "45.004 人")
        #expect(classSize.formatWithUnit(44.996) == "45 人")
        // The report model's bar: the same comparison and limit.
        #expect(rate.reportThreshold == ReportThreshold(.below, 0.15))
        #expect(PlanThreshold(comparison: .equal, value: 1).reportThreshold == nil)
    }
}
