import Testing

@testable import JunhengStatistics

struct DescriptiveTests {
    @Test func emptyHasNoStatistics() {
        #expect(Descriptive.mean([]) == nil)
        #expect(Descriptive.populationStandardDeviation([]) == nil)
        #expect(Descriptive.sampleStandardDeviation([]) == nil)
        #expect(Descriptive.coefficientOfVariation([]) == nil)
    }

    @Test func oneValue() {
        #expect(Descriptive.mean([5]) == 5)
        #expect(Descriptive.populationStandardDeviation([5]) == 0)
        // n − 1 = 0: the sample SD is undefined.
        #expect(Descriptive.sampleStandardDeviation([5]) == nil)
        #expect(Descriptive.coefficientOfVariation([5]) == 0)
    }

    @Test func manyValues() throws {
        // [2, 4, 4, 4, 5, 5, 7, 9]: mean 40/8 = 5; Σ(x − 5)² = 9+1+1+1+0+0+4+16 = 32.
        // population SD = sqrt(32/8) = 2; sample SD = sqrt(32/7) ≈ 2.138; CV (population) = 2/5 = 0.4.
        let values: [Double] = [2, 4, 4, 4, 5, 5, 7, 9]
        #expect(Descriptive.mean(values) == 5)
        #expect(Descriptive.populationStandardDeviation(values) == 2)
        let sample = try #require(Descriptive.sampleStandardDeviation(values))
        #expect(abs(sample - (32.0 / 7.0).squareRoot()) < 1e-12)
        #expect(Descriptive.coefficientOfVariation(values) == 0.4)
        let sampleCV = try #require(Descriptive.coefficientOfVariation(values, form: .sample))
        #expect(abs(sampleCV - (32.0 / 7.0).squareRoot() / 5) < 1e-12)
    }

    @Test func zeroMeanHasNoCV() {
        #expect(Descriptive.coefficientOfVariation([-1, 1]) == nil)
    }
}
