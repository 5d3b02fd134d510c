public import JunhengCore

/// A second-level indicator of the plan (二级指标, B1–B31) and its requirements.
public struct PlanIndicator: Sendable, Hashable {
    public var code: String
    public var name: LocalizedText
    public var requirements: [PlanRequirement]

    public init(code: String, name: LocalizedText, requirements: [PlanRequirement]) {
        self.code = code
        self.name = name
        self.requirements = requirements
    }
}
