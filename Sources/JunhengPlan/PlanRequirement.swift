public import JunhengCore

/// A third-level requirement of the plan (三级指标, C1–C62): its text, its responsible units (责任单位),
/// the actions the plan asks for (具体要求), and its parts.
public struct PlanRequirement: Sendable, Hashable {
    /// `C1` … `C62`.
    public var code: String
    /// The requirement as the plan writes it.
    public var text: LocalizedText
    /// A short label for tables and the terminal (the text unless the plan gives `title:`).
    public var title: LocalizedText
    /// 具体要求: what the plan asks the units to do.
    public var actions: LocalizedText?
    /// 责任单位, in the plan's order.
    public var units: [String]
    /// One part coded like the requirement, or several coded `CODE-1`, `CODE-2` ….
    public var parts: [RequirementPart]
    /// The second- and first-level indicators it belongs to (`B1`, `A1`).
    public var indicator: String
    public var area: String
    public var location: SourceLocation?

    public init(
        code: String, text: LocalizedText, title: LocalizedText? = nil, actions: LocalizedText? = nil, units: [String],
        parts: [RequirementPart], indicator: String, area: String, location: SourceLocation? = nil
    ) {
        precondition(!parts.isEmpty, "a requirement has at least one part")
        self.code = code
        self.text = text
        self.title = title ?? text
        self.actions = actions
        self.units = units
        self.parts = parts
        self.indicator = indicator
        self.area = area
        self.location = location
    }

    /// Whether the indicator sheet gives it in several rows (`C31-1`, `C31-2`).
    public var hasParts: Bool { parts.count > 1 }

    /// `C1 小学每百名学生拥有高于规定学历教师数`.
    public var label: LocalizedText {
        LocalizedText(verbatim: code + " ") + title
    }
}
