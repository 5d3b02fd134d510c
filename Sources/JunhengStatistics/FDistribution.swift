/// The F distribution with d₁ and d₂ degrees of freedom: its distribution function and quantiles, for the
/// interval of 校际差异率 (``IntraclassCorrelation/searleInterval(level:)``).
///
///     P(F ≤ f) = I_x(d₁/2, d₂/2),   x = d₁f / (d₁f + d₂)          (``IncompleteBeta``)
///     q(p)     = d₂·x / (d₁·(1 − x)),   x = I⁻¹(p; d₁/2, d₂/2)
///
/// Where x would be above ½ the quantile is taken from the other tail, y = 1 − x = I⁻¹(1 − p; d₂/2, d₁/2)
/// and q = d₂(1 − y)/(d₁·y), so 1 − x is never formed by subtraction.
public struct FDistribution: Sendable, Hashable {
    public var numeratorDegrees: Double
    public var denominatorDegrees: Double

    public init(numeratorDegrees: Double, denominatorDegrees: Double) {
        precondition(numeratorDegrees > 0 && denominatorDegrees > 0, "degrees of freedom must be positive")
        self.numeratorDegrees = numeratorDegrees
        self.denominatorDegrees = denominatorDegrees
    }

    /// P(F ≤ f).
    public func cumulative(_ f: Double) -> Double {
        guard f > 0 else { return 0 }
        guard f.isFinite else { return 1 }
        let d1 = numeratorDegrees
        let d2 = denominatorDegrees
        let x = d1 * f / (d1 * f + d2)
        if x <= 0.5 { return IncompleteBeta.regularized(x, a: d1 / 2, b: d2 / 2) }
        return 1 - IncompleteBeta.regularized(d2 / (d1 * f + d2), a: d2 / 2, b: d1 / 2)
    }

    /// The p-quantile q(p): P(F ≤ q) = p, for 0 < p < 1.
    public func quantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "p must lie strictly between 0 and 1")
        let a = numeratorDegrees / 2
        let b = denominatorDegrees / 2
        let ratio = denominatorDegrees / numeratorDegrees
        if p <= IncompleteBeta.regularized(0.5, a: a, b: b) {
            let x = IncompleteBeta.inverse(p, a: a, b: b)
            return ratio * x / (1 - x)
        }
        let y = IncompleteBeta.inverse(1 - p, a: b, b: a)
        return ratio * (1 - y) / y
    }
}
