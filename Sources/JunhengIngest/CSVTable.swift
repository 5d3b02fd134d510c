import JunhengCore

/// A whole CSV file in memory: its header, its data records with their lines, and the problems
/// survived. For small files (rosters, settings, monitoring results); survey exports of any size
/// stream through ``CSVFile/read(header:row:)`` instead.
public struct CSVTable: Sendable, Hashable {
    public var file: String
    public var encoding: TextEncoding
    public var delimiter: CSVDelimiter
    public var header: [String]
    public var headerLine: Int
    public var records: [CSVRecord]
    public var problems: [IngestProblem]

    public init(
        file: String, header: [String], records: [CSVRecord], headerLine: Int = 1, encoding: TextEncoding = .utf8,
        delimiter: CSVDelimiter = .comma, problems: [IngestProblem] = []
    ) {
        self.file = file
        self.encoding = encoding
        self.delimiter = delimiter
        self.header = header
        self.headerLine = headerLine
        self.records = records
        self.problems = problems
    }

    /// Reads a whole file through ``CSVFile``.
    public static func read(path: String, options: CSVReadOptions = CSVReadOptions()) throws(IngestError) -> CSVTable {
        var records: [CSVRecord] = []
        let summary: CSVReadSummary
        do {
            summary = try CSVFile(path: path, options: options).read { records.append($0) }
        } catch let error as IngestError {
            throw error
        } catch {
            preconditionFailure("only the reader throws here: \(error)")
        }
        return CSVTable(
            file: summary.file, header: summary.header, records: records, headerLine: summary.headerLine,
            encoding: summary.encoding, delimiter: summary.delimiter, problems: summary.problems)
    }

    /// The 0-based index of the first column whose header equals `name` after trimming spaces.
    public func columnIndex(named name: String) -> Int? {
        header.firstIndex { $0 == name }
    }
}
