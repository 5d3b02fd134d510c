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
    public var schools: Int?
    public var students: Int?
    /// The mean score of all students.
    public var mean: Double?
    /// Students at levels Ⅰ, Ⅱ, Ⅲ, Ⅳ (four counts), or `nil` when any student's level is unknown.
    public var levelCounts: [Int]?
    /// The share of students at Ⅲ or Ⅳ.
    public var shareIIIPlus: Double?
    /// The level the mean score falls in under the cut scores (or as a county report prints it).
    public var meanLevel: ProficiencyLevel?
    /// 校际差异率 as reported: ICC(1), a negative estimate shown as 0.
    public var icc: Double?
    /// The ICC(1) estimate before a negative value is set to 0.
    public var iccRaw: Double?
    /// Whether the raw estimate was negative (and ``icc`` shows 0).
    public var iccNegative: Bool
    /// Why ICC(1) could not be estimated, when it could not.
    public var iccUndefined: IntraclassCorrelation.Undefined?
    /// n0, MSB, MSW of the one-way ANOVA behind ``icc``.
    public var n0: Double?
    public var meanSquareBetween: Double?
    public var meanSquareWithin: Double?
    /// The unweighted (population) CV of the school mean scores, shown beside the 校际差异率.
    public var cvSchoolMeans: Double?
    /// The bar under each reading of "reaches Ⅲ", and overall under the deciding reading.
    public var meetsMeanLevel: Bool?
    public var meetsShare: Bool?
    public var meetsDifferenceRate: Bool?
    public var meets: Bool?
    public var perSchool: [MonitoringSchoolResult]

    public init(
        year: Int, grade: MonitoringGrade, subject: String, source: Source, schools: Int? = nil,
        students: Int? = nil, mean: Double? = nil, levelCounts: [Int]? = nil, shareIIIPlus: Double? = nil,
        meanLevel: ProficiencyLevel? = nil, icc: Double? = nil, iccRaw: Double? = nil, iccNegative: Bool = false,
        iccUndefined: IntraclassCorrelation.Undefined? = nil, n0: Double? = nil, meanSquareBetween: Double? = nil,
        meanSquareWithin: Double? = nil, cvSchoolMeans: Double? = nil, meetsMeanLevel: Bool? = nil,
        meetsShare: Bool? = nil, meetsDifferenceRate: Bool? = nil, meets: Bool? = nil,
        perSchool: [MonitoringSchoolResult] = []
    ) {
        self.year = year
        self.grade = grade
        self.subject = subject
        self.source = source
        self.schools = schools
        self.students = students
        self.mean = mean
        self.levelCounts = levelCounts
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
    }

    /// The share at each level Ⅰ–Ⅳ, when the counts are known.
    public var levelShares: [Double]? {
        guard let levelCounts else { return nil }
        let total = levelCounts.reduce(0, +)
        guard total > 0 else { return nil }
        return levelCounts.map { Double($0) / Double(total) }
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
    }

    /// Writes every key, unknown figures as `null`, so a reader always finds the same fields.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(year, forKey: .year)
        try container.encode(grade, forKey: .grade)
        try container.encode(subject, forKey: .subject)
        try container.encode(source, forKey: .source)
        try container.encode(schools, forKey: .schools)
        try container.encode(students, forKey: .students)
        try container.encode(mean, forKey: .mean)
        try container.encode(levelCounts, forKey: .levelCounts)
        try container.encode(levelShares, forKey: .levelShares)
        try container.encode(shareIIIPlus, forKey: .shareIIIPlus)
        try container.encode(meanLevel, forKey: .meanLevel)
        try container.encode(icc, forKey: .icc)
        try container.encode(iccRaw, forKey: .iccRaw)
        try container.encode(iccNegative, forKey: .iccNegative)
        try container.encode(iccUndefined, forKey: .iccUndefined)
        try container.encode(n0, forKey: .n0)
        try container.encode(meanSquareBetween, forKey: .meanSquareBetween)
        try container.encode(meanSquareWithin, forKey: .meanSquareWithin)
        try container.encode(cvSchoolMeans, forKey: .cvSchoolMeans)
        try container.encode(meetsMeanLevel, forKey: .meetsMeanLevel)
        try container.encode(meetsShare, forKey: .meetsShare)
        try container.encode(meetsDifferenceRate, forKey: .meetsDifferenceRate)
        try container.encode(meets, forKey: .meets)
        try container.encode(perSchool, forKey: .perSchool)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        year = try container.decode(Int.self, forKey: .year)
        grade = try container.decode(MonitoringGrade.self, forKey: .grade)
        subject = try container.decode(String.self, forKey: .subject)
        source = try container.decode(Source.self, forKey: .source)
        schools = try container.decodeIfPresent(Int.self, forKey: .schools)
        students = try container.decodeIfPresent(Int.self, forKey: .students)
        mean = try container.decodeIfPresent(Double.self, forKey: .mean)
        levelCounts = try container.decodeIfPresent([Int].self, forKey: .levelCounts)
        shareIIIPlus = try container.decodeIfPresent(Double.self, forKey: .shareIIIPlus)
        meanLevel = try container.decodeIfPresent(ProficiencyLevel.self, forKey: .meanLevel)
        icc = try container.decodeIfPresent(Double.self, forKey: .icc)
        iccRaw = try container.decodeIfPresent(Double.self, forKey: .iccRaw)
        iccNegative = try container.decodeIfPresent(Bool.self, forKey: .iccNegative) ?? false
        iccUndefined = try container.decodeIfPresent(IntraclassCorrelation.Undefined.self, forKey: .iccUndefined)
        n0 = try container.decodeIfPresent(Double.self, forKey: .n0)
        meanSquareBetween = try container.decodeIfPresent(Double.self, forKey: .meanSquareBetween)
        meanSquareWithin = try container.decodeIfPresent(Double.self, forKey: .meanSquareWithin)
        cvSchoolMeans = try container.decodeIfPresent(Double.self, forKey: .cvSchoolMeans)
        meetsMeanLevel = try container.decodeIfPresent(Bool.self, forKey: .meetsMeanLevel)
        meetsShare = try container.decodeIfPresent(Bool.self, forKey: .meetsShare)
        meetsDifferenceRate = try container.decodeIfPresent(Bool.self, forKey: .meetsDifferenceRate)
        meets = try container.decodeIfPresent(Bool.self, forKey: .meets)
        perSchool = try container.decodeIfPresent([MonitoringSchoolResult].self, forKey: .perSchool) ?? []
    }
}

/// One school's figures within a monitoring result: students, mean score, share at Ⅲ+.
public struct MonitoringSchoolResult: Sendable, Hashable, Codable {
    public var school: String
    public var township: String?
    public var students: Int
    public var mean: Double
    public var shareIIIPlus: Double?

    public init(school: String, township: String? = nil, students: Int, mean: Double, shareIIIPlus: Double? = nil) {
        self.school = school
        self.township = township
        self.students = students
        self.mean = mean
        self.shareIIIPlus = shareIIIPlus
    }

    enum CodingKeys: String, CodingKey {
        case school, township, students, mean
        case shareIIIPlus = "share_iii_plus"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(school, forKey: .school)
        try container.encode(township, forKey: .township)
        try container.encode(students, forKey: .students)
        try container.encode(mean, forKey: .mean)
        try container.encode(shareIIIPlus, forKey: .shareIIIPlus)
    }
}
