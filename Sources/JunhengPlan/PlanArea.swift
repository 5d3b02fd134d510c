public import JunhengCore

/// A first-level indicator of the plan (一级指标: A1 资源配置, A2 政府保障程度, A3 教育质量).
public struct PlanArea: Sendable, Hashable {
    public var code: String
    public var name: LocalizedText
    public var indicators: [PlanIndicator]

    public init(code: String, name: LocalizedText, indicators: [PlanIndicator]) {
        self.code = code
        self.name = name
        self.indicators = indicators
    }

    /// `A1 资源配置`.
    public var label: LocalizedText {
        LocalizedText(verbatim: code + " ") + name
    }
}
