import Foundation

/// Respondent-clustered interval for a rate pooled over several items: 95 % interval of the
/// satisfaction rate "positive answers / valid answers, pooled over scored items and respondents"
/// (DOMAIN.md §4).
///
/// One respondent's answers to several items are not independent, so the answers are not treated
/// as separate Bernoulli trials (a Wilson interval on the pooled counts would be too narrow).
/// Instead each respondent i is a cluster with y_i positive answers out of m_i valid answers, and
/// the rate is the ratio estimator, with its linearised (Taylor) variance:
///
///     r      = Σ y_i / Σ m_i
///     var(r) = n / (n − 1) · Σ (y_i − r·m_i)² / (Σ m_i)²
///     CI     = r ± 1.96 · sqrt(var(r)), clipped to [0, 1]
///
/// where n is the number of respondents with m_i > 0. The sums are kept as running totals
/// (Σy, Σm, Σy², Σm², Σym), so a survey of any size streams through in constant memory:
/// Σ (y_i − r m_i)² = Σy² − 2r Σym + r² Σm².
///
/// With fewer than two respondents the variance is undefined and there is no interval. When every
/// respondent's y_i = r·m_i (e.g. everyone 100 % positive) the estimated variance is 0 and ``interval``
/// collapses to the point [r, r]; ``intervalWithFallback`` then gives the documented fallback instead
/// (`ClusteredRatioInterval+Fallback.swift`).
public struct ClusteredRatioInterval: Sendable, Hashable {
    /// Respondents with at least one valid answer (clusters).
    public private(set) var clusters: Int = 0
    /// Σ y_i: positive answers.
    public private(set) var positive: Int = 0
    /// Σ m_i: valid answers.
    public private(set) var answered: Int = 0
    /// Σ y_i², Σ m_i², Σ y_i·m_i (whole numbers, held exactly up to 2^53).
    public private(set) var sumY2: Double = 0
    public private(set) var sumM2: Double = 0
    public private(set) var sumYM: Double = 0
    /// The normal quantile; 1.96 for 95 %.
    public var z: Double

    public init(z: Double = 1.96) {
        self.z = z
    }

    /// An accumulator with the given running sums n, Σy_i, Σm_i, Σy_i², Σm_i², Σy_i·m_i (DOMAIN.md §4),
    /// e.g. sums a caller kept as whole numbers: the same value as `add`ing those respondents one by one.
    public init(
        clusters: Int, positive: Int, answered: Int, sumY2: Double, sumM2: Double, sumYM: Double, z: Double = 1.96
    ) {
        precondition(clusters >= 0 && positive >= 0 && positive <= answered, "inconsistent sums")
        self.clusters = clusters
        self.positive = positive
        self.answered = answered
        self.sumY2 = sumY2
        self.sumM2 = sumM2
        self.sumYM = sumYM
        self.z = z
    }

    /// Adds one respondent with `positive` of `answered` valid answers; a respondent with none is ignored.
    public mutating func add(positive y: Int, answered m: Int) {
        precondition(y >= 0 && y <= m, "positive answers must lie in 0...answered")
        guard m > 0 else { return }
        clusters += 1
        positive += y
        answered += m
        let yd = Double(y)
        let md = Double(m)
        sumY2 += yd * yd
        sumM2 += md * md
        sumYM += yd * md
    }

    /// Adds every respondent of another accumulator (the sums are additive).
    public mutating func merge(_ other: ClusteredRatioInterval) {
        clusters += other.clusters
        positive += other.positive
        answered += other.answered
        sumY2 += other.sumY2
        sumM2 += other.sumM2
        sumYM += other.sumYM
    }

    /// r = Σy / Σm, or `nil` with no valid answers.
    public var rate: Double? {
        answered > 0 ? Double(positive) / Double(answered) : nil
    }

    /// The same sums as a ``RatioEstimate``: the one ratio estimator of the package, whose change from year
    /// to year ``YearOverYear`` judges.
    public var estimate: RatioEstimate {
        RatioEstimate(
            clusters: clusters, sumY: Double(positive), sumM: Double(answered), sumY2: sumY2, sumM2: sumM2,
            sumYM: sumYM)
    }

    /// var(r) = n/(n−1) · Σ(y_i − r m_i)² / (Σm)² (``RatioEstimate/variance``), or `nil` with fewer than two
    /// respondents.
    public var variance: Double? { estimate.variance }

    /// r ± z·sqrt(var(r)), clipped to [0, 1]; `nil` with fewer than two respondents.
    public var interval: ClosedRange<Double>? {
        guard let r = rate, let variance else { return nil }
        let half = z * variance.squareRoot()
        return max(0, r - half)...min(1, r + half)
    }
}
