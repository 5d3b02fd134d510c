public import JunhengCore
import JunhengIngest

/// How well one 问卷星 export fits one questionnaire (issue 9 case 1: a teacher export read with the
/// public questionnaire must not give a rate).
///
/// Three shares, each in 0...1, from the header and the first records (the same sample that decides the
/// download mode):
/// - **question columns mapped**: of the export's columns that are not metadata (序号, 提交答卷时间 …),
///   the share matched to a question of the questionnaire;
/// - **scored items found**: of the questionnaire's scored items, the share with a column;
/// - **valid answers**: of the non-empty, non-skipped answers in the sample's mapped choice columns, the
///   share that are options of their question (in the file's download mode).
///
/// The fit is **poor** (refused unless `--allow-partial`) when any share is below its floor:
/// - scored items found < 80 %: the rate would stand for another, smaller questionnaire. (One missing
///   item of the shipped twelve, 92 %, is a warning: "over 11 of 12 scored items"; three missing, 75 %, is
///   refused.) A wrong questionnaire matches few: the teacher export finds 5 of public's 12 (42 %).
/// - valid answers < 90 %: most answers would be dropped as "not an option". A right export has a typo
///   now and then (4 in 5,500 in the public sample, 99.9 %); a text export read with the wrong
///   questionnaire, or a forced `--mode` that is not the file's, has few or none.
/// - question columns mapped < 50 %: the export is mostly questions this questionnaire does not ask. A
///   county may add its own questions, so this floor is low.
///
/// An option-number export of the wrong questionnaire can pass the answer check (numbers 1–5 are options
/// of every satisfaction scale), which is why the item and column checks are there.
public struct ExportFit: Sendable, Hashable {
    /// The questionnaire measured against.
    public var survey: String
    public var mode: WjxExportMode
    /// Export columns that are not metadata, and how many of them were mapped to a question.
    public var questionColumns: Int
    public var mappedColumns: Int
    /// The questionnaire's scored items, and how many have a column.
    public var scoredItems: Int
    public var foundItems: Int
    /// Non-empty, non-skipped answers in the sample's mapped choice columns, and how many are options.
    public var sampledAnswers: Int
    public var validAnswers: Int

    public init(
        survey: String, mode: WjxExportMode, questionColumns: Int, mappedColumns: Int, scoredItems: Int,
        foundItems: Int, sampledAnswers: Int, validAnswers: Int
    ) {
        self.survey = survey
        self.mode = mode
        self.questionColumns = questionColumns
        self.mappedColumns = mappedColumns
        self.scoredItems = scoredItems
        self.foundItems = foundItems
        self.sampledAnswers = sampledAnswers
        self.validAnswers = validAnswers
    }

    // MARK: - Floors

    /// Scored items found below this share: poor.
    public static let itemFloor = 0.8
    /// Valid answers below this share: poor.
    public static let answerFloor = 0.9
    /// Question columns mapped below this share: poor.
    public static let columnFloor = 0.5

    /// Share of question columns mapped (1 with none).
    public var columnShare: Double { questionColumns > 0 ? Double(mappedColumns) / Double(questionColumns) : 1 }
    /// Share of scored items with a column.
    public var itemShare: Double { scoredItems > 0 ? Double(foundItems) / Double(scoredItems) : 0 }
    /// Share of sampled answers that are options (1 with no answers to look at).
    public var answerShare: Double { sampledAnswers > 0 ? Double(validAnswers) / Double(sampledAnswers) : 1 }

    /// Whether any share is below its floor.
    public var isPoor: Bool {
        itemShare < Self.itemFloor || answerShare < Self.answerFloor || columnShare < Self.columnFloor
    }

    /// One number to rank questionnaires by: the product of the three shares.
    public var score: Double { columnShare * itemShare * answerShare }

    /// `5 / 12 scored items, 8 / 23 question columns, 100 % of 2,785 answers`, in both languages.
    public var summary: LocalizedText {
        let answers =
            sampledAnswers > 0 ? "\(validAnswers)/\(sampledAnswers) = \(Self.percent(answerShare))" : "—"
        return LocalizedText(
            zh: "计分题 \(foundItems)/\(scoredItems)，题目列 \(mappedColumns)/\(questionColumns)，有效回答 \(answers)",
            en: "scored items \(foundItems)/\(scoredItems), question columns \(mappedColumns)/\(questionColumns), "
                + "valid answers \(answers)")
    }

    static func percent(_ share: Double) -> String {
        let tenths = (share * 1000).rounded() / 10
        return tenths == tenths.rounded() ? "\(Int(tenths))%" : "\(tenths)%"
    }
}

extension ExportFit {
    /// Measures the fit of an export's header (already mapped) and first records against `survey`, read in
    /// `mode`.
    static func measure(
        survey: Questionnaire, mapping: WjxColumnMapping, mode: WjxExportMode, sample: [CSVRecord]
    ) -> ExportFit {
        var questionColumns = 0
        var mappedColumns = 0
        var foundItems = Set<String>()
        var readers: [WjxColumnReader] = []
        for column in mapping.columns {
            switch column.assignment {
            case .metadata: continue
            case .unmapped:
                questionColumns += 1
                continue
            case .answer(let q):
                if survey.questions[q].isScored, survey.questions[q].type != .matrix {
                    foundItems.insert(survey.questions[q].id)
                }
                readers.append(
                    WjxColumnReader(
                        column: column.index, kind: .answer(question: q), question: survey.questions[q], mode: mode))
            case .option(let q, let o):
                readers.append(
                    WjxColumnReader(
                        column: column.index, kind: .option(question: q, option: o), question: survey.questions[q],
                        mode: mode))
            case .matrixRow(let q, let r):
                if survey.questions[q].isScored {
                    foundItems.insert("\(survey.questions[q].id).\(survey.questions[q].rows[r].id)")
                }
                readers.append(
                    WjxColumnReader(
                        column: column.index, kind: .row(question: q, row: r), question: survey.questions[q],
                        mode: mode))
            }
            questionColumns += 1
            mappedColumns += 1
        }
        var sampled = 0
        var valid = 0
        for record in sample {
            for reader in readers where reader.type != .text {
                switch reader.read(record[column: reader.column] ?? "") {
                case .empty, .skipped, .text: continue
                case .invalid: sampled += 1
                case .option, .options, .flag: (sampled, valid) = (sampled + 1, valid + 1)
                }
            }
        }
        return ExportFit(
            survey: survey.id, mode: mode, questionColumns: questionColumns, mappedColumns: mappedColumns,
            scoredItems: survey.items.count, foundItems: foundItems.count, sampledAnswers: sampled,
            validAnswers: valid)
    }
}

extension ExportFit {
    /// The best fit among `questionnaires` (each mapped from `header` and read in the mode its answers
    /// point to); nil when there are none or none has a scored item.
    static func best(of questionnaires: [Questionnaire], header: [String], sample: [CSVRecord]) -> ExportFit? {
        var best: ExportFit?
        for questionnaire in questionnaires {
            let mapping = WjxColumnMapping.map(header: header, survey: questionnaire)
            let mode = WjxModeDetection.detect(mapping: mapping, survey: questionnaire, sample: sample).mode
            let fit = measure(survey: questionnaire, mapping: mapping, mode: mode, sample: sample)
            guard fit.foundItems > 0 else { continue }
            if fit.score > (best?.score ?? 0) || (fit.score == best?.score && fit.survey < best!.survey) { best = fit }
        }
        return best
    }
}
