/// A file of records with a header row, read as a stream: a CSV file (``CSVFile``) or one sheet of an
/// Excel workbook (``WorkbookFile``). Both hand out the same shapes (``CSVRow``, ``CSVRecord``,
/// ``CSVReadSummary``) under the same rules, so a consumer written against one takes the other.
public protocol RecordSource: Sendable {
    /// The file's path, as given.
    var path: String { get }

    /// Reads every record: `header` once with the header names and line, then `row` for each data
    /// record in order, decoded.
    func read(header: ([String], Int) throws -> Void, row: (CSVRecord) throws -> Void) throws -> CSVReadSummary

    /// Reads every record like ``read(header:row:)``, fields decoded only when asked for.
    func scan(header: ([String], Int) throws -> Void, row: (CSVRow) throws -> Void) throws -> CSVReadSummary
}

extension CSVFile: RecordSource {}

extension WorkbookFile: RecordSource {}

/// Opening a file of records by what it is, not by its name.
public enum RecordSources {
    /// The reader for the file at `path`: a ``WorkbookFile`` when its first bytes are an .xls or .xlsx
    /// workbook (reading `sheet`, or the first), else a ``CSVFile`` with `options`.
    public static func open(path: String, options: CSVReadOptions = CSVReadOptions(), sheet: String? = nil)
        -> any RecordSource
    {
        if WorkbookFile.format(ofFileAt: path) != nil { return WorkbookFile(path: path, sheet: sheet) }
        return CSVFile(path: path, options: options)
    }
}
