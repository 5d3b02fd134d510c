public import JunhengIngest

/// Records laid out as a 问卷星 export that is not a file on disk — the responses `junheng serve` collected —
/// rated by ``SatisfactionAnalysis`` as one more export, with the same refusals and screens as a file.
public struct InMemoryExport: Sendable {
    /// The name shown in the result and its messages, e.g. `responses.sqlite[public]`.
    public var file: String
    public var header: [String]
    /// The records, each with the physical line it has in the exported file (the header is line 1).
    public var records: [CSVRecord]
    /// The physical lines of the exported file.
    public var lines: Int

    public init(file: String, header: [String], records: [CSVRecord], lines: Int) {
        self.file = file
        self.header = header
        self.records = records
        self.lines = lines
    }

    /// The reader's summary of this export, as ``CSVFile`` would give it for the file.
    var summary: CSVReadSummary {
        CSVReadSummary(
            file: file, encoding: .utf8, delimiter: .comma, header: header, headerLine: 1, rows: records.count,
            lines: lines, bytes: 0, problems: [])
    }
}
