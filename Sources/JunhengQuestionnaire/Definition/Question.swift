public import JunhengCore

/// One question of a ``Questionnaire``.
public struct Question: Sendable, Hashable {
    /// A stable id, used in mapping files, `--by item` and JSON output.
    public var id: String
    /// The number printed before the text (`N、题干` in the 问卷星 export).
    public var number: Int
    public var text: String
    /// The text in English (`text_en`), when the questionnaire gives one.
    public var textEn: String?
    public var type: QuestionType
    public var role: QuestionRole
    /// The options (single, multiple, scale, matrix); empty for free text.
    public var options: [QuestionOption]
    /// The rows of a matrix question.
    public var rows: [MatrixRow]
    /// The dimension a scored question's items belong to.
    public var dimension: String?
    /// The line in the questionnaire file, for messages.
    public var line: Int

    public init(
        id: String, number: Int, text: String, type: QuestionType, role: QuestionRole = .info,
        options: [QuestionOption] = [], rows: [MatrixRow] = [], dimension: String? = nil, line: Int = 0
    ) {
        self.id = id
        self.number = number
        self.text = text
        self.type = type
        self.role = role
        self.options = options
        self.rows = rows
        self.dimension = dimension
        self.line = line
    }

    /// The text in both languages: in English its `text_en`, else the Chinese text marked as a name
    /// (``LocalizedText/name(_:)``): a question without an English text is quoted as the county wrote it.
    public var label: LocalizedText { LocalizedText(zh: text, en: textEn ?? ProperName.mark(text)) }

    /// Whether the question's answers enter the satisfaction rate.
    public var isScored: Bool { role == .scored }

    /// The number 问卷星 writes for each option in an 按选项序号 (option-number) download: the option's
    /// `number:` when the file gives one, else one more than the option before (the first: 1). So an
    /// option left out of the file shifts every later number unless the next one says its number.
    public var optionNumbers: [Int] {
        var numbers: [Int] = []
        numbers.reserveCapacity(options.count)
        for option in options { numbers.append(option.number ?? (numbers.last ?? 0) + 1) }
        return numbers
    }
}

/// The kinds of question a 问卷星 questionnaire has.
public enum QuestionType: String, Sendable, Hashable, Codable, CaseIterable {
    /// 单选题 (also 下拉框).
    case single
    /// 多选题.
    case multiple
    /// 量表题 (Likert): a single choice whose options are a scale.
    case scale
    /// 矩阵单选/矩阵量表: several rows answered on the same options.
    case matrix
    /// 填空题: free text.
    case text

    public var label: LocalizedText {
        switch self {
        case .single: LocalizedText(zh: "单选题", en: "single choice")
        case .multiple: LocalizedText(zh: "多选题", en: "multiple choice")
        case .scale: LocalizedText(zh: "量表题", en: "scale")
        case .matrix: LocalizedText(zh: "矩阵量表题", en: "matrix")
        case .text: LocalizedText(zh: "填空题", en: "free text")
        }
    }
}

/// What a question is for in the analysis.
public enum QuestionRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// 身份: decides the respondent group.
    case group
    /// 乡镇 (街道).
    case township
    /// 学校.
    case school
    /// 年级.
    case grade
    /// An item (or matrix of items) in the satisfaction rate.
    case scored
    /// Asked, shown in `survey check`, never rated.
    case info
}

/// One option of a question.
public struct QuestionOption: Sendable, Hashable {
    public var text: String
    /// The text in English (`text_en`), when the questionnaire gives one.
    public var textEn: String?
    /// Counts as a positive answer (非常满意, 满意, 基本满意).
    public var positive: Bool
    /// Left out of the denominator (不了解).
    public var excluded: Bool
    /// The score 问卷星 writes for it in 按分数 mode.
    public var score: Double?
    /// For the identity question: the respondent group this option means.
    public var group: String?
    /// For a grouping question: choosing this option puts the respondent outside the questionnaire's
    /// groups (screened out), e.g. 一、二年级 in the student questionnaire.
    public var outside: Bool
    /// Other spellings accepted in an export (older wording, abbreviations).
    public var aliases: [String]
    /// The option's number in an 按选项序号 download when it is not one more than the option before's
    /// (see ``Question/optionNumbers``); nil when it is.
    public var number: Int?

    public init(
        text: String, positive: Bool = false, excluded: Bool = false, score: Double? = nil, group: String? = nil,
        outside: Bool = false, aliases: [String] = [], number: Int? = nil
    ) {
        self.text = text
        self.positive = positive
        self.excluded = excluded
        self.score = score
        self.group = group
        self.outside = outside
        self.aliases = aliases
        self.number = number
    }

    /// The text in both languages (see ``Question/label``).
    public var label: LocalizedText { LocalizedText(zh: text, en: textEn ?? ProperName.mark(text)) }
}

/// One row of a matrix question: an item of its own.
public struct MatrixRow: Sendable, Hashable {
    public var id: String
    public var text: String
    /// The text in English (`text_en`), when the questionnaire gives one.
    public var textEn: String?
    public var dimension: String?

    public init(id: String, text: String, textEn: String? = nil, dimension: String? = nil) {
        self.id = id
        self.text = text
        self.textEn = textEn
        self.dimension = dimension
    }

    /// The text in both languages (see ``Question/label``).
    public var label: LocalizedText { LocalizedText(zh: text, en: textEn ?? ProperName.mark(text)) }
}
