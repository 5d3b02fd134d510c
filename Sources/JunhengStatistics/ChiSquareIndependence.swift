import Foundation

/// Pearson's χ² test of independence for an r × c table of counts: whether the answers to a question
/// depend on the group (交叉分析, DOMAIN.md §4 reports rates by group; this tests the difference).
///
/// With O_ij the count in row i and column j, R_i and C_j the row and column totals and N the total:
///
///     E_ij = R_i · C_j / N                                 (the count expected under independence)
///     X²   = Σ_ij (O_ij − E_ij)² / E_ij
///     df   = (r − 1)(c − 1)      over the rows and columns whose total is not 0
///     p    = Q(df / 2, X² / 2)   the upper tail of the χ² distribution with df degrees of freedom
///
/// where Q(a, x) = Γ(a, x) / Γ(a) is the regularised upper incomplete gamma function (Abramowitz &
/// Stegun §26.4 for the χ² tail as Q; Numerical Recipes, 3rd ed., §6.2 for Q itself, see
/// ``ChiSquareIndependence/upperRegularizedGamma(_:_:)``). Reference for the test itself: Agresti,
/// *An Introduction to Categorical Data Analysis* (2nd ed., 2007), §2.4.
///
/// A row or column whose total is 0 carries no information and is left out (its expected counts would
/// be 0). The approximation is poor when expected counts are small: the test is then flagged
/// (``smallExpectedCells`` > 0, ``isFlagged``), never hidden. The statistic is Pearson's, without a
/// continuity correction; when the table left has one degree of freedom (2 × 2), the test also carries
/// Yates' corrected statistic (``YatesCorrection``) and Fisher's exact p (``FisherExactTest``), for a
/// reader to give beside it when an expected count is under 5.
///
/// The strength of the association is Cramér's V (Cramér 1946, §21.9; Agresti 2013, §2.4.5), over the
/// r' × c' table of non-empty rows and columns:
///
///     V = √( X² / (N · (min(r', c') − 1)) )      0 (independent) … 1 (each group answers one option)
///
/// with the uncorrected X² (as `scipy.stats.contingency.association(method="cramer")`).
public struct ChiSquareIndependence: Sendable, Hashable, Codable {
    /// Why the test cannot be computed from the table given.
    public enum Undefined: String, Sendable, Hashable, Codable, Error {
        /// No counts at all (N = 0).
        case empty
        /// One row or one column with a non-zero total: df = 0, there is nothing to compare.
        case noDegreesOfFreedom = "no-degrees-of-freedom"
    }

    /// X², the Pearson statistic.
    public var statistic: Double
    /// df = (r − 1)(c − 1) over the non-empty rows and columns.
    public var degreesOfFreedom: Int
    /// P(χ²_df ≥ X²).
    public var pValue: Double
    /// N, the table's total.
    public var total: Int
    /// The smallest expected count E_ij.
    public var minimumExpected: Double
    /// How many cells have an expected count under 5.
    public var smallExpectedCells: Int
    /// How many cells entered the test (r × c over the non-empty rows and columns).
    public var cells: Int
    /// Cramér's V = √(X² / (N (min(r', c') − 1))).
    public var cramersV: Double
    /// Yates' corrected statistic and p, when the table tested is 2 × 2 (df = 1); else `nil`.
    public var yates: YatesCorrection?
    /// Fisher's exact two-sided p, when the table tested is 2 × 2 (df = 1); else `nil`.
    public var fisherExactP: Double?

    public init(
        statistic: Double, degreesOfFreedom: Int, pValue: Double, total: Int, minimumExpected: Double,
        smallExpectedCells: Int, cells: Int, cramersV: Double, yates: YatesCorrection? = nil,
        fisherExactP: Double? = nil
    ) {
        self.statistic = statistic
        self.degreesOfFreedom = degreesOfFreedom
        self.pValue = pValue
        self.total = total
        self.minimumExpected = minimumExpected
        self.smallExpectedCells = smallExpectedCells
        self.cells = cells
        self.cramersV = cramersV
        self.yates = yates
        self.fisherExactP = fisherExactP
    }

    /// The expected count under which a cell makes the χ² approximation doubtful.
    public static let smallExpectedCount = 5.0

    /// Whether some expected count is under 5: the p-value is then only approximate.
    public var isFlagged: Bool { smallExpectedCells > 0 }

