/// The frequency table of one question, one matrix row, or one group's answers to either: who
/// answered, who did not, and each option's count and share (问卷星's default report, per question).
///
/// - `answered + skipped + invalid + notInFile` is the number of used responses.
/// - Single / scale: one option each; the shares add up to 1.
/// - Multiple: each option's share is of the respondents who answered (ticked at least one), so the
///   shares may add up past 1; ``meanTicked`` = ticks / answered.
/// - A scale (options marked `positive`): ``positiveShare`` = positive answers / answers left in the
///   denominator (the options marked `excluded`, 不了解, are left out, as in the satisfaction rate,
///   DOMAIN.md §4); ``meanScore`` = Σ score · count / Σ count over the same answers, when every such
///   option declares a `score`.
public struct FrequencyCounts: Sendable, Hashable {
    /// Respondents with a countable answer.
    public var answered: Int
    /// Respondents who left it blank, or whom 问卷星's logic skipped (`(跳过)`, `-3`): a multiple
    /// choice with no option ticked counts here.
    public var skipped: Int
    /// Respondents whose answer is not an option of the question (reported with its place by the
    /// mapping, never counted).
    public var invalid: Int
    /// Respondents whose export has no column for the question (reported by the mapping), so they
    /// were not asked as far as the file shows: neither answered nor skipped.
    public var notInFile: Int
    public var options: [OptionFrequency]
    /// Answers that carried a typed text (`〖…〗`); `nil` when a download mode without them was read.
    public var otherTexts: Int?
    /// Mean number of options ticked by those who answered (multiple choice only).
    public var meanTicked: Double?
    /// Positive answers / answers in the denominator (questions with `positive` options only).
    public var positiveShare: Double?
    /// The mean declared score of the answers in the denominator (when every such option has a score).
    public var meanScore: Double?

    public init(
        answered: Int, skipped: Int, invalid: Int = 0, notInFile: Int = 0, options: [OptionFrequency],
        otherTexts: Int? = nil,
        meanTicked: Double? = nil, positiveShare: Double? = nil, meanScore: Double? = nil
    ) {
        self.answered = answered
        self.skipped = skipped
        self.invalid = invalid
        self.notInFile = notInFile
        self.options = options
        self.otherTexts = otherTexts
        self.meanTicked = meanTicked
        self.positiveShare = positiveShare
        self.meanScore = meanScore
    }
}
