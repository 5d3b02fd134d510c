public import JunhengCore
public import JunhengStatistics

/// The satisfaction rate of one cell (overall, a township, a group, an item …) with its n and interval.
///
/// rate = positive answers / valid answers, pooled over scored items and respondents (DOMAIN.md §4).
/// The 95 % interval is Wilson when the cell holds a single item (one answer per respondent: an item,
/// a one-item dimension, a one-item questionnaire) and the respondent-clustered ratio interval for a
/// rate pooled over several items (see `ClusteredRatioInterval`), or, where that interval degenerates
/// to a point because every respondent is at the rate, Wilson on the respondents.
public struct SatisfactionCell: Sendable, Hashable {
    /// How the interval was computed.
    public enum IntervalMethod: String, Sendable, Hashable, Codable {
        case wilson
        case clustered
        /// Several items where every respondent is at the rate (e.g. all positive), so the clustered
        /// interval would be the point [r, r]: Wilson on the respondents instead (`ClusteredRatioInterval+Fallback`).
        case respondentWilson = "wilson-respondents"
    }

    /// The grouping values, one per `--by` key (ids: group name, township, item id, dimension id).
    public var key: [String]
    /// The values as shown in a table (item and dimension texts), in both languages.
    public var label: [LocalizedText]
    /// Respondents with at least one valid answer in the cell.
    public var respondents: Int
    /// Valid answers (不了解 and skips left out).
    public var answered: Int
    /// Positive answers.
    public var positive: Int
    /// positive / answered; `nil` with no valid answers.
    public var rate: Double?
    public var ci95: ClosedRange<Double>?
    public var intervalMethod: IntervalMethod
    /// rate ≥ threshold; `nil` with no rate.
    public var meetsThreshold: Bool?
    /// Fewer respondents than the minimum n: shown, flagged.
    public var belowMinN: Bool
    /// The rate as a ratio estimator over respondents (its running sums): what a history store keeps so that
    /// a change from year to year has an interval (DOMAIN.md §7).
    public var estimate: RatioEstimate?

    public init(
        key: [String], label: [LocalizedText], respondents: Int, answered: Int, positive: Int, rate: Double?,
        ci95: ClosedRange<Double>?, intervalMethod: IntervalMethod, meetsThreshold: Bool?, belowMinN: Bool,
        estimate: RatioEstimate? = nil
    ) {
        self.key = key
        self.label = label
        self.respondents = respondents
        self.answered = answered
        self.positive = positive
        self.rate = rate
        self.ci95 = ci95
        self.intervalMethod = intervalMethod
        self.meetsThreshold = meetsThreshold
        self.belowMinN = belowMinN
        self.estimate = estimate
    }
}
