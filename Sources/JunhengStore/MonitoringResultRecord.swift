import GRDB
import JunhengMonitoring
import JunhengStatistics

/// One row of `monitoring_result`: a year × grade × subject's figures.
struct MonitoringResultRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    static let databaseTableName = "monitoring_result"

    var id: Int64?
    var year: Int
    var grade: Int
    var subject: String
    var source: String
    var schools: Int?
    var students: Int?
    var mean: Double?
    var levelI: Int?
    var levelII: Int?
    var levelIII: Int?
    var levelIV: Int?
    var shareIIIPlus: Double?
    var meanLevel: Int?
    var icc: Double?
    var iccRaw: Double?
    var iccNegative: Bool
    var iccUndefined: String?
    var n0: Double?
    var msb: Double?
    var msw: Double?
    var cvSchoolMeans: Double?
    var meetsMeanLevel: Bool?
    var meetsShare: Bool?
    var meetsDifferenceRate: Bool?
    var meets: Bool?

    enum CodingKeys: String, CodingKey {
        case id, year, grade, subject, source, schools, students, mean, icc, n0, msb, msw, meets
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
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    init(_ result: MonitoringResult) {
        year = result.year
        grade = result.grade.rawValue
        subject = result.subject
        source = result.source.rawValue
        schools = result.schools
        students = result.students
        mean = result.mean
        levelI = result.levelCounts?[0]
        levelII = result.levelCounts?[1]
        levelIII = result.levelCounts?[2]
        levelIV = result.levelCounts?[3]
        shareIIIPlus = result.shareIIIPlus
        meanLevel = result.meanLevel?.rawValue
        icc = result.icc
        iccRaw = result.iccRaw
        iccNegative = result.iccNegative
        iccUndefined = result.iccUndefined?.rawValue
        n0 = result.n0
        msb = result.meanSquareBetween
        msw = result.meanSquareWithin
        cvSchoolMeans = result.cvSchoolMeans
        meetsMeanLevel = result.meetsMeanLevel
        meetsShare = result.meetsShare
        meetsDifferenceRate = result.meetsDifferenceRate
        meets = result.meets
    }

    /// The result again; `nil` if the row holds values this version cannot read (it traps nowhere).
    func result(schools perSchool: [MonitoringSchoolResult]) -> MonitoringResult? {
        guard let grade = MonitoringGrade(rawValue: grade), let source = MonitoringResult.Source(rawValue: source)
        else { return nil }
        var levelCounts: [Int]?
        if let levelI, let levelII, let levelIII, let levelIV { levelCounts = [levelI, levelII, levelIII, levelIV] }
        return MonitoringResult(
            year: year, grade: grade, subject: subject, source: source, schools: schools, students: students,
            mean: mean, levelCounts: levelCounts, shareIIIPlus: shareIIIPlus,
            meanLevel: meanLevel.flatMap(ProficiencyLevel.init(rawValue:)), icc: icc, iccRaw: iccRaw,
            iccNegative: iccNegative, iccUndefined: iccUndefined.flatMap { .init(rawValue: $0) }, n0: n0,
            meanSquareBetween: msb, meanSquareWithin: msw, cvSchoolMeans: cvSchoolMeans,
            meetsMeanLevel: meetsMeanLevel, meetsShare: meetsShare, meetsDifferenceRate: meetsDifferenceRate,
            meets: meets, perSchool: perSchool)
    }
}

/// One row of `monitoring_school`: a school's figures within a stored result.
struct MonitoringSchoolRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    static let databaseTableName = "monitoring_school"

    var id: Int64?
    var resultID: Int64
    var school: String
    var township: String?
    /// 学校代码 (from migration 3 on).
    var code: String?
    var students: Int
    var mean: Double
    var shareIIIPlus: Double?

    enum CodingKeys: String, CodingKey {
        case id, school, township, code, students, mean
        case resultID = "result_id"
        case shareIIIPlus = "share_iii_plus"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    init(resultID: Int64, _ school: MonitoringSchoolResult) {
        self.resultID = resultID
        self.school = school.school
        self.township = school.township
        self.code = school.code
        self.students = school.students
        self.mean = school.mean
        self.shareIIIPlus = school.shareIIIPlus
    }

    var schoolResult: MonitoringSchoolResult {
        MonitoringSchoolResult(
            school: school, township: township, code: code, students: students, mean: mean,
            shareIIIPlus: shareIIIPlus)
    }
}
