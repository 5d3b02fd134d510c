import JunhengCore
import JunhengStatistics

extension FrequencyResult {
    /// The document `junheng frequencies --format json` prints (keys sorted by ``JSONOutput``).
    public var jsonDocument: FrequencyJSON { FrequencyJSON(self) }
}

/// The JSON shape of a ``FrequencyResult``:
///
///     {"survey", "respondents": {"rows", "used", "excluded"}, "by",
///      "questions": [{"id", "number", "text", "type", "answered", "skipped", "invalid", "not_in_file",
///                     "other_texts", "options": [{"text", "count", "share"}],
///                     "rows": [{"id", "text", "answered", "skipped", "options": […]}],      (matrices)
///                     "groups": [{"key", "answered", "skipped", "options": […]}],           (with --by)
///                     "chi2": {"statistic", "df", "p", "flag"},                            (with --by)
///                     "mean_ticked", "positive_share", "mean_score", "answers": [{"file", "line", "column", "text"}]}]}
///
/// `mean_ticked` is given for a multiple choice, `positive_share` and `mean_score` for a question with
/// positive options, `answers` only with `--answers`; `other_texts` is `null` when a download mode
/// without typed texts was read, `share` when nobody answered. `chi2.flag` is `expected-under-5` when
/// the test stands with small expected counts, else why there is no test (`multiple-choice`,
/// `no-degrees-of-freedom`, `empty`), or `null`.
public struct FrequencyJSON: Encodable, Sendable {
    struct Respondents: Encodable {
        var rows: Int
        var used: Int
        var excluded: Int
    }

    struct Option: Encodable {
        var text: String
        var count: Int
        var share: Double?

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(text, forKey: .text)
            try c.encode(count, forKey: .count)
            try c.encode(share, forKey: .share)
        }

        enum CodingKeys: String, CodingKey { case text, count, share }
    }

    struct Group: Encodable {
        var key: String
        var answered: Int
        var skipped: Int
        var options: [Option]
    }

    struct ChiSquare: Encodable {
        var statistic: Double?
        var df: Int?
        var p: Double?
        var flag: String?

        init(_ test: CrossTabTest) {
            statistic = test.test?.statistic
            df = test.test?.degreesOfFreedom
            p = test.test?.pValue
            flag = test.flag
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(statistic, forKey: .statistic)
            try c.encode(df, forKey: .df)
            try c.encode(p, forKey: .p)
            try c.encode(flag, forKey: .flag)
        }

        enum CodingKeys: String, CodingKey { case statistic, df, p, flag }
    }

    struct Answer: Encodable {
        var file: String
        var line: Int
        var column: Int
        var text: String
    }

    struct Row: Encodable {
        var id: String
        var text: String
        var answered: Int
        var skipped: Int
        var options: [Option]
        var positiveShare: Double??
        var meanScore: Double??
        var groups: [Group]?
        var chi2: ChiSquare?

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(text, forKey: .text)
            try c.encode(answered, forKey: .answered)
            try c.encode(skipped, forKey: .skipped)
            try c.encode(options, forKey: .options)
            if let positiveShare { try c.encode(positiveShare, forKey: .positiveShare) }
            if let meanScore { try c.encode(meanScore, forKey: .meanScore) }
            if let groups { try c.encode(groups, forKey: .groups) }
            if let chi2 { try c.encode(chi2, forKey: .chi2) }
        }

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
        var otherTexts: Int?
        var options: [Option]
        var rows: [Row]?
        var groups: [Group]?
        var chi2: ChiSquare??
        var meanTicked: Double??
        var positiveShare: Double??
        var meanScore: Double??
        var answers: [Answer]?

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(number, forKey: .number)
            try c.encode(text, forKey: .text)
            try c.encode(type, forKey: .type)
            try c.encode(answered, forKey: .answered)
            try c.encode(skipped, forKey: .skipped)
            try c.encode(invalid, forKey: .invalid)
            try c.encode(notInFile, forKey: .notInFile)
            try c.encode(otherTexts, forKey: .otherTexts)
            try c.encode(options, forKey: .options)
            if let rows { try c.encode(rows, forKey: .rows) }
            if let groups { try c.encode(groups, forKey: .groups) }
            if let chi2 { try c.encode(chi2, forKey: .chi2) }
            if let meanTicked { try c.encode(meanTicked, forKey: .meanTicked) }
            if let positiveShare { try c.encode(positiveShare, forKey: .positiveShare) }
            if let meanScore { try c.encode(meanScore, forKey: .meanScore) }
            if let answers { try c.encode(answers, forKey: .answers) }
        }

        enum CodingKeys: String, CodingKey {
            case id, number, text, type, answered, skipped, invalid, options, rows, groups, chi2, answers
            case notInFile = "not_in_file"
            case otherTexts = "other_texts"
            case meanTicked = "mean_ticked"
            case positiveShare = "positive_share"
            case meanScore = "mean_score"
        }
    }

    var survey: String
    var respondents: Respondents
    var by: String?
    var questions: [Question]

    init(_ result: FrequencyResult) {
        survey = result.survey.id
        respondents = Respondents(rows: result.rows, used: result.used, excluded: result.excluded)
        by = result.by?.argument
        let crossTab = result.by != nil
        func options(_ counts: FrequencyCounts) -> [Option] {
            counts.options.map { Option(text: $0.text, count: $0.count, share: $0.share) }
        }
        func groups(_ list: [GroupFrequencies]) -> [Group] {
            list.map {
                Group(
                    key: $0.key, answered: $0.counts.answered, skipped: $0.counts.skipped, options: options($0.counts))
            }
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
                            options: options(row.counts), positiveShare: rated ? .some(row.counts.positiveShare) : nil,
                            meanScore: rated ? .some(row.counts.meanScore) : nil,
                            groups: crossTab ? groups(row.groups) : nil, chi2: row.test.map(ChiSquare.init))
                    } : nil,
                groups: crossTab ? groups(question.groups) : nil,
                chi2: crossTab && !isMatrix ? .some(question.test.map(ChiSquare.init)) : nil,
                meanTicked: question.type == .multiple ? .some(question.counts.meanTicked) : nil,
                positiveShare: rated && !isMatrix ? .some(question.counts.positiveShare) : nil,
                meanScore: rated && !isMatrix ? .some(question.counts.meanScore) : nil,
                answers: question.answers?.map {
                    Answer(file: $0.file, line: $0.line, column: $0.column, text: $0.text)
                })
        }
    }
}
