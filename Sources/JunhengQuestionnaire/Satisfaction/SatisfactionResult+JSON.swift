public import JunhengCore
import JunhengIngest

extension SatisfactionResult {
    /// The document `junheng satisfaction --format json` prints (keys sorted by ``JSONOutput``), its texts
    /// (titles, labels, details, notes) in Chinese.
    public var jsonDocument: SatisfactionJSON { SatisfactionJSON(self, language: .zh) }

    /// The same document with its texts in `language` (keys, ids and codes are the same in both).
    public func jsonDocument(in language: Language) -> SatisfactionJSON { SatisfactionJSON(self, language: language) }
}

/// The JSON shape of a ``SatisfactionResult``: `survey`, `respondents {rows, used, excluded}`, `overall`,
/// `by`, `groups [{key, label, …}]`, `excluded_rows [{file, line, reason, detail}]`, and more.
public struct SatisfactionJSON: Encodable, Sendable {
    struct Respondents: Encodable {
        var rows: Int
        var used: Int
        var excluded: Int
        var skipped: Int
    }

    struct Fit: Encodable {
        var survey: String
        var mode: String
        var questionColumns: Int
        var mappedColumns: Int
        var scoredItems: Int
        var foundItems: Int
        var sampledAnswers: Int
        var validAnswers: Int
        var poor: Bool

        init(_ fit: ExportFit) {
            survey = fit.survey
            mode = fit.mode.rawValue
            questionColumns = fit.questionColumns
            mappedColumns = fit.mappedColumns
            scoredItems = fit.scoredItems
            foundItems = fit.foundItems
            sampledAnswers = fit.sampledAnswers
            validAnswers = fit.validAnswers
            poor = fit.isPoor
        }

        enum CodingKeys: String, CodingKey {
            case survey, mode, poor
            case questionColumns = "question_columns"
            case mappedColumns = "mapped_columns"
            case scoredItems = "scored_items"
            case foundItems = "found_items"
            case sampledAnswers = "sampled_answers"
            case validAnswers = "valid_answers"
        }
    }

    struct ScoredItems: Encodable {
        struct Missing: Encodable {
            var id: String
            var number: Int
            var files: [String]
        }

        var total: Int
        var rated: Int
        var missing: [Missing]
    }

    struct Screen: Encodable {
        var screen: String
        var rows: Int
        var screened: Int
        var ran: String
        @ExplicitNull var caveat: String?

        enum CodingKeys: String, CodingKey {
            case screen, rows, screened, ran, caveat
        }
    }

    struct Cell: Encodable {
        var key: [String]?
        var label: [String]?
        var respondents: Int
        var answered: Int
        var positive: Int
        @ExplicitNull var rate: Double?
        @ExplicitNull var ci95: [Double]?
        var intervalMethod: String
        @ExplicitNull var meetsThreshold: Bool?
        var belowMinN: Bool

        init(_ cell: SatisfactionCell, withKey: Bool, language: Language) {
            key = withKey ? cell.key : nil
            label = withKey ? cell.label.map { $0.text(language) } : nil
            respondents = cell.respondents
            answered = cell.answered
            positive = cell.positive
            rate = cell.rate
            ci95 = cell.ci95.map { [$0.lowerBound, $0.upperBound] }
            intervalMethod = cell.intervalMethod.rawValue
            meetsThreshold = cell.meetsThreshold
            belowMinN = cell.belowMinN
        }

        enum CodingKeys: String, CodingKey {
            case key, label, respondents, answered, positive, rate, ci95
            case intervalMethod = "interval_method"
            case meetsThreshold = "meets_threshold"
            case belowMinN = "below_min_n"
        }
    }

    struct File: Encodable {
        var file: String
        var mode: String
        var modeReason: String
        var rows: Int
        var used: Int
        var skipped: Int
        var unmappedColumns: [String]
        var missingQuestions: [String]
        var fit: Fit?
        var bestOther: Fit?

        enum CodingKeys: String, CodingKey {
            case file, mode, rows, used, skipped, fit
            case bestOther = "best_other"
            case modeReason = "mode_reason"
            case unmappedColumns = "unmapped_columns"
            case missingQuestions = "missing_questions"
        }
    }

    struct Settings: Encodable {
        @ExplicitNull var minSeconds: Int?
        var minN: Int
        var threshold: Double
        var keepAll: Bool

        enum CodingKeys: String, CodingKey {
            case threshold
            case minSeconds = "min_seconds"
            case minN = "min_n"
            case keepAll = "keep_all"
        }
    }

    struct Weighted: Encodable {
        var weights: [String: Double]
        @ExplicitNull var rate: Double?
        @ExplicitNull var ci95: [Double]?
        @ExplicitNull var meetsThreshold: Bool?
        var notes: [String]
        var note: String

        enum CodingKeys: String, CodingKey {
            case weights, rate, ci95, notes, note
            case meetsThreshold = "meets_threshold"
        }
    }

    struct Excluded: Encodable {
        var file: String
        var line: Int
        var reason: String
        var detail: String
    }

    struct Problem: Encodable {
        var file: String
        var line: Int
        var column: Int
        var question: String
        var value: String
        var message: String
    }

