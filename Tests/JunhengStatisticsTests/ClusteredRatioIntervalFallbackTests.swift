import Testing

@testable import JunhengStatistics

/// Issue 9 case 9: where the clustered interval degenerates, Wilson on the respondents (n_eff = n).
/// Every expected value is worked out by hand from the Wilson formula (z = 1.96, z² = 3.8416).
@Suite struct ClusteredRatioIntervalFallbackTests {
    /// Five respondents, each 3 of 3 positive: r = 1, var = 0, the clustered interval is [1, 1].
    /// Fallback: Wilson(p̂ = 1, n = 5): z²/n = 0.76832, denominator 1.76832;
    /// centre = (1 + 0.38416) / 1.76832 = 0.782754; half = 1.96 / 1.76832 · √(3.8416 / 100)
    /// = 1.108398 · 0.196 = 0.217246; CI = [0.565508, 1].
    @Test func everyAnswerPositiveGetsWilsonOnTheRespondents() throws {
        var acc = ClusteredRatioInterval()
        for _ in 0..<5 { acc.add(positive: 3, answered: 3) }
        #expect(acc.interval == 1...1)
        #expect(acc.everyRespondentAtTheRate)
        let (interval, method) = try #require(acc.intervalWithFallback)
        #expect(method == .respondentWilson)
        #expect(abs(interval.lowerBound - 0.565508) < 1e-5)
        #expect(interval.upperBound == 1)
    }

    /// Four respondents, each 1 of 2: r = 0.5 and every residual y − r·m = 0.
    /// Wilson(0.5, 4): z²/n = 0.9604, denominator 1.9604, centre = (0.5 + 0.4802) / 1.9604 = 0.5;
    /// half = 1.96 / 1.9604 · √(0.0625 + 3.8416/64) = 0.999796 · 0.350036 = 0.349964; CI = [0.150036, 0.849964].
    @Test func everyRespondentAtTheSameShare() throws {
        var acc = ClusteredRatioInterval()
        for _ in 0..<4 { acc.add(positive: 1, answered: 2) }
        let (interval, method) = try #require(acc.intervalWithFallback)
        #expect(method == .respondentWilson)
        #expect(abs(interval.lowerBound - 0.150036) < 1e-5)
        #expect(abs(interval.upperBound - 0.849964) < 1e-5)
    }

    /// Three respondents, each 1 of 3: r = 1/3, not a Double, yet decided exactly: (Σym)² = 9² = 81 and
    /// Σy²·Σm² = 3 · 27 = 81. Wilson(1/3, 3): z²/n = 1.280533, denominator 2.280533;
    /// centre = (0.333333 + 0.640267) / 2.280533 = 0.426916; half = 1.96 / 2.280533 · √(0.074074 + 0.106711)
    /// = 0.859449 · 0.425188 = 0.365427; CI = [0.061489, 0.792343].
    @Test func aShareNoDoubleHoldsIsStillExact() throws {
        var acc = ClusteredRatioInterval()
        for _ in 0..<3 { acc.add(positive: 1, answered: 3) }
        #expect(acc.everyRespondentAtTheRate)
        let (interval, method) = try #require(acc.intervalWithFallback)
        #expect(method == .respondentWilson)
        #expect(abs(interval.lowerBound - 0.061489) < 1e-5)
        #expect(abs(interval.upperBound - 0.792343) < 1e-5)
    }

    /// Every answer negative: r = 0; Wilson(0, 3): centre = 0.640267 / 2.280533 = 0.280753 = half → [0, 0.561506].
    @Test func everyAnswerNegative() throws {
        var acc = ClusteredRatioInterval()
        for _ in 0..<3 { acc.add(positive: 0, answered: 4) }
        let (interval, method) = try #require(acc.intervalWithFallback)
        #expect(method == .respondentWilson)
        #expect(interval.lowerBound == 0)
        #expect(abs(interval.upperBound - 0.561506) < 1e-5)
    }

    /// The four respondents of ClusteredRatioIntervalTests.fourRespondents vary: the clustered interval
    /// stands, unchanged ([0.611065, 1]).
    @Test func aVaryingCellKeepsTheClusteredInterval() throws {
        var acc = ClusteredRatioInterval()
        for (y, m) in [(2, 3), (3, 3), (1, 2), (4, 4)] { acc.add(positive: y, answered: m) }
        #expect(!acc.everyRespondentAtTheRate)
        let (interval, method) = try #require(acc.intervalWithFallback)
        #expect(method == .clustered)
        #expect(interval == acc.interval)
        #expect(abs(interval.lowerBound - 0.611065) < 1e-5)
    }

    @Test func oneRespondentStillHasNone() {
        var acc = ClusteredRatioInterval()
        acc.add(positive: 2, answered: 2)
        #expect(acc.intervalWithFallback == nil)
    }

    /// The same sums given at once (as the satisfaction pipeline does) decide the same way.
    @Test func sumsGivenAtOnce() throws {
        let acc = ClusteredRatioInterval(clusters: 5, positive: 15, answered: 15, sumY2: 45, sumM2: 45, sumYM: 45)
        #expect(try #require(acc.intervalWithFallback).method == .respondentWilson)
    }
}
