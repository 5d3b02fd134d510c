import Foundation
import JunhengCore
import Testing

@testable import JunhengPlan

/// The plan's statuses from computations and the sheet together: two-part rows, codes the plan does not
/// have, contradictions, the counts of all requirements, the units' view and the 问责 list.
@Suite struct PlanAssessmentTests {
    static func computed(_ status: RequirementStatus, value: Double?) -> ComputedPart {
        ComputedPart(status: status, value: value, figure: LocalizedText(verbatim: "figure"), source: "roster.csv")
    }

    func assess(
        _ rows: [[String]], computed: [String: ComputedPart] = [:], asOf: String? = "2024-06-01"
    ) throws -> PlanAssessment {
        try PlanAssessment.assess(
            plan: SmallPlan.load(), computed: computed, sheet: sheet(rows), evidence: SmallPlan.evidence,
            asOf: asOf.flatMap { PlanDate($0) })
    }

    func status(_ assessment: PlanAssessment, _ code: String) -> RequirementStatus? {
        assessment.requirements.first { $0.code == code }?.status
    }

    /// C3 is given as C3-1 and C3-2; the requirement combines them.
    @Test func twoPartRows() throws {
        let both = try assess([
            row("C3-1", numerator: "312", denominator: "2860"), row("C3-2", numerator: "70", denominator: "312"),
        ])
        #expect(both.requirements[2].parts.map(\.status) == [.met, .met])
        #expect(status(both, "C3") == .met)
        #expect(both.requirements[2].figure.zh == "C3-1 10.91% · C3-2 22.44%")
        let one = try assess([row("C3-1", numerator: "312", denominator: "2860")])
        #expect(status(one, "C3") == .pending)
        let failed = try assess([row("C3-1", value: "8%"), row("C3-2", numerator: "58")])
        #expect(failed.requirements[2].parts.map(\.status) == [.failed, .pending])
        #expect(status(failed, "C3") == .failed)
    }

    @Test func combiningParts() {
        #expect(RequirementStatus.combining([.met, .met]) == .met)
        #expect(RequirementStatus.combining([.met, .failed]) == .failed)
        #expect(RequirementStatus.combining([.pending, .failed]) == .failed)
        #expect(RequirementStatus.combining([.noData, .noData]) == .noData)
        #expect(RequirementStatus.combining([.met, .noData]) == .pending)
        #expect(RequirementStatus.combining([.met, .pending]) == .pending)
    }

