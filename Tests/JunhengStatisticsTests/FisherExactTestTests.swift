import Testing

@testable import JunhengStatistics

@Suite struct FisherExactTestTests {
    /// Fisher's lady tasting tea: 8 cups, 4 with the milk first, all 4 named by her as such, 3 right.
    /// With every margin 4, P(x) = C(4, x) C(4, 4 − x) / C(8, 4) = 1, 16, 36, 16, 1 over 70; the tables
    /// at most as probable as x = 3 (16/70) are x = 0, 1, 3, 4: p = 34/70 = 0.4857 (scipy:
    /// 0.48571428571428565).
    @Test func teaTasting() {
        #expect(abs(FisherExactTest.twoSidedP([[3, 1], [1, 3]]) - 34.0 / 70) < 1e-12)
    }

    /// [[8, 2], [1, 5]]: R1 = 10, R2 = 6, C1 = 9, C(16, 9) = 11440; x = 3 … 9 gives C(10, x) C(6, 9 − x)
    /// = 120, 1260, 3780, 4200, 1800, 270, 10 (they add up to 11440). Observed x = 8 (270): the tables
    /// at most as probable are 120, 270 and 10, p = 400/11440 = 5/143 = 0.034965 (scipy:
    /// 0.034965034965034975).
    @Test func smallTableByHand() {
        #expect(abs(FisherExactTest.twoSidedP([[8, 2], [1, 5]]) - 5.0 / 143) < 1e-12)
    }

    /// The other references of scripts/reference_contingency.py (scipy.stats.fisher_exact).
    @Test func matchesScipy() {
        let cases: [([[Int]], Double)] = [
            ([[12, 5], [7, 9]], 0.16632006577356484),
            ([[5, 4], [5, 5]], 1.0),
            ([[0, 6], [4, 2]], 0.060606060606060615),
            ([[120, 80], [95, 105]], 0.01598574593181204),
        ]
        for (table, p) in cases {
            #expect(abs(FisherExactTest.twoSidedP(table) / p - 1) < 1e-9, "\(table)")
        }
    }

    /// The test does not depend on which way the table is written: transposed, rows swapped.
    @Test func symmetricInTheTable() {
        let p = FisherExactTest.twoSidedP([[12, 5], [7, 9]])
        #expect(abs(FisherExactTest.twoSidedP([[12, 7], [5, 9]]) - p) < 1e-12)
        #expect(abs(FisherExactTest.twoSidedP([[7, 9], [12, 5]]) - p) < 1e-12)
    }

    /// One margin 0: a single table is possible, so p = 1.
    @Test func degenerateMarginGivesOne() {
        #expect(abs(FisherExactTest.twoSidedP([[4, 0], [6, 0]]) - 1) < 1e-12)
    }
}
