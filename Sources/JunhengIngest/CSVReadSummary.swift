/// What reading a CSV file found: the dialect, the header, how many data records were handed on, and
/// every problem survived along the way, counted exactly.
///
/// Every record after the header is either handed on (``rows``) or skipped with a reason
/// (``skippedRows``, by reason in ``skippedByReason``), so a caller can show
/// `rows read = used + excluded + skipped` with nothing unaccounted for.
public struct CSVReadSummary: Sendable, Hashable {
    public var file: String
    public var encoding: TextEncoding
    public var delimiter: CSVDelimiter
    /// Header names, BOM stripped and surrounding spaces trimmed.
    public var header: [String]
    /// The physical line of the header (after any `sep=` or title lines).
    public var headerLine: Int
    /// Data records handed on (ragged, blank, total and other skipped rows are not counted here).
    public var rows: Int
    /// Physical lines in the file (of a workbook: the last row number of the sheet).
    public var lines: Int
    /// Bytes read from the file.
    public var bytes: Int
    /// The first 1,000 problems of each kind, with their places, in the order found.
    public var problems: [IngestProblem]
    /// How many problems of each kind were found: exact, including those past the 1,000 kept.
    public var problemCounts: [IngestProblem.Kind: Int]
    /// The workbook and sheet read, when the file was an .xls or .xlsx workbook (`nil` for a CSV file).
    public var workbook: WorkbookSheet?

    /// - Parameter problemCounts: the exact counts; `nil` counts `problems` (when none were left out).
    public init(
        file: String, encoding: TextEncoding, delimiter: CSVDelimiter, header: [String], headerLine: Int,
        rows: Int, lines: Int, bytes: Int, problems: [IngestProblem],
        problemCounts: [IngestProblem.Kind: Int]? = nil, workbook: WorkbookSheet? = nil
    ) {
        self.file = file
        self.encoding = encoding
        self.delimiter = delimiter
        self.header = header
        self.headerLine = headerLine
        self.rows = rows
        self.lines = lines
        self.bytes = bytes
        self.problems = problems
        self.problemCounts = problemCounts ?? problems.reduce(into: [:]) { $0[$1.kind, default: 0] += 1 }
        self.workbook = workbook
    }

    /// Problems of `kind` found (also those not kept in ``problems``).
    public func count(of kind: IngestProblem.Kind) -> Int { problemCounts[kind] ?? 0 }

    /// Rows and lines left out of the records handed on: blank lines, rows of only delimiters, title
    /// lines, total rows, ragged rows, and records a stray quote merged.
    public var skippedRows: Int {
        problemCounts.reduce(0) { $0 + ($1.key.skipsRow ? $1.value : 0) }
    }

    /// ``skippedRows`` by reason, in the order of `IngestProblem.Kind.allCases`, only reasons that occur.
    public var skippedByReason: [(reason: IngestProblem.Kind, count: Int)] {
        IngestProblem.Kind.allCases.compactMap { kind in
            guard kind.skipsRow, let count = problemCounts[kind], count > 0 else { return nil }
            return (kind, count)
        }
    }

    /// Problems found but not kept in ``problems`` (past the first 1,000 of their kind).
    public var omittedProblems: Int { problemCounts.values.reduce(0, +) - problems.count }
}
