import JunhengCore

/// The result of the resource analysis (资源配置 and the roster-checkable 政府保障程度), ready to print as
/// JSON (snake_case keys, numbers unrounded) or to turn into report tables.
public struct ResourceReport: Sendable, Hashable, Codable {
    /// The roster file, as given.
    public var roster: String
    public var settings: ResourceSettings
    /// The settings DOMAIN.md marks uncertain, with the values used.
    public var uncertainSettings: [UncertainSetting]
    public var unitCosts: UnitCosts
    /// One entry per stage and indicator: county value, 差异系数 and balance.
    public var indicators: [IndicatorBalance]
    /// Per stage: schools counted, passing, balanced indicators.
    public var stages: [StageSummary]
    /// One entry per school part counted (a 九年一贯制 school appears twice, once per stage).
    public var schools: [SchoolPartResult]
    /// Schools and parts left out of the indicators, each with the reason.
    public var excluded: [ExcludedSchool]
    /// Every indicator a counted part misses: the shortfall in natural units and its cost.
    public var gaps: [IndicatorGap]
    public var funding: FundingSummary
    /// The 政府保障程度 checks the roster can show.
    public var guarantees: [GuaranteeCheck]
    /// Roster problems that did not stop the analysis (unknown columns, skipped rows, …).
    public var warnings: [RosterIssue]

    public init(
        roster: String, settings: ResourceSettings, uncertainSettings: [UncertainSetting], unitCosts: UnitCosts,
        indicators: [IndicatorBalance], stages: [StageSummary], schools: [SchoolPartResult],
        excluded: [ExcludedSchool], gaps: [IndicatorGap], funding: FundingSummary, guarantees: [GuaranteeCheck],
        warnings: [RosterIssue]
    ) {
        self.roster = roster
        self.settings = settings
        self.uncertainSettings = uncertainSettings
        self.unitCosts = unitCosts
        self.indicators = indicators
        self.stages = stages
        self.schools = schools
        self.excluded = excluded
        self.gaps = gaps
        self.funding = funding
        self.guarantees = guarantees
        self.warnings = warnings
    }

    enum CodingKeys: String, CodingKey {
        case roster, settings, indicators, stages, schools, excluded, gaps, funding, guarantees, warnings
        case uncertainSettings = "uncertain_settings"
        case unitCosts = "unit_costs"
    }
}

// MARK: - Balance

/// One indicator in one stage: the county value (pooled), the student-weighted 差异系数 and the verdicts
/// (DOMAIN.md §1).
public struct IndicatorBalance: Sendable, Hashable, Codable {
    public var stage: SchoolStage
    /// 1…7.
    public var indicator: Int
    /// B1…B7 (seed 附件2).
    public var code: String
    public var name: String
    public var unit: String
    /// The per-school standard (e.g. 4.2 per 100 students).
    public var standard: Double
    /// Schools (parts) counted, and how many meet the standard.
    public var schoolsCounted: Int
    public var schoolsMeetingStandard: Int
    /// Σ x_i and P = Σ P_i over the counted parts.
    public var total: Double
    public var students: Int
    /// X̄ = Σ x_i / P (× 100 for the per-hundred indicators); `nil` with no schools.
    public var countyValue: Double?
    public var countyMeetsStandard: Bool?
    /// S (in the indicator's unit, × 100 for the per-hundred indicators).
    public var standardDeviation: Double?
    /// CV = S / X̄; `nil` with no schools or X̄ = 0.
    public var cv: Double?
    public var cvThreshold: Double
    /// CV ≤ threshold.
    public var balanced: Bool?
    /// The CV if every part below the standard were brought exactly to it.
    public var cvIfGapsClosed: Double?
    public var balancedIfGapsClosed: Bool?
    /// 责任单位 (seed 附件2).
    public var responsibleUnits: [String]

