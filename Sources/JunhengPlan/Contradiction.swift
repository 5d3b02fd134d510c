public import JunhengCore

/// A row of the indicator sheet that disagrees with what junheng computed from the county's files: a
/// different figure, or the other verdict. It is reported, never silently preferred: the computed status
/// stands and this caveat is shown next to it in every output.
public struct Contradiction: Sendable, Hashable {
    /// The part (`C24`).
    public var code: String
    /// The sheet's row.
    public var location: SourceLocation
    /// What the sheet says: `结论 达标`, `数值 48 人`.
    public var given: LocalizedText
    /// What was computed: `未达标：最大 52 人（2 所学校）`.
    public var computed: LocalizedText

    public init(code: String, location: SourceLocation, given: LocalizedText, computed: LocalizedText) {
        self.code = code
        self.location = location
        self.given = given
        self.computed = computed
    }

    /// One sentence: "填报表写 结论 达标，计算结果为 未达标：…".
    public var message: LocalizedText {
        LocalizedText(zh: "填报表为", en: "The sheet gives ") + given
            + LocalizedText(zh: "，与计算结果不符：", en: ", but the computation gives ") + computed
            + LocalizedText(zh: "（以计算结果为准，请核对）。", en: " (the computed status stands: check both).")
    }
}
