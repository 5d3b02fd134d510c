public import JunhengCore

/// One indicator in one stage: the county value (pooled), the student-weighted 差异系数 and the verdicts
/// (DOMAIN.md §1).
public struct IndicatorBalance: Sendable, Hashable, Codable {
    public var stage: SchoolStage
    /// 1…7.
    public var indicator: Int
    /// B1…B7 (seed 附件2).
    public var code: String
    public var name: String
    public var unit: String
    /// The per-school standard (e.g. 4.2 per 100 students).
    public var standard: Double
    /// Schools (parts) counted, and how many meet the standard.
    public var schoolsCounted: Int
    public var schoolsMeetingStandard: Int
    /// Σ x_i and P = Σ P_i over the counted parts.
    public var total: Double
    public var students: Int
    /// X̄ = Σ x_i / P (× 100 for the per-hundred indicators); `nil` with no schools.
    @ExplicitNull public var countyValue: Double?
    @ExplicitNull public var countyMeetsStandard: Bool?
    /// S (in the indicator's unit, × 100 for the per-hundred indicators).
    @ExplicitNull public var standardDeviation: Double?
    /// CV = S / X̄; `nil` with no schools or X̄ = 0.
    @ExplicitNull public var cv: Double?
    public var cvThreshold: Double
    /// CV ≤ threshold.
    @ExplicitNull public var balanced: Bool?
    /// The CV if every part below the standard were brought exactly to it.
    @ExplicitNull public var cvIfGapsClosed: Double?
    @ExplicitNull public var balancedIfGapsClosed: Bool?
    /// 责任单位 (seed 附件2).
    public var responsibleUnits: [String]

    public init(
        stage: SchoolStage, indicator: Int, code: String, name: String, unit: String, standard: Double,
        schoolsCounted: Int, schoolsMeetingStandard: Int, total: Double, students: Int, countyValue: Double?,
        countyMeetsStandard: Bool?, standardDeviation: Double?, cv: Double?, cvThreshold: Double, balanced: Bool?,
        cvIfGapsClosed: Double?, balancedIfGapsClosed: Bool?, responsibleUnits: [String]
    ) {
        self.stage = stage
        self.indicator = indicator
        self.code = code
        self.name = name
        self.unit = unit
        self.standard = standard
        self.schoolsCounted = schoolsCounted
        self.schoolsMeetingStandard = schoolsMeetingStandard
        self.total = total
        self.students = students
        self.countyValue = countyValue
        self.countyMeetsStandard = countyMeetsStandard
        self.standardDeviation = standardDeviation
        self.cv = cv
        self.cvThreshold = cvThreshold
        self.balanced = balanced
        self.cvIfGapsClosed = cvIfGapsClosed
        self.balancedIfGapsClosed = balancedIfGapsClosed
        self.responsibleUnits = responsibleUnits
    }

    enum CodingKeys: String, CodingKey {
        case stage, indicator, code, name, unit, standard, total, students, cv, balanced
        case schoolsCounted = "schools_counted"
        case schoolsMeetingStandard = "schools_meeting_standard"
        case countyValue = "county_value"
        case countyMeetsStandard = "county_meets_standard"
        case standardDeviation = "standard_deviation"
        case cvThreshold = "cv_threshold"
        case cvIfGapsClosed = "cv_if_gaps_closed"
        case balancedIfGapsClosed = "balanced_if_gaps_closed"
        case responsibleUnits = "responsible_units"
    }

}
