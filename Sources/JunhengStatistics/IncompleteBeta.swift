import Foundation

/// The regularized incomplete beta function I_x(a, b) and its inverse, for the F distribution's quantiles
/// (``FDistribution``).
///
///     I_x(a, b) = B(x; a, b) / B(a, b),    B(x; a, b) = ∫₀ˣ t^(a−1) (1 − t)^(b−1) dt
///
/// Evaluated by the continued fraction of DLMF 8.17.22 (the modified Lentz method), which converges fast
/// for x < (a + 1)/(a + b + 2); above that point by the symmetry I_x(a, b) = 1 − I_(1−x)(b, a). The front
/// factor x^a (1 − x)^b / (a·B(a, b)) is taken through logarithms (`lgamma`), so large degrees of freedom do
/// not overflow. References: DLMF §8.17 (https://dlmf.nist.gov/8.17); Press et al., *Numerical Recipes*,
/// 3rd ed., §6.4 (`betacf`).
///
/// The inverse solves I_x(a, b) = p by Newton steps on the density, each kept inside a bracket that
/// shrinks with every evaluation (a bisection step where Newton would leave it), so it always converges.
/// Tested against `scipy.special.betainc` and `scipy.stats.f.ppf`.
public enum IncompleteBeta {
    /// I_x(a, b) for a, b > 0 and 0 ≤ x ≤ 1.
    public static func regularized(_ x: Double, a: Double, b: Double) -> Double {
        precondition(a > 0 && b > 0 && a.isFinite && b.isFinite, "a and b must be positive")
        precondition(x >= 0 && x <= 1, "x must lie in 0...1")
        if x == 0 { return 0 }
        if x == 1 { return 1 }
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront(x, a: a, b: b)) * continuedFraction(x, a: a, b: b) / a
        }
        return 1 - exp(logFront(1 - x, a: b, b: a)) * continuedFraction(1 - x, a: b, b: a) / b
    }

    /// The x in [0, 1] with I_x(a, b) = p.
    public static func inverse(_ p: Double, a: Double, b: Double) -> Double {
        precondition(a > 0 && b > 0 && a.isFinite && b.isFinite, "a and b must be positive")
        precondition(p >= 0 && p <= 1, "p must lie in 0...1")
        if p == 0 { return 0 }
        if p == 1 { return 1 }
        let logBeta = lgamma(a) + lgamma(b) - lgamma(a + b)
        var low = 0.0
        var high = 1.0
        var x = a / (a + b)  // the mean: a start inside (0, 1)
        for _ in 0..<400 {
            let difference = regularized(x, a: a, b: b) - p
            if difference == 0 { return x }
            if difference < 0 { low = x } else { high = x }
            let logDensity = (a - 1) * log(x) + (b - 1) * log1p(-x) - logBeta
            var next = x - difference / exp(logDensity)
            if !(next > low && next < high) || !next.isFinite { next = (low + high) / 2 }
            if abs(next - x) <= 4 * Double.ulpOfOne * x || high - low <= 4 * Double.ulpOfOne * high {
                return next
            }
            x = next
        }
        return x
    }

    /// log of x^a (1 − x)^b / B(a, b).
    static func logFront(_ x: Double, a: Double, b: Double) -> Double {
        lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
    }

    /// The continued fraction 1/(1 + d₁/(1 + d₂/(1 + …))) of DLMF 8.17.22, by the modified Lentz method.
    static func continuedFraction(_ x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        let epsilon = 1e-16
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var fraction = d
        for m in 1...10_000 {
            let m = Double(m)
            // Even step: d_{2m} = m(b − m)x / ((a + 2m − 1)(a + 2m)).
            var numerator = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + numerator * d
            if abs(d) < tiny { d = tiny }
            c = 1 + numerator / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            fraction *= d * c
            // Odd step: d_{2m+1} = −(a + m)(a + b + m)x / ((a + 2m)(a + 2m + 1)).
            numerator = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + numerator * d
            if abs(d) < tiny { d = tiny }
            c = 1 + numerator / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let step = d * c
            fraction *= step
            if abs(step - 1) < epsilon { break }
        }
        return fraction
    }
}
