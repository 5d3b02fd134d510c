import Foundation
import Testing

@testable import JunhengStatistics

@Suite struct ChiSquareIndependenceTests {
    // MARK: - Undefined tables

    @Test func emptyTableIsUndefined() {
        #expect(ChiSquareIndependence.test([]) == .failure(.empty))
        #expect(ChiSquareIndependence.test([[0, 0], [0, 0]]) == .failure(.empty))
    }

    /// One cell: one row and one column, df = (1 − 1)(1 − 1) = 0.
    @Test func oneCellHasNoDegreesOfFreedom() {
        #expect(ChiSquareIndependence.test([[7]]) == .failure(.noDegreesOfFreedom))
    }

    /// One group (a single row), or every answer on one option (a single non-empty column): df = 0.
    @Test func oneRowOrOneColumnHasNoDegreesOfFreedom() {
        #expect(ChiSquareIndependence.test([[3, 4, 5]]) == .failure(.noDegreesOfFreedom))
        #expect(ChiSquareIndependence.test([[3, 0], [4, 0], [5, 0]]) == .failure(.noDegreesOfFreedom))
    }

    // MARK: - Worked examples

    /// Agresti, *An Introduction to Categorical Data Analysis* (2nd ed., 2007), Table 2.5: party
    /// identification by gender (females 762 / 327 / 468 Democrat / Independent / Republican, males
    /// 484 / 239 / 477). The book gives X² = 30.1 with df = 2. By hand: N = 2757, row totals 1557 and
    /// 1200, column totals 1246, 566, 945; E_11 = 1557 · 1246 / 2757 = 703.671, …; X² = 30.070149.
    /// For df = 2 the tail is exactly e^(−X²/2) = 2.953589e-7 (scipy.stats.chi2_contingency gives
    /// 30.070149095754672 and 2.9535891832117595e-07).
    @Test func agrestiPartyIdentificationByGender() throws {
        let test = try ChiSquareIndependence.test([[762, 327, 468], [484, 239, 477]]).get()
        #expect(abs(test.statistic - 30.070149095754672) < 1e-6)
        #expect(test.degreesOfFreedom == 2)
        #expect(abs(test.pValue - exp(-30.070149095754672 / 2)) < 1e-12)
        #expect(abs(test.pValue / 2.9535891832117595e-07 - 1) < 1e-6)
        #expect(test.total == 2757)
        #expect(abs(test.minimumExpected - 1200.0 * 566 / 2757) < 1e-9)
        #expect(!test.isFlagged)
        #expect(test.cells == 6)
    }

    /// A 2 × 2 table has the closed form X² = N (ad − bc)² / (R1 R2 C1 C2): for [[12, 5], [7, 9]],
    /// 33 · (108 − 35)² / (17 · 16 · 19 · 14) = 175857 / 72352 = 2.4305755; with df = 1 the tail is
    /// erfc(√(X²/2)) = 0.1189892 (scipy: 0.118989205532145, no continuity correction).
    @Test func twoByTwoClosedForm() throws {
        let test = try ChiSquareIndependence.test([[12, 5], [7, 9]]).get()
        let statistic = 175857.0 / 72352
        #expect(abs(test.statistic - statistic) < 1e-12)
        #expect(test.degreesOfFreedom == 1)
        #expect(abs(test.pValue - erfc((statistic / 2).squareRoot())) < 1e-12)
        #expect(abs(test.pValue - 0.118989205532145) < 1e-9)
        #expect(!test.isFlagged)
    }

    /// A zero row and a zero column are left out: [[3, 1, 0], [2, 4, 0], [0, 0, 0]] is tested as
    /// [[3, 1], [2, 4]]: E = [[2, 2], [3, 3]], X² = 1/2 + 1/2 + 1/3 + 1/3 = 5/3, df = 1. Every
    /// expected count is under 5, so the test is flagged (4 cells), not hidden.
    @Test func zeroRowAndColumnAreLeftOutAndSmallCountsFlagged() throws {
        let test = try ChiSquareIndependence.test([[3, 1, 0], [2, 4, 0], [0, 0, 0]]).get()
        #expect(abs(test.statistic - 5.0 / 3) < 1e-12)
        #expect(test.degreesOfFreedom == 1)
        #expect(abs(test.pValue - erfc((5.0 / 6).squareRoot())) < 1e-12)
        #expect(test.cells == 4)
        #expect(test.smallExpectedCells == 4)
        #expect(test.minimumExpected == 2)
        #expect(test.isFlagged)
    }

    /// Identical distributions in every group: X² = 0 and p = 1.
    @Test func independentTableHasStatisticZero() throws {
        let test = try ChiSquareIndependence.test([[10, 20], [20, 40], [5, 10]]).get()
        #expect(abs(test.statistic) < 1e-12)
        #expect(test.degreesOfFreedom == 2)
        #expect(test.pValue == 1)
    }

