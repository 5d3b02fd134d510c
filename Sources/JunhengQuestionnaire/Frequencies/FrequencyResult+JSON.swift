public import JunhengCore
import JunhengStatistics

extension SatisfactionResult {
    /// The document `junheng frequencies --format json` prints (keys sorted by ``JSONOutput``): the
    /// screening of the run and every question's counts, texts in `language`.
    ///
    /// - Precondition: the run was asked for frequencies (``SatisfactionSettings/frequencies``).
    public func frequencyJSON(in language: Language) -> FrequencyJSON {
        guard let frequencies else { preconditionFailure("a run asked for frequencies") }
        return FrequencyJSON(frequencies, screening: self, language: language)
    }
}

/// The JSON shape of a run's ``FrequencyResult``:
///
///     {"survey", "title", "partial", "caveats", "screens": [{"screen", "rows", "screened", "ran", "caveat"}],
///      "respondents": {"rows", "used", "excluded", "skipped"}, "skipped_rows", "exclusions",
///      "excluded_rows": [{"file", "line", "reason", "detail"}], "answer_problem_count",
///      "files": [{"file", "mode", …}], "by", "other_texts_known",
///      "questions": [{"id", "number", "text", "type", "answered", "skipped", "invalid", "not_in_file",
///                     "other_texts", "options": [{"text", "count", "share", "other_texts"}],
///                     "rows": [{"id", "text", "answered", "skipped", "options": […]}],      (matrices)
///                     "groups": [{"key", "answered", "skipped", "options": […]}],           (with --by)
///                     "chi2": {"method", "statistic", "df", "p", "flag", "cramers_v", "yates": {"statistic",
///                              "p"}, "fisher_p"},                                             (with --by)
///                     "mean_ticked", "positive_share", "mean_score", "screened_out": [{"option", "count"}],
///                     "answers": [{"file", "line", "column", "text"}]}]}                   (with --answers)
///
/// `screened_out` lists the options whose respondents were screened out as outside the questionnaire's
/// groups (they count 0 in `options`); it is empty for every other question.
/// `mean_ticked` is given for a multiple choice, `positive_share` and `mean_score` for a question with
/// positive options, `answers` only with `--answers`; `other_texts` is `null` when a download mode
/// without typed texts was read, `share` when nobody answered. `chi2.flag` is `expected-under-5` when
/// the test stands with small expected counts, else why there is no test (`multiple-choice`,
/// `no-degrees-of-freedom`, `empty`), or `null`; `method` is `pearson` (no continuity correction) when
/// there is a test; `yates` and `fisher_p` are given for a 2 × 2 table with an expected count under 5
/// and are `null` otherwise. The screening keys are those of `junheng satisfaction`.
public struct FrequencyJSON: Encodable, Sendable {
    struct Option: Encodable {
        var text: String
        var count: Int
        @ExplicitNull var share: Double?
        @ExplicitNull var otherTexts: Int?

        enum CodingKeys: String, CodingKey {
            case text, count, share
            case otherTexts = "other_texts"
        }
    }

    struct Group: Encodable {
        var key: String
        var answered: Int
        var skipped: Int
        var options: [Option]
    }

    struct ChiSquare: Encodable {
        struct Yates: Encodable {
            var statistic: Double
            var p: Double
        }

        @ExplicitNull var method: String?
        @ExplicitNull var statistic: Double?
        @ExplicitNull var df: Int?
        @ExplicitNull var p: Double?
        @ExplicitNull var flag: String?
        @ExplicitNull var cramersV: Double?
        @ExplicitNull var yates: Yates?
        @ExplicitNull var fisherP: Double?

        enum CodingKeys: String, CodingKey {
            case method, statistic, df, p, flag, yates
            case cramersV = "cramers_v"
            case fisherP = "fisher_p"
        }

        init(_ test: CrossTabTest) {
            method = test.method
            statistic = test.test?.statistic
            df = test.test?.degreesOfFreedom
            p = test.test?.pValue
            flag = test.flag
            cramersV = test.test?.cramersV
            if let (corrected, fisher) = test.smallTableAlternatives {
                yates = Yates(statistic: corrected.statistic, p: corrected.pValue)
                fisherP = fisher
            }
        }
    }

    struct Screened: Encodable {
        var option: String
        var count: Int
    }

    struct Answer: Encodable {
        var file: String
        var line: Int
        var column: Int
        var text: String
    }

    /// A matrix row. Keys present only where they apply are plain optionals (left out when `nil`); a
    /// figure that applies but is unknown is `ExplicitNull` inside (written as `null`).
    struct Row: Encodable {
        var id: String
        var text: String
        var answered: Int
        var skipped: Int
        var options: [Option]
        var positiveShare: ExplicitNull<Double>?
        var meanScore: ExplicitNull<Double>?
        var groups: [Group]?
        var chi2: ExplicitNull<ChiSquare>?

