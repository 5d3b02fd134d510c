import Testing

@testable import JunhengStatistics

struct DecimalMeanTests {
    @Test func noValuesHaveNoMean() {
        #expect(DecimalMean([]) == nil)
    }

    /// Issue 9, case 7: (529.9 + 441.2 + 570.1 + 418.8) / 4 = 1960 / 4 = 490 exactly (by hand), the grade-4
    /// 数学 Ⅲ cut; the running Double sum gives 489.99999999999994.
    @Test func aMeanExactInDecimalIsThatDecimal() throws {
        let scores = [529.9, 441.2, 570.1, 418.8]
        #expect(scores.reduce(0, +) / 4 == 489.99999999999994)
        let mean = try #require(DecimalMean(scores))
        #expect(mean.value == 490)
        #expect(mean.isExact)
        #expect(mean.value >= 490)
    }

    /// 0.1 + 0.2 + 0.3 = 0.6 exactly: 6 tenths over 3 → 0.2 (a running sum gives 0.6000000000000001 / 3).
    @Test func tenthsSumExactly() throws {
        #expect(try #require(DecimalMean([0.1, 0.2, 0.3])).value == 0.2)
    }

    /// 1/3 is not a decimal; the mean is the correctly rounded 1/3, as Double(1) / Double(3).
    @Test func aRepeatingMeanIsRoundedOnce() throws {
        #expect(try #require(DecimalMean([1, 0, 0])).value == 1.0 / 3.0)
    }

    @Test func valuesWithManyDecimalsFallBackToThePlainMean() throws {
        let mean = try #require(DecimalMean([0.123456789, 1]))
        #expect(!mean.isExact)
        #expect(mean.value == (0.123456789 + 1) / 2)
    }

    @Test func placesAreReadFromTheShortestText() {
        #expect(DecimalMean.places(529.9) == 1)
        #expect(DecimalMean.places(490) == 0)
        #expect(DecimalMean.places(0.25) == 2)
        #expect(DecimalMean.places(1e-7) == nil)
    }
}