    public init(
        stage: SchoolStage, indicator: Int, code: String, name: String, unit: String, standard: Double,
        schoolsCounted: Int, schoolsMeetingStandard: Int, total: Double, students: Int, countyValue: Double?,
        countyMeetsStandard: Bool?, standardDeviation: Double?, cv: Double?, cvThreshold: Double, balanced: Bool?,
        cvIfGapsClosed: Double?, balancedIfGapsClosed: Bool?, responsibleUnits: [String]
    ) {
        self.stage = stage
        self.indicator = indicator
        self.code = code
        self.name = name
        self.unit = unit
        self.standard = standard
        self.schoolsCounted = schoolsCounted
        self.schoolsMeetingStandard = schoolsMeetingStandard
        self.total = total
        self.students = students
        self.countyValue = countyValue
        self.countyMeetsStandard = countyMeetsStandard
        self.standardDeviation = standardDeviation
        self.cv = cv
        self.cvThreshold = cvThreshold
        self.balanced = balanced
        self.cvIfGapsClosed = cvIfGapsClosed
        self.balancedIfGapsClosed = balancedIfGapsClosed
        self.responsibleUnits = responsibleUnits
    }

    enum CodingKeys: String, CodingKey {
        case stage, indicator, code, name, unit, standard, total, students, cv, balanced
        case schoolsCounted = "schools_counted"
        case schoolsMeetingStandard = "schools_meeting_standard"
        case countyValue = "county_value"
        case countyMeetsStandard = "county_meets_standard"
        case standardDeviation = "standard_deviation"
        case cvThreshold = "cv_threshold"
        case cvIfGapsClosed = "cv_if_gaps_closed"
        case balancedIfGapsClosed = "balanced_if_gaps_closed"
        case responsibleUnits = "responsible_units"
    }

    /// Writes `null` for unknown values rather than leaving keys out.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(stage, forKey: .stage)
        try c.encode(indicator, forKey: .indicator)
        try c.encode(code, forKey: .code)
        try c.encode(name, forKey: .name)
        try c.encode(unit, forKey: .unit)
        try c.encode(standard, forKey: .standard)
        try c.encode(schoolsCounted, forKey: .schoolsCounted)
        try c.encode(schoolsMeetingStandard, forKey: .schoolsMeetingStandard)
        try c.encode(total, forKey: .total)
        try c.encode(students, forKey: .students)
        try c.encode(countyValue, forKey: .countyValue)
        try c.encode(countyMeetsStandard, forKey: .countyMeetsStandard)
        try c.encode(standardDeviation, forKey: .standardDeviation)
        try c.encode(cv, forKey: .cv)
        try c.encode(cvThreshold, forKey: .cvThreshold)
        try c.encode(balanced, forKey: .balanced)
        try c.encode(cvIfGapsClosed, forKey: .cvIfGapsClosed)
        try c.encode(balancedIfGapsClosed, forKey: .balancedIfGapsClosed)
        try c.encode(responsibleUnits, forKey: .responsibleUnits)
    }
}

/// One stage of the county: how many parts are counted and pass, and whether every indicator is balanced.
public struct StageSummary: Sendable, Hashable, Codable {
    public var stage: SchoolStage
    public var schoolsCounted: Int
    public var schoolsPassing: Int
    public var students: Int
    public var indicatorsBalanced: Int
    /// Every indicator's CV within the threshold; `nil` when some CV cannot be computed.
    public var allBalanced: Bool?
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

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(stage, forKey: .stage)
        try c.encode(schoolsCounted, forKey: .schoolsCounted)
        try c.encode(schoolsPassing, forKey: .schoolsPassing)
        try c.encode(students, forKey: .students)
        try c.encode(indicatorsBalanced, forKey: .indicatorsBalanced)
        try c.encode(allBalanced, forKey: .allBalanced)
        try c.encode(allSchoolsPass, forKey: .allSchoolsPass)
    }
}

// MARK: - Schools

