/// One question counted: its frequency table, per row for a matrix, per group for a cross-tab, and
/// (only with `--answers`) its free-text answers.
public struct QuestionFrequencies: Sendable, Hashable {
    public var id: String
    public var number: Int
    public var text: String
    public var type: QuestionType
    /// The whole question; of a matrix: who answered at least one row.
    public var counts: FrequencyCounts
    /// A matrix's rows (empty for other questions).
    public var rows: [MatrixRowFrequencies]
    /// The cross-tab (`--by`), in report order; empty without one.
    public var groups: [GroupFrequencies]
    /// The cross-tab's χ² test (not for a matrix, whose rows carry their own, nor for free text).
    public var test: CrossTabTest?
    /// Free-text answers, with `--answers` only (`nil` otherwise).
    public var answers: [TextAnswer]?

    public init(
        id: String, number: Int, text: String, type: QuestionType, counts: FrequencyCounts,
        rows: [MatrixRowFrequencies] = [], groups: [GroupFrequencies] = [], test: CrossTabTest? = nil,
        answers: [TextAnswer]? = nil
    ) {
        self.id = id
        self.number = number
        self.text = text
        self.type = type
        self.counts = counts
        self.rows = rows
        self.groups = groups
        self.test = test
        self.answers = answers
    }
}
