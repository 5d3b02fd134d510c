public import GRDB

/// One stored satisfaction figure (社会认可度, DOMAIN.md §4): a year's rate for one cell of one survey.
///
/// The store owns this type so it need not depend on the questionnaire library; the county evaluation
/// converts results into it (`SatisfactionArchive`). `dimension` says what the cell is cut by (`"township"`, `"group"`,
/// `"school"`, `"item"`, `"overall"`) and `key` which one (a township's name; `""` for overall).
public struct SatisfactionCellRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Hashable {
    public static let databaseTableName = "satisfaction_cell"

    public var id: Int64?
    public var year: Int
    public var survey: String
    public var dimension: String
    public var key: String
    public var respondents: Int
    /// Valid answers in the denominator (不了解 and the like left out).
    public var answered: Int
    public var positive: Int
    /// positive / answered, or `nil` when nothing was answered.
    public var rate: Double?
    /// The 95 % interval: Wilson for a single item, respondent-clustered for a pooled rate (DOMAIN.md §4).
    public var ciLow: Double?
    public var ciHigh: Double?
    /// Whether the rate meets the 85 % bar.
    public var meets: Bool?
    /// Σ y_i², Σ m_i², Σ y_i·m_i over the respondents (with ``respondents``, ``positive`` and ``answered``: the
    /// sums of the rate's ratio estimator, DOMAIN.md §7); `nil` in cells stored before migration 4.
    public var sumY2: Double?
    public var sumM2: Double?
    public var sumYM: Double?
    /// Fewer respondents than the questionnaire's minimum n (migration 4 on).
    public var belowMinN: Bool?

    public init(
        year: Int, survey: String, dimension: String, key: String, respondents: Int, answered: Int, positive: Int,
        rate: Double?, ciLow: Double? = nil, ciHigh: Double? = nil, meets: Bool? = nil, sumY2: Double? = nil,
        sumM2: Double? = nil, sumYM: Double? = nil, belowMinN: Bool? = nil
    ) {
        self.year = year
        self.survey = survey
        self.dimension = dimension
        self.key = key
        self.respondents = respondents
        self.answered = answered
        self.positive = positive
        self.rate = rate
        self.ciLow = ciLow
        self.ciHigh = ciHigh
        self.meets = meets
        self.sumY2 = sumY2
        self.sumM2 = sumM2
        self.sumYM = sumYM
        self.belowMinN = belowMinN
    }

    enum CodingKeys: String, CodingKey {
        case id, year, survey, dimension, key, respondents, answered, positive, rate, meets
        case ciLow = "ci_low"
        case ciHigh = "ci_high"
        case sumY2 = "sum_y2"
        case sumM2 = "sum_m2"
        case sumYM = "sum_ym"
        case belowMinN = "below_min_n"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
