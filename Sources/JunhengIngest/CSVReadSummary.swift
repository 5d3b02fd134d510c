/// What reading a CSV file found: the dialect, the header, how many data records were handed on, and
/// every problem survived along the way.
public struct CSVReadSummary: Sendable, Hashable {
    public var file: String
    public var encoding: TextEncoding
    public var delimiter: CSVDelimiter
    /// Header names, BOM stripped and surrounding spaces trimmed.
    public var header: [String]
    /// The physical line of the header (after any `sep=` or title lines).
    public var headerLine: Int
    /// Data records handed on (ragged, blank and total rows are not counted here).
    public var rows: Int
    /// Physical lines in the file.
    public var lines: Int
    /// Bytes read from the file.
    public var bytes: Int
    public var problems: [IngestProblem]

    public init(
        file: String, encoding: TextEncoding, delimiter: CSVDelimiter, header: [String], headerLine: Int,
        rows: Int, lines: Int, bytes: Int, problems: [IngestProblem]
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
    }
}
