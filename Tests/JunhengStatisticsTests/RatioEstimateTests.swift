import Testing

@testable import JunhengStatistics

@Suite struct RatioEstimateTests {
    /// DOMAIN.md §7, year 1 worked on paper: schools A (500, 520), B (480, 470, 490), C (530).
    /// y = 1020, 1440, 530; m = 2, 3, 1; r = 2990 / 6 = 498.333…; residuals y − r·m = 23.333, −55, 31.667;
    /// their squares sum to 4572.2222; var = 3/2 · 4572.2222 / 36 = 190.50926.
    static let year1 = RatioEstimate(clusters: [(y: 1020, m: 2), (y: 1440, m: 3), (y: 530, m: 1)])
    /// Year 2: A (510, 540), B (500, 495, 505), C (560, 550): y = 1050, 1500, 1110; m = 2, 3, 2;
    /// r = 3660 / 7 = 522.857…; residuals 4.2857, −68.5714, 64.2857; their squares sum to 8853.0612;
    /// var = 3/2 · 8853.0612 / 49 = 271.01208.
    static let year2 = RatioEstimate(clusters: [(y: 1050, m: 2), (y: 1500, m: 3), (y: 1110, m: 2)])

    @Test func workedExampleOfDomainSeven() throws {
        #expect(Self.year1.clusters == 3)
        #expect(abs(try #require(Self.year1.value) - 498.333_333_333) < 1e-8)
        #expect(abs(try #require(Self.year1.variance) - 190.509_26) < 1e-5)
        #expect(abs(try #require(Self.year2.value) - 522.857_142_857) < 1e-8)
        #expect(abs(try #require(Self.year2.variance) - 271.012_08) < 1e-5)
    }

    @Test func fewerThanTwoClustersHaveNoVariance() {
        let one = RatioEstimate(clusters: [(y: 1500, m: 3)])
        #expect(one.value == 500)
        #expect(one.variance == nil)
        #expect(one.interval() == nil)
        // A cluster of size 0 holds nothing.
        #expect(RatioEstimate(clusters: [(y: 0, m: 0), (y: 10, m: 2)]).clusters == 1)
        #expect(RatioEstimate().value == nil)
    }

    /// The running sums add: two halves merged give the whole.
    @Test func mergeAddsTheSums() {
        var first = RatioEstimate(clusters: [(y: 1020, m: 2)])
        first.merge(RatioEstimate(clusters: [(y: 1440, m: 3), (y: 530, m: 1)]))
        #expect(first == Self.year1)
    }

    /// The interval of a year, centred on the figure as reported: 498.333 ± 1.96 · sqrt(190.50926) = ± 27.05292.
    @Test func intervalOfAYear() throws {
        let interval = try #require(Self.year1.interval())
        #expect(abs(interval.lowerBound - 471.280_42) < 1e-4)
        #expect(abs(interval.upperBound - 525.386_25) < 1e-4)
        let centred = try #require(Self.year1.interval(around: 498.3))
        #expect(abs(centred.upperBound - centred.lowerBound - 2 * 27.052_92) < 1e-4)
    }

    /// The same sums as the respondent-clustered interval of DOMAIN.md §4: one formula.
    @Test func clusteredRatioIntervalIsThisEstimate() throws {
        var acc = ClusteredRatioInterval()
        for (y, m) in [(2, 3), (3, 3), (1, 2), (4, 4)] { acc.add(positive: y, answered: m) }
        let estimate = RatioEstimate(clusters: [(y: 2, m: 3), (y: 3, m: 3), (y: 1, m: 2), (y: 4, m: 4)])
        #expect(acc.estimate == estimate)
        #expect(acc.variance == estimate.variance)
    }

    /// 20 respondents all positive: var(r) = 0, so a change uses the Wilson interval on 20 respondents,
    /// [0.8388699, 1] (centre (1 + 1.96²/40)/(1 + 1.96²/20), half 1.96/(1 + 1.96²/20) · 1.96/40), whose
    /// half-width over 1.96 gives var = (0.1611301 / 3.92)² = 0.0016896.
    @Test func aProportionAtTheRateTakesTheWilsonVariance() throws {
        let all = RatioEstimate(clusters: Array(repeating: (y: 1.0, m: 1.0), count: 20))
        #expect(all.variance == 0)
        #expect(all.everyClusterAtTheRate)
        #expect(abs(try #require(all.proportionVariance()) - 0.001_689_59) < 1e-8)
        // A proportion with spread keeps its own variance: (0, 2), (1, 2), (2, 2) → 0.0833333.
        let spread = RatioEstimate(clusters: [(y: 0, m: 2), (y: 1, m: 2), (y: 2, m: 2)])
        #expect(!spread.everyClusterAtTheRate)
        #expect(spread.proportionVariance() == spread.variance)
        #expect(abs(try #require(spread.variance) - 0.083_333_33) < 1e-8)
        #expect(RatioEstimate(clusters: [(y: 1, m: 1)]).proportionVariance() == nil)
    }
}
