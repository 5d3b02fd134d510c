/// A proportion's variance where the linearised one degenerates: when every cluster's y_j = r·m_j (every
/// respondent 100 % positive, every school all at Ⅲ+ …) var(r) is 0, which claims a certainty k clusters
/// cannot give (issue 9). A change between two years then uses the variance the **Wilson interval on the k
/// clusters** implies, as ``ClusteredRatioInterval/intervalWithFallback`` does for a year's own interval:
///
///     [L, U] = Wilson(p̂ = r, n = k)           (WilsonInterval.interval(proportion:size:))
///     var    = ((U − L) / (2z))²
///
/// (the half-width of a symmetric interval is z·sd). For r = 1 over 20 respondents: [0.83887, 1],
/// var = (0.16113 / 3.92)² = 0.0016896.
extension RatioEstimate {
    /// Whether every cluster's y_j = r·m_j, decided exactly rather than by a rounded variance when the sums
    /// are whole numbers: y and m are proportional iff (Σ y_j·m_j)² = Σ y_j² · Σ m_j² (the equality case of
    /// the Cauchy–Schwarz inequality), compared as 128-bit products. Sums that are not whole numbers (score
    /// sums) are judged by the variance itself.
    public var everyClusterAtTheRate: Bool {
        guard clusters > 0 else { return false }
        guard let ym = UInt64(exactly: sumYM), let y2 = UInt64(exactly: sumY2), let m2 = UInt64(exactly: sumM2)
        else { return variance == 0 }
        return ym.multipliedFullWidth(by: ym) == y2.multipliedFullWidth(by: m2)
    }

    /// The variance of a proportion (0 ≤ r ≤ 1) for its change: var(r), or the Wilson-implied variance above
    /// where every cluster is at the rate; `nil` with fewer than two clusters.
    public func proportionVariance(z: Double = 1.96) -> Double? {
        guard let r = value, let variance else { return nil }
        guard everyClusterAtTheRate || variance == 0 else { return variance }
        let wilson = WilsonInterval.interval(proportion: min(1, max(0, r)), size: Double(clusters), z: z)
        let half = (wilson.upperBound - wilson.lowerBound) / (2 * z)
        return half * half
    }
}
