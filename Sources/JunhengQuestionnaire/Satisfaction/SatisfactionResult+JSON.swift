import JunhengCore

extension SatisfactionResult {
    /// The document `junheng satisfaction --format json` prints (keys sorted by ``JSONOutput``).
    public var jsonDocument: SatisfactionJSON { SatisfactionJSON(self) }
}

/// The JSON shape of a ``SatisfactionResult``: `survey`, `respondents {rows, used, excluded}`, `overall`,
/// `by`, `groups [{key, label, …}]`, `excluded_rows [{file, line, reason, detail}]`, and more.
public struct SatisfactionJSON: Encodable, Sendable {
    struct Respondents: Encodable {
        var rows: Int
        var used: Int
        var excluded: Int
    }

    struct Cell: Encodable {
        var key: [String]?
        var label: [String]?
        var respondents: Int
        var answered: Int
        var positive: Int
        var rate: Double?
        var ci95: [Double]?
        var interval_method: String
        var meets_threshold: Bool?
        var below_min_n: Bool

        init(_ cell: SatisfactionCell, withKey: Bool) {
            key = withKey ? cell.key : nil
            label = withKey ? cell.label : nil
            respondents = cell.respondents
            answered = cell.answered
            positive = cell.positive
            rate = cell.rate
            ci95 = cell.ci95.map { [$0.lowerBound, $0.upperBound] }
            interval_method = cell.intervalMethod.rawValue
            meets_threshold = cell.meetsThreshold
            below_min_n = cell.belowMinN
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            if let key { try c.encode(key, forKey: .key) }
            if let label { try c.encode(label, forKey: .label) }
            try c.encode(respondents, forKey: .respondents)
            try c.encode(answered, forKey: .answered)
            try c.encode(positive, forKey: .positive)
            try c.encode(rate, forKey: .rate)
            try c.encode(ci95, forKey: .ci95)
            try c.encode(interval_method, forKey: .interval_method)
            try c.encode(meets_threshold, forKey: .meets_threshold)
            try c.encode(below_min_n, forKey: .below_min_n)
        }

        enum CodingKeys: String, CodingKey {
            case key, label, respondents, answered, positive, rate, ci95, interval_method, meets_threshold, below_min_n
        }
    }

    struct File: Encodable {
        var file: String
        var mode: String
        var mode_reason: String
        var rows: Int
        var used: Int
        var unmapped_columns: [String]
        var missing_questions: [String]
    }

    struct Settings: Encodable {
        var min_seconds: Int?
        var min_n: Int
        var threshold: Double
        var keep_all: Bool

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(min_seconds, forKey: .min_seconds)
            try c.encode(min_n, forKey: .min_n)
            try c.encode(threshold, forKey: .threshold)
            try c.encode(keep_all, forKey: .keep_all)
        }

        enum CodingKeys: String, CodingKey { case min_seconds, min_n, threshold, keep_all }
    }

    struct Weighted: Encodable {
        var weights: [String: Double]
        var rate: Double?
        var ci95: [Double]?
        var meets_threshold: Bool?
        var notes: [String]
        var note = "weighted combination of group rates (not the default pooled rate)"
    }

    struct Check: Encodable {
        var check: String
        var value: Double
        var required: Double
        var passes: Bool
    }

    var survey: String
    var title: String
    var respondents: Respondents
    var overall: Cell
    var by: [String]
    var groups: [Cell]
    var excluded_rows: [ExcludedRow]
    var exclusions: [String: Int]
    var answer_problems: [AnswerProblem]
    var answer_problem_count: Int
    var files: [File]
    var settings: Settings
    var weighted: Weighted?
    var sample_checks: [Check]
    var used_by_group: [String: Int]
    var method: String

    init(_ result: SatisfactionResult) {
        survey = result.survey.id
        title = result.survey.title.zh
        respondents = Respondents(rows: result.rows, used: result.used, excluded: result.excluded)
        overall = Cell(result.overall, withKey: false)
        by = result.by.map(\.rawValue)
        groups = result.groups.map { Cell($0, withKey: true) }
        excluded_rows = result.excludedRows
        exclusions = Dictionary(uniqueKeysWithValues: result.exclusionCounts.map { ($0.key.rawValue, $0.value) })
        answer_problems = result.answerProblems
        answer_problem_count = result.answerProblemCount
        files = result.files.map { file in
            File(
                file: file.file, mode: file.detection.mode.rawValue, mode_reason: file.detection.reason, rows: file.rows,
                used: file.used, unmapped_columns: file.mapping.unmapped.map(\.header),
                missing_questions: file.mapping.missingQuestions.map { result.survey.questions[$0].id })
        }
        settings = Settings(
            min_seconds: result.settings.minSeconds, min_n: result.settings.minN, threshold: result.settings.threshold,
            keep_all: result.settings.keepAll)
        weighted = result.weighted.map {
            Weighted(
                weights: $0.weights, rate: $0.rate, ci95: $0.ci95.map { [$0.lowerBound, $0.upperBound] },
                meets_threshold: $0.meetsThreshold, notes: $0.notes)
        }
        sample_checks = result.sampleChecks.map {
            Check(check: $0.kind.rawValue, value: $0.value, required: $0.required, passes: $0.passes)
        }
        used_by_group = result.usedByGroup
        method = SatisfactionResult.methodNote.en
    }
}

extension SatisfactionResult {
    /// How the rate and its intervals are computed, printed under every table.
    public static let methodNote = LocalizedText(
        zh: "满意度 = 肯定回答数 ÷ 有效回答数，按题目和答卷人汇总（“不了解”、跳过不计入分母，DOMAIN.md §4）。"
            + "单题用 Wilson 95% 区间；多题汇总用以答卷人为群的比率估计量 95% 区间。",
        en: "rate = positive answers / valid answers, pooled over scored items and respondents (不了解 and skips "
            + "left out; DOMAIN.md §4). 95 % interval: Wilson for a single item, respondent-clustered ratio "
            + "estimator for rates pooled over items.")
}
