import Foundation
import JunhengCore
import JunhengReports
import Testing

@testable import JunhengPlan

/// The overdue list (small-plan.yaml: 自评阶段 by 2024-06-15 makes no-data and pending due, 省级评估 by
/// 2024-12-31 makes failed due). The statuses, worked out from the rows: C1 computed met, C2 达标 without
/// evidence = pending, C3 nothing = no data, C4 93 % < 95 % = failed, C5 computed failed.
@Suite struct OverdueTests {
    func assess(asOf: String?) throws -> PlanAssessment {
        try PlanAssessment.assess(
            plan: SmallPlan.load(),
            computed: [
                "C1": PlanAssessmentTests.computed(.met, value: 4.5),
                "C5": PlanAssessmentTests.computed(.failed, value: 52),
            ], sheet: sheet([row("C2", conclusion: "达标"), row("C4", value: "93%")]), evidence: SmallPlan.evidence,
            asOf: asOf.flatMap { PlanDate($0) })
    }

    @Test func theStatusesAreAsWorkedOut() throws {
        let assessment = try assess(asOf: nil)
        #expect(assessment.requirements.map(\.status) == [.met, .pending, .noData, .failed, .failed])
    }

    /// Before the first deadline, and on it, nothing is overdue; the list says when the first one is.
    @Test func beforeTheFirstDeadlineTheListIsEmptyAndSaysSo() throws {
        for date in ["2024-06-01", "2024-06-15"] {
            let assessment = try assess(asOf: date)
            #expect(assessment.overdue.isEmpty, "\(date)")
            #expect(assessment.firstDeadline?.deadline == PlanDate("2024-06-15"))
            let table = assessment.overdueTable()
            #expect(table.rows.isEmpty)
            #expect(
                table.notes.map(\.zh) == ["截至 \(date)，还没有到期的要求：最早的期限是“自评阶段”的 2024-06-15。"])
        }
    }

    /// The day after 自评阶段: the pending C2 and the no-data C3, due 2024-06-15; the failed C4 and C5 are not
    /// due until 2024-12-31.
    @Test func afterTheFirstDeadlineMissingDataIsOverdue() throws {
        let assessment = try assess(asOf: "2024-06-16")
        #expect(assessment.overdue.map(\.code) == ["C2", "C3"])
        #expect(assessment.overdue.map(\.deadline) == [PlanDate("2024-06-15")!, PlanDate("2024-06-15")!])
        let table = assessment.overdueTable()
        #expect(table.title.zh == "逾期清单：截至 2024-06-16 已过期限仍未完成的 2 项")
        #expect(table.rows.count == 2)
        // Code, requirement, status, deadline with its stage, units, 具体要求.
        let cells = table.rows[0].map { cell -> String in
            if case .text(let text) = cell.value { return text.zh }
            return ""
        }
        #expect(cells == ["C2", "县级政府制定义务教育学校办学规划", "待核实", "2024-06-15 自评阶段", "县教育局、各乡镇(街道)", ""])
        // The deadline's source is quoted: the stage and what it makes due.
        #expect(table.notes.map(\.zh) == ["期限依据：实施步骤“自评阶段”（2024-06-15 前）；此期限过后仍为无数据、待核实的要求列入本清单。"])
    }

    /// After the last deadline every open requirement is overdue, earliest deadline first.
    @Test func afterTheLastDeadlineEveryOpenRequirementIsOverdue() throws {
        let assessment = try assess(asOf: "2025-01-01")
        #expect(assessment.overdue.map(\.code) == ["C2", "C3", "C4", "C5"])
        #expect(assessment.overdue.map(\.stage.name.zh) == ["自评阶段", "自评阶段", "省级评估", "省级评估"])
    }

    @Test func withoutADateThereIsNoList() throws {
        let assessment = try assess(asOf: nil)
        #expect(assessment.overdue.isEmpty)
        #expect(assessment.overdueTable().notes.map(\.en) == ["No date given: no overdue list."])
    }

    /// indicators.json's entries carry the deadline of each open requirement's status.
    @Test func entriesCarryTheirDeadline() throws {
        let json = try JSONOutput.encode(try assess(asOf: "2024-06-01").indicatorEntries(language: .zh))
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(
            entries.map { $0["deadline"] as? String } == [nil, "2024-06-15", "2024-06-15", "2024-12-31", "2024-12-31"])
        #expect(entries[0]["deadline"] is NSNull)
    }
}
