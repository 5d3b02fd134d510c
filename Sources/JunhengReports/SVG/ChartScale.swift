import Foundation

/// A linear map from data values to drawing coordinates, over a "nice" domain (ends and ticks at
/// 1, 2 or 5 × 10ⁿ steps) so axis labels read 0, 20 %, 40 % … rather than 0, 17.3 %, 34.6 % ….
struct ChartScale: Sendable {
    var lower: Double
    var upper: Double
    var step: Double
    var rangeStart: Double
    var rangeEnd: Double

    /// A domain covering every value given, widened to whole steps, about `tickCount` intervals, mapped
    /// onto `start` (the lower end) … `end` (the upper end); `end` may be less than `start`, as for a
    /// y axis that grows upwards.
    init(covering values: [Double], tickCount: Int, includeZero: Bool, from start: Double, to end: Double) {
        var finite = values.filter(\.isFinite)
        if includeZero { finite.append(0) }
        var low = finite.min() ?? 0
        var high = finite.max() ?? 1
        if low == high {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= includeZero && low >= 0 ? 0 : pad
            high += pad
        }
        let step = Self.niceStep((high - low) / Double(max(tickCount, 1)))
        var lower = (low / step).rounded(.down) * step
        var upper = (high / step).rounded(.up) * step
        if includeZero, low >= 0 { lower = max(lower, 0) }
        if upper <= lower { upper = lower + step }
        // Snap away floating-point residue (0.30000000000000004) so ticks print cleanly.
        lower = Self.snap(lower, step)
        upper = Self.snap(upper, step)
        self.lower = lower
        self.upper = upper
        self.step = step
        self.rangeStart = start
        self.rangeEnd = end
    }

    /// 1, 2 or 5 × 10ⁿ, the smallest such step at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return 1 }
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let fraction = raw / magnitude
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        return nice * magnitude
    }

    static func snap(_ value: Double, _ step: Double) -> Double {
        let decimals = decimals(for: step) + 2
        let factor = pow(10, Double(min(decimals, 15)))
        return (value * factor).rounded() / factor
    }

    /// How many decimals tick labels need at this step: 0 for 1, 2, 5, 10…; 1 for 0.2, 0.5; 2 for 0.05.
    static func decimals(for step: Double) -> Int {
        guard step.isFinite, step > 0 else { return 0 }
        // A finite positive Double is ≥ 5e-324, so −log10(step) ≤ 324: the conversion cannot trap.
        return max(0, Int((-log10(step) - 1e-9).rounded(.up)))
    }

    /// The drawing coordinate of `value` (values outside the domain are clamped to its ends, a value that
    /// is not a number goes to the start).
    func position(_ value: Double) -> Double {
        guard value.isFinite else { return rangeStart }
        let clamped = min(max(value, lower), upper)
        return rangeStart + (clamped - lower) / (upper - lower) * (rangeEnd - rangeStart)
    }

    /// The tick values from the lower to the upper end of the domain.
    var ticks: [Double] {
        // A nice step divides a finite span into a handful of ticks; a span too wide for a Double (values
        // near ±1e308) gives no count, and then only the lower end is drawn.
        let ratio = ((upper - lower) / step).rounded()
        let count = ratio.isFinite ? Int(min(max(ratio, 0), 1_000)) : 0
        return (0...max(count, 0)).map { Self.snap(lower + Double($0) * step, step) }
    }
}
