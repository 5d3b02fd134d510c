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
}
