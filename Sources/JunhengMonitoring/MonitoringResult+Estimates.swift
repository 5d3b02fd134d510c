public import JunhengStatistics

/// A result's figures as ratio estimators over its schools, and their 95 % intervals (DOMAIN.md §7): what a
/// trend judges a change with.
///
/// - mean score: y_j = the school's score sum, m_j = its students tested;
/// - share at Ⅲ+: y_j = the school's students at Ⅲ or Ⅳ, m_j = its students;
/// - 校际差异率: Searle's F-distribution interval of ICC(1) (``IntraclassCorrelation/searleInterval(level:)``).
///
/// A result has these only when it was computed from students and its per-school sums are known: a county
/// report's printed summary has no schools, and a result stored before the sums were kept (早期数据) has
/// none either.
extension MonitoringResult {
    /// Why a result has no interval at all, if it has none.
    public enum NoClusterSums: String, Sendable, Hashable, Codable {
        /// Copied from a county report's summary figures: no per-school data.
        case countySummary = "county-summary"
        /// Stored before the per-school sums were kept.
        case earlyData = "early-data"
    }

    /// Why the result has no per-school sums; `nil` when it has them.
    public var noClusterSums: NoClusterSums? {
        if source == .countySummary { return .countySummary }
        if perSchool.isEmpty || perSchool.contains(where: { $0.scoreSum == nil }) { return .earlyData }
        return nil
    }

    /// The mean's ratio estimator over schools; `nil` without the per-school sums.
    public var meanEstimate: RatioEstimate? {
        guard noClusterSums == nil else { return nil }
        return RatioEstimate(clusters: perSchool.map { (y: $0.scoreSum!, m: Double($0.students)) })
    }

    /// The Ⅲ+ share's ratio estimator over schools; `nil` without the sums or when a level is unknown.
    public var shareEstimate: RatioEstimate? {
        guard noClusterSums == nil, perSchool.allSatisfy({ $0.studentsIIIPlus != nil }) else { return nil }
        return RatioEstimate(clusters: perSchool.map { (y: Double($0.studentsIIIPlus!), m: Double($0.students)) })
    }

    /// Searle's 95 % interval of the 校际差异率; `nil` without the per-school sums or an ANOVA to give one.
    public var iccInterval: ClosedRange<Double>? {
        guard noClusterSums == nil, let schools, let students, let meanSquareBetween, let meanSquareWithin, let n0
        else { return nil }
        return IntraclassCorrelation.searleInterval(
            groups: schools, observations: students, meanSquareBetween: meanSquareBetween,
            meanSquareWithin: meanSquareWithin, n0: n0)
    }
}
