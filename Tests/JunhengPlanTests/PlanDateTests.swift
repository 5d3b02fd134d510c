import JunhengCore
import Testing

@testable import JunhengPlan

@Suite struct PlanDateTests {
    @Test func readsDatesAndRefusesOthers() {
        #expect(PlanDate("2024-06-15")?.description == "2024-06-15")
        #expect(PlanDate("2024/6/1")?.description == "2024-06-01")
        #expect(PlanDate("２０２４-０６-１５")?.description == "2024-06-15")
        #expect(PlanDate("2024-02-29") != nil)
        #expect(PlanDate("2023-02-29") == nil)
        #expect(PlanDate("2024-13-01") == nil)
        #expect(PlanDate("2024-6") == nil)
        #expect(PlanDate("tomorrow") == nil)
    }

    /// Days counted by hand: 2024-06-01 → 06-15 is 14; across February of a leap year; 1970-01-01 is day 0.
    @Test func countsDays() throws {
        let june1 = try #require(PlanDate("2024-06-01"))
        #expect(june1.days(until: try #require(PlanDate("2024-06-15"))) == 14)
        #expect(try #require(PlanDate("2024-02-28")).days(until: try #require(PlanDate("2024-03-01"))) == 2)
        #expect(try #require(PlanDate("2023-12-31")).days(until: try #require(PlanDate("2024-12-31"))) == 366)
        #expect(try #require(PlanDate("1970-01-01")).daysSinceEpoch == 0)
        #expect(PlanDate(daysSinceEpoch: june1.daysSinceEpoch) == june1)
        #expect(PlanDate(daysSinceEpoch: -1).description == "1969-12-31")
    }

    /// The stage is the first whose deadline is on or after the date; after the last, every stage is over.
    @Test func placesADateOnTheTimeline() throws {
        let timeline = try SmallPlan.load().timeline
        let june1 = TimelinePosition(asOf: try #require(PlanDate("2024-06-01")), timeline: timeline)
        #expect(june1.stageIndex == 0)
        #expect(june1.daysLeft == 14)
        #expect(june1.sentence.zh == "截至 2024-06-01：当前为“自评阶段”，2024-06-15 截止，还剩 14 天。")
        let deadline = TimelinePosition(asOf: try #require(PlanDate("2024-06-15")), timeline: timeline)
        #expect(deadline.stageIndex == 0)
        #expect(
            deadline.sentence.text(.en) == "As of 2024-06-15: the current stage is 自评阶段, due 2024-06-15, due today.")
        let next = TimelinePosition(asOf: try #require(PlanDate("2024-06-16")), timeline: timeline)
        #expect(next.stageIndex == 1)
        #expect(next.daysLeft == 198)
        let after = TimelinePosition(asOf: try #require(PlanDate("2025-01-10")), timeline: timeline)
        #expect(after.stageIndex == nil)
        #expect(after.daysLeft == -10)
        #expect(after.sentence.en.contains("every stage is over"))
    }
}
