/// A weighted combination of group rates with its 95 % interval: the satisfaction rate over respondent
/// groups weighted by a chosen share each (DOMAIN.md §4: "a weighted combination of groups is an option,
/// never silent").
///
/// With groups g, weights w_g > 0, rates r_g and their variances var_g (each group's own, e.g. its
/// ``ClusteredRatioInterval/variance``), and W = Σ w_g:
///
///     r_w      = Σ w_g · r_g / W
///     var(r_w) = Σ (w_g / W)² · var_g          (the groups are independent samples)
///     CI       = r_w ± 1.96 · sqrt(var(r_w)), clipped to [0, 1]
///
/// A group whose variance is unknown (fewer than two respondents) leaves the interval unknown; the rate
/// stands.
public struct WeightedRate: Sendable, Hashable {
    /// One group's part: its weight, its rate and that rate's variance.
    public struct Component: Sendable, Hashable {
        public var weight: Double
        public var rate: Double
        public var variance: Double?

        public init(weight: Double, rate: Double, variance: Double?) {
            precondition(weight > 0 && weight.isFinite, "a weight is positive")
            precondition(rate >= 0 && rate <= 1, "a rate lies in 0...1")
            self.weight = weight
            self.rate = rate
            self.variance = variance
        }
    }

    public var components: [Component]
    /// The normal quantile; 1.96 for 95 %.
    public var z: Double

    public init(components: [Component], z: Double = 1.96) {
        self.components = components
        self.z = z
    }

    /// W = Σ w_g.
    public var totalWeight: Double { components.reduce(0) { $0 + $1.weight } }

    /// r_w, or `nil` without components.
    public var rate: Double? {
        let total = totalWeight
        guard total > 0 else { return nil }
        return components.reduce(0) { $0 + $1.weight * $1.rate } / total
    }

    /// var(r_w), or `nil` when a component's variance is unknown (or there are no components).
    public var variance: Double? {
        let total = totalWeight
        guard total > 0 else { return nil }
        var sum = 0.0
        for component in components {
            guard let variance = component.variance else { return nil }
            sum += component.weight * component.weight * variance
        }
        return sum / (total * total)
    }

    /// The interval r_w ± z·sqrt(var), clipped to [0, 1]; `nil` when the rate or the variance is unknown.
    public var interval: ClosedRange<Double>? {
        guard let rate, let variance else { return nil }
        let half = z * variance.squareRoot()
        return max(0, rate - half)...min(1, rate + half)
    }
}
