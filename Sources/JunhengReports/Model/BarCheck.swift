public import JunhengCore

/// One bar of the county evaluation: its name, the figure, the threshold, and pass/fail.
public struct BarCheck: Sendable, Hashable {
    public var area: LocalizedText
    public var name: LocalizedText
    /// The figure as it should be printed, e.g. "87.4 %" or "0.42".
    public var figure: String
    /// The threshold as printed, e.g. "≥ 85 %" or "≤ 0.50".
    public var threshold: String
    /// `nil` when the figure cannot be computed from the data given (shown as 无法判定/unknown).
    public var passes: Bool?
    /// The responsible units (责任单位, seed 附件2) named when the bar fails.
    public var responsibleUnits: [String]
    /// The unrounded figure, when it is one number: the HTML report writes it in a `data-value`
    /// attribute so tests can compare it with the JSON outputs.
    public var value: Double?

    public init(
        area: LocalizedText, name: LocalizedText, figure: String, threshold: String, passes: Bool?,
        responsibleUnits: [String] = [], value: Double? = nil
    ) {
        self.area = area
        self.name = name
        self.figure = figure
        self.threshold = threshold
        self.passes = passes
        self.responsibleUnits = responsibleUnits
        self.value = value
    }
}
