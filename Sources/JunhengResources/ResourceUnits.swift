public import JunhengCore

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
    /// The units' names in English, by unit: the seed's built in (``seedEnglish``), and the county plan's
    /// `units_en` when `junheng report` or `--plan` applies a plan.
    public var english: [String: String] = ResourceUnits.seedEnglish

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

    /// The English names of the seed's units (its 附件2 writes 教育局 for 县教育局 in places).
    public static let seedEnglish = [
        "县教育局": "County Education Bureau", "教育局": "County Education Bureau",
        "县人力资源社会保障局": "County Human Resources and Social Security Bureau",
        "县委编办": "County Party Committee Staffing Office", "县发展改革委": "County Development and Reform Commission",
        "县财政局": "County Finance Bureau", "各乡镇(街道)": "Township governments and subdistrict offices",
        "县自然资源和规划局": "County Natural Resources and Planning Bureau",
    ]

    /// A unit's name in both languages: its English name when known, else the Chinese name marked as a
    /// proper name (``LocalizedText/name(_:)``).
    public func label(_ unit: String) -> LocalizedText {
        LocalizedText(zh: unit, en: english[unit] ?? ProperName.mark(unit))
    }

    /// Units in both languages, in order.
    public func labels(_ units: [String]) -> [LocalizedText] { units.map(label) }

    /// Units as one list in both languages: `县教育局、县财政局`, `County Education Bureau, County Finance Bureau`.
    public func list(_ units: [String]) -> LocalizedText {
        LocalizedText(zh: units.joined(separator: "、"), en: units.map { label($0).en }.joined(separator: ", "))
    }

    /// The units of `indicator`.
    public func units(for indicator: ResourceIndicator) -> [String] {
        indicators[indicator] ?? indicator.responsibleUnits
    }
}
