/// A ratio estimator over clusters with its linearised (Taylor) variance: every yearly figure whose change
/// junheng judges is one (DOMAIN.md §7).
///
/// Over clusters j = 1…k, each with a numerator y_j and a size m_j > 0:
///
///     r      = Σ y_j / Σ m_j
///     var(r) = k / (k − 1) · Σ_j (y_j − r·m_j)² / (Σ_j m_j)²
///
/// - monitoring mean score: clusters are schools, y_j = the sum of the scores in school j, m_j = its
///   students tested;
/// - monitoring share at level Ⅲ or above: the same, with y_j = the students at Ⅲ or Ⅳ;
/// - satisfaction rate: clusters are respondents, y_j = positive answers, m_j = valid answers (the sums
///   ``ClusteredRatioInterval`` keeps, DOMAIN.md §4).
///
/// Only the running sums k, Σy, Σm, Σy², Σm², Σym are kept (they add across clusters, years' stores and
/// counties, DOMAIN.md §8): Σ (y_j − r·m_j)² = Σy² − 2r·Σym + r²·Σm². With k < 2 there is no variance.
public struct RatioEstimate: Sendable, Hashable, Codable {
    /// k, the clusters with m_j > 0.
    public private(set) var clusters: Int
    /// Σ y_j, Σ m_j.
    public private(set) var sumY: Double
    public private(set) var sumM: Double
    /// Σ y_j², Σ m_j², Σ y_j·m_j.
    public private(set) var sumY2: Double
    public private(set) var sumM2: Double
    public private(set) var sumYM: Double

    /// No cluster yet.
    public init() {
        self.init(clusters: 0, sumY: 0, sumM: 0, sumY2: 0, sumM2: 0, sumYM: 0)
    }

    /// The estimate of running sums kept elsewhere (a store's columns): the same as adding those clusters one
    /// by one.
    public init(clusters: Int, sumY: Double, sumM: Double, sumY2: Double, sumM2: Double, sumYM: Double) {
        precondition(clusters >= 0 && sumM >= 0 && sumM2 >= 0 && sumY2 >= 0, "inconsistent sums")
        self.clusters = clusters
        self.sumY = sumY
        self.sumM = sumM
        self.sumY2 = sumY2
        self.sumM2 = sumM2
        self.sumYM = sumYM
    }

    /// The estimate over `clusters`, each a numerator `y` and a size `m` (clusters with m = 0 are left out).
    public init(clusters: some Sequence<(y: Double, m: Double)>) {
        self.init()
        for cluster in clusters { add(y: cluster.y, m: cluster.m) }
    }

    /// Adds cluster j with numerator `y` and size `m`; a cluster of size 0 holds nothing and is ignored.
    public mutating func add(y: Double, m: Double) {
        precondition(m >= 0 && y.isFinite && m.isFinite, "a cluster's size is 0 or more, both finite")
        guard m > 0 else { return }
        clusters += 1
        sumY += y
        sumM += m
        sumY2 += y * y
        sumM2 += m * m
        sumYM += y * m
    }

    /// Adds every cluster of `other` (the sums are additive).
    public mutating func merge(_ other: RatioEstimate) {
        clusters += other.clusters
        sumY += other.sumY
        sumM += other.sumM
        sumY2 += other.sumY2
        sumM2 += other.sumM2
        sumYM += other.sumYM
    }

    /// r = Σy / Σm, or `nil` when Σm = 0.
    public var value: Double? {
        sumM > 0 ? sumY / sumM : nil
    }

    /// var(r) = k/(k − 1) · Σ(y_j − r·m_j)² / (Σm)², or `nil` with fewer than two clusters. The sum of
    /// squared residuals is taken as 0 where rounding makes it slightly negative.
    public var variance: Double? {
        guard clusters >= 2, let r = value else { return nil }
        let k = Double(clusters)
        let residuals = max(0, sumY2 - 2 * r * sumYM + r * r * sumM2)
        return k / (k - 1) * residuals / (sumM * sumM)
    }

    /// r ± z·sqrt(var(r)) around `centre` (r by default: a caller may centre it on the figure as it reports
    /// it), or `nil` with fewer than two clusters.
    public func interval(around centre: Double? = nil, z: Double = 1.96) -> ClosedRange<Double>? {
        guard let centre = centre ?? value, let variance else { return nil }
        let half = z * variance.squareRoot()
        return (centre - half)...(centre + half)
    }
}
