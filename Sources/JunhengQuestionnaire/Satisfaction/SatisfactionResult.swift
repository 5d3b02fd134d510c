public import JunhengCore
public import JunhengIngest

/// Everything one satisfaction run found: the rates, the screening, the mapping of every file.
public struct SatisfactionResult: Sendable, Hashable {
    public var survey: Questionnaire
    public var settings: SatisfactionSettings
    /// The `--by` keys of ``groups``; empty for overall only.
    public var by: [GroupingKey]
    public var files: [ExportFileReport]
    /// Data rows read (every respondent row, including rows the reader had to skip).
    public var rows: Int
    /// Rows that entered the rates.
    public var used: Int
    /// Rows left out (``excludedRows``).
    public var excluded: Int
    public var overall: SatisfactionCell
    /// The cells of `by`, in report order.
    public var groups: [SatisfactionCell]
    /// Single-key breakdowns always computed for the report: group, township, school, item, dimension.
    public var breakdowns: [GroupingKey: [SatisfactionCell]]
    public var excludedRows: [ExcludedRow]
    /// Answers that are not an option of their question (the first 1000; ``answerProblemCount`` counts all).
    public var answerProblems: [AnswerProblem]
    public var answerProblemCount: Int
    /// Reader problems that did not drop a row (NUL bytes, duplicate headers).
    public var ingestProblems: [IngestProblem]
    /// Used respondents per group name.
    public var usedByGroup: [String: Int]
    /// The weighted combination of groups, when weights were given.
    public var weighted: WeightedSatisfaction?
    public var sampleChecks: [SampleCheck]
    /// Question id → how many used responses chose each option (matrix questions: summed over rows).
    public var optionCounts: [String: [Int]]
    /// Rows the reader skipped that are not responses (blank, title, total rows), by kind, in ``rows``:
    /// rows = used + excluded + skipped.
    public var skippedRows: [SkippedRows] = []
    /// Excluded rows counted but not listed in ``excludedRows`` (ragged rows past the reader's list).
    public var unlistedExclusions: [ExclusionReason: Int] = [:]
    /// Whether each screen could run, over all exports.
    public var screens: [ScreenStatus] = []
    /// Every question counted over the used responses, when the run was asked to
    /// (``SatisfactionSettings/frequencies``).
    public var frequencies: FrequencyResult?
    /// What the by-school rows cannot tell apart (``SchoolGrouping``): answers of a shared school name
    /// without a township, or no township at all.
    public var schoolCaveats: [LocalizedText] = []
    /// Caveats from outside the export, stated with the rates in every output (the county report adds the
    /// school registry's: township or school answers not in the registry).
    public var externalCaveats: [LocalizedText] = []

    /// Excluded rows per reason.
    public var exclusionCounts: [ExclusionReason: Int] {
        excludedRows.reduce(into: unlistedExclusions) { $0[$1.reason, default: 0] += 1 }
    }

    /// Skipped rows in all.
    public var skipped: Int { skippedRows.reduce(0) { $0 + $1.count } }
}

/// Rows of one kind the reader skipped that are not responses.
public struct SkippedRows: Sendable, Hashable {
    public var kind: IngestProblem.Kind
    public var count: Int

    public init(kind: IngestProblem.Kind, count: Int) {
        self.kind = kind
        self.count = count
    }

    public var label: LocalizedText {
        switch kind {
        case .blankLine: LocalizedText(zh: "空行", en: "blank lines")
        case .emptyRow: LocalizedText(zh: "只有分隔符的行", en: "rows of only delimiters")
        case .titleRow: LocalizedText(zh: "标题行", en: "title lines")
        case .totalRow: LocalizedText(zh: "合计行", en: "total rows")
        default: LocalizedText(verbatim: kind.rawValue)
        }
    }
}

/// One export file: how it was read and mapped.
public struct ExportFileReport: Sendable, Hashable {
    public var file: String
    public var header: [String]
    public var headerLine: Int
    public var detection: WjxModeDetection
    /// Whether the mode was forced with `--mode`.
    public var modeForced: Bool
    public var mapping: WjxColumnMapping
    public var rows: Int
    public var used: Int
    public var encoding: TextEncoding?
    /// Rows the reader skipped that are not responses (blank, title, total rows); counted in ``rows``.
    public var skipped = 0
    /// The mode the answers themselves point to (differs from ``detection`` when `--mode` was forced).
    public var detectedMode: WjxExportMode?
    /// How well the export fits the questionnaire (nil before the first records are read).
    public var fit: ExportFit?
    /// The other questionnaire of the folder the export fits best, when there is one.
    public var bestOther: ExportFit?
    /// What the screens could look at.
    public var coverage = ScreenCoverage()

    public init(
        file: String, header: [String], headerLine: Int, detection: WjxModeDetection, modeForced: Bool,
        mapping: WjxColumnMapping, rows: Int = 0, used: Int = 0, encoding: TextEncoding? = nil
    ) {
        self.file = file
        self.header = header
        self.headerLine = headerLine
        self.detection = detection
        self.modeForced = modeForced
        self.mapping = mapping
        self.rows = rows
        self.used = used
        self.encoding = encoding
    }
}

/// A weighted combination of group rates: Σ w_g·r_g / Σ w_g over the groups with answers, with
/// var = Σ (w_g/W)²·var_g from each group's clustered variance. Never the default; always labelled.
public struct WeightedSatisfaction: Sendable, Hashable {
    public var weights: [String: Double]
    public var rate: Double?
    public var ci95: ClosedRange<Double>?
    public var meetsThreshold: Bool?
    /// Groups with a weight but no answers, or answers but no weight.
    public var notes: [LocalizedText]
}

/// One sample check of DOMAIN.md §4 (parents ≥ 50 %, sample ≥ 1.5 ‰ of the population).
public struct SampleCheck: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case parentShare = "parent-share"
        case sampleSize = "sample-size"
    }

    public var kind: Kind
    /// The figure: a share, or a count of respondents.
    public var value: Double
    /// The bar: a share, or the required count.
    public var required: Double
    public var passes: Bool
}

extension SatisfactionResult {
    /// One cell with the cut it belongs to, for storing results year over year.
    public struct CutCell: Sendable, Hashable {
        /// `overall`, `group`, `township`, `school`, `grade`, `item` or `dimension`.
        public var dimension: String
        /// The cell's value of that cut (`""` for overall).
        public var key: String
        public var cell: SatisfactionCell
    }

    /// Every single-key cell and the overall cell, flat, in report order: what a history store keeps
    /// for `junheng satisfaction … --year Y --save`.
    public func cutCells() -> [CutCell] {
        var cells = [CutCell(dimension: "overall", key: "", cell: overall)]
        for key in GroupingKey.allCases {
            // A cut whose question the questionnaire does not ask would hold only "(未填)".
            switch key {
            case .township where survey.question(role: .township) == nil: continue
            case .school where survey.question(role: .school) == nil: continue
            case .grade where survey.question(role: .grade) == nil: continue
            default: break
            }
            for cell in breakdowns[key] ?? [] {
                cells.append(CutCell(dimension: key.rawValue, key: cell.key.first ?? "", cell: cell))
            }
        }
        return cells
    }
}
