public import JunhengCore

/// 附件3 of the county plan (问责机制) as data, quoted: who is held to account for what conduct, and the
/// three tiers of measures. The report prints it as written and attaches no measure to any requirement:
/// 附件3 punishes conduct, not a status.
public struct PlanAccountability: Sendable, Hashable {
    /// One tier (二（一）, 二（二）, 二（三）): the conduct it covers and the measure it names.
    public struct Tier: Sendable, Hashable {
        /// The clause, as the plan numbers it (`二（一）`, in English `2(1)`).
        public var clause: LocalizedText
        /// The measure, quoted.
        public var measure: LocalizedText
        /// The conduct, quoted, one item each.
        public var conduct: [LocalizedText]

        public init(clause: LocalizedText, measure: LocalizedText, conduct: [LocalizedText]) {
            self.clause = clause
            self.measure = measure
            self.conduct = conduct
        }
    }

    /// The document it comes from (`附件3 蒙城县推进义务教育优质均衡发展工作问责机制`).
    public var source: LocalizedText
    /// 一、问责对象, quoted.
    public var scope: LocalizedText?
    public var tiers: [Tier]

    public init(source: LocalizedText, scope: LocalizedText? = nil, tiers: [Tier]) {
        self.source = source
        self.scope = scope
        self.tiers = tiers
    }
}
