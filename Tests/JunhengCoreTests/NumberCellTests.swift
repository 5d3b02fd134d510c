import JunhengCore
import Testing

@Suite struct NumberCellTests {
    func value(_ text: String) -> Double? { try? NumberCell.decimal(text).get() }

    @Test func plainNumbers() {
        #expect(value("0") == 0)
        #expect(value("42") == 42)
        #expect(value("-3.5") == -3.5)
        #expect(value(".5") == 0.5)
        #expect(value("5.") == 5)
        #expect(value("+7") == 7)
        #expect(value("1.5E+3") == 1500)
        #expect(value("-0") == 0)
    }

    @Test func handTypedForms() {
        #expect(value("１２３") == 123)
        #expect(value(" 1 234 ") == 1234)
        #expect(value("1,234,567.5") == 1_234_567.5)
        #expect(value("1，234") == 1234)
    }

    @Test func misplacedSeparatorsAreNotNumbers() {
        #expect(NumberCell.decimal("1,23") == .failure(.notANumber("1,23")))
        #expect(NumberCell.decimal(",5") == .failure(.notANumber(",5")))
        #expect(NumberCell.decimal("1.234,5") == .failure(.notANumber("1.234,5")))
        #expect(NumberCell.decimal("12 34") == .failure(.notANumber("12 34")))
    }

    @Test func whatIsRefused() {
        #expect(NumberCell.decimal("") == .failure(.empty))
        #expect(NumberCell.decimal("  ") == .failure(.empty))
        #expect(NumberCell.decimal("inf") == .failure(.notANumber("inf")))
        #expect(NumberCell.decimal("NaN") == .failure(.notANumber("NaN")))
        #expect(NumberCell.decimal("0x10") == .failure(.notANumber("0x10")))
        #expect(NumberCell.decimal("1e309") == .failure(.tooLarge("1e309")))
        #expect(NumberCell.decimal("1e99999") == .failure(.notANumber("1e99999")))
        #expect(NumberCell.decimal(String(repeating: "9", count: 41)) == .failure(.tooLong(41)))
        #expect(NumberCell.decimal("12a") == .failure(.notANumber("12a")))
        #expect(NumberCell.decimal("5", in: 0...1) == .failure(.outOfRange(5, 0...1)))
    }

    @Test func integers() {
        #expect(NumberCell.integer("12", in: 0...100) == .success(12))
        #expect(NumberCell.integer("12.0", in: 0...100) == .success(12))
        #expect(NumberCell.integer("12.5", in: 0...100) == .failure(.notWhole(12.5)))
        // 2^63 does not fit an Int; 9999999999999999999 rounds to 1e19 as a Double.
        #expect(
            NumberCell.integer("18446744073709551616", in: 0...Int.max)
                == .failure(.outOfRange(18_446_744_073_709_551_616, 0...Double(Int.max))))
        #expect(
            NumberCell.integer("-9.3e18", in: Int.min...Int.max)
                == .failure(.outOfRange(-9.3e18, Double(Int.min)...Double(Int.max))))
    }

    @Test func shares() {
        #expect(NumberCell.share("46.8%") == .success(0.468))
        #expect(NumberCell.share("０.８５") == .success(0.85))
        #expect(NumberCell.share("100%") == .success(1))
        #expect(NumberCell.share("85") == .failure(.outOfRange(85, 0...1)))
        #expect(NumberCell.share("120%") == .failure(.outOfRange(1.2, 0...1)))
    }

    @Test func wholeNumbers() {
        #expect(NumberCell.wholeNumber(3) == 3)
        #expect(NumberCell.wholeNumber(3.5) == nil)
        #expect(NumberCell.wholeNumber(.infinity) == nil)
        #expect(NumberCell.wholeNumber(.nan) == nil)
        #expect(NumberCell.wholeNumber(1e19) == nil)
    }

    @Test func messagesInBothLanguages() {
        let failure = NumberCellFailure.notANumber("abc")
        #expect(failure.message.zh == "“abc”不是数字")
        #expect(failure.message.en == "\"abc\" is not a number")
        #expect(NumberCellFailure.outOfRange(5, 0...1).message.en == "5 is outside the allowed range 0–1")
    }
}
