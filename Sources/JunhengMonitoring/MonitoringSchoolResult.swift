public import JunhengCore

/// One school's figures within a monitoring result: students, mean score, share at Ⅲ+, and the sums the
/// intervals of a trend need (the school is one cluster of the ratio estimators, DOMAIN.md §7 and §8).
public struct MonitoringSchoolResult: Sendable, Hashable, Codable {
    public var school: String
    @ExplicitNull public var township: String?
    /// 学校代码, when the file gives one.
    @ExplicitNull public var code: String?
    public var students: Int
    public var mean: Double
    @ExplicitNull public var shareIIIPlus: Double?
    /// Σ of the school's scores: y_j of the mean's ratio estimator. `nil` for a result stored before these
    /// sums were kept (early data: no interval).
    @ExplicitNull public var scoreSum: Double?
    /// Σ of the squared scores (with the students and ``scoreSum``: the school's own sum of squares, so the
    /// one-way ANOVA adds up across files and counties).
    @ExplicitNull public var scoreSquares: Double?
    /// Students at level Ⅲ or Ⅳ: y_j of the share's ratio estimator; `nil` when a level is unknown.
    @ExplicitNull public var studentsIIIPlus: Int?

    public init(
        school: String, township: String? = nil, code: String? = nil, students: Int, mean: Double,
        shareIIIPlus: Double? = nil, scoreSum: Double? = nil, scoreSquares: Double? = nil,
        studentsIIIPlus: Int? = nil
    ) {
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
        case school, township, code, students, mean
        case shareIIIPlus = "share_iii_plus"
        case scoreSum = "score_sum"
        case scoreSquares = "score_squares"
        case studentsIIIPlus = "students_iii_plus"
    }
}
