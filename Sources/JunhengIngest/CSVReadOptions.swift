/// How to read one CSV file (or workbook sheet). Every field left `nil` is detected from the file.
public struct CSVReadOptions: Sendable, Hashable {
    /// Overrides the delimiter sniffer (comma, semicolon, tab, pipe; Excel's `sep=X` first line also decides).
    public var delimiter: CSVDelimiter?
    /// Overrides encoding detection.
    public var encoding: TextEncoding?
    /// Bytes read from the file at a time (256 KiB by default); memory does not grow with the file beyond this
    /// and the longest record.
    public var chunkSize: Int
    /// The largest field, record and header accepted.
    public var limits: CSVLimits
    /// The worksheet to read when the file is an .xls or .xlsx workbook (`--sheet`); `nil` reads the first.
    /// A CSV file has no sheets and ignores it.
    public var sheet: String?
    /// Threads a large CSV file is read on, in as many chunks (``CSVChunkedReader``); `nil`: one per core.
    /// The results do not depend on it.
    public var threads: Int?
    /// How the file is cut into chunks (tests force the cuts).
    package var chunkPlan = CSVChunkPlan()

    public init(
        delimiter: CSVDelimiter? = nil, encoding: TextEncoding? = nil, chunkSize: Int = 1 << 18,
        limits: CSVLimits = CSVLimits(), sheet: String? = nil, threads: Int? = nil
    ) {
        precondition(chunkSize >= 16, "chunkSize must be at least 16 bytes")
        self.delimiter = delimiter
        self.encoding = encoding
        self.chunkSize = chunkSize
        self.limits = limits
        self.sheet = sheet
        precondition(threads.map { $0 >= 1 } ?? true, "at least one thread")
        self.threads = threads
    }
}
