public import JunhengCore

/// The national acceptance rule for resources (教督〔2017〕6号, DOMAIN.md §1), as the plan file quotes it:
/// each school meets at least ``indicatorsMet`` of the seven indicators and the rest reach ``missedFloor``
/// of their standards; every indicator's 差异系数 is within its stage's limit.
public struct AcceptanceRule: Sendable, Hashable {
    /// Where the rule comes from (`教督〔2017〕6号 …`).
    public var source: LocalizedText
    /// The rule, quoted (in English, translated).
    public var text: LocalizedText
    /// Indicators a school must meet (6 of 7).
    public var indicatorsMet: Int
    /// The share of its standard a missed indicator must reach (0.85).
    public var missedFloor: Double
    /// The 差异系数 limits: primary 0.50, junior 0.45.
    public var primaryCVLimit: Double
    public var juniorCVLimit: Double

    public init(
        source: LocalizedText, text: LocalizedText, indicatorsMet: Int = 6, missedFloor: Double = 0.85,
        primaryCVLimit: Double = 0.5,
        juniorCVLimit: Double = 0.45
    ) {
        self.source = source
        self.text = text
        self.indicatorsMet = indicatorsMet
        self.missedFloor = missedFloor
        self.primaryCVLimit = primaryCVLimit
        self.juniorCVLimit = juniorCVLimit
    }
}

extension AcceptanceRule {
    /// The rule as DOMAIN.md §1 gives it, for a plan file without `acceptance:`.
    public static let national = AcceptanceRule(
        source: Citation.nationalMeasuresInFull + LocalizedText(zh: "资源配置", en: ", resource allocation"),
        text: LocalizedText(
            zh: "每所学校至少6项指标达到上述要求，余项不能低于要求的85%；所有指标校际差异系数，小学均小于或等于0.50，初中均小于或等于0.45",
            en:
                "Every school meets at least 6 of the indicators above, and the rest are no lower than 85% of the requirement; every indicator's between-school coefficient of variation is at most 0.50 for primary schools and at most 0.45 for junior schools."
        ))
}
