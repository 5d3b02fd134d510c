/// 校际差异率: the intraclass correlation ICC(1) of scores with schools as groups (DOMAIN.md §3).
///
/// One-way ANOVA with k schools, N students and n_i students in school i:
///
///     MSB = Σ n_i (ȳ_i − ȳ)² / (k − 1)
///     MSW = Σ Σ (y_ij − ȳ_i)² / (N − k)
///     n0  = (N − Σ n_i² / N) / (k − 1)          (the average school size, corrected for unequal sizes)
///     ICC(1) = (MSB − MSW) / (MSB + (n0 − 1) · MSW)
///
/// A negative estimate is reported as 0 and flagged (``isNegative``); the raw value stays in
/// ``rawEstimate``. The national reports estimate the share with a two-level model; for a balanced
/// design ICC(1) agrees closely (DOMAIN.md §3, uncertain).
public struct IntraclassCorrelation: Sendable, Hashable, Codable {
    /// Why the estimate cannot be computed from the data given.
    public enum Undefined: String, Sendable, Hashable, Codable, Error {
        /// Fewer than two schools with students: there is no between-school variance (k − 1 = 0).
        case fewerThanTwoGroups = "fewer-than-two-groups"
        /// Every school has exactly one student: there is no within-school variance (N − k = 0).
        case noWithinGroupDegreesOfFreedom = "no-within-group-degrees-of-freedom"
        /// Every score is the same: MSB + (n0 − 1) · MSW is 0.
        case noVariance = "no-variance"
    }

    /// k, the number of groups (schools) with at least one value.
    public var groups: Int
    /// N, the number of values (students).
    public var observations: Int
    /// ȳ, the mean of all values.
    public var grandMean: Double
    /// MSB, the between-group mean square.
    public var meanSquareBetween: Double
    /// MSW, the within-group mean square.
    public var meanSquareWithin: Double
    /// n0, the group size used in the estimate.
    public var n0: Double
    /// (MSB − MSW) / (MSB + (n0 − 1) · MSW), possibly negative.
    public var rawEstimate: Double

    /// The estimate to report: the raw estimate, or 0 when it is negative.
    public var estimate: Double { max(0, rawEstimate) }
    /// Whether the raw estimate was negative and is reported as 0.
    public var isNegative: Bool { rawEstimate < 0 }

    public init(
        groups: Int, observations: Int, grandMean: Double, meanSquareBetween: Double, meanSquareWithin: Double,
        n0: Double, rawEstimate: Double
    ) {
        self.groups = groups
        self.observations = observations
        self.grandMean = grandMean
        self.meanSquareBetween = meanSquareBetween
        self.meanSquareWithin = meanSquareWithin
        self.n0 = n0
        self.rawEstimate = rawEstimate
    }

    /// Estimates ICC(1) from the values of each group. Empty groups are left out (they hold no student).
    ///
    /// - Parameter groups: one array of scores per school.
    /// - Returns: the estimate, or why it is undefined (k < 2, N = k, or no variance at all).
    /// - Complexity: O(N).
    public static func oneWay(groups: [[Double]]) -> Result<IntraclassCorrelation, Undefined> {
        let groups = groups.filter { !$0.isEmpty }
        let k = groups.count
        guard k >= 2 else { return .failure(.fewerThanTwoGroups) }
        let total = groups.reduce(0) { $0 + $1.count }
        guard total > k else { return .failure(.noWithinGroupDegreesOfFreedom) }

        let n = Double(total)
        let grandMean = groups.reduce(0) { $0 + $1.reduce(0, +) } / n
        var betweenSquares = 0.0
        var withinSquares = 0.0
        var sizeSquares = 0.0
        for group in groups {
            let size = Double(group.count)
            let mean = group.reduce(0, +) / size
            betweenSquares += size * (mean - grandMean) * (mean - grandMean)
            withinSquares += group.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            sizeSquares += size * size
        }
        let msb = betweenSquares / Double(k - 1)
        let msw = withinSquares / Double(total - k)
        let n0 = (n - sizeSquares / n) / Double(k - 1)
        let denominator = msb + (n0 - 1) * msw
        guard denominator > 0 else { return .failure(.noVariance) }
        return .success(
            IntraclassCorrelation(
                groups: k, observations: total, grandMean: grandMean, meanSquareBetween: msb,
                meanSquareWithin: msw, n0: n0, rawEstimate: (msb - msw) / denominator))
    }
}
