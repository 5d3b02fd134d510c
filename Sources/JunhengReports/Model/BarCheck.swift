public import JunhengCore

/// One bar of the county evaluation: its name, the figure, the threshold, and pass/fail.
public struct BarCheck: Sendable, Hashable {
    public var area: LocalizedText
    public var name: LocalizedText
    /// The figure as it should be printed, e.g. "87.4 %" or "0.42", in each language (figures with words,
    /// such as "26/28 校达到", differ by language).
    public var figureText: LocalizedText
    /// The threshold as printed, e.g. "≥ 85 %" or "≤ 0.50", in each language.
    public var thresholdText: LocalizedText
    /// `nil` when the figure cannot be computed from the data given (shown as 无法判定/unknown, or as
    /// ``undeterminedVerdict`` when that names why).
    public var passes: Bool?
    /// The verdict word of a bar that is neither met nor failed for a known reason (待核实, 无数据);
    /// `nil` shows 无法判定.
    public var undeterminedVerdict: LocalizedText?
    /// The responsible units (责任单位, seed 附件2) named when the bar fails, each in both languages.
    public var responsibleUnits: [LocalizedText]
    /// The unrounded figure, when it is one number: the HTML report writes it in a `data-value`
    /// attribute so tests can compare it with the JSON outputs.
    public var value: Double?

    public init(
        area: LocalizedText, name: LocalizedText, figure: String, threshold: String, passes: Bool?,
        responsibleUnits: [LocalizedText] = [], value: Double? = nil
    ) {
        self.init(
            area: area, name: name, figure: LocalizedText(verbatim: figure),
            threshold: LocalizedText(verbatim: threshold), passes: passes, responsibleUnits: responsibleUnits,
            value: value)
    }

    public init(
        area: LocalizedText, name: LocalizedText, figure: LocalizedText, threshold: LocalizedText, passes: Bool?,
        undeterminedVerdict: LocalizedText? = nil, responsibleUnits: [LocalizedText] = [], value: Double? = nil
    ) {
        self.area = area
        self.name = name
        self.figureText = figure
        self.thresholdText = threshold
        self.passes = passes
        self.undeterminedVerdict = passes == nil ? undeterminedVerdict : nil
        self.responsibleUnits = responsibleUnits
        self.value = value
    }

    /// The figure as written when both languages print it the same way (the Chinese text otherwise).
    public var figure: String {
        get { figureText.zh }
        set { figureText = LocalizedText(verbatim: newValue) }
    }

    /// The threshold as written when both languages print it the same way (the Chinese text otherwise).
    public var threshold: String {
        get { thresholdText.zh }
        set { thresholdText = LocalizedText(verbatim: newValue) }
    }

    /// 达标, 未达标, or for an undetermined bar its ``undeterminedVerdict`` (else 无法判定).
    public var verdict: LocalizedText {
        passes.map(ReportLabels.verdict) ?? undeterminedVerdict ?? ReportLabels.unknown
    }
}