        enum CodingKeys: String, CodingKey {
            case id, text, answered, skipped, options, groups, chi2
            case positiveShare = "positive_share"
            case meanScore = "mean_score"
        }
    }

    struct Question: Encodable {
        var id: String
        var number: Int
        var text: String
        var type: String
        var answered: Int
        var skipped: Int
        var invalid: Int
        var notInFile: Int
        @ExplicitNull var otherTexts: Int?
        var options: [Option]
        var rows: [Row]?
        var groups: [Group]?
        var chi2: ExplicitNull<ChiSquare>?
        var meanTicked: ExplicitNull<Double>?
        var positiveShare: ExplicitNull<Double>?
        var meanScore: ExplicitNull<Double>?
        var screenedOut: [Screened]
        var answers: [Answer]?

        enum CodingKeys: String, CodingKey {
            case id, number, text, type, answered, skipped, invalid, options, rows, groups, chi2, answers
            case screenedOut = "screened_out"
            case notInFile = "not_in_file"
            case otherTexts = "other_texts"
            case meanTicked = "mean_ticked"
            case positiveShare = "positive_share"
            case meanScore = "mean_score"
        }
    }

    var survey: String
    var title: String
    var partial: Bool
    var caveats: [String]
    var screens: [SatisfactionJSON.Screen]
    var respondents: SatisfactionJSON.Respondents
    var skippedRows: [String: Int]
    var exclusions: [String: Int]
    var excludedRows: [SatisfactionJSON.Excluded]
    var answerProblemCount: Int
    var files: [SatisfactionJSON.File]
    @ExplicitNull var by: String?
    var otherTextsKnown: Bool
    var questions: [Question]

    enum CodingKeys: String, CodingKey {
        case survey, title, partial, caveats, screens, respondents, exclusions, files, by, questions
        case skippedRows = "skipped_rows"
        case excludedRows = "excluded_rows"
        case answerProblemCount = "answer_problem_count"
        case otherTextsKnown = "other_texts_known"
    }

    init(_ result: FrequencyResult, screening: SatisfactionResult, language: Language) {
        let run = screening.jsonDocument(in: language)
        survey = result.survey.id
        title = result.survey.title.text(language)
        partial = result.partial
        caveats = result.caveats.map { $0.text(language) }
        screens = run.screens
        respondents = SatisfactionJSON.Respondents(
            rows: result.rows, used: result.used, excluded: result.excluded, skipped: result.skipped)
        skippedRows = run.skippedRows
        exclusions = run.exclusions
        excludedRows = run.excludedRows
        answerProblemCount = run.answerProblemCount
        files = run.files
        by = result.by?.argument
        otherTextsKnown = result.otherTextsKnown
        let crossTab = result.by != nil
        func options(_ counts: FrequencyCounts) -> [Option] {
            counts.options.map { Option(text: $0.text, count: $0.count, share: $0.share, otherTexts: $0.otherTexts) }
        }
        func groups(_ list: [GroupFrequencies]) -> [Group] {
            list.map {
                Group(
                    key: $0.key, answered: $0.counts.answered, skipped: $0.counts.skipped, options: options($0.counts))
            }
        }
        /// A key that applies, its value possibly unknown (`null`); `nil` leaves the key out.
        func applies<Value>(_ applies: Bool, _ value: Value?) -> ExplicitNull<Value>? {
            applies ? ExplicitNull(wrappedValue: value) : nil
        }
        questions = result.questions.map { question in
            let source = result.survey.question(id: question.id)
            let rated = source?.options.contains(where: \.positive) ?? false
            let isMatrix = question.type == .matrix
            return Question(
                id: question.id, number: question.number, text: question.text, type: question.type.rawValue,
                answered: question.counts.answered, skipped: question.counts.skipped, invalid: question.counts.invalid,
                notInFile: question.counts.notInFile, otherTexts: question.counts.otherTexts,
                options: options(question.counts),
                rows: isMatrix
                    ? question.rows.map { row in
                        Row(
                            id: row.id, text: row.text, answered: row.counts.answered, skipped: row.counts.skipped,
                            options: options(row.counts), positiveShare: applies(rated, row.counts.positiveShare),
                            meanScore: applies(rated, row.counts.meanScore),
                            groups: crossTab ? groups(row.groups) : nil,
                            chi2: applies(crossTab, row.test.map(ChiSquare.init)))
                    } : nil,
                groups: crossTab ? groups(question.groups) : nil,
                chi2: applies(crossTab && !isMatrix, question.test.map(ChiSquare.init)),
                meanTicked: applies(question.type == .multiple, question.counts.meanTicked),
                positiveShare: applies(rated && !isMatrix, question.counts.positiveShare),
                meanScore: applies(rated && !isMatrix, question.counts.meanScore),
                screenedOut: result.screenedOptions(of: question.id).map {
                    Screened(option: source?.options[$0.option].text ?? "", count: $0.count)
                },
                answers: question.answers?.map {
                    Answer(file: $0.file, line: $0.line, column: $0.column, text: $0.text)
                })
        }
    }
}
