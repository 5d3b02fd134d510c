extension CSVTable {
    /// Reads one sheet of a workbook whole, like ``read(path:options:)`` reads a CSV file: for small
    /// tables (rosters, settings, monitoring results). `file` is `FILE[Sheet]`; the encoding is the
    /// workbook's (UTF-16 in an .xls, UTF-8 in an .xlsx) and the delimiter means nothing.
    public static func read(workbook: WorkbookFile) throws(IngestError) -> CSVTable {
        var records: [CSVRecord] = []
        let summary: CSVReadSummary
        do {
            summary = try workbook.read { records.append($0) }
        } catch let error as IngestError {
            throw error
        } catch {
            preconditionFailure("only the reader throws here: \(error)")
        }
        return CSVTable(
            file: summary.file, header: summary.header, records: records, headerLine: summary.headerLine,
            encoding: summary.encoding, delimiter: summary.delimiter, problems: summary.problems)
    }

    /// Reads a CSV file or, when the file is an .xls or .xlsx workbook, its sheet `sheet` (the first
    /// when `nil`): what every table junheng reads accepts.
    public static func read(path: String, options: CSVReadOptions = CSVReadOptions(), sheet: String?)
        throws(IngestError) -> CSVTable
    {
        if WorkbookFile.format(ofFileAt: path) != nil {
            return try read(workbook: WorkbookFile(path: path, sheet: sheet))
        }
        return try read(path: path, options: options)
    }
}
