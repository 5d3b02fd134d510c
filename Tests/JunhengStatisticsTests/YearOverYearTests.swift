import Testing

@testable import JunhengStatistics

@Suite struct YearOverYearTests {
    /// DOMAIN.md §7 worked on paper: d = 522.857143 − 498.333333 = 24.52381; var₁ + var₂ = 190.50926 +
    /// 271.01208 = 461.52134; half-width 1.96 · 21.48305 = 42.10677; interval [−17.58296, 66.63058], which
    /// holds 0: no significant change, although the mean rose by 24.5 points.
    @Test func threeSchoolsTwoYears() throws {
        let earlier = YearOverYear.Figure(
            year: 2021, value: 2990.0 / 6, estimate: RatioEstimateTests.year1, proportion: false)
        let later = YearOverYear.Figure(
            year: 2024, value: 3660.0 / 7, estimate: RatioEstimateTests.year2, proportion: false)
        let change = YearOverYear.change(from: earlier, to: later)
        #expect(abs(change.value - 24.523_81) < 1e-5)
        let interval = try #require(change.interval)
        #expect(abs((interval.upperBound - interval.lowerBound) / 2 - 42.106_77) < 1e-5)
        #expect(abs(interval.lowerBound - -17.582_96) < 1e-5)
        #expect(abs(interval.upperBound - 66.630_58) < 1e-5)
        #expect(change.verdict == .noSignificantChange)
        #expect(change.noVerdict == nil)
        #expect(change.fromYear == 2021 && change.gap == 3)
    }

    /// Intervals that exclude 0 either way: d = ±10 with var₁ + var₂ = 4 + 5 = 9, half-width 5.88.
    @Test func risesAndFalls() {
        let base = YearOverYear.Figure(year: 2018, value: 500, variance: 4)
        let up = YearOverYear.change(from: base, to: .init(year: 2021, value: 510, variance: 5))
        #expect(up.verdict == .up)
        #expect(up.interval == (10 - 5.88)...(10 + 5.88))
        let down = YearOverYear.change(from: base, to: .init(year: 2021, value: 490, variance: 5))
        #expect(down.verdict == .down)
        // d = 5.8 < 5.88: the interval holds 0.
        let none = YearOverYear.change(from: base, to: .init(year: 2021, value: 505.8, variance: 5))
        #expect(none.verdict == .noSignificantChange)
    }

    /// A year with one school, or kept without its sums, gives a change without interval or verdict, naming it.
    @Test func noVarianceNoVerdict() {
        let one = YearOverYear.Figure(
            year: 2021, value: 500, estimate: RatioEstimate(clusters: [(y: 1500, m: 3)]), proportion: false)
        #expect(one.variance == nil && one.noVariance == .fewerThanTwoClusters)
        let kept = YearOverYear.Figure(year: 2024, value: 520, variance: 9)
        let change = YearOverYear.change(from: one, to: kept)
        #expect(change.value == 20)
        #expect(change.interval == nil && change.verdict == nil)
        #expect(change.noVerdict == .fewerThanTwoClusters)
        #expect(change.yearWithoutVariance == 2021)

        let early = YearOverYear.Figure(year: 2024, value: 520, estimate: nil, proportion: true)
        let second = YearOverYear.change(from: kept, to: early)
        #expect(second.noVerdict == .noClusterSums && second.yearWithoutVariance == 2024)
    }

    /// 校际差异率: a verdict only when the two intervals are disjoint.
    @Test func iccChangesNeedDisjointIntervals() {
        let overlap = YearOverYear.changeOfIntervals(
            from: (2018, 0.216, 0.10...0.38), to: (2021, 0.090, 0.03...0.20))
        #expect(overlap.verdict == nil && overlap.noVerdict == .intervalsOverlap)
        #expect(abs(overlap.value - -0.126) < 1e-12)
        #expect(overlap.interval == nil)
        let down = YearOverYear.changeOfIntervals(from: (2018, 0.30, 0.21...0.42), to: (2021, 0.08, 0.03...0.17))
        #expect(down.verdict == .down)
        let up = YearOverYear.changeOfIntervals(from: (2018, 0.08, 0.03...0.17), to: (2021, 0.30, 0.21...0.42))
        #expect(up.verdict == .up)
        let none = YearOverYear.changeOfIntervals(from: (2015, 0.19, nil), to: (2018, 0.216, 0.10...0.38))
        #expect(none.noVerdict == .noClusterSums && none.yearWithoutVariance == 2015)
    }

    /// Each element's previous and first element of its key, keys interleaved.
    @Test func linksFollowEachKey() {
        let links = YearOverYear.links(
            keys: ["数学4", "数学8", "数学4", "语文4", "数学4", "数学8"], years: [2018, 2018, 2021, 2022, 2024, 2024])
        #expect(
            links == [
                .init(previous: nil, first: nil), .init(previous: nil, first: nil), .init(previous: 0, first: 0),
                .init(previous: nil, first: nil), .init(previous: 2, first: 0), .init(previous: 1, first: 1),
            ])
        #expect(YearOverYear.links(keys: [String](), years: []).isEmpty)
    }
}
