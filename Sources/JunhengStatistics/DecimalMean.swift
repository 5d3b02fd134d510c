/// The mean of values typed as fixed-point decimals (scores such as `529.9`), computed exactly and
/// rounded once, so that a mean that is exact in decimal is that decimal's `Double`.
///
/// A running `Double` sum rounds at every step: 529.9 + 441.2 + 570.1 + 418.8 = 1960 exactly, but the
/// sum in binary floating point is 1959.9999999999998, and the mean 489.99999999999994 falls below the
/// cut score 490 (issue 9). Here each value x_i with at most p decimals is read as the integer
/// k_i = x_i · 10^p (exact: x_i is the `Double` nearest a p-place decimal, and rounding x_i · 10^p
/// recovers the decimal's digits), the k_i are summed in integers, and the mean is
/// Σk_i / (n · 10^p), one correctly rounded division.
///
/// Why a comparison with a decimal threshold t is then exact: the true mean m = Σk_i / (n · 10^p) is a
/// rational. If m = t, both `Double`s are the correctly rounded value of the same real number, so they
/// are equal. If m ≠ t, they differ by at least 1 / (n · 10^q) (q the larger number of decimals of the
/// two), which for n ≤ 10⁶ students and q ≤ 6 is ≥ 10⁻¹², far more than half an ulp of a score
/// (≈ 6 · 10⁻¹⁴ at 500): rounding cannot carry m to the other side of t.
///
/// Values with more than ``maximumPlaces`` decimals, written with an exponent, or too large for the
/// integer sum fall back to the plain mean Σx / n (the result says so).
public struct DecimalMean: Sendable, Hashable {
    /// Decimals beyond this are not treated as exact (a score is given to a few decimals at most).
    public static let maximumPlaces = 6

    /// The mean.
    public var value: Double
    /// The sum of the values: Σk_i / 10^p, rounded once, when exact (a school's score sum: 14430.9, not
    /// 14430.900000000003), else Σx.
    public var sum: Double
    /// Whether it was computed exactly (see the type's documentation), or by the plain fallback.
    public var isExact: Bool

    /// The mean of `values`, or `nil` for none.
    ///
    /// - Complexity: O(n).
    public init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        if let exact = Self.exactMean(values) {
            value = exact.mean
            sum = exact.sum
            isExact = true
        } else {
            sum = values.reduce(0, +)
            value = sum / Double(values.count)
            isExact = false
        }
    }

    /// Σk_i / (n · 10^p) and Σk_i / 10^p for the values' common number of decimals p, or `nil` when a value
    /// has too many decimals or an exponent, or the integer sum would not be exact.
    static func exactMean(_ values: [Double]) -> (mean: Double, sum: Double)? {
        var places = 0
        for value in values {
            guard let these = Self.places(value), these <= maximumPlaces else { return nil }
            places = max(places, these)
        }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        var sum = 0
        for value in values {
            // A p-place decimal times 10^p, rounded: its digits as an integer (exact below 2^53).
            let scaled = (value * scale).rounded()
            guard abs(scaled) < 9e15, let whole = Int(exactly: scaled) else { return nil }
            let (next, overflow) = sum.addingReportingOverflow(whole)
            guard !overflow else { return nil }
            sum = next
        }
        let denominator = Double(values.count) * scale
        guard abs(sum) < 9_000_000_000_000_000, denominator < 9e15 else { return nil }
        return (Double(sum) / denominator, Double(sum) / scale)
    }

    /// The decimals of `value` as its shortest round-trip text shows them (`529.9` → 1, `490` → 0), or
    /// `nil` when that text has an exponent or the value is not finite.
    static func places(_ value: Double) -> Int? {
        guard value.isFinite else { return nil }
        let text = "\(value)"
        guard !text.contains("e") else { return nil }
        guard let point = text.firstIndex(of: ".") else { return 0 }
        let fraction = text[text.index(after: point)...]
        return fraction == "0" ? 0 : fraction.count
    }
}
