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
