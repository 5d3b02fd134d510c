import JunhengIngest

/// One response's cells as the pipeline reads them: the raw UTF-8 bytes of a column (the fast path,
/// no String made) or the decoded text (the slow path: problems, labels, unusual values).
///
/// The reader's ``CSVRow`` (``ReaderRow``) conforms; a kept ``CSVRecord`` (tests, collected responses,
/// the first records buffered for mode detection) is read through a row copied from it
/// (``CSVRow/withCopy(of:file:_:)``), so one implementation serves both.
protocol ResponseFields {
    var line: Int { get }
    /// The column's bytes (an empty buffer when the record has no such column), valid while the record is
    /// being read: the per-cell path, with no closure.
    func bytes(_ column: Int) -> UnsafeBufferPointer<UInt8>
    /// The column's bytes; an empty buffer when the record has no such column.
    func withField<Result>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result
    /// Feeds the cells of columns `first ..< first + count` to `hash` (``ResponseHash/feed(run:count:)``);
    /// a column the record lacks is an empty cell.
    func feedCells(from first: Int, count: Int, into hash: inout ResponseHash)
    /// The column's text, `nil` when the record has no such column.
    func text(_ column: Int) -> String?
    /// Checks that the bytes of `columns` are UTF-8, as a decoded record's would be; the error names
    /// the first column of the record (in column order) that is not.
    func checkUTF8(_ columns: UnsafeBufferPointer<Int32>) throws(IngestError)
}