    struct Check: Encodable {
        var check: String
        var value: Double
        var required: Double
        var passes: Bool
    }

    var survey: String
    var title: String
    var partial: Bool
    var caveats: [String]
    var scoredItems: ScoredItems
    var screens: [Screen]
    var skippedRows: [String: Int]
    var respondents: Respondents
    var overall: Cell
    var by: [String]
    var groups: [Cell]
    var excludedRows: [Excluded]
    var exclusions: [String: Int]
    var answerProblems: [Problem]
    var answerProblemCount: Int
    var files: [File]
    var settings: Settings
    var weighted: Weighted?
    var sampleChecks: [Check]
    var usedByGroup: [String: Int]
    var method: String

    enum CodingKeys: String, CodingKey {
        case survey, title, partial, caveats, screens, respondents, overall, by, groups, exclusions, files, settings
        case weighted, method
        case scoredItems = "scored_items"
        case skippedRows = "skipped_rows"
        case excludedRows = "excluded_rows"
        case answerProblems = "answer_problems"
        case answerProblemCount = "answer_problem_count"
        case sampleChecks = "sample_checks"
        case usedByGroup = "used_by_group"
    }

    init(_ result: SatisfactionResult, language: Language) {
        survey = result.survey.id
        title = result.survey.title.text(language)
        partial = result.partial
        caveats = result.caveats.map { $0.text(language) }
        scoredItems = ScoredItems(
            total: result.survey.items.count, rated: result.ratedItems,
            missing: result.missingItems.map { .init(id: $0.item.id, number: $0.item.number, files: $0.files) })
        screens = result.screens.map { status in
            Screen(
                screen: status.screen.rawValue, rows: status.rows, screened: status.covered,
                ran: status.couldNotRun ? "no" : status.ranPartly ? "partly" : "yes",
                caveat: status.caveat?.text(language))
        }
        skippedRows = Dictionary(uniqueKeysWithValues: result.skippedRows.map { ($0.kind.rawValue, $0.count) })
        respondents = Respondents(
            rows: result.rows, used: result.used, excluded: result.excluded, skipped: result.skipped)
        overall = Cell(result.overall, withKey: false, language: language)
        by = result.by.map(\.rawValue)
        groups = result.groups.map { Cell($0, withKey: true, language: language) }
        excludedRows = result.excludedRows.map {
            Excluded(file: $0.file, line: $0.line, reason: $0.reason.rawValue, detail: $0.detail.text(language))
        }
        exclusions = Dictionary(uniqueKeysWithValues: result.exclusionCounts.map { ($0.key.rawValue, $0.value) })
        answerProblems = result.answerProblems.map {
            Problem(
                file: $0.file, line: $0.line, column: $0.column, question: $0.question, value: $0.value,
                message: $0.message.text(language))
        }
        answerProblemCount = result.answerProblemCount
        files = result.files.map { file in
            File(
                file: file.file, mode: file.detection.mode.rawValue, modeReason: file.detection.reason.text(language),
                rows: file.rows, used: file.used, skipped: file.skipped,
                unmappedColumns: file.mapping.unmapped.map(\.header),
                missingQuestions: file.mapping.missingQuestions.map { result.survey.questions[$0].id },
                fit: file.fit.map(Fit.init), bestOther: file.bestOther.map(Fit.init))
        }
        settings = Settings(
            minSeconds: result.settings.minSeconds, minN: result.settings.minN, threshold: result.settings.threshold,
            keepAll: result.settings.keepAll)
        weighted = result.weighted.map {
            Weighted(
                weights: $0.weights, rate: $0.rate, ci95: $0.ci95.map { [$0.lowerBound, $0.upperBound] },
                meetsThreshold: $0.meetsThreshold, notes: $0.notes.map { $0.text(language) },
                note: SatisfactionResult.weightedNote.text(language))
        }
        sampleChecks = result.sampleChecks.map {
            Check(check: $0.kind.rawValue, value: $0.value, required: $0.required, passes: $0.passes)
        }
        usedByGroup = result.usedByGroup
        method = SatisfactionResult.methodNote.text(language)
    }
}

extension SatisfactionResult {
    /// What the weighted rate is, next to it in JSON.
    static let weightedNote = LocalizedText(
        zh: "按调查对象加权的各对象满意度组合（不是默认的汇总满意度）",
        en: "weighted combination of group rates (not the default pooled rate)")

    /// How the rate and its intervals are computed, printed under every table.
    public static let methodNote = LocalizedText(
        zh: "满意度 = 肯定回答数 ÷ 有效回答数，按题目和答卷人汇总（“不了解”、跳过不计入分母，DOMAIN.md §4）。"
            + "单题用 Wilson 95% 区间；多题汇总用以答卷人为群的比率估计量 95% 区间。",
        en: "rate = positive answers / valid answers, pooled over scored items and respondents (excluded options "
            + "such as \"don't know\" and skips left out; DOMAIN.md §4). 95 % interval: Wilson for a single item, "
            + "respondent-clustered ratio estimator for rates pooled over items.")
}
