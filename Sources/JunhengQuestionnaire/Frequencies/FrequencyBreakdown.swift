public import JunhengCore

/// What a cross-tab (交叉分析, `--by`) puts side by side: a grouping role (respondent group, township,
/// school, grade, as satisfaction groups them) or the options of one single-choice question.
public enum FrequencyBreakdown: Sendable, Hashable {
    /// `group`, `township`, `school` or `grade`.
    case key(GroupingKey)
    /// A single-choice or scale question, by id: each option is a group.
    case question(String)

    /// A `--by` value that cannot be used, and why.
    public struct Invalid: UserFacingError, Hashable {
        public var location: SourceLocation? { nil }
        public var message: LocalizedText
    }

    /// Parses `group`, `township`, `school`, `grade` or a question id of `survey`.
    public init(parsing argument: String, survey: Questionnaire) throws(Invalid) {
        let text = HandTypedText.cell(argument)
        if let key = GroupingKey(rawValue: text.lowercased()) {
            guard key != .item, key != .dimension else {
                throw Invalid(
                    message: LocalizedText(
                        zh: "逐题统计不能按“\(text)”分组。可用：group、township、school、grade 或题目 id。",
                        en: "Frequencies cannot be broken down by \"\(text)\". Use group, township, school, grade "
                            + "or a question id."))
            }
            let role: QuestionRole? =
                switch key {
                case .township: .township
                case .school: .school
                case .grade: .grade
                default: nil
                }
            if let role, survey.question(role: role) == nil {
                throw Invalid(
                    message: LocalizedText(
                        zh: "问卷 \(survey.id) 没有\(key.label.zh)题（role: \(key.rawValue)），按 \(key.rawValue) 交叉只会得到一组"
                            + "“\(GroupingKey.missing)”。请换一个 --by（见 `junheng survey show \(survey.id)`）。",
                        en:
                            "questionnaire \(survey.id) has no \(key.label.en.lowercased()) question (role: \(key.rawValue)), "
                            + "so a cross-tab by \(key.rawValue) would have one group. Choose another --by (see "
                            + "`junheng survey show \(survey.id)`)."))
            }
            self = .key(key)
            return
        }
        guard let question = survey.question(id: text) else {
            let ids = survey.questions.filter { $0.type == .single || $0.type == .scale }.map(\.id)
            throw Invalid(
                message: LocalizedText(
                    zh: "问卷 \(survey.id) 没有 id 为“\(text)”的题目。可用：group、township、school、grade，或单选题 id："
                        + ids.joined(separator: "、") + "。",
                    en: "Questionnaire \(survey.id) has no question \"\(text)\". Use group, township, school, grade, "
                        + "or a single-choice question id: " + ids.joined(separator: ", ") + "."))
        }
        guard question.type == .single || question.type == .scale else {
            throw Invalid(
                message: LocalizedText(
                    zh: "题目“\(text)”是\(question.type.label.zh)，交叉分析只能按单选题或量表题分组。",
                    en: "Question \"\(text)\" is a \(question.type.label.en) question; a cross-tab groups by a "
                        + "single-choice or scale question only."))
        }
        self = .question(question.id)
    }

    /// The question whose answers make the groups: the question given, or the question of the role.
    public func questionID(in survey: Questionnaire) -> String? {
        switch self {
        case .question(let id): id
        case .key(.group): survey.question(role: .group)?.id
        case .key(.township): survey.question(role: .township)?.id
        case .key(.school): survey.question(role: .school)?.id
        case .key(.grade): survey.question(role: .grade)?.id
        case .key(.item), .key(.dimension): nil
        }
    }

    /// How the breakdown is written on the command line and in JSON.
    public var argument: String {
        switch self {
        case .key(let key): key.rawValue
        case .question(let id): id
        }
    }

    /// The breakdown's name in a table header.
    public func label(in survey: Questionnaire) -> LocalizedText {
        switch self {
        case .key(let key): key.label
        case .question(let id):
            survey.question(id: id).map { LocalizedText(verbatim: "\($0.number). ") + $0.label }
                ?? LocalizedText(verbatim: id)
        }
    }

    /// A group's name in both languages: a respondent group's English name, a grade's or an option's
    /// English text, a township or school as the name it is; the "not given" and "outside" groups in words.
    public func groupLabel(_ key: String, in survey: Questionnaire) -> LocalizedText {
        if let sentinel = GroupingKey.sentinelLabel(key) { return sentinel }
        switch self {
        case .key(.group): return survey.groupLabel(key)
        case .key(.township), .key(.school), .key(.item), .key(.dimension): return LocalizedText.name(key)
        case .key(.grade):
            return survey.question(role: .grade)?.options.first { $0.text == key }?.label ?? LocalizedText.name(key)
        case .question(let id):
            return survey.question(id: id)?.options.first { $0.text == key }?.label ?? LocalizedText.name(key)
        }
    }
}
