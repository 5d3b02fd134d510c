/// Asks a satisfaction run to count every question too (`junheng frequencies`, the report's 逐题统计):
/// the same mapping, download modes and screening, in the same pass over the rows (a
/// ``FrequencyAccumulator`` fed by ``SatisfactionPipeline``), the result in
/// ``SatisfactionResult/frequencies``.
public struct FrequencyRequest: Sendable, Hashable {
    /// The cross-tab (`--by`), if any.
    public var by: FrequencyBreakdown?
    /// Whether free-text answers are kept and listed with their file and line (`--answers`): they are
    /// personal data, so only when asked for.
    public var answers: Bool

    public init(by: FrequencyBreakdown? = nil, answers: Bool = false) {
        self.by = by
        self.answers = answers
    }
}
