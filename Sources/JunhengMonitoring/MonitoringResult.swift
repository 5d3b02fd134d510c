public import JunhengCore
public import JunhengStatistics

/// The quality-monitoring figures of one year × grade × subject: from student-level scores, or copied from
/// a national county report's summary (DOMAIN.md §3).
///
/// Figures the data cannot give are `nil` ("unknown"), never guessed: e.g. level shares when the file has no
/// 水平 column and the settings no cut scores.
public struct MonitoringResult: Sendable, Hashable, Codable {
    /// Where the figures came from.
    public enum Source: String, Sendable, Hashable, Codable {
        /// Computed here from one row per student.
        case students
        /// Copied from a county report's summary figures.
        case countySummary = "county-summary"
    }

    public var year: Int
    public var grade: MonitoringGrade
    public var subject: String
    public var source: Source
    @ExplicitNull public var schools: Int?
    @ExplicitNull public var students: Int?
    /// The mean score of all students.
    @ExplicitNull public var mean: Double?
    /// Students at levels Ⅰ, Ⅱ, Ⅲ, Ⅳ (four counts), or `nil` when any student's level is unknown.
    @ExplicitNull public var levelCounts: [Int]? {
        didSet { levelShares = Self.shares(levelCounts) }
    }
    /// The share at each level Ⅰ–Ⅳ, when the counts are known (kept with ``levelCounts``).
    @ExplicitNull public private(set) var levelShares: [Double]?
    /// The share of students at Ⅲ or Ⅳ.
    @ExplicitNull public var shareIIIPlus: Double?
    /// The level the mean score falls in under the cut scores (or as a county report prints it).
    @ExplicitNull public var meanLevel: ProficiencyLevel?
    /// 校际差异率 as reported: ICC(1), a negative estimate shown as 0.
    @ExplicitNull public var icc: Double?
    /// The ICC(1) estimate before a negative value is set to 0.
    @ExplicitNull public var iccRaw: Double?
    /// Whether the raw estimate was negative (and ``icc`` shows 0).
    public var iccNegative: Bool
    /// Why ICC(1) could not be estimated, when it could not.
    @ExplicitNull public var iccUndefined: IntraclassCorrelation.Undefined?
    /// n0, MSB, MSW of the one-way ANOVA behind ``icc``.
    @ExplicitNull public var n0: Double?
    @ExplicitNull public var meanSquareBetween: Double?
    @ExplicitNull public var meanSquareWithin: Double?
    /// The unweighted (population) CV of the school mean scores, shown beside the 校际差异率.
    @ExplicitNull public var cvSchoolMeans: Double?
    /// The bar under each reading of "reaches Ⅲ", and overall under the deciding reading.
    @ExplicitNull public var meetsMeanLevel: Bool?
    @ExplicitNull public var meetsShare: Bool?
    @ExplicitNull public var meetsDifferenceRate: Bool?
    @ExplicitNull public var meets: Bool?
    public var perSchool: [MonitoringSchoolResult]
    /// The cut scores (lowest of Ⅱ, Ⅲ, Ⅳ) the levels were computed with; `nil` when every level came from
    /// the file's 水平 column, or none is known. Two years with other cut scores have Ⅲ+ shares that are not
    /// like for like (a trend says so).
    @ExplicitNull public var cutScores: [Double]?
    /// The bars the result was judged with (``judge(settings:)``): the share at Ⅲ+ and the 校际差异率.
    @ExplicitNull public var shareThreshold: Double?
    @ExplicitNull public var differenceRateThreshold: Double?
    /// What the reader should know about these figures (e.g. schools that could not be told apart),
    /// shown next to them in every output.
    public var caveats: [LocalizedText]

