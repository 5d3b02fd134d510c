import Foundation

/// Fisher's exact test of independence for a 2 × 2 table, two-sided (Fisher 1935, the lady tasting
/// tea; Agresti, *An Introduction to Categorical Data Analysis*, 2nd ed., 2007, §2.6).
///
/// With the table [[a, b], [c, d]], its row totals R1 = a + b, R2 = c + d, column totals C1 = a + c,
/// C2 = b + d and N = R1 + R2, every margin fixed, the count in the first cell follows the
/// hypergeometric distribution:
///
///     P(x) = C(R1, x) · C(R2, C1 − x) / C(N, C1)      max(0, C1 − R2) ≤ x ≤ min(R1, C1)
///
/// The two-sided p-value sums the probabilities of every table at most as probable as the one observed:
///
///     p = Σ_{x : P(x) ≤ P(a)} P(x)
///
/// (R's `fisher.test` and `scipy.stats.fisher_exact`; as they do, a table counts as "at most as
/// probable" within a relative 1e-7, so tables that tie with the observed one are never lost to
/// rounding). The binomial coefficients are taken through `lgamma`, so N in the thousands is exact to
/// about 1e-12.
public enum FisherExactTest {
    /// The two-sided p-value of a 2 × 2 table, `table[row][column]`.
    ///
    /// - Precondition: two rows of two counts, none negative, and at least one count above 0.
    /// - Complexity: O(min(R1, C1)).
    public static func twoSidedP(_ table: [[Int]]) -> Double {
        precondition(table.count == 2 && table.allSatisfy { $0.count == 2 }, "Fisher's exact test takes a 2 × 2 table")
        precondition(table.allSatisfy { $0.allSatisfy { $0 >= 0 } }, "counts cannot be negative")
        let a = table[0][0]
        let r1 = table[0][0] + table[0][1]
        let r2 = table[1][0] + table[1][1]
        let c1 = table[0][0] + table[1][0]
        let n = r1 + r2
        precondition(n > 0, "Fisher's exact test needs at least one count")
        let low = max(0, c1 - r2)
        let high = min(r1, c1)
        let logDenominator = logChoose(n, c1)
        func probability(_ x: Int) -> Double {
            exp(logChoose(r1, x) + logChoose(r2, c1 - x) - logDenominator)
        }
        let observed = probability(a)
        let bound = observed * (1 + 1e-7)
        // The probabilities add up to 1; dividing by their computed sum cancels the rounding of lgamma, so a
        // table where every other one is at most as probable gets exactly 1.
        var atMost = 0.0
        var total = 0.0
        for x in low...high {
            let px = probability(x)
            total += px
            if px <= bound { atMost += px }
        }
        return min(1, atMost / total)
    }

    /// ln C(n, k) = ln Γ(n + 1) − ln Γ(k + 1) − ln Γ(n − k + 1).
    static func logChoose(_ n: Int, _ k: Int) -> Double {
        lgamma(Double(n) + 1) - lgamma(Double(k) + 1) - lgamma(Double(n - k) + 1)
    }
}