    /// Tests a table of counts, `table[row][column]` (rows may be groups, columns the options).
    ///
    /// - Precondition: every row has the same number of columns, and no count is negative.
    /// - Returns: the test, or why it is undefined (no counts, or df = 0).
    /// - Complexity: O(r · c).
    public static func test(_ table: [[Int]]) -> Result<ChiSquareIndependence, Undefined> {
        let columnCount = table.first?.count ?? 0
        precondition(table.allSatisfy { $0.count == columnCount }, "every row must have the same number of columns")
        precondition(table.allSatisfy { $0.allSatisfy { $0 >= 0 } }, "counts cannot be negative")
        let rowTotals = table.map { $0.reduce(0, +) }
        let columnTotals = (0..<columnCount).map { column in table.reduce(0) { $0 + $1[column] } }
        let total = rowTotals.reduce(0, +)
        guard total > 0 else { return .failure(.empty) }
        let rows = rowTotals.indices.filter { rowTotals[$0] > 0 }
        let columns = columnTotals.indices.filter { columnTotals[$0] > 0 }
        guard rows.count >= 2, columns.count >= 2 else { return .failure(.noDegreesOfFreedom) }

        let n = Double(total)
        var statistic = 0.0
        var minimumExpected = Double.infinity
        var small = 0
        for i in rows {
            for j in columns {
                let expected = Double(rowTotals[i]) * Double(columnTotals[j]) / n
                let difference = Double(table[i][j]) - expected
                statistic += difference * difference / expected
                minimumExpected = min(minimumExpected, expected)
                if expected < smallExpectedCount { small += 1 }
            }
        }
        let df = (rows.count - 1) * (columns.count - 1)
        let p = upperRegularizedGamma(Double(df) / 2, statistic / 2)
        let v = (statistic / (n * Double(min(rows.count, columns.count) - 1))).squareRoot()
        var yates: YatesCorrection?
        var fisher: Double?
        if df == 1 {
            let reduced = rows.map { i in columns.map { j in table[i][j] } }
            yates = YatesCorrection.test(reduced)
            fisher = FisherExactTest.twoSidedP(reduced)
        }
        return .success(
            ChiSquareIndependence(
                statistic: statistic, degreesOfFreedom: df, pValue: p, total: total, minimumExpected: minimumExpected,
                smallExpectedCells: small, cells: rows.count * columns.count, cramersV: min(1, v), yates: yates,
                fisherExactP: fisher))
    }
}

// MARK: - The incomplete gamma function

extension ChiSquareIndependence {
    /// Q(a, x) = Γ(a, x) / Γ(a) = 1 − P(a, x), the regularised upper incomplete gamma function, for
    /// a > 0 and x ≥ 0 (Numerical Recipes, 3rd ed., §6.2, `gammq`; Abramowitz & Stegun §6.5).
    ///
    /// For x < a + 1 the series converges fast:
    ///
    ///     P(a, x) = e^(−x) x^a / Γ(a) · Σ_{n≥0} x^n / (a (a+1) … (a+n))
    ///
    /// and Q = 1 − P; otherwise the continued fraction, evaluated by the modified Lentz method, does:
    ///
    ///     Q(a, x) = e^(−x) x^a / Γ(a) · 1/(x + 1 − a − 1·(1 − a)/(x + 3 − a − 2·(2 − a)/(x + 5 − a − …)))
    ///
    /// Both are summed until the relative change is below 1e-15, so the result is good to about 1e-14.
    public static func upperRegularizedGamma(_ a: Double, _ x: Double) -> Double {
        precondition(a > 0 && x >= 0, "Q(a, x) needs a > 0 and x ≥ 0")
        if x == 0 { return 1 }
        // e^(−x) x^a / Γ(a), through logarithms so large a and x do not overflow.
        let prefactor = exp(-x + a * log(x) - lgamma(a))
        let epsilon = 1e-15
        if x < a + 1 {
            var term = 1 / a
            var sum = term
            var denominator = a
            for _ in 0..<10_000 {
                denominator += 1
                term *= x / denominator
                sum += term
                if abs(term) < abs(sum) * epsilon { break }
            }
            return max(0, 1 - sum * prefactor)
        }
        // Modified Lentz: b_0 = x + 1 − a, a_n = −n(n − a), b_n = b_{n−1} + 2.
        let tiny = Double.leastNormalMagnitude / epsilon
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var fraction = d
        for n in 1..<10_000 {
            let an = -Double(n) * (Double(n) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            fraction *= delta
            if abs(delta - 1) < epsilon { break }
        }
        return min(1, fraction * prefactor)
    }
}
