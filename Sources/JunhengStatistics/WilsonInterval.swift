import Foundation

/// Wilson score interval for a binomial proportion: the 95 % interval of one item's satisfaction
/// rate (DOMAIN.md §4: "each with its n and a 95 % Wilson interval").
///
/// With p̂ = k / n and z = 1.96 (two-sided 95 %):
///
///     centre = (p̂ + z²/(2n)) / (1 + z²/n)
///     half   = z / (1 + z²/n) · sqrt( p̂(1 − p̂)/n + z²/(4n²) )
///     CI     = [centre − half, centre + half]
///
/// Unlike the normal (Wald) interval it stays inside [0, 1] and does not collapse to a point at
/// p̂ = 0 or 1, which matters when a small township answers 100 % 满意.
public struct WilsonInterval: Sendable, Hashable {
    /// Successes (positive answers).
    public var successes: Int
    /// Trials (valid answers).
    public var trials: Int
    /// The normal quantile; 1.96 for 95 %.
    public var z: Double

    public init(successes: Int, trials: Int, z: Double = 1.96) {
        precondition(successes >= 0 && successes <= trials, "successes must lie in 0...trials")
        self.successes = successes
        self.trials = trials
        self.z = z
    }

    /// k / n, or `nil` when there are no trials.
    public var proportion: Double? {
        trials > 0 ? Double(successes) / Double(trials) : nil
    }

    /// The interval, or `nil` when there are no trials.
    public var interval: ClosedRange<Double>? {
        guard trials > 0 else { return nil }
        let n = Double(trials)
        return Self.interval(proportion: Double(successes) / n, size: n, z: z)
    }

    /// The Wilson interval of a proportion `p` observed on a sample of `size` (which need not be a whole
    /// number: an effective sample size, see ``ClusteredRatioInterval/intervalWithFallback``), by the
    /// formulas above with p̂ = `p` and n = `size`.
    ///
    /// - Precondition: `p` in 0...1 and `size` > 0, both finite.
    public static func interval(proportion p: Double, size n: Double, z: Double = 1.96) -> ClosedRange<Double> {
        precondition(p >= 0 && p <= 1 && n > 0 && n.isFinite, "a proportion in 0...1 on a positive sample size")
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = z / denominator * ((p * (1 - p) / n + z2 / (4 * n * n)).squareRoot())
        return max(0, centre - half)...min(1, centre + half)
    }
}
