/// The confidence interval of ICC(1) from the F distribution (Searle 1971; DOMAIN.md §7).
///
/// With F = MSB / MSW and q(p) the p-quantile of the F distribution with (k − 1, N − k) degrees of freedom
/// (``FDistribution``), for the 95 % interval (α = 0.05):
///
///     F_L = F / q(1 − α/2),   F_U = F / q(α/2)
///     ICC_L = (F_L − 1) / (F_L + n0 − 1),   ICC_U = (F_U − 1) / (F_U + n0 − 1)
///
/// n0 is the group size of the estimate ((N − Σ n_i²/N)/(k − 1)), so the interval is exact for equal
/// groups and Searle's approximation otherwise. The bounds are reported in [0, 1] as the estimate is (a
/// negative bound is shown as 0). Reference: Searle, S. R. (1971), *Linear Models*, Wiley, §9.7;
/// Donner, A. & Wells, G. (1986), "A comparison of confidence interval methods for the intraclass
/// correlation coefficient", *Biometrics* 42, 401–412.
extension IntraclassCorrelation {
    /// The interval at `level` (0.95 by default), or `nil` when MSW is 0 (F is infinite).
    public func searleInterval(level: Double = 0.95) -> ClosedRange<Double>? {
        Self.searleInterval(
            groups: groups, observations: observations, meanSquareBetween: meanSquareBetween,
            meanSquareWithin: meanSquareWithin, n0: n0, level: level)
    }

    /// The interval from the figures an ANOVA table gives (k groups, N observations, MSB, MSW, n0), e.g. as a
    /// history store keeps them; `nil` when they cannot give one (k < 2, N ≤ k, MSW ≤ 0 or a figure that is
    /// not a number).
    public static func searleInterval(
        groups k: Int, observations n: Int, meanSquareBetween msb: Double, meanSquareWithin msw: Double,
        n0: Double, level: Double = 0.95
    ) -> ClosedRange<Double>? {
        precondition(level > 0 && level < 1, "a confidence level lies strictly between 0 and 1")
        guard k >= 2, n > k, msw > 0, msb >= 0, msb.isFinite, msw.isFinite, n0 >= 1, n0.isFinite else { return nil }
        let distribution = FDistribution(numeratorDegrees: Double(k - 1), denominatorDegrees: Double(n - k))
        let alpha = 1 - level
        let f = msb / msw
        let lowerF = f / distribution.quantile(1 - alpha / 2)
        let upperF = f / distribution.quantile(alpha / 2)
        func icc(_ value: Double) -> Double { min(1, max(0, (value - 1) / (value + n0 - 1))) }
        return icc(lowerF)...icc(upperF)
    }
}
