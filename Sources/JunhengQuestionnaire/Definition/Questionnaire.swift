public import JunhengCore

/// A 社会认可度 questionnaire as a county defines it once in `surveys/*.yaml` (DOMAIN.md §4): who it
/// is for, its questions, which answers count as positive, and the settings used to screen and rate
/// the answers.
public struct Questionnaire: Sendable, Hashable {
    /// A stable id (`public`, `teacher`, `student`), used with `--survey`.
    public var id: String
    public var title: LocalizedText
    /// Shown at the top of the paper version.
    public var introduction: String?
    /// The introduction in English (`introduction_en`).
    public var introductionEn: String?
    /// The respondent groups this questionnaire is for (家长, 教师, …), in report order.
    public var groups: [String]
    /// The groups' names in English (`groups_en`), by group.
    public var groupsEn: [String: String] = [:]
    /// The group every respondent belongs to when no question asks for the identity (学生 in the
    /// student questionnaire).
    public var defaultGroup: String?
    public var settings: SurveySettings
    public var dimensions: [SurveyDimension]
    public var questions: [Question]
    /// The file the questionnaire was loaded from (for messages).
    public var source: String

    public init(
        id: String, title: LocalizedText, introduction: String? = nil, groups: [String], defaultGroup: String? = nil,
        settings: SurveySettings = SurveySettings(), dimensions: [SurveyDimension] = [], questions: [Question],
        source: String = "<memory>"
    ) {
        self.id = id
        self.title = title
        self.introduction = introduction
        self.groups = groups
        self.defaultGroup = defaultGroup
        self.settings = settings
        self.dimensions = dimensions
        self.questions = questions
        self.source = source
    }

    /// The scored items in questionnaire order: each scored single/scale question is one item, each
    /// row of a scored matrix is one.
    public var items: [ScoredItem] {
        var items: [ScoredItem] = []
        for (questionIndex, question) in questions.enumerated() where question.isScored {
            if question.type == .matrix {
                for (rowIndex, row) in question.rows.enumerated() {
                    items.append(
                        ScoredItem(
                            id: "\(question.id).\(row.id)", questionIndex: questionIndex, rowIndex: rowIndex,
                            number: question.number, text: "\(question.text)—\(row.text)",
                            dimension: row.dimension ?? question.dimension,
                            label: question.label + LocalizedText(verbatim: "—") + row.label))
                }
            } else {
                items.append(
                    ScoredItem(
                        id: question.id, questionIndex: questionIndex, rowIndex: nil, number: question.number,
                        text: question.text, dimension: question.dimension, label: question.label))
            }
        }
        return items
    }

    /// A respondent group's name in both languages: in English its `groups_en` name, else the Chinese
    /// name marked as a name (``LocalizedText/name(_:)``).
    public func groupLabel(_ group: String) -> LocalizedText {
        LocalizedText(zh: group, en: groupsEn[group] ?? ProperName.mark(group))
    }

    /// The question that plays `role`, if any (each grouping role is played by at most one question).
    public func question(role: QuestionRole) -> Question? {
        questions.first { $0.role == role }
    }

    /// The question with this id.
    public func question(id: String) -> Question? {
        questions.first { $0.id == id }
    }

    /// The dimension with this id.
    public func dimension(id: String) -> SurveyDimension? {
        dimensions.first { $0.id == id }
    }
}

/// Settings of a questionnaire, each overridable on the command line.
public struct SurveySettings: Sendable, Hashable, Codable {
    /// Responses answered faster than this (所用时间, seconds) are screened out as speeders; `nil` turns
    /// the rule off.
    public var minSeconds: Int?
    /// Cells with fewer respondents than this are flagged (not hidden).
    public var minN: Int
    /// The bar: 0.85 (DOMAIN.md §4, a one-vote veto).
    public var threshold: Double
    /// The sample should be this share of the resident population (1.5 ‰, DOMAIN.md §4).
    public var sampleShare: Double
    /// Parents should be at least this share of the public sample (50 %, DOMAIN.md §4).
    public var parentShare: Double

    public init(
        minSeconds: Int? = 60, minN: Int = 30, threshold: Double = 0.85, sampleShare: Double = 0.0015,
        parentShare: Double = 0.5
    ) {
        self.minSeconds = minSeconds
        self.minN = minN
        self.threshold = threshold
        self.sampleShare = sampleShare
        self.parentShare = parentShare
    }
}

/// A dimension groups scored items (e.g. 县级政府工作, 学校办学行为) for `--by dimension`.
public struct SurveyDimension: Sendable, Hashable {
    public var id: String
    public var name: LocalizedText

    public init(id: String, name: LocalizedText) {
        self.id = id
        self.name = name
    }
}

/// One scored item: a scored question, or one row of a scored matrix.
public struct ScoredItem: Sendable, Hashable {
    /// The question id, or `question.row` for a matrix row.
    public var id: String
    public var questionIndex: Int
    public var rowIndex: Int?
    public var number: Int
    public var text: String
    public var dimension: String?
    /// The text in both languages (``Question/label``, and the row's for a matrix row).
    public var label: LocalizedText

    public init(
        id: String, questionIndex: Int, rowIndex: Int?, number: Int, text: String, dimension: String?,
        label: LocalizedText? = nil
    ) {
        self.id = id
        self.questionIndex = questionIndex
        self.rowIndex = rowIndex
        self.number = number
        self.text = text
        self.dimension = dimension
        self.label = label ?? LocalizedText.name(text)
    }
}