    // MARK: - Cramér's V, and a 2 × 2 table's Yates and Fisher

    /// V = √(X² / (N (min(r, c) − 1))): the tea-tasting table has X² = 2, N = 8, so V = √(2/8) = 0.5;
    /// Agresti's 2 × 3 table √(30.070149 / 2757) = 0.104436; a 3 × 3 table of N = 118 with X² = 23.610940,
    /// √(23.610940 / 236) = 0.316301 (scipy.stats.contingency.association: 0.5, 0.10443580235646777,
    /// 0.3163010517547489; scripts/reference_contingency.py).
    @Test func cramersVByHandAndScipy() throws {
        #expect(abs(try ChiSquareIndependence.test([[3, 1], [1, 3]]).get().cramersV - 0.5) < 1e-12)
        let agresti = try ChiSquareIndependence.test([[762, 327, 468], [484, 239, 477]]).get()
        #expect(abs(agresti.cramersV - (30.070149095754672 / 2757).squareRoot()) < 1e-9)
        #expect(abs(agresti.cramersV - 0.10443580235646777) < 1e-9)
        let square = try ChiSquareIndependence.test([[10, 20, 30], [20, 10, 5], [3, 8, 12]]).get()
        #expect(abs(square.statistic - 23.61093986051384) < 1e-9)
        #expect(abs(square.cramersV - 0.3163010517547489) < 1e-9)
        #expect(square.yates == nil && square.fisherExactP == nil)
    }

    /// A table that is 2 × 2 once its empty row and column are left out carries Yates' statistic and
    /// Fisher's p of that 2 × 2 table: [[8, 2, 0], [1, 5, 0], [0, 0, 0]] is [[8, 2], [1, 5]] (Yates
    /// 14400/3780, Fisher 5/143; see their own tests). A larger table carries neither.
    @Test func twoByTwoCarriesYatesAndFisher() throws {
        let test = try ChiSquareIndependence.test([[8, 2, 0], [1, 5, 0], [0, 0, 0]]).get()
        #expect(test.degreesOfFreedom == 1)
        #expect(abs(test.statistic - 6.112169312169312) < 1e-9)
        #expect(abs((test.yates?.statistic ?? -1) - 14400.0 / 3780) < 1e-12)
        #expect(abs((test.fisherExactP ?? -1) - 5.0 / 143) < 1e-12)
        #expect(abs(test.cramersV - 0.6180700462007377) < 1e-9)
        #expect(test.isFlagged)
        let larger = try ChiSquareIndependence.test([[762, 327, 468], [484, 239, 477]]).get()
        #expect(larger.yates == nil && larger.fisherExactP == nil)
    }

    // MARK: - Q(a, x)

    /// Closed forms: Q(1, x) = e^(−x) (df = 2), Q(1/2, x) = erfc(√x) (df = 1), and
    /// Q(n, x) = e^(−x) Σ_{k<n} x^k / k! for whole n — on both sides of x = a + 1, where the series
    /// hands over to the continued fraction.
    @Test func upperGammaMatchesClosedForms() {
        for x in [0.01, 0.5, 1.9, 2.1, 7, 30, 200] {
            #expect(abs(ChiSquareIndependence.upperRegularizedGamma(1, x) - exp(-x)) <= 1e-14 + 1e-12 * exp(-x))
            #expect(abs(ChiSquareIndependence.upperRegularizedGamma(0.5, x) - erfc(x.squareRoot())) < 1e-13)
            var sum = 0.0
            var term = 1.0
            for k in 0..<5 {
                if k > 0 { term *= x / Double(k) }
                sum += term
            }
            let q5 = exp(-x) * sum
            #expect(abs(ChiSquareIndependence.upperRegularizedGamma(5, x) - q5) <= 1e-13 * max(1, q5))
        }
        #expect(ChiSquareIndependence.upperRegularizedGamma(3, 0) == 1)
    }

    /// Tails scipy gives (scipy.stats.chi2.sf): χ²(1) at 3.84 = 0.05004352124870519; χ²(7) at 10 =
    /// 0.18857346751344997; χ²(150) at 200 = 0.003973185970821635 (large df, continued fraction).
    @Test func chiSquareTailsMatchScipy() {
        #expect(abs(ChiSquareIndependence.upperRegularizedGamma(0.5, 1.92) - 0.05004352124870519) < 1e-12)
        #expect(abs(ChiSquareIndependence.upperRegularizedGamma(3.5, 5) - 0.18857346751344997) < 1e-12)
        #expect(abs(ChiSquareIndependence.upperRegularizedGamma(75, 100) / 0.003973185970821635 - 1) < 1e-9)
    }
}
