import JunhengCore
import Testing

@testable import JunhengReports

@Suite struct NumberTextTests {
    @Test func formats() {
        #expect(NumberText.format(0.8534, .percent(1)) == "85.3%")
        #expect(NumberText.format(0.85, .percent(0)) == "85%")
        #expect(NumberText.format(0.51534, .decimal(2)) == "0.52")
        #expect(NumberText.format(1234.5, .text) == "1234.5")
        #expect(NumberText.format(3, .text) == "3")
        #expect(NumberText.format(2.5, .integer) == "3")  // halves round away from zero
        #expect(NumberText.format(-2.5, .integer) == "-3")
    }

    @Test func no_negative_zero_and_a_dash_for_non_numbers() {
        #expect(NumberText.format(-0.0001, .decimal(2)) == "0.00")
        #expect(NumberText.format(-0.0001, .percent(1)) == "0.0%")
        #expect(NumberText.format(-0.4, .integer) == "0")
        #expect(NumberText.format(.nan, .decimal(2)) == "—")
        #expect(NumberText.format(.infinity, .integer) == "—")
    }

    @Test func exact_round_trips() {
        #expect(NumberText.exact(0.853) == "0.853")
        #expect(NumberText.exact(3) == "3")
        #expect(NumberText.exact(-0.0) == "0")
        #expect(NumberText.exact(-12) == "-12")
        #expect(NumberText.exact(1e-5) == "1e-05")
        #expect(NumberText.exact(0.1 + 0.2) == "0.30000000000000004")
        #expect(NumberText.exact(.nan) == "NaN")
        #expect(NumberText.exact(-.infinity) == "-Infinity")
        for value in [0.1 + 0.2, 1.0 / 3.0, 412.0 / 448.0, 1e300, -7.25e-12] {
            #expect(Double(NumberText.exact(value)) == value)
        }
    }

    @Test func verdict_cells() {
        #expect(NumberText.cell(.verdict(true), format: .text, language: .zh) == "达标")
        #expect(NumberText.cell(.verdict(false), format: .text, language: .en) == "fails")
    }

    /// Rounding is 四舍五入 on the decimal the value is: 420.15 → 420.2, 0.5625 → 56.3 %, 2.675 → 2.68 (a
    /// binary printf gives 420.1, 56.2 % and 2.67: 2.675 is stored as 2.67499999…).
    @Test func halvesRoundAwayFromZeroOnTheDecimal() {
        #expect(NumberText.format(420.15, .decimal(1)) == "420.2")
        #expect(NumberText.format(0.5625, .percent(1)) == "56.3%")
        #expect(NumberText.format(2.675, .decimal(2)) == "2.68")
        #expect(NumberText.format(-2.675, .decimal(2)) == "-2.68")
        #expect(NumberText.format(9.995, .decimal(2)) == "10.00")
        #expect(NumberText.format(0.0005, .percent(1)) == "0.1%")
        #expect(NumberText.format(1e-7, .decimal(2)) == "0.00")  // exponent text: printf's rounding
        #expect(NumberText.format(1_234_567, .integer) == "1234567")
    }

    // MARK: - Issue 9, case 8: a shown figure agrees with its verdict

    /// CV 0.45004 against ≤ 0.45 fails: 4 decimals would show 0.4500 (which passes); 5 show 0.45004.
    @Test func aFailingCVIsWrittenWithTheDigitsThatShowWhy() {
        let bar = ReportThreshold(.atMost, 0.45)
        #expect(NumberText.format(0.45004, .decimal(4), threshold: bar) == "0.45004")
        #expect(NumberText.format(0.45004, .decimal(2), threshold: bar) == "0.45004")
        // Far from the bar, or on the right side of it after rounding, nothing changes.
        #expect(NumberText.format(0.46, .decimal(4), threshold: bar) == "0.4600")
        #expect(NumberText.format(0.44996, .decimal(4), threshold: bar) == "0.4500")  // passes, shows 0.4500 ≤ 0.45
        #expect(NumberText.format(0.45, .decimal(2), threshold: bar) == "0.45")
    }

    /// A school value 4.4996 against ≥ 4.5 misses: 2 decimals would show 4.50; 4 show 4.4996.
    @Test func aMissedStandardIsWrittenBelowIt() {
        let bar = ReportThreshold(.atLeast, 4.5)
        #expect(NumberText.format(4.4996, .decimal(2), threshold: bar) == "4.4996")
        #expect(NumberText.format(4.5004, .decimal(2), threshold: bar) == "4.50")
        #expect(NumberText.widened(4.4996, .decimal(2), threshold: bar) == .decimal(4))
    }

    /// Percentages widen too: 84.996 % against ≥ 85 % is 84.996 %, not 85.0 %.
    @Test func percentagesWiden() {
        let bar = ReportThreshold(.atLeast, 0.85)
        #expect(NumberText.format(0.84996, .percent(1), threshold: bar) == "84.996%")
        #expect(NumberText.widened(0.84996, .percent(1), threshold: bar) == .percent(3))
    }

    /// The cell's own verdict decides when it is given (the area's rule, not only the comparison).
    @Test func aCellKnowsItsThreshold() {
        let cell = ReportCell.number(0.45004, fails: true, threshold: ReportThreshold(.atMost, 0.45))
        #expect(NumberText.cell(cell, format: .decimal(4), language: .zh) == "0.45004")
        #expect(NumberText.format(of: cell, column: .decimal(4)) == .decimal(5))
        #expect(NumberText.cell(.number(0.45004), format: .decimal(4), language: .zh) == "0.4500")
    }
}
