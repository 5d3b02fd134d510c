import JunhengCore
import Testing

@testable import JunhengPlan

/// Each status rule of the indicator sheet, one row at a time (small-plan.yaml: C2 a judgement, C3-1
/// ≥ 10 %, C4 ≥ 95 %, C1 ≥ 4.2 per 100 students).
@Suite struct SheetReadingTests {
    func read(_ cells: [String], _ code: String, computed: Bool = false) throws -> SheetReading {
        let line = try #require(try sheet([cells]).rows.first)
        return SheetReading.judge(
            line, part: try SmallPlan.part(code), evidence: SmallPlan.evidence, computed: computed)
    }

    // MARK: - Rates

    @Test func aFractionAgainstItsThreshold() throws {
        let met = try read(row("C3-1", numerator: "312", denominator: "2860"), "C3-1")
        #expect(met.status == .met)
        #expect(met.value == 312.0 / 2860.0)
        #expect(met.figure.zh == "10.91% · 312/2860")
        let failed = try read(row("C4", numerator: "5730", denominator: "6102"), "C4")
        #expect(failed.status == .failed)
        #expect(failed.value == 5730.0 / 6102.0)
    }

    @Test func aValueAsAPercentageOrAShare() throws {
        #expect(try read(row("C4", value: "95%"), "C4").status == .met)
        #expect(try read(row("C4", value: "0.95"), "C4").value == 0.95)
        #expect(try read(row("C4", value: "94.9%"), "C4").status == .failed)
        #expect(try read(row("C4", value: "９６％"), "C4").status == .met)
    }

    /// A sheet figure next to its verdict is written with the digits the verdict needs: 94.999 % against
    /// ≥ 95 % is "94.999%" and failed (never "95%" next to ✘); 29099/29100 against ≥ 95 % is met and plain.
    @Test func aFigureNearItsThresholdKeepsItsDigits() throws {
        let below = try read(row("C4", value: "94.999%"), "C4")
        #expect(below.status == .failed)
        #expect(below.figure.zh == "94.999%")
        let fraction = try read(row("C4", numerator: "18999", denominator: "20000"), "C4")
        #expect(fraction.status == .failed)
        #expect(fraction.figure.zh == "94.995% · 18999/20000")
    }

    /// Per 100 students: 分子/分母 × the plan's scale.
    @Test func aScaledFraction() throws {
        // 50 teachers / 1000 students × 100 = 5 per 100 students.
        let reading = try read(row("C1", numerator: "50", denominator: "1000"), "C1")
        #expect(reading.value == 5)
        #expect(reading.status == .met)
    }

    @Test func aNumeratorWithoutDenominatorIsPending() throws {
        let reading = try read(row("C3-1", numerator: "58"), "C3-1")
        #expect(reading.status == .pending)
        #expect(reading.issues.map(\.location.column) == [3])
        #expect(reading.notes.first?.zh == "给出了分子而没有分母，请补上分母。")
        #expect(try read(row("C3-1", denominator: "58"), "C3-1").status == .pending)
    }

    @Test func aCellThatIsNotANumberIsPending() throws {
        let reading = try read(row("C4", value: "九成五"), "C4")
        #expect(reading.status == .pending)
        #expect(reading.issues.first?.message.en.hasPrefix("数值 \"九成五\" is not a number") == true)
        #expect(try read(row("C4", value: "1.2"), "C4").status == .pending)
        #expect(try read(row("C4", numerator: "5", denominator: "0"), "C4").status == .pending)
    }

    @Test func aValueThatDisagreesWithItsFractionIsPending() throws {
        // 57/60 = 95.0 %: 95 % agrees (typed to the percent), 96 % does not.
        #expect(try read(row("C4", numerator: "57", denominator: "60", value: "95%"), "C4").status == .met)
        let disagrees = try read(row("C4", numerator: "57", denominator: "60", value: "96%"), "C4")
        #expect(disagrees.status == .pending)
        #expect(disagrees.issues.first?.location.column == 4)
    }

    @Test func aConclusionAloneIsNotAFigure() throws {
        let reading = try read(row("C4", conclusion: "达标"), "C4")
        #expect(reading.status == .pending)
        #expect(reading.notes.first?.en == "This requirement is compared with ≥ 95%: give 分子/分母 or 数值.")
        // For a computed part the 结论 is only compared with the computation: no issue.
        #expect(try read(row("C1", conclusion: "达标"), "C1", computed: true).issues.isEmpty)
    }

    /// The figure decides; a 结论 that says otherwise is named next to it.
    @Test func aConclusionAgainstTheFigureIsNamed() throws {
        let reading = try read(row("C4", value: "93%", conclusion: "达标"), "C4")
        #expect(reading.status == .failed)
        #expect(reading.issues.first?.location.column == 5)
    }

    // MARK: - Judgements and evidence

    @Test func aJudgementWithItsEvidenceIsMet() throws {
        let reading = try read(row("C2", conclusion: "达标", evidence: "evidence/C2-规划（2023）.txt"), "C2")
        #expect(reading.status == .met)
        #expect(reading.evidence == [.found("evidence/C2-规划（2023）.txt")])
        #expect(reading.figure.zh == "达标 · 佐证 1/1 份")
    }

    @Test func aClaimWithoutEvidenceIsPending() throws {
        let reading = try read(row("C2", conclusion: "达标"), "C2")
        #expect(reading.status == .pending)
        #expect(reading.figure.en == "met (no evidence)")
    }

    @Test func evidenceThatIsNotThereIsPending() throws {
        let missing = try read(row("C2", conclusion: "达标", evidence: "evidence/C2-规划.pdf"), "C2")
        #expect(missing.status == .pending)
        #expect(missing.issues.first?.location == SourceLocation(file: "sheet.csv", line: 2, column: 6))
        let outside = try read(row("C2", conclusion: "已达标", evidence: "../outside.txt"), "C2")
        #expect(outside.status == .pending)
        #expect(outside.issues.first?.message.en.contains("outside the data folder") == true)
    }

    @Test func aFailedJudgementNeedsNoEvidence() throws {
        #expect(try read(row("C2", conclusion: "未达标"), "C2").status == .failed)
    }

    @Test func anUnreadableConclusionIsPending() throws {
        let reading = try read(row("C2", conclusion: "基本达标", evidence: "evidence/C2-规划（2023）.txt"), "C2")
        #expect(reading.status == .pending)
        #expect(reading.issues.first?.location.column == 5)
    }

    @Test func nothingGivenIsNoData() throws {
        #expect(try read(row("C2"), "C2").status == .noData)
        let noted = try read(row("C4", note: "统计中"), "C4")
        #expect(noted.status == .noData)
        #expect(noted.notes.map(\.zh) == ["说明：统计中"])
    }

    @Test func halfAUnitOfWhatWasTyped() {
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-15 }
        #expect(close(SheetReading.halfUnit("95%", percent: true), 0.005))
        #expect(close(SheetReading.halfUnit("95.5%", percent: true), 0.0005))
        #expect(close(SheetReading.halfUnit("0.95", percent: true), 0.005))
        #expect(close(SheetReading.halfUnit("4.23", percent: false), 0.005))
        #expect(SheetReading.halfUnit("6000", percent: false) == 0.5)
    }
}
