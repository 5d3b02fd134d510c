/// One option's count in a frequency table: how many respondents chose it, and their share of those
/// who answered.
public struct OptionFrequency: Sendable, Hashable {
    public var text: String
    /// Respondents who chose the option (for a multiple choice: who ticked it).
    public var count: Int
    /// count / answered: of a single choice the shares add up to 1, of a multiple choice they may add
    /// up past 1 (each respondent may tick several). `nil` when nobody answered.
    public var share: Double?
    /// How many of those answers carried a typed text (`其他【请注明】〖…〗`); `nil` when the download
    /// mode does not keep typed texts (按选项序号, 按分数).
    public var otherTexts: Int?

    public init(text: String, count: Int, share: Double?, otherTexts: Int?) {
        self.text = text
        self.count = count
        self.share = share
        self.otherTexts = otherTexts
    }
}
