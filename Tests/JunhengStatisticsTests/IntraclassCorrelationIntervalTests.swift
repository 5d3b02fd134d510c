import Testing

@testable import JunhengStatistics

/// Searle's interval of ICC(1) (DOMAIN.md §7) against a separate computation in Python: the one-way ANOVA in
/// NumPy and the F quantiles from `scipy.stats.f.ppf`, ICC_L = (F_L − 1)/(F_L + n0 − 1) and ICC_U likewise.
@Suite struct IntraclassCorrelationIntervalTests {
    static func interval(_ groups: [[Double]]) throws -> (IntraclassCorrelation, ClosedRange<Double>) {
        let icc = try IntraclassCorrelation.oneWay(groups: groups).get()
        return (icc, try #require(icc.searleInterval()))
    }

    /// Five groups of 6, 4, 7, 3 and 5: MSB = 749.6725, MSW = 13.6775, n0 = 4.9, F = 54.810638;
    /// ICC(1) = 0.9165398, interval [0.7486497, 0.9896423].
    @Test func fiveUnequalGroups() throws {
        let (icc, interval) = try Self.interval([
            [62, 70, 75, 68, 71, 66], [80, 85, 78, 90], [55, 60, 58, 61, 57, 59, 63], [72, 74, 69],
            [88, 84, 91, 86, 90],
        ])
        #expect(abs(icc.rawEstimate - 0.916_539_826_9) < 1e-9)
        #expect(abs(interval.lowerBound - 0.748_649_710_97) < 1e-9)
        #expect(abs(interval.upperBound - 0.989_642_255_04) < 1e-9)
    }

    /// DOMAIN.md §7's second year (three schools, n0 = 2.285714, F = 13.246753): [0.0964287, 0.9956145].
    @Test func threeSchools() throws {
        let (_, interval) = try Self.interval([[510, 540], [500, 495, 505], [560, 550]])
        #expect(abs(interval.lowerBound - 0.096_428_746_78) < 1e-9)
        #expect(abs(interval.upperBound - 0.995_614_514_42) < 1e-9)
    }

    /// The first year's lower bound is −0.3411183: shown as 0, as a negative estimate is; upper 0.9945467.
    @Test func aNegativeBoundIsShownAsZero() throws {
        let (_, interval) = try Self.interval([[500, 520], [480, 470, 490], [530]])
        #expect(interval.lowerBound == 0)
        #expect(abs(interval.upperBound - 0.994_546_700_11) < 1e-9)
    }

    /// From stored figures; none where they cannot give one.
    @Test func fromStoredFigures() {
        let stored = IntraclassCorrelation.searleInterval(
            groups: 5, observations: 25, meanSquareBetween: 749.6725, meanSquareWithin: 13.6775, n0: 4.9)
        #expect(stored.map { abs($0.lowerBound - 0.748_649_710_97) < 1e-9 } == true)
        #expect(
            IntraclassCorrelation.searleInterval(
                groups: 1, observations: 25, meanSquareBetween: 1, meanSquareWithin: 1, n0: 25) == nil)
        #expect(
            IntraclassCorrelation.searleInterval(
                groups: 3, observations: 3, meanSquareBetween: 1, meanSquareWithin: 1, n0: 1) == nil)
        #expect(
            IntraclassCorrelation.searleInterval(
                groups: 3, observations: 9, meanSquareBetween: 4, meanSquareWithin: 0, n0: 3) == nil)
    }
}
