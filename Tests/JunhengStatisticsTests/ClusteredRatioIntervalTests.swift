import Testing

@testable import JunhengStatistics

@Suite struct ClusteredRatioIntervalTests {
    @Test func emptyHasNoRate() {
        let interval = ClusteredRatioInterval()
        #expect(interval.rate == nil)
        #expect(interval.interval == nil)
    }

    @Test func oneRespondentHasRateButNoInterval() {
        var interval = ClusteredRatioInterval()
        interval.add(positive: 2, answered: 3)
        #expect(interval.rate == 2.0 / 3.0)
        #expect(interval.variance == nil)
        #expect(interval.interval == nil)
    }

    @Test func respondentWithoutValidAnswersIsIgnored() {
        var interval = ClusteredRatioInterval()
        interval.add(positive: 0, answered: 0)
        #expect(interval.clusters == 0)
    }

    /// Four respondents (y, m) = (2,3), (3,3), (1,2), (4,4): Σy = 10, Σm = 12, r = 0.833333.
    /// Residuals y − r·m: −0.5, 0.5, −0.666667, 0.666667; squares sum 0.25 + 0.25 + 0.444444 + 0.444444
    /// = 1.388889. var = 4/3 · 1.388889 / 144 = 0.0128601, se = 0.113402, half = 1.96 · se = 0.222268.
    /// CI = [0.611065, 1.055601 → clipped 1].
    @Test func fourRespondents() throws {
        var acc = ClusteredRatioInterval()
        for (y, m) in [(2, 3), (3, 3), (1, 2), (4, 4)] { acc.add(positive: y, answered: m) }
        #expect(acc.clusters == 4)
        #expect(acc.positive == 10)
        #expect(acc.answered == 12)
        #expect(abs(try #require(acc.variance) - 0.0128601) < 1e-6)
        let interval = try #require(acc.interval)
        #expect(abs(interval.lowerBound - 0.611065) < 1e-5)
        #expect(interval.upperBound == 1)
    }

    /// Three respondents (0,2), (1,2), (2,2): r = 3/6 = 0.5; residuals −1, 0, 1; Σ² = 2;
    /// var = 3/2 · 2 / 36 = 0.0833333; se = 0.288675; half = 0.565803;
    /// CI = [0.5 − 0.565803, 0.5 + 0.565803] = [−0.0658, 1.0658], clipped at both ends to [0, 1].
    @Test func clipsBothEnds() throws {
        var acc = ClusteredRatioInterval()
        for (y, m) in [(0, 2), (1, 2), (2, 2)] { acc.add(positive: y, answered: m) }
        #expect(abs(try #require(acc.variance) - 0.0833333) < 1e-6)
        #expect(try #require(acc.interval) == 0...1)
    }

    /// Merging two halves gives the same sums as adding all respondents to one accumulator.
    @Test func mergeEqualsAddingAll() {
        var a = ClusteredRatioInterval()
        var b = ClusteredRatioInterval()
        var all = ClusteredRatioInterval()
        for (index, pair) in [(2, 3), (3, 3), (1, 2), (4, 4)].enumerated() {
            if index < 2 {
                a.add(positive: pair.0, answered: pair.1)
            } else {
                b.add(positive: pair.0, answered: pair.1)
            }
            all.add(positive: pair.0, answered: pair.1)
        }
        a.merge(b)
        #expect(a == all)
    }
}
