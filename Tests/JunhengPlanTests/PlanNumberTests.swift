import JunhengCore
import Testing

@testable import JunhengPlan

/// Numbers in a plan file are read only as a person writes them (issue 22): `≥ 42e-1 人/百名学生` was
/// read as 42 with the unit `e-1 人/百名学生` (C1 failed by every school), `≥ 1e309` as 1 (C1 met).
@Suite struct PlanNumberTests {
    static func threshold(_ text: String) -> Result<PlanThreshold, PlanThreshold.Problem> {
        PlanThreshold.read(text)
    }

    @Test func whatAPersonWritesIsRead() throws {
        #expect(
            try Self.threshold("≥ 4.2 人/百名学生").get() == PlanThreshold(comparison: .atLeast, value: 4.2, unit: "人/百名学生"))
        // Full-width digits, point and percent sign, as an input method types them.
        #expect(
            try Self.threshold("≥ ４．２ 人/百名学生").get() == PlanThreshold(comparison: .atLeast, value: 4.2, unit: "人/百名学生"))
        #expect(try Self.threshold("≥ ８５％").get() == PlanThreshold(comparison: .atLeast, value: 0.85, isPercent: true))
        #expect(try Self.threshold("≥ 85 %").get() == PlanThreshold(comparison: .atLeast, value: 0.85, isPercent: true))
        #expect(try Self.threshold("≤45人").get() == PlanThreshold(comparison: .atMost, value: 45, unit: "人"))
        #expect(
            try Self.threshold("≥ 6,000 元/生").get() == PlanThreshold(comparison: .atLeast, value: 6000, unit: "元/生"))
        #expect(try Self.threshold("< .15").get() == PlanThreshold(comparison: .below, value: 0.15))
    }

    /// Each refusal names the character it starts at (0-based, in Unicode scalars of the text).
    @Test func whatAPersonDoesNotWriteIsRefusedAtItsCharacter() {
        #expect(Self.threshold("≥ 42e-1 人/百名学生") == .failure(.number(.exponent(at: 4))))
        #expect(Self.threshold("≥ 1e309") == .failure(.number(.exponent(at: 3))))
        #expect(Self.threshold("≥ 4.2E+3 平方米") == .failure(.number(.exponent(at: 5))))
        #expect(Self.threshold("≥ inf") == .failure(.number(.notFinite(at: 2))))
        #expect(Self.threshold("≤ ∞ 人") == .failure(.number(.notFinite(at: 2))))
        #expect(Self.threshold("≥ NaN") == .failure(.number(.notFinite(at: 2))))
        #expect(Self.threshold("≥ 4.2x") == .failure(.number(.touchesLetters(at: 5))))
        #expect(Self.threshold("≥ 1234567890123456 元") == .failure(.number(.tooLarge(at: 2))))
        #expect(Self.threshold("≥ " + String(repeating: "9", count: 400)) == .failure(.number(.tooLarge(at: 2))))
        #expect(Self.threshold("≥ 1,23 人") == .failure(.number(.malformed(at: 2))))
        #expect(Self.threshold("≥ 150%") == .failure(.number(.malformed(at: 2))))
        #expect(Self.threshold("≥ 人") == .failure(.number(.missing(at: 2))))
        #expect(Self.threshold("至少 4.2") == .failure(.form))
        #expect(Self.threshold("≥ 10% 人") == .failure(.form))
    }

    @Test func aWholeNumberIsOneNumberOnly() throws {
        #expect(try PlanNumber.read(whole: " 100 ").get() == PlanNumber(value: 100, isPercent: false, length: 3))
        #expect(PlanNumber.read(whole: "1e2") == .failure(.exponent(at: 1)))
        #expect(PlanNumber.read(whole: "100 人") == .failure(.malformed(at: 4)))
        #expect(PlanNumber.read(whole: "-inf") == .failure(.notFinite(at: 1)))
    }

    // MARK: - In a plan file

    static func error(_ threshold: String, scale: String = "100") -> PlanError? {
        let yaml =
            PlanLoaderTests.header
            + "          - code: C1\n            text: 要求\n            threshold: \(threshold)\n            scale: \(scale)\n"
        do {
            _ = try PlanLoader.parse(yaml: yaml, file: "p.yaml")
            return nil
        } catch {
            return error
        }
    }

    /// The threshold is on line 16 from column 24 (`            threshold: `); the place is the character
    /// where the number goes wrong.
    @Test func aPlanThresholdIsRefusedAtItsLineAndColumn() throws {
        let exponent = try #require(Self.error("≥ 42e-1 人/百名学生"))
        #expect(exponent.location == SourceLocation(file: "p.yaml", line: 16, column: 28))
        #expect(exponent.message.zh == "`threshold` 中的数字用了指数写法（如 42e-1）；请直接写出数字，如 4.2（实为“≥ 42e-1 人/百名学生”）。")
        #expect(
            exponent.message.en
                == "The number in `threshold` is written with an exponent (like 42e-1); write it out, like 4.2 (got \"≥ 42e-1 人/百名学生\")."
        )
        #expect(Self.error("≥ 1e309")?.location == SourceLocation(file: "p.yaml", line: 16, column: 27))
        // Quoted: one column more, for the quote.
        #expect(Self.error("\"≥ 1e309\"")?.location == SourceLocation(file: "p.yaml", line: 16, column: 28))
        #expect(Self.error("≥ ∞")?.message.en == "`threshold` must be a finite number, not infinity (got \"≥ ∞\").")
        #expect(Self.error("≥ 4.2 人/百名学生") == nil)
    }

    @Test func aScaleIsANumberAPersonWrites() throws {
        let failure = try #require(Self.error("≥ 4.2 人/百名学生", scale: "1e2"))
        #expect(failure.location == SourceLocation(file: "p.yaml", line: 17, column: 21))
        #expect(failure.message.en.hasPrefix("The number in `scale` is written with an exponent"))
        #expect(Self.error("≥ 4.2 人/百名学生", scale: "１００") == nil)
    }
}
