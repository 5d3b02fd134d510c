public import JunhengCore

/// One counted school part (a stage of a school) with its seven indicator values and its verdict.
public struct SchoolPartResult: Sendable, Hashable, Codable {
    public var name: String
    public var township: String
    @ExplicitNull public var code: String?
    public var type: SchoolType
    /// The roster line.
    public var line: Int
    public var stage: SchoolStage
    /// P_i, the students of this stage.
    public var students: Int
    /// The part of the shared stock assigned to this stage (1 for a single-stage school).
    public var share: Double
    public var values: [IndicatorValue]
    /// Indicators meeting their standard (0…7).
    public var met: Int
    /// The indicators missed (1…7).
    public var missed: [Int]
    /// At least 6 met and every missed one ≥ 85 % of its standard (DOMAIN.md §1).
    public var passes: Bool

    public init(
        name: String, township: String, code: String?, type: SchoolType, line: Int, stage: SchoolStage,
        students: Int, share: Double, values: [IndicatorValue], met: Int, missed: [Int], passes: Bool
    ) {
        self.name = name
        self.township = township
        self.code = code
        self.type = type
        self.line = line
        self.stage = stage
        self.students = students
        self.share = share
        self.values = values
        self.met = met
        self.missed = missed
        self.passes = passes
    }

    enum CodingKeys: String, CodingKey {
        case name, township, code, type, line, stage, students, share, values, met, missed, passes
    }

    /// The value of one indicator.
    public func value(_ indicator: ResourceIndicator) -> IndicatorValue {
        values[indicator.rawValue - 1]
    }
}
