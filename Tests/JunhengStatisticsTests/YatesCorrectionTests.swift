import Foundation
import Testing

@testable import JunhengStatistics

@Suite struct YatesCorrectionTests {
    /// The tea-tasting table [[3, 1], [1, 3]]: |ad − bc| = 8, N = 8, so
    /// X² = N (|ad − bc| − N/2)² / (R1 R2 C1 C2) = 8 · 16 / 256 = 0.5, p = erfc(√0.25) = 0.4795
    /// (scipy.stats.chi2_contingency(correction=True): 0.5, 0.47950012218695337).
    @Test func teaTastingClosedForm() {
        let test = YatesCorrection.test([[3, 1], [1, 3]])
        #expect(abs(test.statistic - 0.5) < 1e-12)
        #expect(abs(test.pValue - erfc(0.5)) < 1e-12)
        #expect(abs(test.pValue - 0.47950012218695337) < 1e-12)
    }

    /// [[8, 2], [1, 5]]: |ad − bc| = 38, N/2 = 8: X² = 16 · 30² / (10 · 6 · 9 · 7) = 14400/3780 = 3.8095
    /// (scipy: 3.8095238095238093, p = 0.050961936967763424).
    @Test func smallTableByHand() {
        let test = YatesCorrection.test([[8, 2], [1, 5]])
        #expect(abs(test.statistic - 14400.0 / 3780) < 1e-12)
        #expect(abs(test.pValue - 0.050961936967763424) < 1e-12)
    }

    /// [[5, 4], [5, 5]]: |ad − bc| / N = 5/19 < ½, so every cell's distance is shortened to 0 and X² = 0,
    /// p = 1 (uncorrected it would be 0.0586; scipy gives 0.0 and 1.0 too).
    @Test func correctionNeverPassesZero() {
        let test = YatesCorrection.test([[5, 4], [5, 5]])
        #expect(test.statistic == 0)
        #expect(test.pValue == 1)
    }

    /// The other references of scripts/reference_contingency.py.
    @Test func matchesScipy() {
        let cases: [([[Int]], Double, Double)] = [
            ([[12, 5], [7, 9]], 1.455996378814684, 0.22756821457580642),
            ([[0, 6], [4, 2]], 3.375, 0.06619257972219346),
            ([[120, 80], [95, 105]], 5.792583280955374, 0.016093922847440822),
        ]
        for (table, statistic, p) in cases {
            let test = YatesCorrection.test(table)
            #expect(abs(test.statistic - statistic) < 1e-9, "\(table)")
            #expect(abs(test.pValue - p) < 1e-9, "\(table)")
        }
    }
}