/// One counted school part (a stage of a school) with its seven indicator values and its verdict.
public struct SchoolPartResult: Sendable, Hashable, Codable {
    public var name: String
    public var township: String
    public var code: String?
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

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(township, forKey: .township)
        try c.encode(code, forKey: .code)
        try c.encode(type, forKey: .type)
        try c.encode(line, forKey: .line)
        try c.encode(stage, forKey: .stage)
        try c.encode(students, forKey: .students)
        try c.encode(share, forKey: .share)
        try c.encode(values, forKey: .values)
        try c.encode(met, forKey: .met)
        try c.encode(missed, forKey: .missed)
        try c.encode(passes, forKey: .passes)
    }

    /// The value of one indicator.
    public func value(_ indicator: ResourceIndicator) -> IndicatorValue {
        values[indicator.rawValue - 1]
    }
}

/// One indicator of one school part: x_i (after the split), X_i and the standard.
public struct IndicatorValue: Sendable, Hashable, Codable {
    public var indicator: Int
    /// x_i: this part's raw total (teachers, m², 元, rooms).
    public var total: Double
    /// X_i = x_i / P_i (× 100 for the per-hundred indicators).
    public var value: Double
    public var standard: Double
    /// X_i ≥ standard.
    public var met: Bool
    /// X_i / standard (1 = exactly at the standard).
    public var ratioToStandard: Double

    public init(indicator: Int, total: Double, value: Double, standard: Double, met: Bool, ratioToStandard: Double) {
        self.indicator = indicator
        self.total = total
        self.value = value
        self.standard = standard
        self.met = met
        self.ratioToStandard = ratioToStandard
    }

    enum CodingKeys: String, CodingKey {
        case indicator, total, value, standard, met
        case ratioToStandard = "ratio_to_standard"
    }
}

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
    public var stage: SchoolStage?
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

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(township, forKey: .township)
        try c.encode(type, forKey: .type)
        try c.encode(line, forKey: .line)
        try c.encode(stage, forKey: .stage)
        try c.encode(students, forKey: .students)
        try c.encode(reasonCode, forKey: .reasonCode)
        try c.encode(reason, forKey: .reason)
    }
}

// MARK: - Gaps and money

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
    public var unitPrice: Double?
    /// shortfallToAdd × unitPrice.
    public var fundingGap: Double?
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

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(township, forKey: .township)
        try c.encode(line, forKey: .line)
        try c.encode(stage, forKey: .stage)
        try c.encode(indicator, forKey: .indicator)
        try c.encode(unit, forKey: .unit)
        try c.encode(students, forKey: .students)
        try c.encode(value, forKey: .value)
        try c.encode(standard, forKey: .standard)
        try c.encode(total, forKey: .total)
        try c.encode(requiredTotal, forKey: .requiredTotal)
        try c.encode(shortfall, forKey: .shortfall)
        try c.encode(shortfallToAdd, forKey: .shortfallToAdd)
        try c.encode(unitPrice, forKey: .unitPrice)
        try c.encode(fundingGap, forKey: .fundingGap)
        try c.encode(schoolPasses, forKey: .schoolPasses)
    }
}

/// The money needed to close every priced gap, per school and for the county.
public struct FundingSummary: Sendable, Hashable, Codable {
    /// One entry per school with a gap (both stages of a school together), in roster order.
    public var schools: [SchoolFunding]
    /// Per indicator (both stages), the sum of priced gaps.
    public var byIndicator: [IndicatorFunding]
    /// Σ of every priced gap.
    public var countyTotal: Double
    /// Gaps left out of the sums because no unit price was given.
    public var unpricedGaps: Int

    public init(schools: [SchoolFunding], byIndicator: [IndicatorFunding], countyTotal: Double, unpricedGaps: Int) {
        self.schools = schools
        self.byIndicator = byIndicator
        self.countyTotal = countyTotal
        self.unpricedGaps = unpricedGaps
    }

    enum CodingKeys: String, CodingKey {
        case schools
        case byIndicator = "by_indicator"
        case countyTotal = "county_total"
        case unpricedGaps = "unpriced_gaps"
    }
}

/// The funding gap of one school.
public struct SchoolFunding: Sendable, Hashable, Codable {
    public var name: String
    public var township: String
    public var line: Int
    public var fundingGap: Double
    public var unpricedGaps: Int

