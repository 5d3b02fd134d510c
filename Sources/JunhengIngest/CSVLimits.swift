/// The largest field, record, header and title block the reader accepts, so that memory is bounded
/// by design whatever a file holds (issue 10). Past a limit, reading stops with an ``IngestError`` that
/// names the line: no export junheng reads comes near these sizes, so such a file is not a CSV export.
public struct CSVLimits: Sendable, Hashable {
    /// Bytes in one field (UTF-8), 1 MiB by default: Excel holds at most 32,767 characters in a cell.
    public var fieldBytes: Int
    /// Bytes in one record, 4 MiB by default.
    public var recordBytes: Int
    /// Fields in one record, 16,384 by default: Excel's widest sheet (column XFD).
    public var columns: Int
    /// Rows of at most one filled cell held before the header, 10 by default: title lines if a header
    /// follows; past this many, the file is read as a one-column file whose first row is the header.
    public var titleLines: Int
    /// Bytes of field text ``CSVTable`` keeps in memory, 32 MiB by default (a table is for rosters,
    /// unit costs and monitoring results; survey exports are streamed).
    public var tableBytes: Int

    public init(
        fieldBytes: Int = 1 << 20, recordBytes: Int = 4 << 20, columns: Int = 16_384, titleLines: Int = 10,
        tableBytes: Int = 32 << 20
    ) {
        precondition(
            fieldBytes > 0 && recordBytes >= fieldBytes && columns > 1 && titleLines >= 1 && tableBytes > 0,
            "limits must be positive, and a record at least one field")
        self.fieldBytes = fieldBytes
        self.recordBytes = recordBytes
        self.columns = columns
        self.titleLines = titleLines
        self.tableBytes = tableBytes
    }
}
