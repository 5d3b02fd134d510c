public import JunhengCore

/// One indicator a counted part misses: how far it is from the standard, in natural units and in 元.
public struct IndicatorGap: Sendable, Hashable, Codable {
    public var name: String
    public var township: String
    public var line: Int
    public var stage: SchoolStage
    public var indicator: Int
    public var unit: String
    public var students: Int
    /// X_i and the standard.
    public var value: Double
    public var standard: Double
    /// x_i, and the total that would meet the standard: standard × P_i / scale (scale 100 or 1).
    public var total: Double
    public var requiredTotal: Double
    /// requiredTotal − total, exact.
    public var shortfall: Double
    /// What must be added in practice: whole teachers and rooms (⌈shortfall⌉), m² and 元 as they are.
    public var shortfallToAdd: Double
    /// 元 per unit (`nil`: no price given; 1 for equipment value).
    @ExplicitNull public var unitPrice: Double?
    /// shortfallToAdd × unitPrice.
    @ExplicitNull public var fundingGap: Double?
    /// Whether the part still passes the 6-of-7 rule despite this gap.
    public var schoolPasses: Bool

    public init(
        name: String, township: String, line: Int, stage: SchoolStage, indicator: Int, unit: String, students: Int,
        value: Double, standard: Double, total: Double, requiredTotal: Double, shortfall: Double,
        shortfallToAdd: Double, unitPrice: Double?, fundingGap: Double?, schoolPasses: Bool
    ) {
        self.name = name
        self.township = township
        self.line = line
        self.stage = stage
        self.indicator = indicator
        self.unit = unit
        self.students = students
        self.value = value
        self.standard = standard
        self.total = total
        self.requiredTotal = requiredTotal
        self.shortfall = shortfall
        self.shortfallToAdd = shortfallToAdd
        self.unitPrice = unitPrice
        self.fundingGap = fundingGap
        self.schoolPasses = schoolPasses
    }

    enum CodingKeys: String, CodingKey {
        case name, township, line, stage, indicator, unit, students, value, standard, total, shortfall
        case requiredTotal = "required_total"
        case shortfallToAdd = "shortfall_to_add"
        case unitPrice = "unit_price"
        case fundingGap = "funding_gap"
        case schoolPasses = "school_passes"
    }

}
