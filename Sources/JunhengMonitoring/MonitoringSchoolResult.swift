public import JunhengCore

/// One school's figures within a monitoring result: students, mean score, share at Ⅲ+.
public struct MonitoringSchoolResult: Sendable, Hashable, Codable {
    public var school: String
    @ExplicitNull public var township: String?
    /// 学校代码, when the file gives one.
    @ExplicitNull public var code: String?
    public var students: Int
    public var mean: Double
    @ExplicitNull public var shareIIIPlus: Double?

    public init(
        school: String, township: String? = nil, code: String? = nil, students: Int, mean: Double,
        shareIIIPlus: Double? = nil
    ) {
        self.school = school
        self.township = township
        self.code = code
        self.students = students
        self.mean = mean
        self.shareIIIPlus = shareIIIPlus
    }

    enum CodingKeys: String, CodingKey {
        case school, township, code, students, mean
        case shareIIIPlus = "share_iii_plus"
    }

}
