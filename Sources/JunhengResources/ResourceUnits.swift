/// 责任单位: who answers for each resource indicator (B1–B7) and each guarantee check (B10–B12), shown next
/// to a figure that fails. By default the seed county's 附件2 (``ResourceIndicator/responsibleUnits``,
/// ``seed``); `junheng report` takes them from the county plan (plan/plan.yaml), so a county that edits
/// the units there sees its own units in every table.
public struct ResourceUnits: Sendable, Hashable {
    /// The units of each indicator (an indicator left out keeps the seed's).
    public var indicators: [ResourceIndicator: [String]]
    /// School size (B11).
    public var schoolSize: [String]
    /// Class size (B12).
    public var classSize: [String]
    /// Music and art rooms, their number and their area (B10).
    public var rooms: [String]

    public init(
        indicators: [ResourceIndicator: [String]], schoolSize: [String], classSize: [String], rooms: [String]
    ) {
        self.indicators = indicators
        self.schoolSize = schoolSize
        self.classSize = classSize
        self.rooms = rooms
    }

    /// The seed's 附件2, verbatim.
    public static let seed = ResourceUnits(
        indicators: Dictionary(uniqueKeysWithValues: ResourceIndicator.allCases.map { ($0, $0.responsibleUnits) }),
        schoolSize: ["县发展改革委", "县财政局", "县自然资源和规划局", "县教育局", "各乡镇(街道)"],
        classSize: ["教育局", "县自然资源和规划局", "县发展改革委", "县财政局", "各乡镇(街道)"],
        rooms: ["教育局", "各乡镇(街道)", "县发展改革委", "县财政局", "县自然资源和规划局"])

    /// The units of `indicator`.
    public func units(for indicator: ResourceIndicator) -> [String] {
        indicators[indicator] ?? indicator.responsibleUnits
    }
}
