import JunhengIngest

/// One response's cells as the pipeline reads them: the raw UTF-8 bytes of a column (the fast path,
/// no String made) or the decoded text (the slow path: problems, labels, unusual values).
///
/// Both a kept ``CSVRecord`` (tests, collected responses, the first records buffered for mode detection)
/// and the reader's ``CSVRow`` (``ReaderRow``) conform, so one implementation serves both.
protocol ResponseFields {
    var line: Int { get }
    /// The column's bytes; an empty buffer when the record has no such column.
    func withField<Result>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result
    /// The column's text, `nil` when the record has no such column.
    func text(_ column: Int) -> String?
    /// Checks that the bytes of `columns` are UTF-8, as a decoded record's would be; the error names
    /// the first column of the record (in column order) that is not.
    func checkUTF8(_ columns: UnsafeBufferPointer<Int32>) throws(IngestError)
}
