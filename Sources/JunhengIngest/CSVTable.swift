import JunhengCore

/// A whole CSV file in memory: its header, its data records with their lines, and the problems
/// survived. For small files (rosters, settings, monitoring results): reading stops past
/// ``CSVLimits/tableBytes`` of text (32 MiB). Survey exports of any size stream through
/// ``CSVFile/read(header:row:)`` instead.
public struct CSVTable: Sendable, Hashable {
    public var file: String
    public var encoding: TextEncoding
    public var delimiter: CSVDelimiter
    public var header: [String]
    public var headerLine: Int
    public var records: [CSVRecord]
    /// The first 1,000 problems of each kind (``problemCounts`` has the exact counts).
    public var problems: [IngestProblem]
    /// How many problems of each kind the reader found.
    public var problemCounts: [IngestProblem.Kind: Int]

    public init(
        file: String, header: [String], records: [CSVRecord], headerLine: Int = 1, encoding: TextEncoding = .utf8,
        delimiter: CSVDelimiter = .comma, problems: [IngestProblem] = [],
        problemCounts: [IngestProblem.Kind: Int]? = nil
    ) {
        self.file = file
        self.encoding = encoding
        self.delimiter = delimiter
        self.header = header
        self.headerLine = headerLine
        self.records = records
        self.problems = problems
        self.problemCounts = problemCounts ?? problems.reduce(into: [:]) { $0[$1.kind, default: 0] += 1 }
    }

    /// Reads a whole file through ``CSVFile``.
    public static func read(path: String, options: CSVReadOptions = CSVReadOptions()) throws(IngestError) -> CSVTable {
        var records: [CSVRecord] = []
        var bytes = 0
        let limit = options.limits.tableBytes
        let summary: CSVReadSummary
        do {
            summary = try CSVFile(path: path, options: options).scan { row in
                for index in 0..<row.count { bytes += row.byteCount(index) }
                guard bytes <= limit else {
                    throw IngestError(
                        kind: .tableTooLarge, location: SourceLocation(file: path, line: row.line),
                        message: IngestMessage.tableTooLarge(limit: limit))
                }
                records.append(try row.record())
            }
        } catch let error as IngestError {
            throw error
        } catch {
            preconditionFailure("only the reader throws here: \(error)")
        }
        return CSVTable(
            file: summary.file, header: summary.header, records: records, headerLine: summary.headerLine,
            encoding: summary.encoding, delimiter: summary.delimiter, problems: summary.problems,
            problemCounts: summary.problemCounts)
    }

    /// The 0-based index of the first column whose header equals `name` after trimming spaces.
    public func columnIndex(named name: String) -> Int? {
        header.firstIndex { $0 == name }
    }
}
