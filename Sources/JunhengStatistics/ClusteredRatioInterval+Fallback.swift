/// The respondent-clustered interval with a fallback where it degenerates (issue 9: a township whose
/// every answer is positive must not get the interval [1, 1]).
///
/// The linearised variance is 0 whenever every respondent's y_i = r·m_i: everyone answered 100 %
/// positive (r = 1), 0 % (r = 0), or exactly the pooled share (each of four respondents 1 of 2). The data
/// then say nothing about how answers vary between respondents, and a zero-width interval would claim
/// certainty that a sample of n respondents cannot give. In that case the interval is the **Wilson score
/// interval with p̂ = r on the effective sample size n_eff = n respondents**:
///
///     deff  = 1 + (m̄ − 1)·ρ,  with m̄ = Σm_i / n answers per respondent and ρ = 1
///     n_eff = Σm_i / deff = n
///     CI    = Wilson(p̂ = r, n = n_eff)       (WilsonInterval.interval(proportion:size:))
///
/// ρ = 1 (a respondent's answers perfectly correlated, which is what identical shares within every
/// respondent look like) is the most cautious design effect: the interval is as wide as if each
/// respondent had answered one item. References: Kish, L. (1965), *Survey Sampling*, Wiley, §5.4 (the
/// design effect of a cluster sample, deff = 1 + (b̄ − 1)·roh); Wilson, E. B. (1927), "Probable
/// inference, the law of succession, and statistical inference", *JASA* 22, 209–212. DOMAIN.md §4 names
/// Wilson as the interval of a rate.
///
/// Cells with a non-zero variance keep the clustered interval unchanged; cells with fewer than two
/// respondents still have none.
extension ClusteredRatioInterval {
    /// How ``intervalWithFallback`` was computed.
    public enum Method: String, Sendable, Hashable {
        /// r ± z·√var(r), clipped to [0, 1] (``interval``).
        case clustered
        /// Wilson on the n respondents, where the clustered variance is 0.
        case respondentWilson
    }

    /// The 95 % interval and how it was computed; `nil` with fewer than two respondents.
    public var intervalWithFallback: (interval: ClosedRange<Double>, method: Method)? {
        guard let r = rate, let variance else { return nil }
        if !everyRespondentAtTheRate, variance > 0, let interval { return (interval, .clustered) }
        return (WilsonInterval.interval(proportion: r, size: Double(clusters), z: z), .respondentWilson)
    }

    /// Whether every respondent's y_i = r·m_i, decided exactly rather than by a rounded variance
    /// (``RatioEstimate/everyClusterAtTheRate``): each respondent 1 of 3 gives r = 1/3, which no `Double`
    /// holds, and a rounded residual of about 10⁻¹⁶ instead of 0.
    public var everyRespondentAtTheRate: Bool { estimate.everyClusterAtTheRate }
}
