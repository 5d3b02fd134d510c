import JunhengCore

/// A CSV file read as a stream: encoding and dialect detected, the header found, and every data record
/// handed on with its line, in fixed-size chunks, never holding the whole file.
///
/// A file whose first bytes are an Excel workbook (.xls or .xlsx, whatever its name) is read as one:
/// the sheet `options.sheet` (the first by default) through ``WorkbookFile``, with the same header,
/// title, blank and 合计 rules, so every reader of CSV files reads 问卷星's .xls downloads unchanged.
public struct CSVFile: Sendable {
    public var path: String
    public var options: CSVReadOptions
    /// Called after each chunk with the bytes read so far and the file's size (for a progress line;
    /// the library itself never prints).
    public var progress: (@Sendable (_ bytesRead: Int, _ totalBytes: Int) -> Void)?

    public init(
        path: String, options: CSVReadOptions = CSVReadOptions(),
        progress: (@Sendable (_ bytesRead: Int, _ totalBytes: Int) -> Void)? = nil
    ) {
        self.path = path
        self.options = options
        self.progress = progress
    }

    /// Reads the file: `header` is called once with the header names and line, then `row` for each
    /// data record in order. Problems the reader survives are in the returned summary.
    ///
    /// - Throws: ``IngestError`` for a file that cannot be read safely (unterminated quote, invalid
    ///   bytes; a workbook that is password-protected, damaged or has no such sheet); an error thrown by
    ///   `row` or `header` is rethrown as is.
    /// - Complexity: O(file size) time; memory of one chunk plus the longest record.
    public func read(
        header: ([String], Int) throws -> Void = { _, _ in },
        row: (CSVRecord) throws -> Void
    ) throws -> CSVReadSummary {
        try scan(header: header) { try row($0.record()) }
    }

    /// Reads the file like ``read(header:row:)``, handing each record as a ``CSVRow`` whose fields are
    /// decoded only when asked for: the fast path for large exports.
    public func scan(
        header: ([String], Int) throws -> Void = { _, _ in },
        row: (CSVRow) throws -> Void
    ) throws -> CSVReadSummary {
        if let workbook { return try workbook.scan(header: header, progress: progress, row: row) }
        let stream = CSVStream(path: path, options: options)
        stream.progress = progress
        try withoutActuallyEscaping(header) { header in
            try withoutActuallyEscaping(row) { row in
                try stream.run(header: header, row: row)
            }
        }
        return stream.summary()
    }

    /// The workbook this file is, by its first bytes (`nil` for a text file).
    var workbook: WorkbookFile? {
        WorkbookFile.format(ofFileAt: path).map { _ in
            WorkbookFile(path: path, sheet: options.sheet, limits: options.limits)
        }
    }
}
