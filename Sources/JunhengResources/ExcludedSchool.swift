public import JunhengCore

/// A school, or one stage of it, left out of the indicators.
public struct ExcludedSchool: Sendable, Hashable, Codable {
    public enum Reason: String, Sendable, Hashable, Codable {
        case specialEducation = "special_education"
        case teachingPointBelowCutoff = "teaching_point_below_cutoff"
        case noStudents = "no_students"
    }

    public var name: String
    public var township: String
    public var type: SchoolType
    public var line: Int
    /// The stage left out; `nil` when the whole school is.
    @ExplicitNull public var stage: SchoolStage?
    public var students: Int
    public var reasonCode: Reason
    /// The reason in words (Chinese).
    public var reason: String

    public init(
        name: String, township: String, type: SchoolType, line: Int, stage: SchoolStage?, students: Int,
        reasonCode: Reason, reason: String
    ) {
        self.name = name
        self.township = township
        self.type = type
        self.line = line
        self.stage = stage
        self.students = students
        self.reasonCode = reasonCode
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case name, township, type, line, stage, students, reason
        case reasonCode = "reason_code"
    }

}