    @Test func codesThePlanDoesNotHaveAreReported() throws {
        let assessment = try assess([row("C3", value: "12%"), row("C4-1", value: "96%"), row("C99", value: "1")])
        #expect(
            assessment.issues.map(\.message.en) == [
                "C3 has 2 parts: give them on separate rows as C3-1, C3-2.",
                "C4 has one part: write its code as C4.",
                "The plan has no requirement \"C99\"; this row is not used (the codes are in plan/plan.yaml).",
            ])
        #expect(assessment.issues.map(\.location.line) == [2, 3, 4])
        // Data was given, in the wrong form: pending with the message, not "no data".
        #expect(status(assessment, "C3") == .pending)
        #expect(assessment.requirements[2].parts.map(\.status) == [.pending, .pending])
        #expect(
            assessment.requirements[2].parts[0].notes.map(\.en) == [
                "C3 has 2 parts: give them on separate rows as C3-1, C3-2."
            ])
        #expect(assessment.requirements[2].parts[0].sheetLocation?.line == 2)
        #expect(status(assessment, "C4") == .pending)
        // The form of the issue: a bare `C3,79,100` for a two-part requirement. A part with a row of its own
        // keeps its row; a row with only its code says nothing.
        let bare = try assess([row("C3", numerator: "79", denominator: "100"), row("C3-2", value: "25%")])
        #expect(bare.requirements[2].parts.map(\.status) == [.pending, .met])
        #expect(status(try assess([row("C3")]), "C3") == .noData)
    }

    @Test func aCodeGivenTwiceIsPending() throws {
        let assessment = try assess([row("C4", value: "96%"), row("C4", value: "90%")])
        #expect(status(assessment, "C4") == .pending)
        #expect(assessment.issues.first?.location.line == 3)
    }

    // MARK: - Computed against given

    @Test func aComputedStatusStands() throws {
        let assessment = try assess([], computed: ["C1": Self.computed(.met, value: 4.6)])
        let part = assessment.requirements[0].parts[0]
        #expect(part.status == .met)
        #expect(part.source == .computed)
        #expect(part.contradiction == nil)
    }

    /// The sheet says 达标 where the computation fails: reported, and the computed status stands.
    @Test func aContradictingVerdictIsReported() throws {
        let assessment = try assess(
            [row("C5", conclusion: "达标")], computed: ["C5": Self.computed(.failed, value: 52)])
        let part = assessment.requirements[4].parts[0]
        #expect(part.status == .failed)
        let contradiction = try #require(part.contradiction)
        #expect(contradiction.location == SourceLocation(file: "sheet.csv", line: 2))
        #expect(contradiction.given.zh == "结论“达标”")
        #expect(assessment.contradictions.count == 1)
        #expect(part.notes.contains(contradiction.message))
    }

    /// A figure that differs by more than it was rounded to contradicts, even with the same verdict; one
    /// that rounds to the computed figure agrees.
    @Test func aContradictingFigureIsReported() throws {
        let computed = ["C1": Self.computed(.met, value: 4.634)]
        #expect(try assess([row("C1", value: "4.63")], computed: computed).contradictions.isEmpty)
        #expect(try assess([row("C1", value: "4.6")], computed: computed).contradictions.isEmpty)
        let differs = try assess([row("C1", value: "4.9")], computed: computed)
        #expect(differs.contradictions.first?.given.zh == "数值 4.9 人/百名学生")
        #expect(differs.requirements[0].status == .met)
    }

    @Test func anUncomputedPartFallsBackToTheSheetAndSaysWhy() throws {
        let assessment = try PlanAssessment.assess(
            plan: SmallPlan.load(), unavailable: ["C1": LocalizedText(zh: "没有名册", en: "no roster")],
            sheet: sheet([
                row("C1", value: "4.5", conclusion: "达标", evidence: "evidence/C2-规划（2023）.txt")
            ]), evidence: SmallPlan.evidence, asOf: nil)
        let part = assessment.requirements[0].parts[0]
        #expect(part.status == .met)
        #expect(part.source == .sheet)
        #expect(part.notes.first?.en == "Not computed: no roster")
    }

    // MARK: - Views

    @Test func countsEveryRequirement() throws {
        let assessment = try assess([
            row("C2", conclusion: "达标"), row("C3-1", value: "12%"), row("C3-2", value: "25%"), row("C4", value: "90%"),
        ])
        #expect(assessment.requirements.map(\.status) == [.noData, .pending, .met, .failed, .noData])
        #expect(assessment.countsSentence.zh == "共 5 项：达标 1 项，未达标 1 项，待核实 1 项，无数据 2 项")
        #expect(assessment.countsSentence.en == "5 requirements: 1 met, 1 failed, 1 pending, 2 no data")
        #expect(assessment.open.map(\.code) == ["C4", "C2", "C1", "C5"])
    }

    /// 县教育局 answers for C1–C4 with one failure; 县委编办 only for C1 (no data); units with failures first,
    /// then the most pending, then the most without data; ties in plan order.
    @Test func unitsWithFailuresComeFirst() throws {
        let assessment = try assess([row("C4", value: "90%"), row("C5", value: "44")])
        let units = assessment.units
        #expect(units.map(\.unit) == ["县教育局", "县委编办", "各乡镇(街道)", "县人力资源社会保障局", "县发展改革委"])
        #expect(units[0].requirements.map(\.code) == ["C4", "C1", "C2", "C3"])
        #expect(units[0].count(.failed) == 1)
        #expect(units.last?.codes(.met) == ["C5"])
    }

    /// indicators.json: every requirement in plan order, value and threshold null for judgements and parts.
    @Test func indicatorsJSONListsEveryRequirement() throws {
        let assessment = try assess([row("C4", numerator: "57", denominator: "60"), row("C2", conclusion: "未达标")])
        let json = try JSONOutput.encode(assessment.indicatorEntries(language: .en))
        let entries = try #require(
            try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(entries.map { $0["code"] as? String } == ["C1", "C2", "C3", "C4", "C5"])
        #expect(entries.map { $0["status"] as? String } == ["no-data", "failed", "no-data", "met", "no-data"])
        #expect(entries[1]["value"] is NSNull)
        #expect(entries[1]["threshold"] is NSNull)
        #expect(entries[2]["threshold"] is NSNull)
        #expect((entries[2]["parts"] as? [Any])?.count == 2)
        let threshold = try #require(entries[3]["threshold"] as? [String: Any])
        #expect(threshold["comparison"] as? String == ">=")
        #expect(threshold["unit"] as? String == "%")
        #expect(entries[3]["units"] as? [String] == ["县教育局"])
        #expect(json.contains("\"value\" : 0.95"))
    }
}
