/// Pearson's χ² with Yates' continuity correction, for a table with one degree of freedom (2 × 2)
/// (Yates 1934; Agresti, *Categorical Data Analysis*, 3rd ed., 2013, §3.5.6).
///
/// Each cell's distance from its expected count E_ij is shortened by ½, but never past 0:
///
///     X²_Yates = Σ_ij max(0, |O_ij − E_ij| − ½)² / E_ij
///     p        = Q(½, X²_Yates / 2)       the upper tail of χ² with 1 degree of freedom
///
/// In a 2 × 2 table every |O_ij − E_ij| is the same, |ad − bc| / N, so this is the textbook closed form
/// N (|ad − bc| − N/2)² / (R1 R2 C1 C2) when |ad − bc| ≥ N/2, and 0 otherwise. (The "never past 0" is
/// `scipy.stats.chi2_contingency(correction=True)`'s rule too: without it a table close to independence
/// would get a larger statistic than uncorrected.)
public struct YatesCorrection: Sendable, Hashable, Codable {
    /// X²_Yates.
    public var statistic: Double
    /// P(χ²_1 ≥ X²_Yates).
    public var pValue: Double

    public init(statistic: Double, pValue: Double) {
        self.statistic = statistic
        self.pValue = pValue
    }

    /// The corrected test of a 2 × 2 table, `table[row][column]`.
    ///
    /// - Precondition: two rows of two counts, none negative, and every row and column total above 0
    ///   (a zero margin leaves no degree of freedom).
    public static func test(_ table: [[Int]]) -> YatesCorrection {
        precondition(table.count == 2 && table.allSatisfy { $0.count == 2 }, "Yates' correction takes a 2 × 2 table")
        let rows = table.map { $0[0] + $0[1] }
        let columns = [table[0][0] + table[1][0], table[0][1] + table[1][1]]
        precondition(rows.allSatisfy { $0 > 0 } && columns.allSatisfy { $0 > 0 }, "every margin must be above 0")
        let n = Double(rows[0] + rows[1])
        var statistic = 0.0
        for i in 0..<2 {
            for j in 0..<2 {
                let expected = Double(rows[i]) * Double(columns[j]) / n
                let distance = max(0, abs(Double(table[i][j]) - expected) - 0.5)
                statistic += distance * distance / expected
            }
        }
        return YatesCorrection(
            statistic: statistic, pValue: ChiSquareIndependence.upperRegularizedGamma(0.5, statistic / 2))
    }
}
