/// One year's figure as a change reads it, and the change between two years (DOMAIN.md §7).
///
/// Two years are independent samples. For ratio estimators r₁ (earlier) and r₂ (later) with variances
/// var₁ and var₂ (``RatioEstimate``):
///
///     d    = r₂ − r₁
///     CI   = d ± z · sqrt(var₁ + var₂)          (z = 1.96: 95 %)
///
/// The change is a rise (``Verdict/up``) only when the whole interval lies above 0, a fall only when it lies
/// below 0, and otherwise ``Verdict/noSignificantChange`` (无显著变化). When either year has no variance (fewer
/// than two clusters, or sums not kept) the change has no interval and no verdict, and says why.
///
/// Worked by hand (DOMAIN.md §7, three schools): r₁ = 498.333…, var₁ = 190.50926; r₂ = 522.857…,
/// var₂ = 271.01208; d = 24.52381, half-width 1.96 · sqrt(461.52134) = 42.10677, CI [−17.58296, 66.63058]:
/// no significant change.
extension YearOverYear {
    /// Whether a change is real.
    public enum Verdict: String, Sendable, Hashable, Codable, CaseIterable {
        /// 上升: the interval of the change lies above 0.
        case up
        /// 下降: the interval lies below 0.
        case down
        /// 无显著变化: the interval holds 0, so the change could be sampling alone.
        case noSignificantChange = "no-significant-change"
    }

    /// Why a change has no verdict.
    public enum NoVerdict: String, Sendable, Hashable, Codable, CaseIterable {
        /// A year's figure was kept without the cluster sums its variance needs (stored before they were kept,
        /// or copied from a printed summary).
        case noClusterSums = "no-cluster-sums"
        /// A year has fewer than two clusters: no variance can be estimated.
        case fewerThanTwoClusters = "fewer-than-two-clusters"
        /// Two intervals that overlap (``changeOfIntervals(from:to:)``): no verdict is given.
        case intervalsOverlap = "intervals-overlap"
    }

    /// A year's figure: its value and the variance of its estimator, or why it has none.
    public struct Figure: Sendable, Hashable {
        public var year: Int
        public var value: Double
        /// var(r); `nil` when ``noVariance`` says why.
        public var variance: Double?
        public var noVariance: NoVerdict?

        /// A figure with a variance.
        public init(year: Int, value: Double, variance: Double) {
            precondition(variance >= 0 && variance.isFinite, "a variance is 0 or more")
            self.year = year
            self.value = value
            self.variance = variance
            self.noVariance = nil
        }

        /// A figure without a variance, and why.
        public init(year: Int, value: Double, noVariance reason: NoVerdict) {
            self.year = year
            self.value = value
            self.variance = nil
            self.noVariance = reason
        }

        /// The figure `value` (as reported: it may differ from r in the last digit) with the variance of
        /// `estimate`: `nil` gives ``NoVerdict/noClusterSums``, fewer than two clusters
        /// ``NoVerdict/fewerThanTwoClusters``. A proportion uses ``RatioEstimate/proportionVariance(z:)``.
        public init(year: Int, value: Double, estimate: RatioEstimate?, proportion: Bool, z: Double = 1.96) {
            guard let estimate else {
                self.init(year: year, value: value, noVariance: .noClusterSums)
                return
            }
            let variance = proportion ? estimate.proportionVariance(z: z) : estimate.variance
            if let variance {
                self.init(year: year, value: value, variance: variance)
            } else {
                self.init(year: year, value: value, noVariance: .fewerThanTwoClusters)
            }
        }

        /// value ± z·sqrt(var), or `nil` without a variance.
        public func interval(z: Double = 1.96) -> ClosedRange<Double>? {
            guard let variance else { return nil }
            let half = z * variance.squareRoot()
            return (value - half)...(value + half)
        }
    }

    /// The change from an earlier year to a later one.
    public struct Change: Sendable, Hashable {
        public var fromYear: Int
        public var toYear: Int
        /// d = later − earlier.
        public var value: Double
        /// d ± z·sqrt(var₁ + var₂); `nil` without a variance in either year (and for a change of intervals).
        public var interval: ClosedRange<Double>?
        /// `nil` when there is none: ``noVerdict`` says why.
        public var verdict: Verdict?
        public var noVerdict: NoVerdict?
        /// The year whose figure has no variance, when that is why there is no verdict.
        public var yearWithoutVariance: Int?

        /// Years between the two figures (3 for the rotation's next cycle).
        public var gap: Int { toYear - fromYear }
    }

    /// The change d = later − earlier with its interval and verdict, as above.
    public static func change(from earlier: Figure, to later: Figure, z: Double = 1.96) -> Change {
        let d = later.value - earlier.value
        guard let v1 = earlier.variance, let v2 = later.variance else {
            let lacking = earlier.variance == nil ? earlier : later
            return Change(
                fromYear: earlier.year, toYear: later.year, value: d, interval: nil, verdict: nil,
                noVerdict: lacking.noVariance ?? .noClusterSums, yearWithoutVariance: lacking.year)
        }
        let half = z * (v1 + v2).squareRoot()
        let interval = (d - half)...(d + half)
        let verdict: Verdict =
            interval.lowerBound > 0 ? .up : interval.upperBound < 0 ? .down : .noSignificantChange
        return Change(
            fromYear: earlier.year, toYear: later.year, value: d, interval: interval, verdict: verdict,
            noVerdict: nil, yearWithoutVariance: nil)
    }

    /// The change of a figure whose own interval is not symmetric (校际差异率, ICC(1), with Searle's interval):
    /// no interval of the difference is claimed, and a verdict is given only when the two years' intervals are
    /// disjoint (a rise when the later interval lies wholly above the earlier one); overlapping intervals give
    /// no verdict (``NoVerdict/intervalsOverlap``). A year without an interval gives
    /// ``NoVerdict/noClusterSums``.
    public static func changeOfIntervals(
        from earlier: (year: Int, value: Double, interval: ClosedRange<Double>?),
        to later: (year: Int, value: Double, interval: ClosedRange<Double>?)
    ) -> Change {
        var change = Change(
            fromYear: earlier.year, toYear: later.year, value: later.value - earlier.value, interval: nil,
            verdict: nil, noVerdict: nil, yearWithoutVariance: nil)
        guard let first = earlier.interval, let second = later.interval else {
            change.noVerdict = .noClusterSums
            change.yearWithoutVariance = earlier.interval == nil ? earlier.year : later.year
            return change
        }
        if second.lowerBound > first.upperBound {
            change.verdict = .up
        } else if second.upperBound < first.lowerBound {
            change.verdict = .down
        } else {
            change.noVerdict = .intervalsOverlap
        }
        return change
    }
}
