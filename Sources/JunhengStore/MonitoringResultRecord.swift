public import GRDB
public import JunhengCore

/// One row of `monitoring_result`: a year × grade × subject's figures, as plain values. The monitoring area
/// maps its results to and from these (the store knows no area's types).
public struct MonitoringResultRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Hashable {
    public static let databaseTableName = "monitoring_result"

    public var id: Int64?
    public var year: Int
    /// 4 or 8.
    public var grade: Int
    public var subject: String
    /// `students` or `county-summary`.
    public var source: String
    public var schools: Int?
    public var students: Int?
    public var mean: Double?
    public var levelI: Int?
    public var levelII: Int?
    public var levelIII: Int?
    public var levelIV: Int?
    public var shareIIIPlus: Double?
    /// 1…4.
    public var meanLevel: Int?
    public var icc: Double?
    public var iccRaw: Double?
    public var iccNegative: Bool
    public var iccUndefined: String?
    public var n0: Double?
    public var msb: Double?
    public var msw: Double?
    public var cvSchoolMeans: Double?
    public var meetsMeanLevel: Bool?
    public var meetsShare: Bool?
    public var meetsDifferenceRate: Bool?
    public var meets: Bool?
    /// What a reader must know about the figures (migration 4 on; `[]` before).
    public var caveats: [LocalizedText]
    /// The cut scores the levels were computed with (migration 4 on).
    public var cutScores: [Double]?
    /// The bars the figures were judged with (migration 4 on).
    public var shareThreshold: Double?
    public var differenceRateThreshold: Double?

    public init(
        year: Int, grade: Int, subject: String, source: String, schools: Int? = nil, students: Int? = nil,
        mean: Double? = nil, levelCounts: [Int]? = nil, shareIIIPlus: Double? = nil, meanLevel: Int? = nil,
        icc: Double? = nil, iccRaw: Double? = nil, iccNegative: Bool = false, iccUndefined: String? = nil,
        n0: Double? = nil, msb: Double? = nil, msw: Double? = nil, cvSchoolMeans: Double? = nil,
        meetsMeanLevel: Bool? = nil, meetsShare: Bool? = nil, meetsDifferenceRate: Bool? = nil, meets: Bool? = nil,
        caveats: [LocalizedText] = [], cutScores: [Double]? = nil, shareThreshold: Double? = nil,
        differenceRateThreshold: Double? = nil
    ) {
        self.year = year
        self.grade = grade
        self.subject = subject
        self.source = source
        self.schools = schools
        self.students = students
        self.mean = mean
        self.levelI = levelCounts?[0]
        self.levelII = levelCounts?[1]
        self.levelIII = levelCounts?[2]
        self.levelIV = levelCounts?[3]
        self.shareIIIPlus = shareIIIPlus
        self.meanLevel = meanLevel
        self.icc = icc
        self.iccRaw = iccRaw
        self.iccNegative = iccNegative
        self.iccUndefined = iccUndefined
        self.n0 = n0
        self.msb = msb
        self.msw = msw
        self.cvSchoolMeans = cvSchoolMeans
        self.meetsMeanLevel = meetsMeanLevel
        self.meetsShare = meetsShare
        self.meetsDifferenceRate = meetsDifferenceRate
        self.meets = meets
        self.caveats = caveats
        self.cutScores = cutScores
        self.shareThreshold = shareThreshold
        self.differenceRateThreshold = differenceRateThreshold
    }

    /// The four level counts Ⅰ–Ⅳ, when all are known.
    public var levelCounts: [Int]? {
        guard let levelI, let levelII, let levelIII, let levelIV else { return nil }
        return [levelI, levelII, levelIII, levelIV]
    }

    enum CodingKeys: String, CodingKey {
        case id, year, grade, subject, source, schools, students, mean, icc, n0, msb, msw, meets, caveats
        case levelI = "level_i"
        case levelII = "level_ii"
        case levelIII = "level_iii"
        case levelIV = "level_iv"
        case shareIIIPlus = "share_iii_plus"
        case meanLevel = "mean_level"
        case iccRaw = "icc_raw"
        case iccNegative = "icc_negative"
        case iccUndefined = "icc_undefined"
        case cvSchoolMeans = "cv_school_means"
        case meetsMeanLevel = "meets_mean_level"
        case meetsShare = "meets_share"
        case meetsDifferenceRate = "meets_difference_rate"
        case cutScores = "cut_scores"
        case shareThreshold = "share_threshold"
        case differenceRateThreshold = "difference_rate_threshold"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
