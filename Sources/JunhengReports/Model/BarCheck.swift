public import JunhengCore

/// One bar of the county evaluation: its name, the figure, the threshold, and pass/fail.
public struct BarCheck: Sendable, Hashable {
    public var area: LocalizedText
    public var name: LocalizedText
    /// The figure as it should be printed, e.g. "87.4 %" or "0.42", in each language.
    public var figureText: LocalizedText
    /// The threshold as printed, e.g. "≥ 85 %" or "≤ 0.50", in each language.
    public var thresholdText: LocalizedText
    /// `nil` when the figure cannot be computed from the data given (shown as 无法判定/unknown).
    public var passes: Bool?
    /// The responsible units (责任单位, seed 附件2) named when the bar fails.
    public var responsibleUnits: [String]
    /// The unrounded figure, when it is one number: the HTML report writes it in a `data-value`
    /// attribute so tests can compare it with the JSON outputs.
    public var value: Double?

    /// A bar whose figure and threshold read the same in both languages (numbers, `5/7`).
    public init(
        area: LocalizedText, name: LocalizedText, figure: String, threshold: String, passes: Bool?,
        responsibleUnits: [String] = [], value: Double? = nil
    ) {
        self.init(
            area: area, name: name, figure: LocalizedText(verbatim: figure),
            threshold: LocalizedText(verbatim: threshold), passes: passes, responsibleUnits: responsibleUnits,
            value: value)
    }

    public init(
        area: LocalizedText, name: LocalizedText, figure: LocalizedText, threshold: LocalizedText, passes: Bool?,
        responsibleUnits: [String] = [], value: Double? = nil
    ) {
        self.area = area
        self.name = name
        self.figureText = figure
        self.thresholdText = threshold
        self.passes = passes
        self.responsibleUnits = responsibleUnits
        self.value = value
    }

    /// The figure in Chinese (the default language), for callers that compare it with a text.
    public var figure: String { figureText.zh }
    /// The threshold in Chinese (the default language).
    public var threshold: String { thresholdText.zh }
}