    public init(
        year: Int, grade: MonitoringGrade, subject: String, source: Source, schools: Int? = nil,
        students: Int? = nil, mean: Double? = nil, levelCounts: [Int]? = nil, shareIIIPlus: Double? = nil,
        meanLevel: ProficiencyLevel? = nil, icc: Double? = nil, iccRaw: Double? = nil, iccNegative: Bool = false,
        iccUndefined: IntraclassCorrelation.Undefined? = nil, n0: Double? = nil, meanSquareBetween: Double? = nil,
        meanSquareWithin: Double? = nil, cvSchoolMeans: Double? = nil, meetsMeanLevel: Bool? = nil,
        meetsShare: Bool? = nil, meetsDifferenceRate: Bool? = nil, meets: Bool? = nil,
        perSchool: [MonitoringSchoolResult] = [], cutScores: [Double]? = nil, shareThreshold: Double? = nil,
        differenceRateThreshold: Double? = nil, caveats: [LocalizedText] = []
    ) {
        self.year = year
        self.grade = grade
        self.subject = subject
        self.source = source
        self.schools = schools
        self.students = students
        self.mean = mean
        self.levelCounts = levelCounts
        self.levelShares = Self.shares(levelCounts)
        self.shareIIIPlus = shareIIIPlus
        self.meanLevel = meanLevel
        self.icc = icc
        self.iccRaw = iccRaw
        self.iccNegative = iccNegative
        self.iccUndefined = iccUndefined
        self.n0 = n0
        self.meanSquareBetween = meanSquareBetween
        self.meanSquareWithin = meanSquareWithin
        self.cvSchoolMeans = cvSchoolMeans
        self.meetsMeanLevel = meetsMeanLevel
        self.meetsShare = meetsShare
        self.meetsDifferenceRate = meetsDifferenceRate
        self.meets = meets
        self.perSchool = perSchool
        self.cutScores = cutScores
        self.shareThreshold = shareThreshold
        self.differenceRateThreshold = differenceRateThreshold
        self.caveats = caveats
    }

    /// The share of each level Ⅰ–Ⅳ in `counts`, or `nil` when unknown or empty.
    static func shares(_ counts: [Int]?) -> [Double]? {
        guard let counts else { return nil }
        let total = counts.reduce(0, +)
        guard total > 0 else { return nil }
        return counts.map { Double($0) / Double(total) }
    }

    /// Sorts by year, grade, then subject in plan order.
    public static func ordered(_ lhs: MonitoringResult, _ rhs: MonitoringResult) -> Bool {
        if lhs.year != rhs.year { return lhs.year < rhs.year }
        if lhs.grade != rhs.grade { return lhs.grade < rhs.grade }
        return MonitoringSubject.sortKey(lhs.subject) < MonitoringSubject.sortKey(rhs.subject)
    }

    // MARK: - Judging the bar

    /// Fills the three verdicts from the figures and the settings (three-valued: unknown stays `nil`
    /// unless the other half already fails).
    public mutating func judge(settings: MonitoringSettings) {
        shareThreshold = settings.shareThreshold
        differenceRateThreshold = settings.differenceRateThreshold
        meetsMeanLevel = meanLevel.map { $0 >= .iii }
        meetsShare = shareIIIPlus.map { $0 >= settings.shareThreshold }
        meetsDifferenceRate = icc.map { $0 < settings.differenceRateThreshold }
        let level = settings.decidingReading == .meanLevel ? meetsMeanLevel : meetsShare
        switch (level, meetsDifferenceRate) {
        case (false, _), (_, false): meets = false
        case (true, true): meets = true
        default: meets = nil
        }
    }

    // MARK: - JSON

    enum CodingKeys: String, CodingKey {
        case year, grade, subject, source, schools, students, mean
        case levelCounts = "level_counts"
        case levelShares = "level_shares"
        case shareIIIPlus = "share_iii_plus"
        case meanLevel = "mean_level"
        case icc
        case iccRaw = "icc_raw"
        case iccNegative = "icc_negative"
        case iccUndefined = "icc_undefined"
        case n0
        case meanSquareBetween = "msb"
        case meanSquareWithin = "msw"
        case cvSchoolMeans = "cv_school_means"
        case meetsMeanLevel = "meets_mean_level"
        case meetsShare = "meets_share"
        case meetsDifferenceRate = "meets_difference_rate"
        case meets
        case perSchool = "per_school"
        case cutScores = "cut_scores"
        case shareThreshold = "share_threshold"
        case differenceRateThreshold = "difference_rate_threshold"
        case caveats
    }
}
