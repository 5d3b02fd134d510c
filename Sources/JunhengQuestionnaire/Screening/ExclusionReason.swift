public import JunhengCore

/// Why a response was left out of the rates (screening, always visible in every output).
public enum ExclusionReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// Same answers and same IP as an earlier response.
    case duplicate
    /// The same 序号, 提交答卷时间 and 所用时间 as an earlier row (in any export): one response given twice,
    /// e.g. the text and the number download of one survey.
    case sameSubmission = "same-submission"
    /// 所用时间 under the questionnaire's `min_seconds`.
    case speeder
    /// The respondent's identity (or grade) is outside the questionnaire's groups, or not given.
    case outsideGroups = "outside-groups"
    /// Not one scored item answered with a counted option.
    case noScoredAnswer = "no-scored-answer"
    /// The reader skipped the row: more or fewer fields than the header.
    case raggedRow = "ragged-row"

    public var label: LocalizedText {
        switch self {
        case .duplicate: LocalizedText(zh: "重复提交（答案与IP相同）", en: "duplicate (same answers and IP)")
        case .sameSubmission:
            LocalizedText(zh: "重复答卷（序号与提交时间相同）", en: "given twice (same serial number and submission time)")
        case .speeder: LocalizedText(zh: "答题用时过短", en: "answered too fast")
        case .outsideGroups: LocalizedText(zh: "不属于调查对象", en: "outside the questionnaire's groups")
        case .noScoredAnswer: LocalizedText(zh: "无有效计分题作答", en: "no scored answer")
        case .raggedRow: LocalizedText(zh: "列数与表头不符", en: "field count differs from the header")
        }
    }
}

/// One response left out, with where it is and why.
public struct ExcludedRow: Sendable, Hashable {
    public var file: String
    public var line: Int
    public var reason: ExclusionReason
    /// A short detail: the line of the first copy, the seconds taken, the identity given.
    public var detail: LocalizedText
    /// The option of the group or grade question that put the respondent outside the groups (the
    /// question's id and the option's index), for an ``ExclusionReason/outsideGroups`` row.
    public var outsideOption: OutsideOption?

    /// An option that screens its respondents out: the question's id and the option's 0-based index.
    public struct OutsideOption: Sendable, Hashable {
        public var question: String
        public var option: Int

        public init(question: String, option: Int) {
            self.question = question
            self.option = option
        }
    }

    public init(
        file: String, line: Int, reason: ExclusionReason, detail: LocalizedText, outsideOption: OutsideOption? = nil
    ) {
        self.file = file
        self.line = line
        self.reason = reason
        self.detail = detail
        self.outsideOption = outsideOption
    }
}

/// An answer that is not an option of its question: reported with line and column, never counted.
public struct AnswerProblem: Sendable, Hashable {
    public var file: String
    public var line: Int
    /// 1-based column, as Excel counts.
    public var column: Int
    public var question: String
    public var value: String
    public var message: LocalizedText

    public init(file: String, line: Int, column: Int, question: String, value: String, message: LocalizedText) {
        self.file = file
        self.line = line
        self.column = column
        self.question = question
        self.value = value
        self.message = message
    }
}