    public init(name: String, township: String, line: Int, fundingGap: Double, unpricedGaps: Int) {
        self.name = name
        self.township = township
        self.line = line
        self.fundingGap = fundingGap
        self.unpricedGaps = unpricedGaps
    }

    enum CodingKeys: String, CodingKey {
        case name, township, line
        case fundingGap = "funding_gap"
        case unpricedGaps = "unpriced_gaps"
    }
}

/// The funding gap of one indicator across the county.
public struct IndicatorFunding: Sendable, Hashable, Codable {
    public var indicator: Int
    public var fundingGap: Double
    public var unpricedGaps: Int

    public init(indicator: Int, fundingGap: Double, unpricedGaps: Int) {
        self.indicator = indicator
        self.fundingGap = fundingGap
        self.unpricedGaps = unpricedGaps
    }

    enum CodingKeys: String, CodingKey {
        case indicator
        case fundingGap = "funding_gap"
        case unpricedGaps = "unpriced_gaps"
    }
}

// MARK: - Guarantees

/// One 政府保障程度 rule checked school by school from the roster (DOMAIN.md §2).
public struct GuaranteeCheck: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case schoolSize = "school_size"
        case classSize = "class_size"
        case musicRooms = "music_rooms"
        case artRooms = "art_rooms"
        case musicRoomArea = "music_room_area"
        case artRoomArea = "art_room_area"
    }

    public var id: Kind
    /// B10–B12 (seed 附件2).
    public var code: String
    public var name: String
    /// The rule in words, e.g. "≤ 2000 人(一贯制 ≤ 2500)".
    public var rule: String
    /// The roster has the columns the check needs.
    public var available: Bool
    public var schoolsChecked: Int
    public var failing: [GuaranteeFinding]
    /// Schools the check applies to whose data are missing or cannot decide.
    public var undetermined: [GuaranteeFinding]
    /// Every checked school complies; `nil` when the check is not available or nothing could be checked.
    public var passes: Bool?
    public var responsibleUnits: [String]

    public init(
        id: Kind, code: String, name: String, rule: String, available: Bool, schoolsChecked: Int,
        failing: [GuaranteeFinding], undetermined: [GuaranteeFinding], passes: Bool?, responsibleUnits: [String]
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.rule = rule
        self.available = available
        self.schoolsChecked = schoolsChecked
        self.failing = failing
        self.undetermined = undetermined
        self.passes = passes
        self.responsibleUnits = responsibleUnits
    }

    enum CodingKeys: String, CodingKey {
        case id, code, name, rule, available, failing, undetermined, passes
        case schoolsChecked = "schools_checked"
        case responsibleUnits = "responsible_units"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(code, forKey: .code)
        try c.encode(name, forKey: .name)
        try c.encode(rule, forKey: .rule)
        try c.encode(available, forKey: .available)
        try c.encode(schoolsChecked, forKey: .schoolsChecked)
        try c.encode(failing, forKey: .failing)
        try c.encode(undetermined, forKey: .undetermined)
        try c.encode(passes, forKey: .passes)
        try c.encode(responsibleUnits, forKey: .responsibleUnits)
    }
}

/// One school's figure for a guarantee rule.
public struct GuaranteeFinding: Sendable, Hashable, Codable {
    public var name: String
    public var township: String
    public var line: Int
    /// The school's figure (students, class size, rooms, m²); `nil` when unknown.
    public var value: Double?
    /// The limit that applies to this school (a maximum or a minimum, as the rule says).
    public var limit: Double
    /// What was compared, in words (Chinese).
    public var detail: String

    public init(name: String, township: String, line: Int, value: Double?, limit: Double, detail: String) {
        self.name = name
        self.township = township
        self.line = line
        self.value = value
        self.limit = limit
        self.detail = detail
    }

    enum CodingKeys: String, CodingKey {
        case name, township, line, value, limit, detail
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(township, forKey: .township)
        try c.encode(line, forKey: .line)
        try c.encode(value, forKey: .value)
        try c.encode(limit, forKey: .limit)
        try c.encode(detail, forKey: .detail)
    }
}
