public import JunhengCore

/// Every question of a questionnaire counted over the used responses of its exports (问卷星's default
/// report, and with `--by` its 交叉分析): what `junheng frequencies` prints and the county report's
/// 逐题统计 section shows.
public struct FrequencyResult: Sendable, Hashable {
    public var survey: Questionnaire
    /// Data rows read, responses used (after screening), responses excluded, rows the reader skipped
    /// (blank, title, 合计 rows): rows = used + excluded + skipped.
    public var rows: Int
    public var used: Int
    public var excluded: Int
    public var skipped: Int
    /// Whether an export that fits the questionnaire poorly was counted anyway (`--allow-partial`): every
    /// output then says "partial".
    public var partial: Bool
    /// What a reader of the counts must know, stated next to them in every output: a partial result,
    /// screens that could not run, rows the reader skipped.
    public var caveats: [LocalizedText]
    /// The cross-tab's grouping, if any.
    public var by: FrequencyBreakdown?
    /// The questions in questionnaire order.
    public var questions: [QuestionFrequencies]
    /// Whether every export read keeps the typed texts of "other" answers (按选项文本); when one does
    /// not, the other-text counts are unknown (`nil`), never a silent 0.
    public var otherTextsKnown: Bool
    /// Whether free-text answers were kept (`--answers`).
    public var listsAnswers: Bool
    /// The respondents screened out for the option they chose (an `outside` option of the group or grade
    /// question, e.g. 本县学校教职工), by question id and option index: such an option counts 0 here, and
    /// every output says why.
    public var screenedOut: [String: [Int: Int]] = [:]

    public init(
        survey: Questionnaire, rows: Int, used: Int, excluded: Int, skipped: Int = 0, partial: Bool = false,
        caveats: [LocalizedText] = [], by: FrequencyBreakdown?, questions: [QuestionFrequencies],
        otherTextsKnown: Bool, listsAnswers: Bool
    ) {
        self.survey = survey
        self.rows = rows
        self.used = used
        self.excluded = excluded
        self.skipped = skipped
        self.partial = partial
        self.caveats = caveats
        self.by = by
        self.questions = questions
        self.otherTextsKnown = otherTextsKnown
        self.listsAnswers = listsAnswers
    }

    /// The question whose answers make the cross-tab's groups (the `--by` question, or the question of
    /// the grouping's role), which is not crossed with itself.
    public var breakdownQuestionID: String? { by?.questionID(in: survey) }

    /// The group value of a respondent who gave none for the breakdown (left out of the χ² test).
    public static let missingGroup = GroupingKey.missing

    /// The options of a question whose respondents were screened out, in option order, with their counts.
    public func screenedOptions(of questionID: String) -> [(option: Int, count: Int)] {
        (screenedOut[questionID] ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The sentence under a question's table for an option whose respondents were screened out.
    func screenedNote(_ question: QuestionFrequencies, option: Int, count: Int) -> LocalizedText {
        let text = optionLabel(question, option)
        return LocalizedText(
            zh: "“\(text.zh)”计 0 人：选此项的 \(count) 人不属于本问卷的调查对象，已在筛查中剔除（加 --keep-all 则计入）。",
            en: "\(text.en) counts 0: the \(count) respondents who chose it are outside the questionnaire's groups and "
                + "were screened out (--keep-all counts them).")
    }

    // MARK: - Texts in both languages

    /// A question's text in both languages (``Question/label``).
    func label(_ question: QuestionFrequencies) -> LocalizedText {
        survey.question(id: question.id)?.label ?? LocalizedText.name(question.text)
    }

    /// The text of option `index` of a question in both languages (``QuestionOption/label``).
    func optionLabel(_ question: QuestionFrequencies, _ index: Int) -> LocalizedText {
        guard let options = survey.question(id: question.id)?.options, options.indices.contains(index) else {
            return LocalizedText.name(
                question.counts.options.indices.contains(index) ? question.counts.options[index].text : "")
        }
        return options[index].label
    }

    /// A matrix row's text in both languages (``MatrixRow/label``).
    func rowLabel(_ question: QuestionFrequencies, _ row: MatrixRowFrequencies) -> LocalizedText {
        survey.question(id: question.id)?.rows.first { $0.id == row.id }?.label ?? LocalizedText.name(row.text)
    }

    /// A cross-tab group's name in both languages (``FrequencyBreakdown/groupLabel(_:in:)``).
    func groupLabel(_ key: String) -> LocalizedText {
        by?.groupLabel(key, in: survey) ?? LocalizedText.name(key)
    }
}
