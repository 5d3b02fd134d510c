public import JunhengQuestionnaire

/// The rules a web form adds to a questionnaire file: which questions must be answered, which options
/// take a typed "other" text, how long a typed answer may be.
///
/// The questionnaire format has no `required:` key yet, so the rule follows 问卷星's default (every
/// question 必答) with one exception: a free-text question (`type: text`) may be left blank, as the
/// public questionnaire's 学校（家长填写）and 意见和建议 must be, unless it is the township question, which
/// every rate by township needs. When the format gains `required:`, this is the one place to read it.
public enum FormRules {
    /// The longest free-text answer kept (characters).
    public static let maximumTextLength = 1_000
    /// The longest "other, please specify" text kept (characters).
    public static let maximumOtherLength = 200

    /// Whether the respondent must answer `question`.
    public static func isRequired(_ question: Question) -> Bool {
        question.type != .text || question.role == .township
    }

    /// Whether `option` asks for a typed text (`其他【请注明】`, `其他（请注明）`, `其他`): 问卷星 writes that
    /// text after the option as `〖…〗` in its export.
    public static func takesOtherText(_ option: QuestionOption) -> Bool {
        let text = option.text
        return text.contains("请注明") || text.contains("请说明") || text.contains("请填写") || text == "其他"
            || text == "其它"
    }

    /// The form field of a matrix row: `qid.rowid`.
    public static func rowField(_ question: Question, _ row: MatrixRow) -> String {
        "\(question.id).\(row.id)"
    }

    /// The form field of an "other" text: `qid.other`.
    public static func otherField(_ question: Question) -> String {
        "\(question.id).other"
    }

    /// Whether `question`'s answer is fixed by a signed link (its township or school question).
    public static func fixedValue(of question: Question, link: LinkAnswers) -> String? {
        switch question.role {
        case .township: link.township
        case .school: link.school
        default: nil
        }
    }
}
