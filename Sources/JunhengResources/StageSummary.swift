public import JunhengCore

/// One stage of the county: how many parts are counted and pass, and whether every indicator is balanced.
public struct StageSummary: Sendable, Hashable, Codable {
    public var stage: SchoolStage
    public var schoolsCounted: Int
    public var schoolsPassing: Int
    public var students: Int
    public var indicatorsBalanced: Int
    /// Every indicator's CV within the threshold; `nil` when some CV cannot be computed.
    @ExplicitNull public var allBalanced: Bool?
    /// Every counted school part passes the 6-of-7 rule.
    public var allSchoolsPass: Bool

    public init(
        stage: SchoolStage, schoolsCounted: Int, schoolsPassing: Int, students: Int, indicatorsBalanced: Int,
        allBalanced: Bool?, allSchoolsPass: Bool
    ) {
        self.stage = stage
        self.schoolsCounted = schoolsCounted
        self.schoolsPassing = schoolsPassing
        self.students = students
        self.indicatorsBalanced = indicatorsBalanced
        self.allBalanced = allBalanced
        self.allSchoolsPass = allSchoolsPass
    }

    enum CodingKeys: String, CodingKey {
        case stage, students
        case schoolsCounted = "schools_counted"
        case schoolsPassing = "schools_passing"
        case indicatorsBalanced = "indicators_balanced"
        case allBalanced = "all_balanced"
        case allSchoolsPass = "all_schools_pass"
    }

}
