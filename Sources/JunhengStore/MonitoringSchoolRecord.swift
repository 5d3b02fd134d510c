public import GRDB

/// One row of `monitoring_school`: a school's figures within a stored result, with the sums a trend's
/// intervals need (migration 4 on; `nil` in rows stored before: early data).
public struct MonitoringSchoolRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Hashable {
    public static let databaseTableName = "monitoring_school"

    public var id: Int64?
    public var resultID: Int64
    public var school: String
    public var township: String?
    /// 学校代码 (from migration 3 on).
    public var code: String?
    public var students: Int
    public var mean: Double
    public var shareIIIPlus: Double?
    /// Σ scores, Σ scores², students at Ⅲ or Ⅳ (from migration 4 on).
    public var scoreSum: Double?
    public var scoreSquares: Double?
    public var studentsIIIPlus: Int?

    /// A school row; ``resultID`` is set when its result is stored.
    public init(
        school: String, township: String? = nil, code: String? = nil, students: Int, mean: Double,
        shareIIIPlus: Double? = nil, scoreSum: Double? = nil, scoreSquares: Double? = nil, studentsIIIPlus: Int? = nil
    ) {
        self.resultID = 0
        self.school = school
        self.township = township
        self.code = code
        self.students = students
        self.mean = mean
        self.shareIIIPlus = shareIIIPlus
        self.scoreSum = scoreSum
        self.scoreSquares = scoreSquares
        self.studentsIIIPlus = studentsIIIPlus
    }

    enum CodingKeys: String, CodingKey {
        case id, school, township, code, students, mean
        case resultID = "result_id"
        case shareIIIPlus = "share_iii_plus"
        case scoreSum = "score_sum"
        case scoreSquares = "score_squares"
        case studentsIIIPlus = "students_iii_plus"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
