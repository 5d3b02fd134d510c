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

    /// A percentage is a share of a whole: 3000 certified of 2910 teachers (103 %) or a 数值 of 103 % is
    /// impossible and pending, at the cell that makes it so; 100 % itself is met.
    @Test func aShareAbove100PercentIsRefused() throws {
        let fraction = try read(row("C4", numerator: "3000", denominator: "2910"), "C4")
        #expect(fraction.status == .pending)
        #expect(fraction.issues.map(\.location.column) == [2])
        #expect(
            fraction.issues.first?.message.text(.en).hasPrefix("分子 3000 (the numerator) is larger than 分母 2910") == true
        )
        let typed = try read(row("C4", value: "103%"), "C4")
        #expect(typed.status == .pending)
        #expect(typed.issues.map(\.location.column) == [4])
        #expect(try read(row("C4", numerator: "2910", denominator: "2910"), "C4").status == .met)
    }

    /// A part marked `ratio: true` compares two different quantities and may exceed 100 %: C28-1 of the
    /// shipped plan, teachers' pay over civil servants' (105/100 is met).
    @Test func aRatioMayExceed100Percent() throws {
        let plan = try PlanLoader.load(path: repositoryPath("plan/plan.yaml"))
        let part = try #require(plan.parts.first { $0.code == "C28-1" })
        #expect(part.ratio && !part.isShare)
        let line = try #require(try sheet([row("C28-1", numerator: "105", denominator: "100")]).rows.first)
        #expect(SheetReading.judge(line, part: part, evidence: SmallPlan.evidence).status == .met)
        #expect(plan.parts.filter(\.ratio).map(\.code) == ["C28-1"])
    }

    // MARK: - Two halves

    /// C1 (every school at ≥ 4.2, and the 差异系数 ≤ 0.50) given in the sheet instead of computed: the figure
    /// is the worst school's, the 差异系数 half is the 结论 with its 佐证材料. One half alone is pending, and
    /// the note says which is missing; both met is met; either failed is failed.
    @Test func aRequirementOfTwoHalvesNeedsBoth() throws {
        let figureOnly = try read(row("C1", value: "4.5"), "C1")
        #expect(figureOnly.status == .pending)
        #expect(figureOnly.figure.zh == "4.5 人/百名学生 · 差异系数 未填")
        #expect(figureOnly.issues.map(\.location.column) == [5])
        #expect(
            figureOnly.notes.map { $0.text(.en) } == [
                "C1 has two halves; this row lacks the coefficient of variation across schools ≤ 0.50: write 达标 "
                    + "(met) or 未达标 (failed) under 结论, with its 佐证材料."
            ])
        let both = try read(row("C1", value: "4.5", conclusion: "达标", evidence: "evidence/C2-规划（2023）.txt"), "C1")
        #expect(both.status == .met)
        #expect(both.value == 4.5)
        #expect(both.figure.zh == "4.5 人/百名学生 · 差异系数 达标 · 佐证 1/1 份")
        #expect(
            try read(row("C1", value: "4.1", conclusion: "达标", evidence: "evidence/C2-规划（2023）.txt"), "C1").status
                == .failed)
        #expect(try read(row("C1", value: "4.5", conclusion: "未达标"), "C1").status == .failed)
        let claimOnly = try read(row("C1", conclusion: "达标", evidence: "evidence/C2-规划（2023）.txt"), "C1")
        #expect(claimOnly.status == .pending)
        #expect(claimOnly.issues.map(\.location.column) == [4])
        #expect(claimOnly.notes.first?.zh == "C1 有两项要求，此行缺“每校达到标准”（≥ 4.2 人/百名学生）：请填分子/分母或数值。")
        #expect(try read(row("C1", note: "统计中"), "C1").status == .noData)
        // Computed, the row is only compared with the computation: no halves.
        #expect(try read(row("C1", value: "4.5"), "C1", computed: true).issues.isEmpty)
    }

    /// C61 of the shipped plan given only as 0.1 (its 校际差异率), with no monitoring files: the level Ⅲ
    /// half was never checked, so it is pending, not met.
    @Test func c61GivenOnlyAsItsDifferenceRateIsPending() throws {
        let plan = try PlanLoader.load(path: repositoryPath("plan/plan.yaml"))
        let part = try #require(plan.parts.first { $0.code == "C61" })
        let line = try #require(try sheet([row("C61", value: "0.1")]).rows.first)
        let reading = SheetReading.judge(line, part: part, evidence: SmallPlan.evidence)
        #expect(reading.status == .pending)
        #expect(reading.notes.first?.zh.contains("此行缺“各学科学业水平达到Ⅲ级”") == true)
        #expect(reading.figure.en == "0.1 · level Ⅲ not given")
    }

    /// Per 100 students: 分子/分母 × the plan's scale.
    @Test func aScaledFraction() throws {
        // 50 teachers / 1000 students × 100 = 5 per 100 students.
        let reading = try read(
            row("C1", numerator: "50", denominator: "1000", conclusion: "达标", evidence: "evidence/C2-规划（2023）.txt"),
            "C1")
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
        #expect(reading.issues.first?.message.text(.en).hasPrefix("数值 \"九成五\" is not a number") == true)
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
        #expect(reading.notes.first?.text(.en) == "This requirement is compared with ≥ 95%: give 分子/分母 or 数值.")
        // In English the sheet's own words are quoted as names, for the page to mark them.
        #expect(reading.notes.first?.en.contains(ProperName.mark("分子")) == true)
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

    /// An empty (0-byte) evidence file is not evidence: 达标 stays pending, and the file is named at its cell.
    @Test func anEmptyEvidenceFileIsPending() throws {
        let reading = try read(row("C2", conclusion: "达标", evidence: "evidence/empty.txt"), "C2")
        #expect(reading.status == .pending)
        #expect(reading.evidence == [.empty("evidence/empty.txt")])
        #expect(reading.figure.zh == "达标 · 佐证 0/1 份")
        #expect(reading.issues.first?.location == SourceLocation(file: "sheet.csv", line: 2, column: 6))
        #expect(reading.issues.first?.message.en.contains("is an empty file (0 bytes)") == true)
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
